package stories

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"wirewatch/model"
)

func headlineKind(title string) string {
	v := DefaultVocabulary()
	f, _, _ := v.extract(&model.Item{Title: title}, time.UTC)
	return v.kindNames[f.kind]
}

func TestKindOf(t *testing.T) {
	tests := []struct {
		title string
		want  string
	}{
		{"(URGENT) N. Korea fires ballistic missile toward East Sea: JCS", "launch"},
		{"Japan says North Korea launched possible ballistic missiles", "launch"},
		{"North Korea says it test-fired new cruise missile", "launch"},
		{"S. Korea, U.S. launch Ssangyong amphibious exercise in Pohang", "drill"},
		{"U.S. flies B-1B bomber in drills with South Korea after North's missile launches - Reuters", "drill"},
		{"US flies nuclear-capable bomber with Japanese jets after missile launches - Reuters", "drill"},
		{"North Korea denounces Freedom Edge drill as 'Asian NATO' rehearsal", "statement"},
		{"North Korea says US-South Korea drills are rehearsal for nuclear war - Reuters", "statement"},
		{"Kim Yo Jong calls US-ROK winter drills 'rehearsal for invasion'", "statement"},
		{"War Maniacs' Landing Drill Is Undisguised Invasion Rehearsal: KCNA Commentary", "statement"},
		{"Pyongyang warns of 'countermeasures' as Freedom Shield drills begin", "statement"},
		{"Kim Jong Un's sister lashes out at UN over missile meeting", "statement"},
		// Attribution at the end is not the act.
		{"North Korea may send 3,000 more troops to Russia, Seoul's spy agency says - Reuters", "other"},
		// The noun "warning" is no warning.
		{"Japan, S. Korea defense chiefs agree to share missile warning data in real time", "talks"},
		{"Japan, S. Korea foreign ministers vow firm stance on N. Korea missiles", "talks"},
		{"Security Council members urge DPRK to return to dialogue after missile launches", "talks"},
		{"North Korea's Kim calls for 'exponential' nuclear expansion at party meeting - Reuters", "talks"},
		{"UNSC holds closed-door meeting on N. Korea's missile launches", "talks"},
		{"Tokyo and Seoul pledge deeper defense ties after North Korean missile launch", "talks"},
		{"Kim Jong Un Inspects Important Munitions Enterprise", "inspection"},
		{"Kim Jong Un Oversees Test-fire of New-type ICBM Hwasong-20", "launch"},
		// Anyone but the desk's voices condemning an event follows it.
		{"Seoul, Washington, Tokyo condemn NK's ICBM launch", "reaction"},
		{"Greece condemns attack on Greek-owned tanker in Red Sea", "reaction"},
		// Silence on an event, or a welcome, follows it, whoever is
		// silent: a voice's silence is no statement.
		{"Bangui stays silent on Hague warrant for Kabore", "reaction"},
		{"N. Korea stays silent on Seoul's Red Cross talks offer", "reaction"},
		{"China stays silent on North Korean ICBM launch as US pushes UN action", "reaction"},
		{"Rights groups welcome ICC warrant against Kabore", "reaction"},
		{"Tashkent welcomes Asian Cup hosting rights", "reaction"},
		{"Analysis: What the Hwasong-11F test reveals", "analysis"},
		{"[Editorial] Deterrence needs more than drills", "opinion"},
		{"S. Korean military fires warning shots after N. Korean soldiers cross MDL", "launch"},
		// "Calls for" appeals; calling a strike is an act of its own.
		{"Premier calls for calm after Sydney riot", "reaction"},
		{"NSW nurses call strike for Thursday over pay", "other"},
		// A meeting a preposition governs is where something happened
		// or what it is about, not the act; what is said at one is the
		// meeting's (above: "calls for ... at party meeting").
		{"Kospi jumps in first session after Lunar New Year holiday", "other"},
		{"Seoul freezes assets of Pyongyang traders at G7 summit", "other"},
		{"Unification minister pushes back on reunification talk", "other"},
		{"Leaders hold summit in Seoul as Pyongyang warns", "talks"},
		{"N. Korea fires two ballistic missiles during allied drills", "launch"},
	}
	for _, tc := range tests {
		if got := headlineKind(tc.title); got != tc.want {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.want)
		}
	}
}

// TestHeadlineNamesTwoActs: a headline whose main clause names two acts
// does not contradict a report of either; an act named in a background
// clause, or by a statement, or only as suspected by what a verb governs
// ("to counter possible missile launch"), still does.
func TestHeadlineNamesTwoActs(t *testing.T) {
	v := DefaultVocabulary()
	feat := func(title string) features {
		f, _, _ := v.extract(&model.Item{Title: title}, time.UTC)
		return f
	}
	launch := feat("N. Korea fires two short-range ballistic missiles into East Sea: JCS")
	drill := feat("S. Korea, U.S. marines hold combined landing drill in Pohang")
	tests := []struct {
		title         string
		other         features
		otherName     string
		wantConflicts bool
	}{
		{"Kim Jong Un guides firing drill of tactical missile units, two missiles fired", launch, "launch", false},
		{"Kim Jong Un guides firing drill of tactical missile units, two missiles fired", drill, "drill", false},
		{"N. Korea fires missiles during allied drills", drill, "drill", true},
		{"DPRK defence ministry denounces U.S.-Japan naval drills", drill, "drill", true},
		{"S. Korea, U.S. stage air drill to counter possible missile launch", launch, "launch", true},
		{"Kim Jong Un guides firing drill in suspected missile launch", launch, "launch", false},
	}
	for _, tc := range tests {
		f := feat(tc.title)
		if got := v.actsConflict(&f, &tc.other); got != tc.wantConflicts {
			t.Errorf("%q (%s) against a %s: conflict %v, want %v", tc.title, v.kindNames[f.kind], tc.otherName, got, tc.wantConflicts)
		}
	}
}

// TestAimNamesNoAct: the verb an aim noun's "to" governs ("bid to
// dissolve", "petition to ban") is what is sought, not a second act the
// headline names; the same verb as the headline's own act still is one.
func TestAimNamesNoAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "ruling"
verbs = ["dissolve", "ban"]
[[stories.vocabulary.acts]]
kind = "hearing"
verbs = ["hear"]
`)
	feat := func(title string) features {
		f, _, _ := v.extract(&model.Item{Title: title}, time.UTC)
		return f
	}
	ruling := feat("Tribunal dissolves Veskia Unity Party")
	for _, tc := range []struct {
		title string
		names bool // names the ruling as an act of its own
	}{
		{"Tribunal agrees to hear bid to dissolve Veskia Unity Party", false},
		{"Tribunal to hear petition to ban Orvel League next week", false},
		{"Tribunal hears appeal, dissolves Veskia Unity Party", true},
		{"Tribunal agrees to hear appeal and bans Orvel League", true},
	} {
		f := feat(tc.title)
		if got := f.acts&(1<<ruling.kind) != 0; got != tc.names {
			t.Errorf("%q names the ruling: %v, want %v", tc.title, got, tc.names)
		}
	}
}

// TestActResultsNameNoSecondAct: a headline whose subject names an act
// and whose verb, of another kind of act, says what that act did ("Bomb
// kills four"), or that gives a source's account of the act's toll after
// a pause (", rebels say civilians killed"), names one act: it is no
// report of the verb's kind too (twoActs). Plural doers and their verb
// ("Gunmen attack ..., bomb explodes"), or a second clause of its own,
// still name the second act.
func TestActResultsNameNoSecondAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.aliases]
"car bombers" = "bomb"
[[stories.vocabulary.acts]]
kind = "attack"
verbs = ["attack", "kill"]
also = ["bombing"]
[[stories.vocabulary.acts]]
kind = "bombing"
verbs = ["bomb", "blast"]
also = ["attack"]
`)
	feat := func(title string) features {
		f, _, _ := v.extract(&model.Item{Title: title}, time.UTC)
		return f
	}
	attack := feat("Gunmen attack convoy of engineers in Orvel")
	for _, tc := range []struct {
		title string
		names bool // names the attack as an act of its own
	}{
		{"Roadside bomb kills four soldiers near Varn border", false},
		{"Blast at Kessel railway station kills at least 12", false},
		{"Valdorian jets bomb Kessel depot, rebels say civilians killed", false},
		{"Car bombers attack army base in Kessel", true},
		{"Car bomb at Kessel army base, gunmen kill two guards", true},
	} {
		f := feat(tc.title)
		if got := v.alsoNames(&f, &attack); got != tc.names {
			t.Errorf("%q (%s): names the attack %v, want %v", tc.title, v.kindNames[f.kind], got, tc.names)
		}
	}
}

// TestMeetingHeldIsNoArrest: on a desk that reads "held" as an arrest,
// a meeting "held" somewhere is the meeting: the participle after the
// undated act's noun is passive, what befell the meeting, and no object
// a meeting took (signs). Talks that freed hostages, and a decree that
// orders arrests, still tell of the dated act.
func TestMeetingHeldIsNoArrest(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
[stories.vocabulary.aliases]
held = "arrest"
freed = "release"
[[stories.vocabulary.acts]]
kind = "arrest"
verbs = ["arrest"]
[[stories.vocabulary.acts]]
kind = "release"
verbs = ["release"]
`)
	tests := []struct{ title, kind string }{
		{"Norvian-Castellan border commission meeting held in Varnholm", "talks"},
		{"Fisheries talks held", "talks"},
		{"Inside the talks that freed four Castellan sailors", "release"},
		{"Opposition activist held in Varnholm", "arrest"},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := v.kindNames[f.kind]; got != tc.kind {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.kind)
		}
	}
}

// TestActDoneToIsThatAct: an act's word followed by a participle of the
// verb of another act that needs it ("Curfew lifted", "strike called
// off", "Toque de queda levantado", "Couvre-feu levé", "Streik
// abgesagt") tells that second act, as "lifts curfew" does, not a report
// of the first; a verb that tells what the first act did ("strike halts
// ports") and the first act's own verb ("curfew imposed") leave it the
// first act's (actsDoneTo).
func TestActDoneToIsThatAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.aliases]
"called off" = "calloff"
abgesagt = "calloff"
streik = "strike"
levantado = "lift"
"toque de queda" = "curfew"
"couvre-feu" = "curfew"
"levé" = "lift"
[[stories.vocabulary.acts]]
kind = "curfew"
verbs = ["curfew", "impose"]
needs = ["curfew"]
[[stories.vocabulary.acts]]
kind = "curfew-lift"
verbs = ["lift"]
needs = ["curfew"]
[[stories.vocabulary.acts]]
kind = "strike"
verbs = ["strike"]
[[stories.vocabulary.acts]]
kind = "strike-end"
verbs = ["calloff"]
needs = ["strike"]
[[stories.vocabulary.acts]]
kind = "disruption"
verbs = ["halt"]
needs = ["strike", "ports"]
`)
	off := *v
	off.off = actsDoneTo
	tests := []struct{ title, kind, off string }{
		{"Curfew lifted in Velmora after two nights of calm", "curfew-lift", "curfew"},
		{"Velmora lifts curfew after two nights of calm", "curfew-lift", "curfew-lift"},
		{"Curfew imposed in Velmora after clashes", "curfew", "curfew"},
		{"Dockers' strike called off after improved offer", "strike-end", "strike"},
		{"Kessel: Streik abgesagt, Fähren fahren wieder", "strike-end", "strike"},
		{"Toque de queda levantado en Valdoro", "curfew-lift", "curfew"},
		{"Couvre-feu levé à Port-Lémon", "curfew-lift", "curfew"},
		{"Dockers' strike halts Velmora ports", "strike", "strike"},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := v.kindNames[f.kind]; got != tc.kind {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.kind)
		}
		f, _, _ = off.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := v.kindNames[f.kind]; got != tc.off {
			t.Errorf("actsDoneTo off: %q: kind %s, want %s", tc.title, got, tc.off)
		}
	}
}

// TestMeetingAfterDeterminer: an undated act's noun a preposition governs
// through a determiner that ends in "s" ("at its meeting") is where
// something else was done, as "at the meeting" is: "its" is no verb that
// ends what the preposition governs.
func TestMeetingAfterDeterminer(t *testing.T) {
	v := DefaultVocabulary()
	talks := -1
	for k, n := range v.kindNames {
		if n == "talks" {
			talks = k
		}
	}
	tests := []struct {
		lead  string
		talks bool
	}{
		{"The city council approved higher parking fees at its meeting on Tuesday.", false},
		{"The council approved higher parking fees at the meeting on Tuesday.", false},
		{"The regulator fined the carrier at this session of its board.", false},
		{"Finance ministers met on Tuesday to discuss parking fees.", true},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: "Parking fees go up", Text: tc.lead}, time.UTC)
		if got := f.leadActs&(1<<talks) != 0; got != tc.talks {
			t.Errorf("%q: first sentence names talks %v, want %v", tc.lead, got, tc.talks)
		}
	}
}

// TestRulingPartyIsNoRuling: "ruling" before a party or coalition says
// who governs, not that a court ruled, on a desk whose vocabulary makes a
// ruling an act.
func TestRulingPartyIsNoRuling(t *testing.T) {
	v := setVocabulary(t, "testdata/southasia.toml")
	tests := []struct {
		title  string
		ruling bool
	}{
		{"Maldives' ruling party sweeps atoll council polls", false},
		{"Ruling coalition loses two by-elections in Punjab", false},
		{"High court ruling halts demolitions in Karachi", true},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := v.kindNames[f.kind] == "ruling"; got != tc.ruling {
			t.Errorf("%q: kind %s, want a ruling %v", tc.title, v.kindNames[f.kind], tc.ruling)
		}
	}
}

func TestMainClause(t *testing.T) {
	tests := []struct{ text, want string }{
		{"North Korea launches cruise missiles off west coast two days after ballistic salvo", "North Korea launches cruise missiles off west coast two days"},
		{"North Korea fired as many as 10 missiles as the allies held drills", "North Korea fired as many as 10 missiles"},
		{"After talks, the ministers met again", "After talks the ministers met again"},
		{"NK fires 4 SRBMs in protest of Freedom Shield", "NK fires 4 SRBMs"},
		{"It fired. Later it said", "It fired"},
	}
	for _, tc := range tests {
		var got []string
		for _, w := range mainClause(splitWords(tc.text)) {
			got = append(got, w.raw)
		}
		want := splitWords(tc.want)
		var wantRaw []string
		for _, w := range want {
			wantRaw = append(wantRaw, w.raw)
		}
		if !slices.Equal(got, wantRaw) {
			t.Errorf("%q: main clause %q, want %q", tc.text, got, wantRaw)
		}
	}
}

