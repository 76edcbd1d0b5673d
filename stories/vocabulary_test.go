package stories

import (
	"bytes"
	"errors"
	"math/bits"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

// TestVocabularyMerge checks how a config's vocabulary meets the shipped
// one: it extends it (its aliases win, facts of one name share values) or,
// with replace, leaves only news English.
func TestVocabularyMerge(t *testing.T) {
	cfg, err := config.Parse("desk.toml", []byte(`
[stories.vocabulary]
common = ["tanker"]
[stories.vocabulary.aliases]
"dprk" = "dprk"
"strait of hormuz" = "hormuz"
[stories.vocabulary.facts.weapon]
drone = ["drone"]
[stories.vocabulary.facts.vessel]
tanker = ["tanker"]
[[stories.vocabulary.acts]]
kind = "attack"
verbs = ["attack"]
`))
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVocabulary(cfg.Stories.Vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	if v.phrases["dprk"] != "dprk" || v.phrases["strait of hormuz"] != "hormuz" || v.phrases["north korea"] != "nkorea" {
		t.Errorf("aliases: dprk=%q hormuz=%q north korea=%q", v.phrases["dprk"], v.phrases["strait of hormuz"], v.phrases["north korea"])
	}
	facts := v.Facts()
	if !slices.Contains(facts["weapon"], "drone") || !slices.Contains(facts["weapon"], "ballistic") || len(facts["vessel"]) != 1 {
		t.Errorf("facts = %v", facts)
	}
	if !slices.Contains(v.Kinds(), "attack") || !slices.Contains(v.Kinds(), "launch") {
		t.Errorf("kinds = %v", v.Kinds())
	}

	cfg.Stories.Vocabulary.Replace = true
	v, err = NewVocabulary(cfg.Stories.Vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	if v.phrases["north korea"] != "" || v.phrases["kick off"] != "begin" || slices.Contains(v.Kinds(), "launch") || !slices.Contains(v.Kinds(), "talks") {
		t.Errorf("replaced: north korea=%q kick off=%q kinds=%v", v.phrases["north korea"], v.phrases["kick off"], v.Kinds())
	}
	if DefaultVocabulary().phrases["dprk"] != "nkorea" {
		t.Error("a config vocabulary changed the shipped one")
	}
}

// TestVocabularyLimits checks that limits reached only when the config's
// facts meet the shipped ones are reported at the config's position.
func TestVocabularyLimits(t *testing.T) {
	src := "[stories.vocabulary]\n"
	// The shipped vocabularies have three facts (weapon, sea, direction).
	for _, name := range []string{"a", "b", "c", "d"} {
		src += "[stories.vocabulary.facts." + name + "]\nx = [\"x" + name + "\"]\n"
	}
	cfg, err := config.Parse("desk.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = NewVocabulary(cfg.Stories.Vocabulary)
	var list config.Errors
	if !errors.As(err, &list) || len(list) != 1 || list[0].Pos.Line != 8 {
		t.Fatalf("err = %v, want one mistake at line 8 (the fourth fact, seventh in all)", err)
	}
}

// FuzzVocabulary: any config vocabulary that parses either compiles or is
// refused with positioned mistakes, and a compiled one groups items
// without panicking.
func FuzzVocabulary(f *testing.F) {
	for _, path := range []string{"testdata/energy.toml", "vocabulary/korea.toml", "vocabulary/news.toml"} {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("[stories.vocabulary]\nreplace = true\n[[stories.vocabulary.acts]]\nkind = \"x\"\nverbs = [\"a\"]\nalso = [\"y\"]\n"))
	items := []model.Item{
		{Feed: "a", Title: "Tanker attacked in Red Sea, crew safe", Text: "A tanker was attacked on Monday, officials said.", Published: time.Date(2027, 3, 2, 9, 0, 0, 0, time.UTC)},
		{Feed: "b", Title: "N. Korea fires two ballistic missiles into East Sea", Text: "North Korea fired two ballistic missiles on Tuesday, the JCS said.", Published: time.Date(2027, 3, 2, 10, 0, 0, 0, time.UTC)},
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !bytes.Contains(data, []byte("[stories.vocabulary]")) {
			data = append([]byte("[stories.vocabulary]\n"), data...)
		}
		cfg, err := config.Parse("f.toml", data)
		if err != nil || cfg == nil {
			return
		}
		v, err := NewVocabulary(cfg.Stories.Vocabulary)
		if err != nil {
			var list config.Errors
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("error %v is not positioned mistakes", err)
			}
			return
		}
		g := NewGrouperWith(72*time.Hour, v)
		for _, it := range items {
			g.Add(&it, time.UTC)
		}
	})
}

// TestDeskActVerbWins: a word the desk names as the verb of one of its
// acts keeps that sense over news English's statement verbs, which still
// read it where the desk says nothing of it.
func TestDeskActVerbWins(t *testing.T) {
	desk := setVocabulary(t, "testdata/europe.toml")
	tests := []struct {
		v     *Vocabulary
		vocab string
		title string
		want  string
	}{
		{desk, "europe.toml", "Serbia's biggest protest in months fills Slavija square", "protest"},
		{desk, "europe.toml", "Belgrade protest: police say 45,000, organisers 150,000", "protest"},
		{desk, "europe.toml", "Serbian president dismisses Belgrade protest as foreign-funded", "reaction"},
		{DefaultVocabulary(), "shipped", "China protests Japan's radar lock-on", "reaction"},
	}
	for _, tc := range tests {
		f, _, _ := tc.v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := tc.v.kindNames[f.kind]; got != tc.want {
			t.Errorf("%s: %q: kind %s, want %s", tc.vocab, tc.title, got, tc.want)
		}
	}
}

// TestDeskWordKeepsNewsFactsOff: a word the desk gives a sense of its
// own ("rally" a protest, "falls" a government's collapse) is no value of
// news English's facts for it, which still read it elsewhere.
func TestDeskWordKeepsNewsFactsOff(t *testing.T) {
	direction := func(v *Vocabulary, title string) uint32 {
		f, _, _ := v.extract(&model.Item{Title: title}, time.UTC)
		for i, fct := range v.facts {
			if fct.name == "direction" {
				return f.facts[i]
			}
		}
		t.Fatal("no direction fact")
		return 0
	}
	desk := setVocabulary(t, "testdata/europe.toml")
	for _, title := range []string{"Tens of thousands rally in Belgrade against Serbian government", "Van Dijk cabinet falls after BBB walks out of asylum talks"} {
		if d := direction(desk, title); d != 0 {
			t.Errorf("europe.toml: %q reads as a direction (%b)", title, d)
		}
	}
	if d := direction(DefaultVocabulary(), "Stock markets rally as tech shares climb"); d == 0 {
		t.Errorf("shipped vocabulary: a market rally reads as no direction")
	}
}

// TestNewsSynonyms checks that news English reads one thing under the
// names outlets give it alike: each pair of headlines has the same terms.
func TestNewsSynonyms(t *testing.T) {
	v := DefaultVocabulary()
	pairs := []struct{ a, b string }{
		{"Jobless rate rises to 5.2%", "Unemployment rate rises to 5.2%"},
		{"Copper hits all-time high", "Copper hits record high"},
		{"Low turnout in parliamentary vote", "Low turnout in legislative vote"},
		{"Unemployed numbers fall in May", "Unemployment numbers fall in May"},
		{"Gold hits all-time low", "Gold hits record low"},
		{"Asian shares slide on chip rout", "Asian stocks slide on chip rout"},
		{"Defence minister criticised over delay", "Defense minister criticized over delay"},
		{"Labour union organises rally in town centre", "Labor union organizes rally in town center"},
		{"Hospitalisations double as tumour clinic shuts", "Hospitalizations double as tumor clinic shuts"},
		{"Port chief under fire over fuelled tanker", "Port chief criticised over fueled tanker"},
		{"Quake hits coastal town", "Earthquake hits coastal town"},
		{"Ceasefire holds in border town", "Truce holds in border town"},
		{"Outage hits capital", "Blackout hits capital"},
		{"Lawmaker arrested in bribery probe", "Lawmakers arrested in bribery probe"},
		{"Airstrike hits depot", "Air strike hits depot"},
		{"Missile strike hits depot", "Missile attack hits depot"},
		{"Villagers fled as gunmen slay five", "Villagers flee as gunmen kill five"},
		{"Police investigate warehouse blaze", "Police probe warehouse blaze"},
		{"Hostages freed after talks", "Hostages released after negotiations"},
		{"Forest fire forces evacuations", "Wildfire forces evacuations"},
		{"Junta topples president", "Junta ousts president"},
		{"Union calls off strike", "Union scraps strike"},
		{"Police take down botnet", "Police botnet takedown"},
		{"Police took down botnet", "Police botnet takedown"},
	}
	for _, p := range pairs {
		a := termIDs(v.canonicalTerms(splitWords(p.a), true), nil)
		b := termIDs(v.canonicalTerms(splitWords(p.b), true), nil)
		if !slices.Equal(a, b) {
			t.Errorf("%q and %q read differently", p.a, p.b)
		}
	}
}

// TestDecomposedAccents: a report whose accents come decomposed (e, then
// U+0301, as some feeds send them) reads as the composed one, and so
// does a vocabulary's phrase written decomposed.
func TestDecomposedAccents(t *testing.T) {
	v := compileVocabulary(t, "[stories.vocabulary]\nreplace = true\n"+
		"[stories.vocabulary.aliases]\n\"cártel de sinaloa\" = \"sinaloacartel\"\n\"Bogota\u0301\" = \"bogota\"\n")
	tests := []struct{ text, reads string }{
		{"Cártel de Sinaloa", "sinaloacartel"},
		{"Ca\u0301rtel de Sinaloa", "sinaloacartel"},
		{"CA\u0301RTEL DE SINALOA", "sinaloacartel"},
		{"Bogotá", "bogota"},       // the alias written decomposed
		{"Bogota\u0301", "bogota"}, // both decomposed
	}
	for _, tt := range tests {
		if got := strings.Join(v.reads(tt.text), " "); got != tt.reads {
			t.Errorf("%q reads %q, want %q", tt.text, got, tt.reads)
		}
	}
}

// TestCanonicalTermsMeetReportWords: the canonical term of an alias or of
// a [words] entry gives what a report writing its words gives (through
// [words] and the stemmer), so the entry's words meet the word itself and
// its other forms; a term written as the stemmer's form meets them too.
func TestCanonicalTermsMeetReportWords(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.aliases]
"spy satellite" = "satellite"
"cargo drone" = "drones"
[stories.vocabulary.words]
recalls = "recall"
levies = "levy"
blast = "detonation"
detonation = "explode"
tremor = "temblor"
temblor = "tremor"
`)
	tests := []struct{ entry, report string }{
		{"spy satellite", "satellite"},
		{"spy satellite", "satellites"},
		{"cargo drone", "drone"},
		{"recalls", "recall"},
		{"recalls", "recalling"},
		{"levies", "levy"},
		{"blast", "exploded"}, // blast → detonation → explode
		{"detonation", "explodes"},
		// A loop of entries is one term from wherever it is entered.
		{"tremor", "temblor"},
		// news English's defence = "defens", the stemmer's form of
		// "defense", which the stemmer changes again ("defen").
		{"defence", "defense"},
		{"defences", "defenses"},
	}
	for _, tt := range tests {
		a, b := v.reads(tt.entry), v.reads(tt.report)
		if len(a) == 0 {
			t.Errorf("%q reads nothing", tt.entry)
		}
		if !slices.Equal(a, b) {
			t.Errorf("%q reads %q, %q reads %q: want the same", tt.entry, a, tt.report, b)
		}
	}
}

// compileVocabulary compiles the [stories.vocabulary] of a config's text.
func compileVocabulary(t *testing.T, src string) *Vocabulary {
	t.Helper()
	cfg, err := config.Parse("desk.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	v, err := NewVocabulary(cfg.Stories.Vocabulary)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestShortStemIsNoName checks that a word whose stem has two letters
// keeps its own term: "used" and "uses" are not a desk's "us" (the
// United States), so a lead that says a government used a law names no
// country.
func TestShortStemIsNoName(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.aliases]
"united states" = "us"
[stories.vocabulary.facts.country]
us = ["us"]
canada = ["canada"]
`)
	country := func(title string) uint32 {
		f, _, _ := v.extract(&model.Item{Title: title}, time.UTC)
		return f.facts[0]
	}
	for _, tc := range []struct {
		title string
		want  uint32
	}{
		{"Ministers used emergency law to end dock strike", 0},
		{"Port operator uses temporary staff as dockers walk out", 0},
		{"Canada used emergency law to end dock strike", 1 << 1},
		{"United States ends dock strike with emergency law", 1 << 0},
	} {
		if got := country(tc.title); got != tc.want {
			t.Errorf("%q: country %b, want %b", tc.title, got, tc.want)
		}
	}
	if a, b := stemWord("unions"), stemWord("union"); a != b {
		t.Errorf("unions %q, union %q: a longer stem still meets its word", a, b)
	}
}

// TestCommonWordIsNoVerb checks that a word a vocabulary lists as common,
// which the stemmer makes the term of an act's verb ("union" and
// "unionize"), names no act; the verb as written still does.
func TestCommonWordIsNoVerb(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
common = ["union", "unions", "workers"]
[stories.vocabulary.words]
unionized = "unionize"
[[stories.vocabulary.acts]]
kind = "union-election"
verbs = ["unionize"]
[[stories.vocabulary.acts]]
kind = "strike"
verbs = ["strike"]
`)
	for _, tc := range []struct {
		title, want string
	}{
		{"Rail union keeps stopping the country", "other"},
		{"Unions say offer is good enough to put to members", "other"},
		{"Warehouse workers vote to unionize", "union-election"},
		{"Warehouse workers unionized after second vote", "union-election"},
		{"Rail union strikes for a second day", "strike"},
	} {
		f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := v.kindNames[f.kind]; got != tc.want {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.want)
		}
	}
}

// TestGoalIsNoAct: an act's noun that a headline seeks or heads toward
// ("seeking release of", "step toward early election", "clears way for
// referendum", "recommended for", "submitted for referendum") is no act
// the headline reports; one it reports, and a sea
// a launch heads toward, keep theirs.
func TestGoalIsNoAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "release"
verbs = ["release", "freed"]
[[stories.vocabulary.acts]]
kind = "election"
verbs = ["election", "referendum"]
[[stories.vocabulary.acts]]
kind = "launch"
verbs = ["fires"]
needs = ["missile"]
`)
	for _, tc := range []struct {
		title, want string
	}{
		{"Governor writes to minister seeking release of six sailors", "other"},
		{"Parliament takes first step toward snap election", "other"},
		{"Top court clears the way for referendum on new charter", "other"},
		{"Union sought referendum on pay offer, leaders say", "other"},
		{"Draft charter recommended for referendum by assembly", "other"},
		{"Pay offer submitted for referendum of members", "other"},
		{"Six sailors freed after talks", "release"},
		{"Country holds referendum on new charter", "election"},
		{"Navy fires missile toward Western Sea", "launch"},
	} {
		f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := v.kindNames[f.kind]; got != tc.want {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.want)
		}
	}
}