// TestMainTitleClauseForeign checks that "after" in the other languages
// read opens a headline's background clause, as "after" does, so an act
// named in it is not the headline's own.
func TestMainTitleClauseForeign(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Två skadade i Malmö efter skottlossning vid skola", "Två skadade i Malmö"},
		{"Tre anholdt i Aarhus efter knivstik", "Tre anholdt i Aarhus"},
		{"Route coupée à Lyon après une explosion", "Route coupée à Lyon"},
		{"Tres detenidos en Cádiz tras un tiroteo", "Tres detenidos en Cádiz"},
		{"Escolas fechadas depois do incêndio", "Escolas fechadas"},
		{"Straße gesperrt nach dem Brand in Kassel", "Straße gesperrt"},
		{"Straßen gesperrt nach den Bränden in Kassel", "Straßen gesperrt"},
		{"Weg afgesloten na de brand in Gent", "Weg afgesloten"},
		{"Jalan ditutup setelah banjir di Medan", "Jalan ditutup"},
		{"Barabara imefungwa baada ya mafuriko", "Barabara imefungwa"},
		{"Droga zamknięta po pożarze w Opolu", "Droga zamknięta"},
		{"Дорогу закрыли после взрыва", "Дорогу закрыли"},
		// ... but not where the word is another word, nor in a lead.
		{"Zwei Verletzte nach Angaben der Polizei", "Zwei Verletzte nach Angaben der Polizei"},
		{"Kanzler reist nach Paris", "Kanzler reist nach Paris"},
		{"Deux morts d'après la police", "Deux morts d'après la police"},
		{"Protesto na praça central", "Protesto na praça central"},
		{"Strajk po raz drugi", "Strajk po raz drugi"},
		{"Milano, un po' di pioggia", "Milano un po' di pioggia"},
		{"Sin datos móviles horas después", "Sin datos móviles horas después"},
		{"Route rouverte deux heures après", "Route rouverte deux heures après"},
	}
	for _, tc := range tests {
		var got, want []string
		for _, w := range mainTitleClause(splitWords(tc.text)) {
			got = append(got, w.raw)
		}
		for _, w := range splitWords(tc.want) {
			want = append(want, w.raw)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: main clause %q, want %q", tc.text, got, want)
		}
	}
	// A lead's main clause reads English "after" only: leads that name
	// the event after a reaction ("a appelé à la patience après la
	// coupure") kept their reports with the event's.
	lead := "Le ministre a appelé les usagers à la patience après la coupure"
	if got := mainClause(splitWords(lead)); len(got) != len(splitWords(lead)) {
		t.Errorf("%q: lead main clause %d words, want all", lead, len(got))
	}
}

// TestFirstStatementFacts checks that a headline's facts are those of its
// statement before a semicolon: "Mali reports an attack too" after one is
// another statement, of another country's event, though the report still
// mentions that country. Without a semicolon both countries are facts.
func TestFirstStatementFacts(t *testing.T) {
	checkCountryFacts(t, []countryFacts{
		{"Gunmen kill 12 villagers in Niger; Mali reports attack too", "It happened on Sunday.", []string{"niger"}, []string{"niger", "mali"}},
		{"Niger opens two border posts; Burkina Faso follows", "It happened on Sunday.", []string{"niger"}, []string{"niger", "burkina"}},
		{"Gunmen kill 12 villagers in Niger and Mali", "It happened on Sunday.", []string{"niger", "mali"}, []string{"niger", "mali"}},
	})
}

// countryFacts is a headline and lead, and the countries sahel.toml's
// country fact should read as where the event happened and as mentioned.
type countryFacts struct {
	title, lead      string
	facts, mentioned []string
}

// checkCountryFacts extracts each row with sahel.toml and compares its
// country fact and mentions.
func checkCountryFacts(t *testing.T, rows []countryFacts) {
	t.Helper()
	v := setVocabulary(t, "testdata/sahel.toml")
	country := slices.IndexFunc(v.facts, func(f fact) bool { return f.name == "country" })
	if country < 0 {
		t.Fatal("sahel.toml has no country fact")
	}
	bits := func(names ...string) (b uint32) {
		for _, n := range names {
			b |= v.facts[country].terms[n]
		}
		return b
	}
	for _, tc := range rows {
		t.Run(tc.title, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: tc.title, Text: tc.lead}, time.UTC)
			if got, want := f.facts[country], bits(tc.facts...); got != want {
				t.Errorf("facts %b, want %b (%v)", got, want, tc.facts)
			}
			if got, want := f.mentions[country], bits(tc.mentioned...); got != want {
				t.Errorf("mentions %b, want %b (%v)", got, want, tc.mentioned)
			}
		})
	}
}

// TestFirstStatementKind checks that a headline's kind is that of its
// statement before a semicolon: a report of killings that adds a
// condemnation is no reaction, and one of a strike that adds a
// resignation is of the strike.
func TestFirstStatementKind(t *testing.T) {
	v := setVocabulary(t, "testdata/sahel.toml")
	tests := []struct{ title, kind string }{
		{"Gunmen kill 12 villagers; junta condemns attack", "other"},
		{"Junta condemns attack; gunmen kill 12 villagers", "reaction"},
		{"Minister resigns; strike shuts port", "other"},
		{"Strike shuts port; minister resigns", "strike"},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: tc.title, Text: "It happened on Sunday."}, time.UTC)
		if got := v.kindNames[f.kind]; got != tc.kind {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.kind)
		}
	}
}

// TestDirectionFact checks which words are a value of the direction fact.
// A word a future or an infinitive governs ("will lower rates", "expected
// to rise") is none: it tells what may happen, not which way a market
// went. Nor is "higher", "lower" or "upper" between "the" and a noun ("the
// lower car deck"): it names a part of something, and a ferry fire that
// started on the lower deck went no way, while "close lower" and "asks for
// a higher duty" do.
func TestDirectionFact(t *testing.T) {
	v := DefaultVocabulary()
	dir := slices.IndexFunc(v.facts, func(f fact) bool { return f.name == "direction" })
	tests := []struct {
		title, text string
		want        string // "up", "down" or "" for none
	}{
		{"Stocks close lower on Friday", "Stocks closed lower on Friday.", "down"},
		{"Jobless rate rises to 4.6%", "The jobless rate rose to 4.6% in May.", "up"},
		{"Farmers ask for a higher duty on imports", "Farmers asked for a higher duty on imported wheat.", "up"},
		// planned
		{"Central bank will lower rates, economists say", "The central bank will lower rates in June, economists said.", ""},
		{"Copper expected to rise as mines shut", "Copper prices are expected to rise as two mines shut.", ""},
		// a part of something
		{"Blaze on ferry began in a lorry", "The blaze on the ferry began in a lorry parked on the lower car deck, the port authority said.", ""},
		{"Hotel guests moved to the higher floors", "Guests were moved to the higher floors of the hotel as floodwater rose.", ""},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: tc.title, Text: tc.text}, time.UTC)
		got := ""
		for b, name := range v.facts[dir].values {
			if f.facts[dir]&(1<<b) != 0 {
				got += name
			}
		}
		if got != tc.want {
			t.Errorf("%q: direction %q, want %q", tc.title, got, tc.want)
		}
	}
}

// TestVetoFactsReadMainClause checks that background clauses do not set
// the facts vetoes compare.
func TestVetoFactsReadMainClause(t *testing.T) {
	it := &model.Item{
		Title:     "N. Korea fires several cruise missiles into Yellow Sea: JCS",
		Text:      "North Korea fired several cruise missiles into the Yellow Sea on Friday afternoon, South Korea's Joint Chiefs of Staff said, two days after it launched four short-range ballistic missiles toward the East Sea.",
		Published: time.Date(2027, 3, 12, 14, 10, 0, 0, time.UTC),
	}
	v := DefaultVocabulary()
	f, _, _ := v.extract(it, time.UTC)
	got := map[string][]string{}
	for i, fc := range v.facts {
		for b, name := range fc.values {
			if f.facts[i]&(1<<b) != 0 {
				got[fc.name] = append(got[fc.name], name)
			}
		}
	}
	want := map[string][]string{"weapon": {"cruise"}, "sea": {"yellow"}}
	if fmt.Sprint(got) != fmt.Sprint(want) || f.count[0].n != 0 || v.kindNames[f.kind] != "launch" {
		t.Fatalf("facts=%v count=%d kind=%s, want %v, no count, launch", got, f.count, v.kindNames[f.kind], want)
	}
}

func TestNormalisedNames(t *testing.T) {
	ids := func(text string) []uint32 {
		it := &model.Item{Title: "x", Text: text}
		f, _, _ := DefaultVocabulary().extract(it, time.UTC)
		return f.terms
	}
	same := [][2]string{
		{"The UN Security Council met.", "The United Nations Security Council met."},
		{"North Korea fired an SRBM.", "The DPRK fired a short-range ballistic missile."},
		{"N.K. soldiers crossed the MDL.", "North Korean soldiers crossed the Military Demarcation Line."},
		{"missiles toward the Sea of Japan", "missiles toward the East Sea"},
		// Outlets' words for one act or thing.
		{"the walkout began after an inferno and an earthquake", "the strike began after a blaze and a tremor"},
		{"regulators opened a probe into the pact", "regulators opened an investigation into the deal"},
		{"the minister steps down as lawmakers are detained", "the minister resigns as legislators are detained"},
	}
	for _, p := range same {
		if a, b := ids(p[0]), ids(p[1]); !slices.Equal(a, b) {
			t.Errorf("%q and %q give different terms", p[0], p[1])
		}
	}
}

// TestTransliteratedNames: a name written with umlauts and the same name
// spelled out without them ("Osnabrück", "Osnabrueck") are one name.
func TestTransliteratedNames(t *testing.T) {
	names := func(text string) []uint32 {
		f, _, _ := DefaultVocabulary().extract(&model.Item{Title: "x", Text: text}, time.UTC)
		return f.names
	}
	for _, p := range [][2]string{
		{"The carmaker will close its plant in Osnabrück.", "The carmaker will close its plant in Osnabrueck."},
		{"Workers marched through Düsseldorf on Monday.", "Workers marched through Duesseldorf on Monday."},
		{"The union met at Großenhain.", "The union met at Grossenhain."},
	} {
		if a, b := names(p[0]), names(p[1]); len(a) == 0 || !slices.Equal(a, b) {
			t.Errorf("%q and %q name different things", p[0], p[1])
		}
	}
}

// TestAccentedNames: a name written with its accents and the same name
// as an outlet that writes without them spells it are one name; with
// accentedNames off only spelled umlauts meet.
func TestAccentedNames(t *testing.T) {
	v := DefaultVocabulary()
	off := *v
	off.off = accentedNames
	names := func(v *Vocabulary, text string) []uint32 {
		f, _, _ := v.extract(&model.Item{Title: "x", Text: text}, time.UTC)
		return f.names
	}
	accented := [][2]string{
		{"Police detained Dragan Miletić on Monday.", "Police detained Dragan Miletic on Monday."},
		{"Two men were shot dead in Vålsköping overnight.", "Two men were shot dead in Valskoping overnight."},
		{"The council dismissed Prime Minister Émile Dorvanne.", "The council dismissed Prime Minister Emile Dorvanne."},
		{"Troops shelled positions near Kırıkdere.", "Troops shelled positions near Kirikdere."},
		{"Floods cut the road to Tabú overnight.", "Floods cut the road to Tabu overnight."},
	}
	for _, p := range accented {
		if a, b := names(v, p[0]), names(v, p[1]); len(a) == 0 || !slices.Equal(a, b) {
			t.Errorf("%q and %q name different things", p[0], p[1])
		}
		if a, b := names(&off, p[0]), names(&off, p[1]); slices.Equal(a, b) {
			t.Errorf("with accentedNames off, %q and %q name one thing", p[0], p[1])
		}
	}
	spelled := [2]string{"The plant in Grünwalde will close.", "The plant in Gruenwalde will close."}
	for _, v := range []*Vocabulary{v, &off} {
		if a, b := names(v, spelled[0]), names(v, spelled[1]); len(a) == 0 || !slices.Equal(a, b) {
			t.Errorf("%q and %q name different things (off %v)", spelled[0], spelled[1], v.off != allOn)
		}
	}
}

// TestHeadLabels: a headline's first word set apart by a colon or a
// spaced dash labels where or whose the news is, no word of what
// happened (titleWhat): the ousted premier's protest and the new
// premier's appointment share only their label.
func TestHeadLabels(t *testing.T) {
	v := DefaultVocabulary()
	what := func(v *Vocabulary, title, text string) []uint32 {
		f, _, _ := v.extract(&model.Item{Title: title, Text: text}, time.UTC)
		return f.titleWhat
	}
	ousted := [2]string{"Velmora: ousted head of government denounces 'coup'", "The head of government dismissed on Friday called the decree illegal."}
	named := [2]string{"Velmora - FLASH: Ana Petrel named new premier", "The council on Friday named Ana Petrel to replace the dismissed premier."}
	if a, b := what(v, ousted[0], ousted[1]), what(v, named[0], named[1]); intersects(a, b) {
		t.Errorf("%q and %q share a word of what happened", ousted[0], named[0])
	}
	off := *v
	off.off = headLabels
	if a, b := what(&off, ousted[0], ousted[1]), what(&off, named[0], named[1]); !intersects(a, b) {
		t.Errorf("with headLabels off, %q and %q share no label", ousted[0], named[0])
	}
	// No label: the opener is a word of the headline, and an acronym or a
	// hyphenated place before a colon is left as it was.
	for _, title := range []string{"Velmora ports close ahead of storm", "NIS: Velmora ports close", "Port-Velmora: ports close"} {
		w := splitWords(cleanTitle(title))
		if labelOpens(cleanTitle(title), w) {
			t.Errorf("%q opens with a label", title)
		}
	}
}

// TestForeignActWords: a report in French, Spanish, Portuguese, German,
// Dutch or Turkish names its act with news English's term for it, so it
// meets the English reports of its event by what happened, not by names
// alone.
func TestForeignActWords(t *testing.T) {
	v := DefaultVocabulary()
	for _, p := range [][2]string{
		{"Los mineros de Valdoro inician una huelga indefinida", "strike"},
		{"Nouveau blocage de la route du port de Kerlan", "blockade"},
		{"Três mortos em Alvorada após temporal", "kill"},
		{"Großes Hochwasser in Lindenau", "flood"},
		{"Enlèvement d'un médecin à Port-Salut", "kidnap"},
		{"Grote stroomstoring in Zuidveen", "outage"},
		{"Karakaya'da karakola saldırı", "attack"},
	} {
		f, _, _ := v.extract(&model.Item{Title: p[0], Text: p[0] + "."}, time.UTC)
		if !slices.Contains(f.titleTerms, hash32(v.stem(p[1]))) {
			t.Errorf("%q gives not the term of %q", p[0], p[1])
		}
	}
}

// TestForeignActTables: the core acts of news in fifteen languages read
// as the English words they translate (a death as "dead" or "die", no
// killing), and a word with a second sense in news is left as written.
func TestForeignActTables(t *testing.T) {
	v := DefaultVocabulary()
	for _, p := range [][2]string{
		{"Le Niger interdit l'exportation du riz", "ban"},
		{"Gangs attaquent le marché de Saint-Luc", "attack"},
		{"Lima: liberan a los rehenes del bus", "release"},
		{"Ciclone Tomás atinge a costa de Inhambane", "cyclone"},
		{"Sciopero dei tassisti a Torino", "strike"},
		{"Razzia gegen Schleuser in Kiel", "raid"},
		{"Politie onderschept boot bij Vlissingen", "intercept"},
		{"Kayseri'de deprem: iki bina yıkıldı", "quake"},
		{"Banjir melanda tiga desa di Garut", "flood"},
		{"Tatlong patay sa sunog sa Tondo", "dead"},
		{"Un muerto en un choque en Puebla", "dead"},
		{"Mafuriko yakumba vijiji vya Kilosa", "flood"},
		{"Strajk nauczycieli w Lublinie", "strike"},
		{"Пожар на складе в Тамбове", "fire"},
		{"Σεισμός στην Κρήτη", "quake"},
		{"Deprem sonrası dokuz kişi öldü", "die"},
	} {
		f, _, _ := v.extract(&model.Item{Title: p[0], Text: p[0] + "."}, time.UTC)
		if !slices.Contains(f.titleTerms, hash32(v.stem(p[1]))) {
			t.Errorf("%q gives not the term of %q", p[0], p[1])
		}
	}
	for _, p := range [][2]string{
		{"El Gobierno condena el ataque en Tumaco", "sentence"},
		{"Un muerto en un choque en Puebla", "kill"},
		{"Serbest piyasa ve faiz", "release"},
	} {
		f, _, _ := v.extract(&model.Item{Title: p[0], Text: p[0] + "."}, time.UTC)
		if slices.Contains(f.titleTerms, hash32(v.stem(p[1]))) {
			t.Errorf("%q gives the term of %q", p[0], p[1])
		}
	}
}

// TestCountryAdjective: a country and its adjective are one term
// ("Belgian unions", "Belgium's unions") but stay two names, so a country
// named in passing adds no name both reports give.
func TestCountryAdjective(t *testing.T) {
	v := DefaultVocabulary()
	for _, p := range [][2]string{
		{"Unions say the Belgian strike will go on.", "Unions say Belgium's strike will go on."},
		{"Lawmakers toppled the French government.", "Lawmakers toppled France's government."},
		{"Fishermen protest Dutch quotas.", "Fishermen protest quotas of the Netherlands."},
	} {
		a, _, _ := v.extract(&model.Item{Title: "x", Text: p[0]}, time.UTC)
		b, _, _ := v.extract(&model.Item{Title: "x", Text: p[1]}, time.UTC)
		shared := countShared(a.terms, b.terms)
		if shared != len(a.terms)-1 || shared != len(b.terms)-1 {
			t.Errorf("%q and %q share %d of %d and %d terms, want all but the name", p[0], p[1], shared, len(a.terms), len(b.terms))
		}
		if intersects(a.names, b.names) {
			t.Errorf("%q and %q share a name", p[0], p[1])
		}
	}
}

// TestDateOfLeadAsWritten checks that the lead is read with its
// punctuation: "New Year's Day" is a date.
func TestDateOfLeadAsWritten(t *testing.T) {
	it := &model.Item{
		Title:     "North Korea greets New Year with ballistic missile launch - Reuters",
		Text:      "North Korea fired a ballistic missile into the sea off its east coast on New Year's Day, South Korea's military said.",
		Published: time.Date(2027, 1, 1, 2, 15, 0, 0, time.UTC),
	}
	f, _, _ := DefaultVocabulary().extract(it, time.UTC)
	if want := dayNumber(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)); f.day != want {
		t.Fatalf("day %d, want %d (New Year's Day)", f.day, want)
	}
}

// TestPossessiveDayOfAnotherAct: a report of an act that names the day of
// something else with a possessive ("after Monday's failed pay talks")
// takes the day it names later for an act, as does one an "after" names
// before its noun ("after Monday pay talks fail"); a possessive day that
// names its own act, or with no later act's day, stays its day.
func TestPossessiveDayOfAnotherAct(t *testing.T) {
	v := setVocabulary(t, "testdata/europe.toml")
	fri := time.Date(2027, 3, 12, 15, 0, 0, 0, time.UTC) // a Friday
	tests := []struct {
		name, title, text string
		want              int // day of March 2027
	}{
		{"another act's day yields to the act's", "Rail workers strike across Portugal",
			"After Monday's failed pay talks, rail workers across Portugal went on strike on Thursday, halting most trains.", 11},
		{"no later act's day", "Rail workers strike across Portugal",
			"Rail workers across Portugal are on strike over Monday's pay offer, the union said.", 8},
		{"a report's day is no act's", "Rail workers strike across Portugal",
			"Rail workers across Portugal struck over Monday's pay offer, the union said on Thursday.", 8},
		{"the act's own day", "Rail strike halts trains across Portugal",
			"Thursday's strike halted most trains across Portugal, the operator said on Friday.", 11},
		// What an "after" names before its noun is another act's day.
		{"an after's day yields to the act's", "Rail workers strike across Portugal after Monday pay talks fail",
			"Rail workers across Portugal went on strike on Thursday, halting most trains.", 11},
		{"an after's day with no later act's day", "Rail workers strike across Portugal after Monday pay talks fail",
			"Rail workers across Portugal are on strike, halting most trains.", 8},
		{"an after with no noun", "Rail workers strike across Portugal",
			"Rail workers across Portugal went on strike after Monday, halting most trains on Thursday.", 8},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: tc.title, Text: tc.text, Published: fri}, time.UTC)
			if want := dayNumber(time.Date(2027, 3, tc.want, 0, 0, 0, 0, time.UTC)); f.day != want {
				t.Errorf("day %v, want March %d", time.Unix(int64(f.day)*86400, 0).UTC().Format(time.DateOnly), tc.want)
			}
		})
	}
}

// TestFollowedDay: a day the lead names only as that of what the report's
// act followed ("following Tuesday's export halt") is that earlier act's:
// the report names no day of its act, or its words' day; so is the next
// day of a list after it. A headline that also puts its news after an
// act keeps that day as the report's within followDays (a follow-up of
// that act), and only then.
func TestFollowedDay(t *testing.T) {
	v := DefaultVocabulary()
	wed := time.Date(2027, 3, 10, 15, 0, 0, 0, time.UTC) // a Wednesday
	sat := time.Date(2027, 3, 13, 15, 0, 0, 0, time.UTC)
	tests := []struct {
		name, title, text string
		published         time.Time
		want              int // day of March 2027; 0 none
	}{
		{"no day of its own", "Regulator opens probe into Norvex Systems",
			"The competition regulator opened an antitrust probe into Norvex Systems, following Tuesday's export licence halt.", wed, 0},
		{"a list of what it followed", "Agency suspends food rations in the north",
			"The suspension follows Monday's donor cut and Sunday's pledging conference. About two million people rely on the rations.", wed, 0},
		{"its words' day", "Ministry suspends Harlow plant permits",
			"The ministry said on Wednesday it had suspended the plant's permits, following Monday's chemical spill.", wed, 10},
		{"a day the act follows, not possessed", "Regulator opens probe into Norvex Systems",
			"The competition regulator opened an antitrust probe into Norvex Systems following talks on Tuesday.", wed, 9},
		{"a day its words cite", "Kessia 'regrets' sanctions on port operator",
			"The government regrets the decision to blacklist the port operator, its spokesman said on Wednesday, pointing to Monday's raid on the docks as proof of its resolve.", wed, 10},
		{"a day its words cite, citing", "Kessia 'regrets' sanctions on port operator",
			"The government regrets the decision to blacklist the port operator, its spokesman said on Wednesday, citing Monday's raid on the docks.", wed, 10},
		{"a follow-up of the next day", "Government reaffirms commitment to peace accord after AU-led meeting",
			"The government reaffirmed its commitment to the accord, its spokesman said on Wednesday, following Tuesday's meeting convened by the African Union.", wed, 9},
		{"days after, its own", "Government reaffirms commitment to peace accord after AU-led meeting",
			"The government reaffirmed its commitment to the accord, its spokesman said on Saturday, following Tuesday's meeting convened by the African Union.", sat, 13},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: tc.title, Text: tc.text, Published: tc.published}, time.UTC)
			want := int32(0)
			if tc.want != 0 {
				want = dayNumber(time.Date(2027, 3, tc.want, 0, 0, 0, 0, time.UTC))
			}
			if f.day != want {
				t.Errorf("day %d, want March %d (0: none)", f.day-dayNumber(time.Date(2027, 2, 28, 0, 0, 0, 0, time.UTC)), tc.want)
			}
		})
	}
}

// TestCountIsNoTally checks that only a headline's plain number of what it
// counts is a count: bounds and running tallies are revised all day.
func TestCountIsNoTally(t *testing.T) {
	v := DefaultVocabulary()
	tests := []struct {
		title, text string
		want        uint32
	}{
		{"N. Korea fires two ballistic missiles", "", 2},
		{"N. Korea fires at least two ballistic missiles", "", 0},
		{"N. Korea fires about 10 cruise missiles", "", 0},
		{"N. Korea fires ballistic missiles", "North Korea fired three ballistic missiles on Friday.", 0},
	}
	for _, tc := range tests {
		it := &model.Item{Title: tc.title, Text: tc.text, Published: time.Date(2027, 3, 12, 14, 10, 0, 0, time.UTC)}
		if f, _, _ := v.extract(it, time.UTC); f.count[0].n != tc.want {
			t.Errorf("%q / %q: count %d, want %d", tc.title, tc.text, f.count, tc.want)
		}
	}
}