// TestSignedActIsTheAct checks that a headline whose undated act's verb
// ("signs") has a dated act's verb for its object ("decree", with what
// that act needs) reports the dated act: the signing is the decree. A
// signed deal stays a deal, and so does a signing whose object's act
// lacks what it needs.
func TestSignedActIsTheAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[[stories.vocabulary.acts]]
kind = "deal"
verbs = ["signs", "deal"]
undated = true
[[stories.vocabulary.acts]]
kind = "decree"
verbs = ["decree"]
needs = ["governor", "curfew", "tariffs"]
`)
	for _, tc := range []struct {
		title, want string
	}{
		{"Governor signs decree imposing night curfew on port city", "decree"},
		{"Two provinces sign water-sharing deal", "deal"},
		{"Mayor signs decree naming new park", "deal"},
		{"Governor imposes curfew by decree", "decree"},
	} {
		f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := v.kindNames[f.kind]; got != tc.want {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.want)
		}
	}
}

// TestReceivedActIsTheAct: a verb of receiving that news English reads as
// a meeting ("receives") names the act it takes as its object within a
// few words ("receives regulator's approval", "receives positive
// opinion"), and a meeting when it takes a visitor.
func TestReceivedActIsTheAct(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
[stories.vocabulary.aliases]
"positive opinion" = "recommend"
[[stories.vocabulary.acts]]
kind = "approval"
verbs = ["approval", "approves"]
[[stories.vocabulary.acts]]
kind = "recommendation"
verbs = ["recommend"]
`)
	for _, tc := range []struct {
		title, want string
	}{
		{"Brewer receives regulator approval for alcohol-free lager", "approval"},
		{"Vaccine receives positive opinion from medicines committee", "recommendation"},
		{"President receives visiting foreign minister", "talks"},
		{"Minister receives envoy ahead of budget approval", "talks"},
	} {
		f, _, _ := v.extract(&model.Item{Title: tc.title}, time.UTC)
		if got := v.kindNames[f.kind]; got != tc.want {
			t.Errorf("%q: kind %s, want %s", tc.title, got, tc.want)
		}
	}
}

// TestMatchPhrase: the longest phrase from a word is found, through runs
// a shorter phrase or none opens, and reading one costs no allocation (it
// runs for every word of every report, several times over).
func TestMatchPhrase(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.aliases]
"gulf" = "gulf"
"gulf of varenna" = "varenna"
"varenna gulf ferry line" = "varennaferry"
"tide gauge" = "gauge"
`)
	tests := []struct {
		text  string
		n     int
		canon string
	}{
		{"Gulf of Varenna closed", 3, "varenna"},
		{"Gulf of Tessal closed", 1, "gulf"},
		{"Varenna Gulf Ferry Line halts", 4, "varennaferry"},
		{"Varenna Gulf ferry halts", 0, ""},
		{"tide gauge broken", 2, "gauge"},
		{"tide rising", 0, ""},
		{"Gulf. Of Varenna", 1, "gulf"}, // a sentence's end ends a phrase
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			ws := splitWords(tc.text)
			if n, canon := v.matchPhrase(ws, 0); n != tc.n || canon != tc.canon {
				t.Fatalf("matchPhrase = %d %q, want %d %q", n, canon, tc.n, tc.canon)
			}
			if a := testing.AllocsPerRun(20, func() { v.matchPhrase(ws, 0) }); a != 0 {
				t.Fatalf("matchPhrase allocates %v times", a)
			}
		})
	}
}

// TestCanonicalTermsOfPhrases: a phrase gives each word of its canonical
// terms, a word its stem, and reading a sentence allocates only to grow
// the list of terms (a one-word term is no list to cut).
func TestCanonicalTermsOfPhrases(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.aliases]
"harbour master" = "harbour master"
"kelmstad" = "kelmstad"
`)
	tests := []struct {
		text string
		want []string
	}{
		{"Harbour master closes Kelmstad basin", []string{"harbor", "master", "close", "kelmstad", "basin"}},
		{"Cranes collapsed onto barges near Kelmstad quay overnight", []string{"crane", "collap", "barg", "near", "kelmstad", "quai", "overnight"}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			ws := splitWords(tc.text)
			var got []string
			for _, term := range v.canonicalTerms(ws, true) {
				got = append(got, term.text)
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("terms = %q, want %q", got, tc.want)
			}
			// growing the list of terms, and the closure that adds to it
			if a, most := testing.AllocsPerRun(10, func() { v.canonicalTerms(ws, true) }), bits.Len(uint(len(got)))+2; a > float64(most) {
				t.Fatalf("canonicalTerms of %d words allocates %v times, want at most %d", len(ws), a, most)
			}
		})
	}
}