// TestHeadlineFigures checks which figures a headline gives and what
// each counts: numbers above thirty too, every figure of the main clause,
// a number alone as people, never a bound, tally, name, share, sum or
// year; and which figures are tolls outlets revise (+ counted up, -
// down).
func TestHeadlineFigures(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
counted = ["migrant", "people", "drone", "missile", "jet", "dead", "missing", "train", "billion", "person"]
`)
	tests := []struct{ title, want string }{
		{"Rescue ship saves 95 migrants off Crete", "95 migrant"},
		{"Charity ship rescues 71 from dinghy; Trapani assigned", "71 people"},
		{"Nordlys 2 to Trapani with 71 on board", "71 people"},
		{"Two persons deceased as dinghy capsizes", "2 people"},
		{"Navy rescues at least 71 migrants", ""},
		{"Shipwreck toll rises to 48", ""},
		{"About 300 migrants reach island", ""},
		{"Russia fires 140 drones, 12 missiles overnight", "140 drone; 12 missile"},
		{"Air defence downs 120 of 140 drones", "120 drone; 140 drone"},
		{"MiG-31 jets scrambled over the gulf", ""},
		{"Operator cancels 40% of trains", ""},
		{"Parliament approves 45 billion budget", ""},
		{"Ferry fire kills 17, hundreds rescued", "17 people+"},
		{"Boat sinks in the night, six dead and 21 missing", "6 dead+; 21 missing-"},
		{"Snap election called for May 31", ""},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: tc.title, Published: time.Date(2031, 6, 2, 9, 0, 0, 0, time.UTC)}, time.UTC)
		var got []string
		for _, x := range f.count {
			if x.n != 0 {
				got = append(got, fmt.Sprintf("%d %s%s", x.n, v.counted[x.what-1], map[int8]string{1: "+", -1: "-"}[x.toll]))
			}
		}
		if g := strings.Join(got, "; "); g != tc.want {
			t.Errorf("%q: figures %q, want %q", tc.title, g, tc.want)
		}
	}
}

// TestDespiteClause checks which headline words a "despite" clause takes
// from a report: those of the other event it names, not those the rest
// of the headline uses too.
func TestDespiteClause(t *testing.T) {
	tests := []struct {
		title       string
		gone, stays []string // headline words (stemmed as terms) the report loses and keeps
	}{
		{"Minister offers family reunion talks despite missile tests", []string{"missile", "test"}, []string{"talk", "offer"}},
		{"Kospi ends up 0.8%, markets unfazed by NK launch", []string{"launch"}, []string{"market"}},
		{"Refiner's shares rise as investors shrug off Rotterdam refinery fire", []string{"fire", "e:rotterdam"}, []string{"shares", "investor"}},
		{"Rotterdam port strike continues despite strike ballot at Antwerp", []string{"ballot", "e:antwerp"}, []string{"strike", "rotterdam"}},
		{"Rotterdam port strike goes ahead after refinery fire", nil, []string{"fire", "strike"}},
	}
	v := DefaultVocabulary()
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: tc.title, Text: tc.title + "."}, time.UTC)
		id := func(w string) uint32 {
			if len(w) > 2 && w[:2] == "e:" {
				return hash32(w)
			}
			return hash32(v.stem(w))
		}
		for _, w := range tc.gone {
			if hasTerm(f.terms, id(w)) {
				t.Errorf("%q: %q is a term of the report, want it gone", tc.title, w)
			}
		}
		for _, w := range tc.stays {
			if !hasTerm(f.terms, id(w)) {
				t.Errorf("%q: %q is no term of the report, want it kept", tc.title, w)
			}
		}
	}
}

// TestStrikeSenses: news English reads "bird strike", "carrier strike
// drill" or "strikes pay deal" as no labour strike, so a desk whose
// vocabulary makes "strike" a labour act (energy.toml) does not read them
// as one, and a report of one shares no "strike" with a strike call.
func TestStrikeSenses(t *testing.T) {
	energy := setVocabulary(t, "testdata/energy.toml")
	tests := []struct {
		title  string
		kind   string // with energy.toml
		strike bool   // "strike" is one of its terms
	}{
		{"French dockers strike over pension reform", "labour-strike", true},
		{"French air traffic controllers call strike for Thursday", "labour-strike", true},
		{"S. Korea, U.S. stage combined carrier strike drill in East Sea", "other", false},
		{"Carl Vinson strike group drills with South Korean ships", "other", false},
		{"Nordwing A320 suffers tail strike on landing at Frankfurt", "other", false},
		{"Second Aerolis flight returns to Paris after bird strike", "other", false},
		{"Lightning strike knocks out signals at Bristol Temple Meads", "other", false},
		{"Queensland rail union strikes pay deal, calls off stoppage", "other", false},
		{"Drone strike on tanker off Yemen", "attack", false},
	}
	for _, tc := range tests {
		f, _, _ := energy.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := energy.kindNames[f.kind]; got != tc.kind {
			t.Errorf("%q: kind %s with energy.toml, want %s", tc.title, got, tc.kind)
		}
		v := DefaultVocabulary()
		strike := slices.ContainsFunc(v.canonicalTerms(splitWords(tc.title), true), func(t term) bool { return t.text == "strike" })
		if strike != tc.strike {
			t.Errorf("%q: strike among its terms %v, want %v", tc.title, strike, tc.strike)
		}
	}
}

// TestTargetIsNoName: the name after "anti-" or "pro-" is what a rally or
// leaflets are against or for, not who or where the event is: "Kim
// Yo-jong threatens 'heavy price' over anti-Pyongyang leaflets" gives
// the Russian delegation's "Pyongyang" no shared name.
func TestTargetIsNoName(t *testing.T) {
	v := setVocabulary(t, "testdata/energy.toml") // Pyongyang is no actor there
	names := func(title string) []uint32 {
		f, _, _ := v.extract(&model.Item{Title: title}, time.UTC)
		return f.titleNames
	}
	pyongyang := hash32("e:pyongyang")
	if got := names("Russian deputy defense minister arrives in Pyongyang"); !slices.Contains(got, pyongyang) {
		t.Fatalf("the place of an arrival is no name: %v", got)
	}
	for _, title := range []string{
		"Kim Yo-jong threatens 'heavy price' over anti-Pyongyang leaflets",
		"Activists send pro-Pyongyang leaflets across the border",
	} {
		if slices.Contains(names(title), pyongyang) {
			t.Errorf("%q: Pyongyang named as the event's", title)
		}
	}
}

// TestRepeats: "second", "another", "again" mark another occurrence of
// an act, but an ordinal that counts the days of one act that goes on
// does not.
func TestRepeats(t *testing.T) {
	tests := []struct {
		title string
		want  bool
	}{
		{"Second tanker attacked in Red Sea off Yemen", true},
		{"Telcora network down again", true},
		{"Unions call another strike for Friday", true},
		{"German commuters stranded for second day as rail strike drags on", false},
		{"Protests enter third straight night in Belgrade", false},
		{"Farmers block roads for a second week", false},
		{"Rail strike drags on", false},
		{"Carmaker drops night shift at Ghent plant, second shift stays", false},
		{"Brewer's third-quarter profit beats forecasts", false},
		{"Second carmaker cuts a shift at Ghent", true},
	}
	for _, tc := range tests {
		if got := repeats(splitWords(tc.title)); got != tc.want {
			t.Errorf("%q: repeat %v, want %v", tc.title, got, tc.want)
		}
	}
}

// TestDayOfActIn: an ordinal before "day" or a number after it counts
// the days of an act that goes on; a number before "days", or an
// ordinal of times or weeks, counts none.
func TestDayOfActIn(t *testing.T) {
	tests := []struct {
		title string
		want  int32
	}{
		{"Dock workers' walkout enters third day at Tarnport", 3},
		{"Ferry services halted for a second straight day", 2},
		{"Walkout enters day two: container yards idle", 2},
		{"Lendra bridge stays shut for 4th day", 4},
		{"Hospital strike in Vessary enters day 5", 5},
		{"Blockade enters day several, farmers say", 0},
		{"Ferry strike enters day eight", 0},
		{"Talks resume two days after the walkout", 0},
		{"Patrol boats sighted for a third time this month", 0},
		{"Farmers block roads for a second week", 0},
		{"Dock workers walk out at Tarnport", 0},
	}
	for _, tc := range tests {
		if got := dayOfActIn(splitWords(tc.title)); got != tc.want {
			t.Errorf("%q: day of act %d, want %d", tc.title, got, tc.want)
		}
	}
}

// TestPledgeOfAnAct: allies who vow or agree have met, unless what they
// vow or agree to is an act: "unions vow further general strike" is the
// strike (its day a plan's), "agree to raise output" the raise.
func TestPledgeOfAnAct(t *testing.T) {
	desk := setVocabulary(t, "testdata/europe.toml")
	tests := []struct {
		v     *Vocabulary
		title string
		want  string
	}{
		{desk, "Belgian unions vow further general strike after day of disruption", "strike"},
		{desk, "Farmers pledge new protests over Mercosur deal", "protest"},
		{desk, "Coalition partners vow to stay together", "talks"},
		{DefaultVocabulary(), "Japan, S. Korea foreign ministers vow firm stance on N. Korea missiles", "talks"},
		{DefaultVocabulary(), "Allies vow response to missile launch", "talks"},
		// An appeal for an undated act other than a meeting reacts; one
		// made at or for a meeting is the meeting's.
		{desk, "Dutch opposition demands snap election after government's fall", "reaction"},
		{DefaultVocabulary(), "Security Council members urge DPRK to return to dialogue after missile launches", "talks"},
	}
	for _, tc := range tests {
		f, _, _ := tc.v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := tc.v.kindNames[f.kind]; got != tc.want {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.want)
		}
	}
}

// TestStatementOnAct: a voice's statement "on" a dated act answers that
// act, a reaction; one that names no act, or whose own verb denounces,
// stays the voice's event.
func TestStatementOnAct(t *testing.T) {
	desk := setVocabulary(t, "testdata/europe.toml")
	tests := []struct {
		title string
		want  string
	}{
		{"Statement by the ministry spokesperson on the general strike in Ghent", "reaction"},
		{"Statement by the spokesman on the farmers' protest at the border", "reaction"},
		{"Statement by the ministry spokesperson, Vilnius", "statement"},
		{"Spokesman's statement slams general strike in Ghent", "statement"},
	}
	for _, tc := range tests {
		f, _, _ := desk.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := desk.kindNames[f.kind]; got != tc.want {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.want)
		}
	}
}

// TestReceivesVisitor: receiving a person by office is a meeting;
// receiving a thing (a first or new one, a permit, a resource, the dead)
// is none.
func TestReceivesVisitor(t *testing.T) {
	v := DefaultVocabulary()
	off := *v
	off.off = visitors
	checkKinds(t, []kindCase{
		{v, "Navy receives first of six offshore patrol vessels", "other"},
		{v, "Coast guard receives two more patrol boats from donor", "other"},
		{v, "Norland mining firm receives exploration permit from regulator", "other"},
		{v, "Valdoria to receive extra river water under upstream accord", "other"},
		{v, "Kestria receives remains of 300 fallen soldiers", "other"},
		{v, "Prime minister receives visiting trade delegation", "talks"},
		{v, "King receives Valdorian foreign minister", "talks"},
		{v, "President Aron receives Kestrian special envoy in capital", "talks"},
		{&off, "Norland mining firm receives exploration permit from regulator", "talks"},
	})
}

// TestTitleCasedNames: a title-cased headline's capitals name nothing by
// themselves, but the words its lead writes with a capital mid-sentence
// are names there too.
func TestTitleCasedNames(t *testing.T) {
	v := DefaultVocabulary()
	f, _, _ := v.extract(&model.Item{
		Title: "Kazakh Oil Exports Curbed After Attack on Novorossiysk Terminal",
		Text:  "Oil loadings at the CPC terminal near Novorossiysk were cut on Thursday after a drone attack damaged a mooring, the operator said.",
	}, time.UTC)
	if want := v.nameID("novorossiysk"); !slices.Contains(f.titleNames, want) {
		t.Errorf("the headline's names lack Novorossiysk, which the lead names")
	}
	for _, w := range []string{"e:oil", "e:attack", "e:kazakh_oil_exports_curbed"} {
		if slices.Contains(f.titleNames, hash32(w)) {
			t.Errorf("the headline's names hold %s", w)
		}
	}
}

// TestTitleCasedWhat checks that a title-cased headline's capitals do not
// make its words names for what it says happened (titleWhat): only the
// words its lead writes with a capital mid-sentence are names there, as
// for its names.
func TestTitleCasedWhat(t *testing.T) {
	v := DefaultVocabulary()
	f, _, _ := v.extract(&model.Item{
		Title: "Copper Slides to Six-Month Low as Warehouse Stocks Swell in Rotterdam",
		Text:  "Copper prices fell to their lowest in six months on Tuesday as inventories in warehouses in Rotterdam kept rising, traders said.",
	}, time.UTC)
	for _, w := range []string{"slides", "low", "warehouse", "swell"} {
		if !slices.Contains(f.titleWhat, hash32(v.stem(w))) {
			t.Errorf("what the headline says happened lacks %q", w)
		}
	}
	if slices.Contains(f.titleWhat, hash32(v.stem("rotterdam"))) {
		t.Errorf("what the headline says happened holds Rotterdam, a name its lead writes")
	}
}

// TestLeadOpensName checks that a name the lead opens with ("Tamarind
// Foods filed ...") is a name in a title-cased headline too, whole: its
// first word opens the sentence, but the capitalised word after it runs
// on in the name. A word that opens the lead alone names nothing.
func TestLeadOpensName(t *testing.T) {
	v := DefaultVocabulary()
	f, _, _ := v.extract(&model.Item{
		Title: "Tamarind Foods Seeks Court Protection as Sales Slump",
		Text:  "Tamarind Foods filed for bankruptcy protection on Monday after two years of falling sales, the grocer said.",
	}, time.UTC)
	if want := hash32("e:tamarind_foods"); !slices.Contains(f.titleNames, want) {
		t.Errorf("the headline's names lack Tamarind Foods, which opens the lead")
	}
	g, _, _ := v.extract(&model.Item{
		Title: "Grocers Seek Court Protection as Sales Slump",
		Text:  "Grocers filed for bankruptcy protection on Monday after two years of falling sales.",
	}, time.UTC)
	if len(g.titleNames) > 0 {
		t.Errorf("a headline whose lead opens with a plain word names %d things", len(g.titleNames))
	}
}

// TestMiddleNameDropped checks that a name of three words is also read
// without its middle one, as outlets write it short: "Marta Elena Solis"
// and "Marta Solis" are one name.
func TestMiddleNameDropped(t *testing.T) {
	v := DefaultVocabulary()
	long, _, _ := v.extract(&model.Item{
		Title: "Opposition leader detained in Lagoa",
		Text:  "Police detained opposition leader Marta Elena Solis at her home in Lagoa on Tuesday, her party said.",
	}, time.UTC)
	short, _, _ := v.extract(&model.Item{
		Title: "Whereabouts of Marta Solis unknown a day after arrest",
		Text:  "Relatives of Marta Solis have not been told where she is held.",
	}, time.UTC)
	if !intersects(long.names, short.titleNames) {
		t.Errorf("\"Marta Elena Solis\" and \"Marta Solis\" share no name")
	}
}

// TestNamePrefixDropped checks that a name of three words or more that
// opens with one of news English's name prefixes (a ship's: "BRP", "USS")
// is also read without it, as outlets write it short, and that a name with
// no such prefix, with another word in capitals first ("UK Supreme
// Court"), or of two words, is not cut.
func TestNamePrefixDropped(t *testing.T) {
	v := DefaultVocabulary()
	tests := []struct {
		text  string
		short string
		want  bool
	}{
		{"The frigate BRP Datu Kalantiaw returned to Subic on Monday.", "datu_kalantiaw", true},
		{"The carrier USS Carl Levin sailed from Busan on Monday.", "carl_levin", true},
		{"The patrol ship KN Pulau Dana shadowed the vessel on Monday.", "pulau_dana", true},
		{"Leader Kim Jong Un watched the test on Monday.", "jong_un", false},
		{"The carrier USS Levin sailed from Busan on Monday.", "levin", false},
		{"The UK Supreme Court ruled on Monday that the plan was unlawful.", "supreme_court", false},
		{"The EU Foreign Affairs Council agreed new sanctions on Monday.", "foreign_affairs_council", false},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: "Ship news", Text: tc.text}, time.UTC)
		if got := slices.Contains(f.names, hash32("e:"+tc.short)); got != tc.want {
			t.Errorf("%q names %s: %v, want %v", tc.text, tc.short, got, tc.want)
		}
	}
}

// TestShipNamedWithoutPrefix checks that the next day's report of a
// rammed ship that names it without its prefix ("Datu Kalantiaw back in
// Subic", the ship "BRP Datu Kalantiaw" in the ramming's headline) follows
// the ramming it names.
func TestShipNamedWithoutPrefix(t *testing.T) {
	v := setVocabulary(t, "testdata/seasia.toml")
	mon := time.Date(2028, 5, 8, 5, 0, 0, 0, time.UTC)
	items := []*model.Item{
		item("Navy", "https://n.example/1", "BRP Datu Kalantiaw rammed by Chinese coast guard ship near Iroquois Reef",
			"A Chinese coast guard ship rammed the Philippine Navy patrol ship BRP Datu Kalantiaw near Iroquois Reef on Monday, the navy said.", mon),
		item("Daily", "https://d.example/2", "Datu Kalantiaw back in Subic with damaged bow",
			"The Philippine Navy patrol ship Datu Kalantiaw limped back to Subic early Tuesday after it was rammed by a Chinese coast guard ship near Iroquois Reef on Monday.", mon.Add(20*time.Hour)),
	}
	if !firstAndLastJoin(v, items, time.UTC, allOn) {
		t.Error("the ship's return apart from its ramming")
	}
}

// TestNamesStopAtCommas: a name runs over capitalised words but not over
// a comma ("in Nara, Cheong Wa Dae said" names Nara and Cheong Wa Dae),
// though a report's list of names ("Hungary, Slovakia") stays one
// specific, found when another report names either.
func TestNamesStopAtCommas(t *testing.T) {
	v := DefaultVocabulary()
	f, _, _ := v.extract(&model.Item{
		Title: "Leaders agree to boost security cooperation",
		Text:  "The two leaders agreed on Saturday to strengthen security cooperation during a summit in the city of Nara, Cheong Wa Dae said.",
	}, time.UTC)
	if !slices.Contains(f.names, v.nameID("nara")) || !slices.Contains(f.names, v.nameID("cheong_wa_dae")) {
		t.Errorf("names lack Nara or Cheong Wa Dae")
	}
	if slices.Contains(f.names, v.nameID("nara_cheong_wa_dae")) {
		t.Errorf("names run over the comma: nara_cheong_wa_dae")
	}
	a, _, _ := v.extract(&model.Item{Title: "Druzhba oil flows to Hungary, Slovakia halted after attack on pumping station"}, time.UTC)
	b, _, _ := v.extract(&model.Item{Title: "Slovakia summons envoy over Druzhba oil halt"}, time.UTC)
	if title, _ := lacksSpecific(&a, &b); title {
		t.Errorf("%q lacks a specific of %q's headline: the list Hungary, Slovakia is one", "Slovakia summons ...", "Druzhba oil flows to Hungary, Slovakia ...")
	}
}

// TestFirstInSpan: a headline that calls its news the first in a span of
// time reports an act of its own, no follow-up of an earlier one.
func TestFirstInSpan(t *testing.T) {
	tests := []struct {
		title string
		want  bool
	}{
		{"Ohio farm worker's bird flu infection is first U.S. human case in months", true},
		{"Ferry strike is first walkout since 2019", true},
		{"Lira posts first weekly gain in a decade", true},
		{"Ohio farm worker tests positive for bird flu", false},
		{"First patients treated at Ohio clinic", false},
		{"Quarantine lifted in first county, others wait", false},
	}
	for _, tc := range tests {
		if got := firstInSpan(splitWords(tc.title)); got != tc.want {
			t.Errorf("%q: firstInSpan %v, want %v", tc.title, got, tc.want)
		}
	}
}

// TestDecidesIn: a reaction whose first sentence tells of a resolution
// its speaker adopts is that act of its own, no follow-up of what it
// names.
func TestDecidesIn(t *testing.T) {
	v := DefaultVocabulary()
	tests := []struct {
		sentence string
		want     bool
	}{
		{"The Mercosur council on Thursday approved a resolution demanding that Paraguay free the detained mayors.", true},
		{"Parliament passed a motion on Friday calling on the government to expel the envoy.", true},
		{"Rights groups welcomed the court's resolution of the case on Friday.", false},
		{"The council on Thursday urged Paraguay to free the detained mayors.", false},
	}
	for _, tc := range tests {
		if got := v.decidesIn(mainClause(firstSentenceWords(splitWords(tc.sentence)))); got != tc.want {
			t.Errorf("%q: decidesIn %v, want %v", tc.sentence, got, tc.want)
		}
	}
}

// TestOpinionMarks: a column is an opinion by what marks it, though the
// rest of it carries no tag: a link filed under an outlet's opinion
// section (not an analysis or a blog post of an event); a tag at the head
// of its headline or text, also "Perspectives |", "Comment:", another
// language's ("Kommentar:", "Tribune :") and a tag written as a
// sentence of its own ("Opinion. In one week ...") (not a word that only
// starts with a tag's letters, nor a tag word that opens a sentence of
// news); a standfirst signed by its writer ("..., writes Ana Ferreira.",
// "..., writes columnist Marta Lind.")
// (not a report of someone writing to someone); a feed named for an
// opinion section ("... Second Opinion", "(Opinion)").
func TestOpinionMarks(t *testing.T) {
	v := DefaultVocabulary()
	const (
		courtTitle = "Three former officers jailed for killing of protesters"
		courtText  = "A court jailed three former police officers on Tuesday for the killing of protesters."
		lead       = "The port signed three memorandums in one week and built nothing."
		pile       = "The port is a pile of memorandums"
		portTitle  = "The port reforms will fail"
		portLink   = "https://www.example-paper.com/business/port-reforms-2027-05-02"
	)
	tests := []struct {
		title, link, text string
		want              bool
	}{
		// An opinion section's link.
		{courtTitle, "https://www.example-daily.com/opinion/views/news/the-court-cannot-be-the-street-1234", courtText, true},
		{courtTitle, "https://www.example-syndicate.org/commentary/why-export-curbs-return-by-a-writer-2027-05", courtText, true},
		{courtTitle, "https://news.example.net/Opinions/2027/05/02/drills-will-not-deter", courtText, true},
		{courtTitle, "https://www.example-paper.com/editorial/2027/05/02", courtText, true},
		{courtTitle, "https://www.example-guardian.co.uk/commentisfree/2027/may/02/the-court-and-the-street", courtText, true},
		{courtTitle, "https://www.example-paper.com/world/asia/court-jails-three-officers-2027-05-02/", courtText, false},
		{courtTitle, "https://www.example-weekly.org/analysis/2027/05/06/what-the-ruling-means", courtText, false},
		{courtTitle, "https://www.example-trade.com/blog/opinion-poll-shows-farmers-split", courtText, false},
		{courtTitle, "https://www.example-paper.com/opinion-poll-ruling-party-leads", courtText, false},
		// A tag.
		{"Perspectives | The port has stopped pretending", "", lead, true},
		{"Perspective: The port has stopped pretending", "", lead, true},
		{"Comment: The port, the money and the guns", "", lead, true},
		{"Commentary: The port's reforms are not the unions' to promise", "", lead, true},
		{"Kommentar: Die Hafenreform wird scheitern", "", lead, true},
		{"Kolumne: Das riskanteste Spiel des Hafens", "", lead, true},
		{"Tribune : la réforme du port ne passera pas", "", lead, true},
		{"Opinión: la reforma del puerto fracasará", "", lead, true},
		{"Kommentare nach Hafenreform: Gewerkschaften uneins", "", lead, false},
		{"Comments pour in as port reforms go to consultation", "", lead, false},
		{"No comment from port as reforms stall", "", lead, false},
		{pile, "", "Opinion. " + lead, true},
		{pile, "", "Column. " + lead, true},
		{pile, "", lead, false},
		{"Opinion poll shows port workers split on strike", "", lead, false},
		{pile, "", "Opinion.Polls show workers split.", false},
		// A signed standfirst.
		{portTitle, portLink, "Ministers praised their own deal this week. But a deal is not a policy, writes Ana Ferreira.", true},
		{portTitle, portLink, "The port reforms will fail unless the unions are heard, writes Tomas Quiroga, a former transport minister.", true},
		{portTitle, portLink, "Three memorandums in a week, and no crane: the port buys time, not capacity, writes columnist Marta Lind.", true},
		{portTitle, portLink, "The governor writes to the prime minister seeking the release of 14 fishermen.", false},
		{portTitle, portLink, "Rescuers reached the village on Tuesday, the agency said, and Ana Ferreira writes the report.", false},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: tc.title, Link: tc.link, Text: tc.text}, time.UTC)
		if got := f.kind == kindOpinion; got != tc.want {
			t.Errorf("%q / %s / %q: opinion %v, want %v", tc.title, tc.link, tc.text, got, tc.want)
		}
	}
	// A feed named for an outlet's opinion section, whose link gives the
	// section only in its slug (not a feed of news, nor one whose name
	// only has a tag's word inside it).
	slug := "https://www.example-health.com/2027/05/02/port-reforms-will-fail-second-opinion/"
	feeds := []struct {
		feed string
		want bool
	}{
		{"Example Health Second Opinion", true},
		{"Example Daily (Opinion)", true},
		{"Example Syndicate Commentary", true},
		{"Example Health", false},
		{"Opinion Research Wire", false},
	}
	for _, tc := range feeds {
		f, _, _ := v.extract(&model.Item{Feed: tc.feed, Title: portTitle, Link: slug, Text: lead}, time.UTC)
		if got := f.kind == kindOpinion; got != tc.want {
			t.Errorf("feed %q: opinion %v, want %v", tc.feed, got, tc.want)
		}
	}
}

// TestDateIsNoEntity: a date's month and day ("On September 14", "on
// 14 September") are the day, which the same-day bonus
// counts, not names or numbers two reports share; other numbers are.
func TestDateIsNoEntity(t *testing.T) {
	v := DefaultVocabulary()
	tests := []struct {
		text string
		has  []string // entity ids, as entityIDs makes them
		not  []string
	}{
		{"On September 14, a 500 kV line tripped near Granby, the grid operator said.", []string{"500"}, []string{"14", "e:september"}},
		{"A 500 kV line tripped near Granby on 14 September, the grid operator said.", []string{"500"}, []string{"14", "e:september"}},
		{"The grid operator said 14 lines tripped near Granby.", []string{"14"}, nil},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: "Grid operator reports line trip", Text: tc.text}, time.UTC)
		for _, e := range tc.has {
			if !slices.Contains(f.entities, hash32(e)) {
				t.Errorf("%q: no entity %s", tc.text, e)
			}
		}
		for _, e := range tc.not {
			if slices.Contains(f.entities, hash32(e)) {
				t.Errorf("%q: entity %s", tc.text, e)
			}
		}
	}
}

// TestDateIsNoName: a date written in words is no name (dateNames): a
// month's name with a day's number in any case and order, a span of
// days, a weekday after a place, a dateline's date the dateline reader
// leaves; the name before it stays a name. A month of a year, or a month
// alone before a name, is left as it was. A weekday of a language the
// date reader reads whose days take a capital ("Senin", "Montag") is no
// name either: two Indonesian reports of one day do not share "Senin".
func TestDateIsNoName(t *testing.T) {
	tests := []struct {
		text string
		has  []string // entity ids, as entityIDs makes them
		not  []string
	}{
		{"Ferry crews in Moorvale walked out on March 5, the union said.", []string{"e:moorvale"}, []string{"e:march_5"}},
		{"Ferry crews in Moorvale walked out on 5 March, the union said.", []string{"e:moorvale"}, []string{"e:5_march", "e:march"}},
		{"KESTRELBY, MARCH 6 - Ferry crews walked out at Moorvale.", []string{"e:moorvale"}, []string{"e:march_6", "e:kestrelby_march_6"}},
		{"Ferry crews walked out in Moorvale Thursday, the union said.", []string{"e:moorvale"}, []string{"e:moorvale_thursday"}},
		{"LISBRO, Varnholm, March 6 (Reuters) - Ferry crews walked out at Moorvale.", []string{"e:moorvale"}, []string{"e:march_6"}},
		{"Ferry crews walked out at Moorvale on OCTOBER 12, the union said.", []string{"e:moorvale"}, []string{"e:october_12"}},
		{"Ferry crews will walk out at Moorvale on March 15-16, the union said.", []string{"e:moorvale"}, []string{"e:march_15", "16"}},
		{"Ferry crews walked out at Moorvale on Oct. 12th, the union said.", []string{"e:moorvale"}, []string{"e:oct_12th", "12th"}},
		{"Ferry crews walked out at Moorvale on Nov 17, the union said.", []string{"e:moorvale"}, []string{"17"}},
		{"The Moorvale ferry crash of 7 June 2028 killed four, the inquiry said.", []string{"e:june_2028"}, nil},
		{"Ferry fares rose 4% in the April CPI of Moorvale, the office said.", []string{"e:april_cpi"}, nil},
		// Weekdays of the languages the date reader reads that write them
		// with a capital are no names either; a lower-case language's
		// capitalised weekday is ("Santo Domingo").
		{"Banjir merendam 40 rumah di Kabupaten Wonosari, Senin (5/3) pagi, kata BPBD setempat.", []string{"e:kabupaten_wonosari"}, []string{"e:senin"}},
		{"Polisi menangkap dua tersangka di Pelabuhan Tanjung Wangi pada Rabu malam.", []string{"e:pelabuhan_tanjung_wangi"}, []string{"e:rabu"}},
		{"Nagwelga ang mga tsuper sa Lungsod ng Dalvaro noong Lunes, ayon sa grupo.", []string{"e:lungsod"}, []string{"e:lunes"}},
		{"Die Fähre legte am Montag in Nordhaven an, sagte die Reederei.", []string{"e:nordhaven"}, []string{"e:montag"}},
		{"Ferry crews walked out in Santo Domingo, the union said.", []string{"e:santo_domingo"}, nil},
	}
	v := DefaultVocabulary()
	off := *v
	off.off = dateNames
	for _, tc := range tests {
		it := &model.Item{Title: "Ferry crews walk out", Text: tc.text}
		f, _, _ := v.extract(it, time.UTC)
		for _, e := range tc.has {
			if !slices.Contains(f.entities, hash32(e)) {
				t.Errorf("%q: no entity %s", tc.text, e)
			}
		}
		for _, e := range tc.not {
			if slices.Contains(f.entities, hash32(e)) {
				t.Errorf("%q: entity %s", tc.text, e)
			}
		}
	}
	// Without dateNames the date was a name.
	f, _, _ := off.extract(&model.Item{Title: "Ferry crews walk out", Text: tests[0].text}, time.UTC)
	if !slices.Contains(f.entities, hash32("e:march_5")) {
		t.Errorf("dateNames off: no entity e:march_5")
	}
	f, _, _ = off.extract(&model.Item{Title: "Ferry crews walk out", Text: "Banjir merendam 40 rumah di Kabupaten Wonosari, Senin (5/3) pagi, kata BPBD setempat."}, time.UTC)
	if !slices.Contains(f.entities, hash32("e:senin")) {
		t.Errorf("dateNames off: no entity e:senin")
	}
}

// TestLooksBack: a follow-up published days after a report, whose day is
// the report's written as a calendar date, looks back to it
// (calendarDays); one that writes a weekday, another day, or that
// reports an act of its own does not, nor does the earlier report.
func TestLooksBack(t *testing.T) {
	v := DefaultVocabulary()
	const day, later = 21000, 3 * 24 * 3600
	tests := []struct {
		expr string
		kind kind
		day  int32
		want bool
	}{
		{"on March 3", kindAnalysis, day, true},
		{"3 March", kindOther, day, true},
		{"on March 3", kindReaction, day, true},
		{"on Friday", kindAnalysis, day, false},
		{"on March 3", kindAnalysis, day + 1, false},
		{"on March 3", firstActKind, day, false},
	}
	for _, tc := range tests {
		a := features{kind: tc.kind, day: tc.day, calendar: calendarDate(tc.expr), published: later}
		b := features{kind: firstActKind, day: day}
		if got := v.looksBack(&a, &b, a.day, b.day); got != tc.want {
			t.Errorf("%q (kind %d, day %d): looksBack %v, want %v", tc.expr, tc.kind, tc.day, got, tc.want)
		}
		if v.looksBack(&b, &a, b.day, a.day) {
			t.Errorf("%q: the earlier report looks back", tc.expr)
		}
		off := *v
		off.off = calendarDays
		if off.looksBack(&a, &b, a.day, b.day) {
			t.Errorf("%q: looks back with calendarDays off", tc.expr)
		}
	}
}

// TestOwnerName: a word that opens a sentence is a name when it is
// possessive, unless it is a day's.
func TestOwnerName(t *testing.T) {
	tests := []struct {
		text, word string
		want       bool
	}{
		{"Tunisia's state grains agency purchased wheat.", "tunisia", true},
		{"Tunisia purchased wheat.", "tunisia", false},
		{"Tuesday's national strike shut the country.", "tuesday", false},
		{"Today's vote was delayed.", "today", false},
		{"March's rains flooded the fields.", "march", false},
	}
	for _, tc := range tests {
		if got := namedWords(splitWords(tc.text))[tc.word]; got != tc.want {
			t.Errorf("%q: %s named %v, want %v", tc.text, tc.word, got, tc.want)
		}
	}
}

// TestNearBorderNamesNoCountry checks that the country whose border a
// place is near ("near Mali border", "near the border with Mali") is no
// fact of where the event happened, though the report still mentions it,
// while a country named elsewhere in the headline is.
func TestNearBorderNamesNoCountry(t *testing.T) {
	checkCountryFacts(t, []countryFacts{
		{"Niger: 15 villagers killed in attack near Mali border", "Gunmen killed 15 villagers on Sunday.", []string{"niger"}, []string{"niger", "mali"}},
		{"Attack near the border with Burkina Faso kills 12 in Niger", "Gunmen killed 12 people on Sunday.", []string{"niger"}, []string{"niger", "burkina"}},
		{"Gunmen kill nine close to the Malian frontier in Niger", "Gunmen killed nine people on Sunday.", []string{"niger"}, []string{"niger", "mali"}},
		{"Gunmen kill nine near Niger's border town of Ayorou", "Gunmen killed nine people on Sunday.", []string{"niger"}, []string{"niger"}},
		{"Troops from Mali and Niger clash near border", "Soldiers clashed on Sunday.", []string{"mali", "niger"}, []string{"mali", "niger"}},
		{"Mali army post attacked near Niger", "Gunmen attacked a post on Sunday.", []string{"mali", "niger"}, []string{"mali", "niger"}},
	})
}

// TestParticipleNamesTheObject checks that an act's verb as a participle
// that a later act of the headline needs ("missionary kidnapped in Mali
// freed") says what that act was done to, and is no act of its own; the
// participle alone, or an act of its own before another verb, stays the
// act.
func TestParticipleNamesTheObject(t *testing.T) {
	v := setVocabulary(t, "testdata/sahel.toml")
	tests := []struct{ title, want string }{
		{"Dutch engineer kidnapped in Niger freed after eight months", "release"},
		{"Aid workers abducted near Gao released, ministry says", "release"},
		{"Dutch engineer kidnapped in Niger", "kidnap"},
		{"Gunmen kidnap Dutch engineer in Niger", "kidnap"},
		{"Gunmen kidnap engineer, demand release of fighters", "kidnap"},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
			if got := v.kindNames[f.kind]; got != tc.want {
				t.Errorf("kind %s, want %s", got, tc.want)
			}
		})
	}
}

// TestCallsQuotedIsReaction checks that a headline that calls another's
// act something in quotes ("calls port closure 'disproportionate'"),
// or voices a quoted judgment ("voice 'grave concern'"), is a reaction, while a call of an act ("calls 'day of action'",
// "call strike for Friday") is not.
func TestCallsQuotedIsReaction(t *testing.T) {
	v := DefaultVocabulary()
	tests := []struct {
		title    string
		reaction bool
	}{
		{"Fisheries ministry calls port closure 'disproportionate'", true},
		{"Farm groups called the tariff 'a betrayal'", true},
		{"Regional ministers voice 'grave concern' over island reclamation", true},
		{"Foreign ministry voices \"deep regret\" over aid cut", true},
		{"Voices from the flood zone", false},
		{"Union calls 'national day of action' over pensions", false},
		{"Ministry says port closure will last a week", false},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
			if got := f.kind == kindReaction; got != tc.reaction {
				t.Errorf("kind %s, want reaction %v", v.kindNames[f.kind], tc.reaction)
			}
		})
	}
}

// TestExplainerIsAnalysis checks that a headline that explains an event
// ("what we know", "what it means for", "what drivers need to know",
// "what comes next", "Explained:") is an analysis, untagged, and that
// an analysis whose headline names an act follows a report of that act.
func TestExplainerIsAnalysis(t *testing.T) {
	v := DefaultVocabulary()
	launch, _, _ := v.extract(&model.Item{Title: "North Korea fires ballistic missile into the sea"}, time.UTC)
	tests := []struct {
		title    string
		analysis bool
		follows  bool // follows the launch's report
	}{
		{"Flood in Riverton: what we know so far", true, false},
		{"What the new port levy means for shippers", true, false},
		{"Bridge closure: what drivers need to know", true, false},
		{"Border talks stall: what comes next", true, false},
		{"Explained: why the dam failed", true, false},
		{"What North Korea's missile launch means for Japan", true, true},
		{"Ministers know what they want, says envoy", false, false},
		{"What remains of the old town after the quake", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
			if got := f.kind == kindAnalysis; got != tc.analysis {
				t.Errorf("kind %s, want analysis %v", v.kindNames[f.kind], tc.analysis)
			}
			if got := v.follows(&f, &launch); got != tc.follows {
				t.Errorf("follows the launch %v, want %v", got, tc.follows)
			}
		})
	}
}

// TestPressConferenceIsNoMeeting checks that a meeting's noun after
// "press" is a briefing of reporters, no talks: a ministry's
// regular press conference answers the day's events.
func TestPressConferenceIsNoMeeting(t *testing.T) {
	v := DefaultVocabulary()
	tests := []struct {
		title string
		talks bool
	}{
		{"Ministry spokesperson's regular press conference on March 3", false},
		{"Minister holds press conference after cabinet reshuffle", false},
		{"Regional security conference opens in Manila", true},
		{"Coastal states hold conference on fishing rights", true},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
			if got := v.kindNames[f.kind] == "talks"; got != tc.talks {
				t.Errorf("kind %s, want talks %v", v.kindNames[f.kind], tc.talks)
			}
		})
	}
}

// TestOriginIsNoPlace checks that a country a first sentence names after
// "from" and a pronoun for people ("most of them from Bizerte in
// Tunisia") is no value of the fact of where the event happened, while
// one after a verb ("sailed from Tunisia") or a noun ("flight from
// Tunisia"), or where the act was done, stays one.
func TestOriginIsNoPlace(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
counted = ["migrant", "people"]
[stories.vocabulary.facts.country]
tunisia = ["tunisia"]
`)
	for _, tc := range []struct {
		text string
		want uint32 // the country fact's values
	}{
		{"Some 600 migrants landed on Pantelleria on Monday, most of them from Bizerte in Tunisia.", 0},
		{"About 400 people reached Pantelleria on Monday, many of them from Sfax and from Bizerte in Tunisia.", 0},
		{"The first charter flight from Tunisia landed on Pantelleria on Monday.", 1},
		{"Eleven boats sailed from Tunisia on Monday towards Pantelleria.", 1},
		// A relative clause's "from" tells where what it describes came from.
		{"A dinghy that set off from Tunisia was rescued near Pantelleria on Monday.", 0},
		{"Coast guards on Monday rescued 80 people who had sailed from eastern Tunisia.", 0},
		{"Boats which left from Tunisia overnight reached Pantelleria on Monday.", 0},
		{"Police in Tunisia stopped 300 migrants on Monday.", 1},
	} {
		f, _, _ := v.extract(&model.Item{Title: "Hundreds reach island overnight", Text: tc.text}, time.UTC)
		if got := f.facts[0]; got != tc.want {
			t.Errorf("%q: country %b, want %b", tc.text, got, tc.want)
		}
	}
}

// TestBorderIsNoPlace checks that a country named right before a border
// that ends its phrase ("at Mexico border"), or after a border's "with"
// or "between" ("border post with Mexico"), is no value of the fact of
// where the event happened: the border is two countries'. A border that
// qualifies a noun ("Mexico border town") keeps it, and so does the
// country named otherwise ("Mexico closes border with Guatemala").
func TestBorderIsNoPlace(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.facts.country]
mexico = ["mexico"]
`)
	for _, title := range []struct {
		text string
		want uint32 // the country fact's values
	}{
		{"Judge halts asylum curbs at Mexico border", 0},
		{"Troops sent to the Mexico border, governor says", 0},
		{"Floods hit Mexico border town of Reynosa", 1},
		{"Mexico deploys troops to its northern states", 1},
		{"Texas shuts its border post with Mexico", 0},
		{"Border crossing between El Paso and Mexico closed for a day", 0},
		{"Mexico closes border with Guatemala", 1},
	} {
		f, _, _ := v.extract(&model.Item{Title: title.text}, time.UTC)
		if got := f.facts[0]; got != title.want {
			t.Errorf("%q: country %b, want %b", title.text, got, title.want)
		}
	}
}

// TestBackerIsNoPlace checks that a country joined by a hyphen to a word
// of backing ("Varnia-backed militia", "a Varnia-led coalition") is no
// value of the fact of where the event happened, in a headline or in the
// first sentence a headline that names none leaves it to: it names who
// stands behind the actor. A country named otherwise stays one.
func TestBackerIsNoPlace(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.facts.country]
varnia = ["varnia"]
`)
	for _, tc := range []struct {
		title, text string
		want        uint32 // the country fact's values
	}{
		{"Varnia-backed militia seizes river port", "", 0},
		{"Coalition jets strike depot", "A Varnia-led coalition struck a fuel depot on Monday.", 0},
		{"Envoy blacklists rebel chiefs", "The envoy blacklisted two leaders of the Varnia-sponsored movement on Monday.", 0},
		{"Militia seizes river port in Varnia", "", 1},
		{"Varnia shells river port", "", 1},
	} {
		f, _, _ := v.extract(&model.Item{Title: tc.title, Text: tc.text}, time.UTC)
		if got := f.facts[0]; got != tc.want {
			t.Errorf("%q / %q: country %b, want %b", tc.title, tc.text, got, tc.want)
		}
	}
}