// TestFactValueFoldedIntoVerb: a fact's value word that the vocabulary's
// words fold into an act's verb ("indict" with "charge") names no value
// through the fold: "Regulator charges ..." is no prosecutors' act. The
// value's other words still name it, as does a headline of no such verb.
func TestFactValueFoldedIntoVerb(t *testing.T) {
	v := compileVocabulary(t, `
[stories.vocabulary]
replace = true
[stories.vocabulary.words]
indict = "charge"
indicts = "charge"
[stories.vocabulary.facts.body]
regulator = ["regulator"]
prosecutors = ["prosecutors", "indict"]
[[stories.vocabulary.acts]]
kind = "charges"
verbs = ["charge", "sue"]
`)
	body := func(title string) []string {
		f, _, _ := v.extract(&model.Item{Title: title}, time.UTC)
		var names []string
		for b, name := range v.facts[0].values {
			if f.facts[0]&(1<<b) != 0 {
				names = append(names, name)
			}
		}
		return names
	}
	for _, tc := range []struct {
		title string
		want  []string
	}{
		{"Regulator charges Orvel Capital founder with fraud", []string{"regulator"}},
		{"Regulator sues Orvel Capital over lending scheme", []string{"regulator"}},
		{"Prosecutors charge Orvel Capital founder with fraud", []string{"prosecutors"}},
	} {
		if got := body(tc.title); !slices.Equal(got, tc.want) {
			t.Errorf("%q names bodies %v, want %v", tc.title, got, tc.want)
		}
	}
}