// TestCoincidingClauseIsBackground checks that a first sentence's clause
// from "coincide" on ("timed to coincide with a joint exercise by ...")
// tells of another event: its words count as the lead's later sentences'
// do (only where another report shares them, and then for less), and its
// names are no names of the first sentence.
func TestCoincidingClauseIsBackground(t *testing.T) {
	v := DefaultVocabulary()
	id := func(w string) uint32 { return hash32(v.canonicalTerms(splitWords(w), false)[0].text) }
	for _, tc := range []struct {
		text  string
		word  string
		extra bool
	}{
		{"Navy ships carried out a patrol around Corvo Reef on Friday, timed to coincide with a joint exercise by Westmark and Norland.", "exercise", true},
		{"Navy ships carried out a patrol around Corvo Reef on Friday, coinciding with a visit by Westmark's defence minister.", "visit", true},
		{"Navy ships carried out a patrol around Corvo Reef on Friday, timed to coincide with a joint exercise by Westmark and Norland.", "patrol", false},
		{"Navy ships carried out a patrol and a joint exercise with Westmark around Corvo Reef on Friday.", "exercise", false},
	} {
		f, _, _ := v.extract(&model.Item{Title: "Ships patrol near reef", Text: tc.text}, time.UTC)
		i := slices.Index(f.terms, id(tc.word))
		if i < 0 {
			t.Fatalf("%q: no term %q", tc.text, tc.word)
		}
		if got := f.isExtra(i); got != tc.extra {
			t.Errorf("%q: %q a later sentence's %v, want %v", tc.text, tc.word, got, tc.extra)
		}
	}
}

// TestSameDayClauseIsAnotherEvents checks that a lead's clause placing
// another event on the report's day by "the same day" (or morning,
// afternoon, evening, night) gives the report no words: from the phrase
// to its sentence's end, or the clause the phrase closes; a "same" of
// another span, or of no time, keeps its words.
func TestSameDayClauseIsAnotherEvents(t *testing.T) {
	v := DefaultVocabulary()
	id := func(w string) uint32 { return hash32(v.canonicalTerms(splitWords(w), false)[0].text) }
	for _, tc := range []struct {
		text string
		word string
		kept bool
	}{
		{"The ministry published the draft law on Monday. The announcement came on the same day rebels seized the town of Korvanets.", "Korvanets", false},
		{"The ministry published the draft law on Monday. The announcement came on the same day rebels seized the town of Korvanets.", "draft", true},
		{"Candidates split on the budget, a question made sharper by the finance minister's resignation the same morning.", "resignation", false},
		{"Candidates split on the budget, a question made sharper by the finance minister's resignation the same morning.", "budget", true},
		{"Four navies sailed off Zambales on Friday. The same day, the coast guard announced a patrol near Corvo Reef.", "Corvo", false},
		{"Four navies sailed off Zambales on Friday. The same day, the coast guard announced a patrol near Corvo Reef.", "Zambales", true},
		{"Water levels near Kratie were lower than in the same week last year.", "Kratie", true},
		{"Fishermen returned to Corvo Reef the same way they had come.", "Corvo", true},
	} {
		f, _, _ := v.extract(&model.Item{Title: "Ministry publishes draft law", Text: tc.text}, time.UTC)
		if got := slices.Contains(f.terms, id(tc.word)); got != tc.kept {
			t.Errorf("%q: %q a term %v, want %v", tc.text, tc.word, got, tc.kept)
		}
	}
}

// TestNamesOf: a named operation is a known name or a capitalised run
// before a head, and looking for one costs no allocation where there is
// none (it is looked for at every word of every report).
func TestNamesOf(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.names]
heads = ["exercise", "drills"]
[stories.vocabulary.names.known]
"steel heron" = "steel heron"
"operation steel heron" = "steel heron"
`)
	tests := []struct {
		title, lead string
		want        []string
	}{
		{"Navies open Operation Steel Heron", "The drills run for a week.", []string{"steel_heron"}},
		{"Steel Heron begins", "Ships sailed at dawn.", []string{"steel_heron"}},
		{"Troops join Amber Crane exercise", "The exercise ends on Friday.", []string{"amber_crane"}},
		{"Ferry sinks off Kelmstad", "All passengers were rescued by the coast guard.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.title, func(t *testing.T) {
			tw, lead := splitWords(tc.title), splitWords(tc.lead)
			var want []uint32
			for _, n := range tc.want {
				want = append(want, hash32("x:"+n))
			}
			if got, _ := v.namesOf(tw, tw, lead); !slices.Equal(got, sortedDistinct(want)) {
				t.Fatalf("namesOf = %v, want %v", got, want)
			}
			if tc.want == nil {
				if a := testing.AllocsPerRun(10, func() { v.namesOf(tw, tw, lead) }); a != 0 {
					t.Fatalf("namesOf allocates %v times", a)
				}
			}
		})
	}
}

// TestSplitWords: a text's words, nil for a text without any (a headline
// without words reads as title-cased), and the list allocated once for a
// text of ordinary words (lowering a capitalised word costs its own).
func TestSplitWords(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"", nil},
		{" -- ", nil},
		{"Crane collapses onto barge in Kelmstad harbour", []string{"crane", "collapses", "onto", "barge", "in", "kelmstad", "harbour"}},
		{"The port said 1,200 tonnes of grain spilled into the north basin on Tuesday, and that divers would inspect the quay walls before ships could dock again.",
			[]string{"the", "port", "said", "1200", "tonnes", "of", "grain", "spilled", "into", "the", "north", "basin", "on", "tuesday", "and", "that", "divers", "would", "inspect", "the", "quay", "walls", "before", "ships", "could", "dock", "again"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			ws := splitWords(tc.text)
			if (ws == nil) != (tc.want == nil) {
				t.Fatalf("splitWords(%q) = %v, want nil %v", tc.text, ws, tc.want == nil)
			}
			var got []string
			lowered := 0 // words whose lower case is a string of its own
			for _, w := range ws {
				got = append(got, w.lower)
				if w.lower != w.raw {
					lowered++
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("splitWords(%q) = %q, want %q", tc.text, got, tc.want)
			}
			if a := testing.AllocsPerRun(10, func() { splitWords(tc.text) }); tc.want != nil && a > float64(1+lowered) {
				t.Fatalf("splitWords(%q) allocates %v times, want at most %d", tc.text, a, 1+lowered)
			}
		})
	}
}

// TestSaidIsNoFact checks that what a headline's subject says after a
// pause ("..., says Ostel militia must disarm at once") gives no value of
// a fact of the event, while a short attribution ("..., says ministry")
// leaves the headline's own values alone.
func TestSaidIsNoFact(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.facts.country]
ostel = ["ostel"]
norland = ["norland"]
`)
	for _, tc := range []struct {
		title string
		want  uint32 // the country fact's values
	}{
		{"Norland welcomes truce, says Ostel militia must disarm at once", 2},
		{"Shelling kills seven in Ostel, says ministry", 1},
		{"Norland says Ostel militia must disarm", 3},
	} {
		f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := f.facts[0]; got != tc.want {
			t.Errorf("%q: country %b, want %b", tc.title, got, tc.want)
		}
	}
}

// TestSumScale checks that a sum written with its scale's letters reads
// as its number and the scale's word, as other outlets write it ("$210m",
// "A$210 million"): a desk's acts may need the word, and reports of one
// sum then share it. "100m" with no currency sign may be a distance.
func TestSumScale(t *testing.T) {
	v := DefaultVocabulary()
	tests := []struct {
		text string
		want []string // terms the text must give
		not  []string // terms it must not give
	}{
		{"Kestria announces $210m police package", []string{"210", "million"}, []string{"210m"}},
		{"Kestria pledges A$1.5bn in budget support", []string{"1.5", "billion"}, nil},
		{"Port operator posts £3bn loss", []string{"3", "billion"}, nil},
		{"Fund grows to 2tn", []string{"2", "trillion"}, nil},
		{"Sprinter wins 100m final", []string{"100m"}, []string{"million"}},
	}
	for _, tc := range tests {
		got := map[string]bool{}
		for _, term := range v.canonicalTerms(splitWords(tc.text), true) {
			got[term.text] = true
		}
		for _, w := range tc.want {
			if !got[w] {
				t.Errorf("%q: no term %q (%v)", tc.text, w, got)
			}
		}
		for _, w := range tc.not {
			if got[w] {
				t.Errorf("%q: term %q (%v)", tc.text, w, got)
			}
		}
	}
}

// TestProtestNoteIsNoProtest checks that "protest" in a diplomatic
// note's name ("protest note", "note of protest") is no protest act on a
// desk whose act "protest" is, but a reaction to what it protests (a
// statement when a voice hands it), while a protest in the street stays
// the act and a desk's own "note" verb keeps its sense.
func TestProtestNoteIsNoProtest(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "protest"
verbs = ["protest", "rally"]
[[stories.vocabulary.acts]]
kind = "clash"
verbs = ["clash", "shootout"]
[stories.vocabulary.statement]
verbs = ["condemn", "condemns"]
voices = ["spokesman", "envoy"]
`)
	w := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "protest"
verbs = ["protest", "rally"]
[[stories.vocabulary.acts]]
kind = "summon"
verbs = ["summon", "note"]
`)
	checkKinds(t, []kindCase{
		{v, "Capital hands protest note to neighbour's envoy over river incident", "reaction"},
		{v, "Ministry delivers note of protest to ambassador after border clash", "reaction"},
		{v, "Foreign ministry sends protest notes to two embassies", "reaction"},
		{v, "Envoy reads out note of protest over shelling", "statement"},
		{v, "Students protest outside parliament over tuition fees", "protest"},
		{v, "Thousands protest in capital as shootout toll rises", "protest"},
		{v, "Farmers rally with notes demanding higher prices", "protest"},
		{w, "Ministry hands note of protest to ambassador over airspace breach", "summon"},
	})
}

// TestPledgePurposeIsNoAct checks that, in a headline whose parties
// agree or vow to do something, an act named after a second "to" is the
// purpose of what they agreed ("agree to set up a commission to
// investigate border clashes"), no act of the headline: the headline
// stays the pledge's meeting, while an act the first "to" governs is the
// headline's ("agree to a truce").
func TestPledgePurposeIsNoAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "clash"
verbs = ["clash", "shootout"]
[[stories.vocabulary.acts]]
kind = "truce"
verbs = ["truce", "ceasefire"]
`)
	for _, tc := range []struct {
		title string
		want  string
	}{
		{"Two ministers agree to set up a commission to investigate border clashes", "talks"},
		{"Foreign ministers agreed to create a hotline to prevent clashes", "talks"},
		{"Army and rebels agree to truce to allow aid convoys", "truce"},
		{"Neighbours agree to a ceasefire after border clashes", "truce"},
		{"Border clash kills two", "clash"},
	} {
		t.Run(tc.title, func(t *testing.T) {
			f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
			if got := v.kindNames[f.kind]; got != tc.want {
				t.Errorf("kind %s, want %s", got, tc.want)
			}
		})
	}
}

// TestPastYearActIsBackground: an act the first sentence puts in an
// earlier year than the report's ("the treaty the two countries signed
// in 2025") is background, no act of the report's lead; one of the
// report's own year is read.
func TestPastYearActIsBackground(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
[[stories.vocabulary.acts]]
kind = "loan"
verbs = ["loan", "sign"]
`)
	loan := -1
	for k, n := range v.kindNames {
		if n == "loan" {
			loan = k
		}
	}
	pub := time.Date(2029, 5, 8, 6, 0, 0, 0, time.UTC)
	tests := []struct {
		lead string
		loan bool
	}{
		{"Forty cadets joined the army on Tuesday under the pact the two countries signed in 2026.", false},
		{"Forty cadets joined the army on Tuesday under the pact the two countries signed in 2029.", true},
		{"The two countries signed a loan on Tuesday.", true},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: "Cadets join army", Text: tc.lead, Published: pub}, time.UTC)
		if got := f.leadActs&(1<<loan) != 0; got != tc.loan {
			t.Errorf("%q: first sentence names a loan %v, want %v", tc.lead, got, tc.loan)
		}
	}
}

// TestOpeningTimeClause: a headline opened by a clause of time that ends
// at a comma ("A day after the port blast, ...") has its act after the
// comma; the clause names what the act follows.
func TestOpeningTimeClause(t *testing.T) {
	tests := []struct{ text, want string }{
		{"A day after the port blast, dock suspect held in capital", "dock suspect held in capital"},
		{"Two days after the vote, premier quits", "premier quits"},
		{"Hours after the quake, rescuers reach the valley", "rescuers reach the valley"},
		{"After talks, the ministers met again", "After talks the ministers met again"},
		{"Two days after the vote premier quits", "Two days"},
	}
	for _, tc := range tests {
		var got, want []string
		for _, w := range mainClause(splitWords(tc.text)) {
			got = append(got, w.raw)
		}
		for _, w := range splitWords(tc.want) {
			want = append(want, w.raw)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: main clause %q, want %q", tc.text, got, want)
		}
	}
}

// TestLonePledgeIsNoTalks: parties that agree or vow together have met
// (talks); one party's pledge that names no act of its own met no one and
// answers the news it follows (a reaction); a pledge of an act is the act.
func TestLonePledgeIsNoTalks(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "truce"
verbs = ["truce", "ceasefire"]
`)
	off := *v
	off.off = lonePledges
	checkKinds(t, []kindCase{
		{v, "Valdoria agrees to buy Mirefield telecom stake", "reaction"},
		{v, "Kestria agrees record air defence budget", "reaction"},
		{v, "Norland vows response to envoy's expulsion", "reaction"},
		{v, "Valdoria, Norland agree to pool coast patrols", "talks"},
		{v, "Valdoria and Norland agree on grazing rights", "talks"},
		{v, "Border ministers vow closer ties", "talks"},
		{v, "Regional council agrees fresh push on rebels", "talks"},
		{v, "Valdoria agrees to truce with rebels", "truce"},
		// A phrase joined by its last word: "S. Korea, Japan".
		{DefaultVocabulary(), "S. Korea, Japan agree to share radar data", "talks"},
		{&off, "Kestria agrees record air defence budget", "talks"},
	})
}

// TestDefenceIsNoAct: an act's noun after "anti-" or "counter-" names a
// defence against the act, not the act.
func TestDefenceIsNoAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "drone-sighting"
verbs = ["drone", "sighting"]
`)
	off := *v
	off.off = defences
	checkKinds(t, []kindCase{
		{v, "Kestria buys counter-drone systems for its airports", "other"},
		{v, "Parliament backs anti-drone shield", "other"},
		{v, "Drone sighting shuts Valdor airport", "drone-sighting"},
		{v, "Drones over Valdor airport halt flights", "drone-sighting"},
		{&off, "Kestria buys counter-drone systems for its airports", "drone-sighting"},
	})
}

// TestCondemnationIsReaction: a voice that condemns a dated act its
// headline names answers the act; one that denounces it, or condemns no
// act, makes a statement of its own.
func TestCondemnationIsReaction(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.statement]
voices = ["chairperson", "valdoria"]
[[stories.vocabulary.acts]]
kind = "attack"
verbs = ["attack", "ambush"]
`)
	off := *v
	off.off = condemnations
	checkKinds(t, []kindCase{
		{v, "Chairperson condemns attack on Kestrian army post", "reaction"},
		{v, "Valdoria condemned ambush of border guards", "reaction"},
		{v, "Valdoria denounces attack on border post as staged", "statement"},
		{v, "Chairperson condemns hate speech in Kestria", "statement"},
		{v, "Gunmen attack Kestrian army post", "attack"},
		{&off, "Chairperson condemns attack on Kestrian army post", "statement"},
	})
}

// kindCase is a headline and the kind of act its vocabulary reads in it.
type kindCase struct {
	v     *Vocabulary
	title string
	want  string
}

// checkKinds reads each headline's kind of act with its case's vocabulary.
func checkKinds(t *testing.T, cases []kindCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.title, func(t *testing.T) {
			f, _, _ := tc.v.extract(&model.Item{Title: tc.title}, time.UTC)
			if got := tc.v.kindNames[f.kind]; got != tc.want {
				t.Errorf("kind %s, want %s", got, tc.want)
			}
		})
	}
}

// TestOnCauseNamesNoSecondAct: an act's noun that heads what an "on"
// after an act of another kind governs is what that act answers ("cuts
// profit forecast on Velmar quake"), no second act of the headline
// (onCauses, read by twoActs); with no act before "on" in its clause
// ("..., dock workers on strike"), or where the act's noun only
// modifies what "on" governs ("agreement on loan repayment
// arrangement"), or with the switch off, the act stays the headline's.
func TestOnCauseNamesNoSecondAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "results"
verbs = ["forecast"]
[[stories.vocabulary.acts]]
kind = "disruption"
verbs = ["quake", "halt"]
[[stories.vocabulary.acts]]
kind = "strike"
verbs = ["strike"]
[[stories.vocabulary.acts]]
kind = "deal"
verbs = ["sign"]
[[stories.vocabulary.acts]]
kind = "loan"
verbs = ["loan"]
`)
	feat := func(v *Vocabulary, title string) features {
		f, _, _ := v.extract(&model.Item{Title: title}, time.UTC)
		return f
	}
	quake := feat(v, "Strong quake jolts Velmar province")
	strike := feat(v, "Dock workers strike at Velmar port")
	loan := feat(v, "Ostrand grants Velmar new loan")
	off := *v
	off.off = onCauses
	for _, tc := range []struct {
		title string
		other features
		v     *Vocabulary
		names bool // names the other's act as an act of its own
	}{
		{"Ostrava Metals cuts profit forecast on Velmar quake", quake, v, false},
		{"Ostrava Metals cuts profit forecast on Velmar quake", quake, &off, true},
		{"Velmar quake halts output, Ostrava Metals cuts profit forecast", quake, v, true},
		{"Ostrava Metals halts output, dock workers on strike", strike, v, true},
		{"Velmar, Ostrand sign agreement on loan repayment arrangement", loan, v, true},
	} {
		f := feat(tc.v, tc.title)
		if got := tc.v.alsoNames(&f, &tc.other); got != tc.names {
			t.Errorf("%q (%s, off %v): names the other's act %v, want %v", tc.title, v.kindNames[f.kind], tc.v.off != allOn, got, tc.names)
		}
	}
}

// TestFollowedClauseMask: the clauses of what a report's act follows run
// from their opening word to the next pause or the sentence's end; "after"
// in each other language read, as in a headline (opensForeignAfter: "nach"
// with an article), opens one, "followed by", "d'après" (according to),
// "nach Berlin" (to), "po raz" (for the ... time), an "after" that ends
// its sentence (later), Portuguese "depois" and a follow of what is to
// come ("would follow in May") do not.
func TestFollowedClauseMask(t *testing.T) {
	tests := []struct{ lead, clause string }{
		{"The plan follows the killing of two men in Tarnec on Monday. It goes to parliament.", "follows the killing of two men in Tarnec on Monday"},
		{"Quelques heures après la révocation d'Ana Petrel, le conseil a nommé Luc Marin.", "après la révocation d Ana Petrel"},
		{"El gobierno cerró la frontera tras el ataque a Tarnec, dijo el ministro.", "tras el ataque a Tarnec"},
		{"O governo fechou a fronteira após o ataque a Tarnec.", "após o ataque a Tarnec"},
		{"Die Regierung schloss die Grenze nach dem Anschlag auf Tarnec.", "nach dem Anschlag auf Tarnec"},
		{"The move comes after the collapse of the Tarnec dam.", "after the collapse of the Tarnec dam"},
		// "after" in each other language read, as in a headline's
		// background clause (opensForeignAfter).
		{"Le conseil a nomme Luc Marin apres la revocation d'Ana Petrel.", "apres la revocation d Ana Petrel"},
		{"Lekol yo fèmen apre tranbleman tè a nan Tarnec.", "apre tranbleman tè a nan Tarnec"},
		{"Il governo ha chiuso il confine dopo l'attacco a Tarnec.", "dopo l attacco a Tarnec"},
		{"Regeringen stängde gränsen efter attacken i Tarnec.", "efter attacken i Tarnec"},
		{"Regjeringen stengte grensen etter angrepet i Tarnec.", "etter angrepet i Tarnec"},
		{"Die Regierung schloss die Grenze, nachdem Tarnec angegriffen wurde.", "nachdem Tarnec angegriffen wurde"},
		{"Die Regierung schloss die Grenze nach den Anschlägen auf Tarnec.", "nach den Anschlägen auf Tarnec"},
		{"De regering sloot de grens nadat Tarnec werd aangevallen.", "nadat Tarnec werd aangevallen"},
		{"De regering sloot de grens na de aanval op Tarnec.", "na de aanval op Tarnec"},
		{"O governo fechou a fronteira depois do ataque a Tarnec.", ""}, // not "depois" (opensFollowed)
		{"El gobierno cerró la frontera después del ataque a Tarnec.", "después del ataque a Tarnec"},
		{"El gobierno cerro la frontera despues del ataque a Tarnec.", "despues del ataque a Tarnec"},
		{"Pemerintah menutup perbatasan setelah serangan di Tarnec.", "setelah serangan di Tarnec"},
		{"Pemerintah menutup perbatasan sesudah serangan di Tarnec.", "sesudah serangan di Tarnec"},
		{"Pemerintah menutup perbatasan seusai serangan di Tarnec.", "seusai serangan di Tarnec"},
		{"Kerajaan menutup sempadan selepas serangan di Tarnec.", "selepas serangan di Tarnec"},
		{"Pemerintah menutup perbatasan usai serangan di Tarnec.", "usai serangan di Tarnec"},
		{"Pemerintah menutup perbatasan pasca serangan di Tarnec.", "pasca serangan di Tarnec"},
		{"Serikali ilifunga mpaka baada ya shambulio la Tarnec.", "baada ya shambulio la Tarnec"},
		{"Isinara ng gobyerno ang hangganan matapos ang pag-atake sa Tarnec.", "matapos ang pag atake sa Tarnec"},
		{"Isinara ng gobyerno ang hangganan pagkatapos ng pag-atake sa Tarnec.", "pagkatapos ng pag atake sa Tarnec"},
		{"Rząd zamknął granicę po ataku na Tarnec.", "po ataku na Tarnec"},
		{"Η κυβέρνηση έκλεισε τα σύνορα μετά την επίθεση στο Tarnec.", "μετά την επίθεση στο Tarnec"},
		{"Правительство закрыло границу после нападения на Tarnec.", "после нападения на Tarnec"},
		{"Уряд закрив кордон після нападу на Tarnec.", "після нападу на Tarnec"},
		{"أغلقت الحكومة الحدود بعد الهجوم على Tarnec.", "بعد الهجوم على Tarnec"},
		{"The strike was followed by talks in Tarnec.", ""},
		{"D'après la police, le conseil a nommé Luc Marin.", ""},
		{"Die Ministerin reiste nach Tarnec, nach Angaben der Polizei.", ""},
		{"Unions said more action would follow in May.", ""},
		{"Strajk po raz drugi w Tarnecu.", ""},
		{"Le conseil a nommé Luc Marin deux heures après.", ""},
		{"Os mineiros pararam duas horas depois.", ""},
	}
	for _, tc := range tests {
		lead := leadOf(splitWords(tc.lead))
		mask := followedClauseMask(lead)
		var got []string
		for i, w := range lead {
			if mask != nil && mask[i] {
				got = append(got, w.raw)
			}
		}
		if strings.Join(got, " ") != tc.clause {
			t.Errorf("%q: clause %q, want %q", tc.lead, strings.Join(got, " "), tc.clause)
		}
	}
}

// TestAccentedWords: a word written with a capital mid-sentence that the
// vocabulary does not list is read without its accents, as outlets that
// write without them spell it, so the lead's words meet too; a
// sentence's first word keeps them ("Conférence" is French, no name),
// and with accentedWords off every word keeps them.
func TestAccentedWords(t *testing.T) {
	v := DefaultVocabulary()
	off := *v
	off.off = accentedWords
	terms := func(v *Vocabulary, text string) []uint32 {
		return termIDs(v.canonicalTerms(splitWords(text), false), nil)
	}
	pairs := [][2]string{
		{"Two men were shot in Vålsköping overnight.", "Two men were shot in Valskoping overnight."},
		{"The council dismissed Émile Dorvanne's deputy Zoë Marçal.", "The council dismissed Emile Dorvanne's deputy Zoe Marcal."},
	}
	for _, p := range pairs {
		if a, b := terms(v, p[0]), terms(v, p[1]); !slices.Equal(a, b) {
			t.Errorf("%q and %q give different terms", p[0], p[1])
		}
		if a, b := terms(&off, p[0]), terms(&off, p[1]); slices.Equal(a, b) {
			t.Errorf("with accentedWords off, %q and %q give one set of terms", p[0], p[1])
		}
	}
	if a, b := terms(v, "Conférence des donateurs."), terms(v, "Conference des donateurs."); slices.Equal(a, b) {
		t.Errorf("a sentence's first word lost its accents")
	}
}

// A headline's label before a colon that names the crime leaves the
// report's act to what follows it, when that is what a prosecutor or
// court did (labelledActs); a label before the act's own details keeps
// its kind.
func TestLabelledCourtActs(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
[[stories.vocabulary.acts]]
kind = "attack"
verbs = ["attack", "stab", "attaque"]
[[stories.vocabulary.acts]]
kind = "charge"
verbs = ["charged", "convicted"]
`)
	tests := []struct {
		title string
		want  string
	}{
		{"Harbour Street attack: two men charged with attempted murder", "charge"},
		{"Attaque du marché de Vernay : le suspect inculpé et écroué", "charge"},
		{"Depot stabbing case: court convicts guard of assault", "charge"},
		// The label's act told in its details: no court's act.
		{"Harbour Street attack: two wounded, suspect fled", "attack"},
		// No label: the headline's first act is its kind.
		{"Man who attacked Harbour Street bar is charged", "attack"},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := v.kindNames[f.kind]; got != tc.want {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.want)
		}
		off := *v
		off.off = labelledActs
		if g, _, _ := off.extract(&model.Item{Title: tc.title}, time.UTC); tc.want == "charge" && off.kindNames[g.kind] == "charge" {
			t.Errorf("%q: with labelledActs off, kind charge already", tc.title)
		}
	}
}

// TestUTCSentences: a wire that gives its act's time in UTC in its
// second sentence, past the words the lead is cut to, gives the act's
// day in UTC (utcDay) as it would in its first (utcSentences); a time
// in UTC on the day the lead names gives no other day, and the third
// sentence's is still read, the fourth's not.
func TestUTCSentences(t *testing.T) {
	first := "KESSARA, June 5 (Wire) - Twenty-two sailors abandoned a burning cargo ship in the Veran Sea early on Thursday, the port authority said, after a fire broke out in its engine room while the vessel lay at anchor off the island of Kessara, waiting for a berth to unload steel coils bound for a new bridge across the strait. "
	pub := time.Date(2031, 6, 5, 4, 30, 0, 0, time.UTC) // a Thursday
	thu := dayNumber(time.Date(2031, 6, 5, 0, 0, 0, 0, time.UTC))
	tests := []struct {
		name, rest string
		want       int32
	}{
		{"second sentence", "The Morvan Trader, a general cargo vessel built in 1996, was six nautical miles from the harbour when the blaze was spotted at around 2:15 a.m. (2315 GMT on Wednesday). Nobody was hurt.", thu - 1},
		{"third sentence", "The Morvan Trader was built in 1996. It was six nautical miles from the harbour when the blaze was spotted at around 2:15 a.m. (2315 GMT on Wednesday).", thu - 1},
		{"fourth sentence", "The Morvan Trader was built in 1996. Nobody was hurt. It was six miles out when the blaze was spotted at around 2:15 a.m. (2315 GMT on Wednesday).", 0},
		{"same day in UTC", "The Morvan Trader, a general cargo vessel built in 1996, was six nautical miles from the harbour when the blaze was spotted at around 0515 GMT on Thursday. Nobody was hurt.", 0},
	}
	v := DefaultVocabulary()
	off := *v
	off.off = utcSentences
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			it := &model.Item{Title: "Blaze on cargo ship off Kessara forces crew into lifeboats", Text: first + tc.rest, Published: pub}
			f, _, _ := v.extract(it, time.UTC)
			if f.day != thu {
				t.Fatalf("day %d, want %d", f.day, thu)
			}
			if f.utcDay != tc.want {
				t.Errorf("utcDay %d, want %d", f.utcDay, tc.want)
			}
			if f, _, _ := off.extract(it, time.UTC); tc.want != 0 && f.utcDay != 0 {
				t.Errorf("utcSentences off: utcDay %d, want none", f.utcDay)
			}
		})
	}
}

// TestOrderNoun checks that French "arrêté" as a noun, an authority's
// order, reads as a decree, and as the participle of "arrêter" as an
// arrest.
func TestOrderNoun(t *testing.T) {
	v := DefaultVocabulary()
	tests := []struct {
		text  string
		order bool
	}{
		{"Arrêté instaurant un couvre-feu à Port-Lémon", true},
		{"Le maire a pris un arrêté interdisant les feux d'artifice", true},
		{"Arrêté préfectoral : la baignade interdite à Saint-Aubin", true},
		{"Par arrêté du 3 mai, la circulation est suspendue", true},
		{"Un homme arrêté à Lyon après l'incendie", false},
		{"Le suspect arrêté pendant la nuit a été mis en examen", false},
		{"Deux militants arrêtés devant la préfecture", false},
	}
	for _, tc := range tests {
		decree, arrest := false, false
		for _, tm := range v.canonicalTerms(v.textWords(tc.text), true) {
			decree = decree || tm.text == "decree"
			arrest = arrest || tm.text == "arrest"
		}
		if decree != tc.order || arrest == tc.order {
			t.Errorf("%q: decree %v, arrest %v; want an order %v", tc.text, decree, arrest, tc.order)
		}
	}
}

// TestDenialIsReaction checks that a denial is an answer to the act it
// names, as a condemnation is ("Kestrel Front denies role in Harwick
// bombing"), also after a label that names the act ("Harwick bombing:
// Kestrel Front denies role"), while a label's act told in its details
// stays that act.
func TestDenialIsReaction(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
[[stories.vocabulary.acts]]
kind = "attack"
verbs = ["attack", "bombing", "bomb"]
`)
	tests := []struct {
		title    string
		want     string
		labelled bool // a reaction only by its label (labelledActs)
	}{
		{"Kestrel Front denies role in Harwick bombing", "reaction", false},
		{"Harwick bombing: Kestrel Front denies role, blames rivals", "reaction", true},
		{"Harwick bombing: three killed at crowded market", "attack", false},
	}
	for _, tc := range tests {
		f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := v.kindNames[f.kind]; got != tc.want {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.want)
		}
		if !tc.labelled {
			continue
		}
		off := *v
		off.off = labelledActs
		if g, _, _ := off.extract(&model.Item{Title: tc.title}, time.UTC); off.kindNames[g.kind] == tc.want {
			t.Errorf("%q: with labelledActs off, kind %s already", tc.title, tc.want)
		}
	}
}
