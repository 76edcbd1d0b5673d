package stories

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is one token of a text, as written and as a canonical term.
type word struct {
	raw      string // as written
	lower    string
	upper    bool // starts with a capital letter
	caps     bool // all capitals ("US", "JCS")
	digits   bool // a number
	initial  bool // first word of a sentence
	quoted   bool // opens a quotation
	sentence int  // index of the sentence it is in
	end      int  // byte offset just past the word in the text
}

// splitWords cuts text into words. Letters and digits make words; a number
// keeps its inner separators ("1,000", "2.5"); an apostrophe ends a word and
// a possessive "s" after it is dropped.
func splitWords(text string) []word {
	var out []word
	sentence := 0
	initial := true
	quoted := false
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch r {
			case '.', '!', '?', '\n':
				// "N. Korea" and "U.S." do not end sentences: a lone capital before the dot.
				if !(r == '.' && len(out) > 0 && len(out[len(out)-1].raw) == 1 && out[len(out)-1].upper) {
					if len(out) > 0 && !initial {
						sentence++
					}
					initial = true
				}
			case '"', '“', '‘', '\'', '«':
				quoted = true
			}
			i += size
			continue
		}
		start := i
		digits := unicode.IsDigit(r)
		for i < len(text) {
			r, size = utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += size
				continue
			}
			// keep "1,000" and "2.5" whole
			if digits && (r == ',' || r == '.') && i+1 < len(text) && text[i+1] >= '0' && text[i+1] <= '9' {
				i += size
				continue
			}
			break
		}
		raw := text[start:i]
		if raw == "s" && start > 0 && (text[start-1] == '\'' || strings.HasSuffix(text[:start], "’")) {
			continue // possessive
		}
		first, _ := utf8.DecodeRuneInString(raw)
		w := word{
			raw:      raw,
			lower:    strings.ToLower(raw),
			upper:    unicode.IsUpper(first),
			caps:     isAllCaps(raw),
			digits:   digits,
			initial:  initial,
			quoted:   quoted,
			sentence: sentence,
			end:      i,
		}
		if digits {
			w.lower = strings.ReplaceAll(w.lower, ",", "")
		}
		out = append(out, w)
		initial, quoted = false, false
	}
	return out
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isAllCaps(s string) bool {
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters > 1
}

// phrases maps word sequences (lower case) to canonical terms, so that
// outlets' house styles meet: "N. Korea", "DPRK" and "Pyongyang" are one
// actor; "East Sea" and "Sea of Japan" one sea.
var phrases = map[string]string{
	"north korea":                         "nkorea",
	"north korean":                        "nkorea",
	"n korean":                            "nkorea",
	"south korean":                        "skorea",
	"s korean":                            "skorea",
	"n korea":                             "nkorea",
	"nk":                                  "nkorea",
	"dprk":                                "nkorea",
	"pyongyang":                           "nkorea",
	"democratic people republic of korea": "nkorea",
	"north":                               "nkorea",
	"south korea":                         "skorea",
	"s korea":                             "skorea",
	"rok":                                 "skorea",
	"republic of korea":                   "skorea",
	"seoul":                               "skorea",
	"united states":                       "usa",
	"u s":                                 "usa",
	"washington":                          "usa",
	"east sea":                            "eastsea",
	"east sea of korea":                   "eastsea",
	"sea of japan":                        "eastsea",
	"yellow sea":                          "yellowsea",
	"west sea":                            "yellowsea",
	"joint chiefs of staff":               "jcs",
	"short range":                         "shortrange",
	"close range":                         "shortrange",
	"long range":                          "longrange",
	"intermediate range":                  "irbm ballistic",
	"intercontinental ballistic missile":  "icbm ballistic missile",
	"intercontinental":                    "icbm ballistic",
	"submarine launched":                  "slbm ballistic",
	// Seoul counts the North's 600 mm "super-large" launchers as
	// close-range ballistic missiles; so do reports of their launches.
	"super large multiple rocket launcher":  "srbm ballistic",
	"super large multiple rocket launchers": "srbm ballistic",
	"super large rocket launcher":           "srbm ballistic",
	"super large rocket launchers":          "srbm ballistic",
	"multiple rocket launcher":              "artillery",
	"multiple rocket launchers":             "artillery",
	"rocket launcher":                       "artillery",
	"rocket launchers":                      "artillery",
	"space launch vehicle":                  "satellite",
	"reconnaissance satellite":              "satellite",
	"spy satellite":                         "satellite",
	"test fire":                             "launch",
	"test fired":                            "launch",
	"test firing":                           "launch",
	"kim jong un":                           "kimjongun",
	"kim yo jong":                           "kimyojong",
	"ministry of national defense":          "mnd",
	"defense ministry":                      "mnd",
	"korean central news agency":            "kcna",
	"missile administration":                "missileadministration",
	"security consultative meeting":         "scm",
	"national intelligence service":         "nis",
	"northern limit line":                   "nll",
	"un security council":                   "unsc",
	"security council":                      "unsc",
	"united nations security council":       "unsc",
	"ulchi freedom shield":                  "ufs",
	"international atomic energy agency":    "iaea",
	"unification ministry":                  "unificationministry",
	"ministry of unification":               "unificationministry",
	"workers party of korea":                "wpk",
	"workers party":                         "wpk",
	"central military commission":           "cmc",
	"us forces korea":                       "usfk",
	"u s forces korea":                      "usfk",
	"united states forces korea":            "usfk",
	"self defense forces":                   "sdf",
	"foreign ministry":                      "foreignministry",
	"ministry of foreign affairs":           "foreignministry",
	"defence ministry":                      "mnd",
	"ministry of defense":                   "mnd",
	"ministry of defence":                   "mnd",
	"supreme people assembly":               "spa",
	"uss george washington":                 "carrier georgewashington",
	"aircraft carrier":                      "carrier",
	"nuclear powered":                       "nuclearpowered",
	"nuclear powered submarine":             "nuclearpowered submarine",
	"nuclear submarine":                     "nuclearpowered submarine",
	"strategic bomber":                      "bomber",
	"b 1b":                                  "b1b bomber",
	"b 52h":                                 "b52 bomber",
	"b 52":                                  "b52 bomber",
	// Acronyms and their spelled-out forms meet in both.
	"srbm":                                 "srbm shortrange ballistic missile",
	"srbms":                                "srbm shortrange ballistic missile",
	"short range ballistic missile":        "srbm shortrange ballistic missile",
	"short range ballistic missiles":       "srbm shortrange ballistic missile",
	"close range ballistic missile":        "srbm shortrange ballistic missile",
	"close range ballistic missiles":       "srbm shortrange ballistic missile",
	"icbm":                                 "icbm ballistic missile",
	"icbms":                                "icbm ballistic missile",
	"irbm":                                 "irbm ballistic missile",
	"irbms":                                "irbm ballistic missile",
	"intermediate range ballistic missile": "irbm ballistic missile",
	"slbm":                                 "slbm ballistic missile",
	"slbms":                                "slbm ballistic missile",
	"n k":                                  "nkorea",
	// State-media titles that every KCNA report repeats.
	"general secretary":              "",
	"state affairs":                  "",
	"president of the state affairs": "",
	"kim jong un sister":             "kimyojong",
	"missile general bureau":         "missileadministration",
	"korean people army":             "kpa",
	"munitions enterprise":           "munitions factory",
	"munitions plant":                "munitions factory",
	"military demarcation line":      "mdl border",
	"mdl":                            "mdl border",
	"demilitarized zone":             "dmz border",
	"dmz":                            "dmz border",
	"front line":                     "border",
	"land border":                    "border",
	"kick off":                       "begin",
	"kicks off":                      "begin",
	"kicked off":                     "begin",
	"get under way":                  "begin",
	"gets under way":                 "begin",
	"got under way":                  "begin",
	"get underway":                   "begin",
	"gets underway":                  "begin",
	"wrap up":                        "end",
	"wraps up":                       "end",
	"wrapped up":                     "end",
}

// maxPhrase is the longest key of phrases, in words.
const maxPhrase = 6

// irregular maps inflections the suffix rules miss, and synonyms news
// outlets use for one act.
var irregular = map[string]string{
	"fire": "launch", "fires": "launch", "fired": "launch", "firing": "launch",
	"launch": "launch", "launches": "launch", "launched": "launch", "launching": "launch",
	"shoot": "launch", "shoots": "launch", "shot": "launch", "lobs": "launch", "lobbed": "launch",
	"drill": "drill", "drills": "drill", "exercise": "drill", "exercises": "drill",
	"maneuvers": "drill", "manoeuvres": "drill", "wargames": "drill", "wargame": "drill",
	"training": "drill",
	"said":     "say", "says": "say", "told": "say",
	"slams": "denounce", "slammed": "denounce", "slam": "denounce", "blasts": "denounce",
	"blasted": "denounce", "denounces": "denounce", "denounced": "denounce", "denounce": "denounce", "denouncing": "denounce",
	"condemns": "condemn", "condemned": "condemn",
	"flew": "fly", "flown": "fly", "flies": "fly",
	"met": "meet", "meets": "meet", "meeting": "meet",
	"kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
	"pm": "", "am": "",
	"troops": "troop", "soldiers": "troop", "soldier": "troop",
	"sanctions": "sanction", "sanctioned": "sanction",
	"talks": "talk", "dialogue": "talk",
	"inspect": "inspect", "inspects": "inspect", "inspected": "inspect", "inspecting": "inspect", "inspection": "inspect",
	"oversee": "inspect", "oversees": "inspect", "oversaw": "inspect", "overseeing": "inspect",
	"guide": "inspect", "guides": "inspect", "guided": "inspect", "tour": "inspect", "tours": "inspect", "toured": "inspect",
	"receive": "meet", "receives": "meet", "received": "meet",
	"defector": "defect", "defectors": "defect", "defection": "defect", "defections": "defect",
	"concludes": "end", "concluded": "end", "conclude": "end", "ends": "end", "ended": "end",
	"finishes": "end", "finished": "end", "finish": "end",
	"begins": "begin", "began": "begin", "begun": "begin", "kicks": "begin", "kicked": "begin", "start": "begin", "starts": "begin", "started": "begin",
	"news": "news", "us": "", "its": "", "his": "", "has": "", "was": "", "is": "", "this": "",
}

// stopwords carry no information about which event a text reports.
var stopwords = toSet(`a an the and or but of to in on at by for from with without as into onto about over after before
during since until than then that this these those there here it its they them their he she his her him we our you your
i me my be been being is are was were am do does did done have has had having will would shall should can could may might
must not no nor so such very just also too only own same other another more most some any each every all both few many
much which who whom whose what when where why how whether while if because though although despite amid among between
against across along around up down out off via per s t yet still even ever again further once say according report
reported reporting reports new news week day days month year years time times hour hours minute am pm local
respected comrade puppet puppets maniac maniacs gangster gangsters stooge stooges imperialist imperialists
monday tuesday wednesday thursday friday saturday sunday`)

// common terms appear in most Korea-desk stories; they count, but little.
var common = stemSet(`nkorea skorea usa korea korean japan japanese missile launch military official officials agency
yonhap kcna state media statement government leader country countries region regional peninsula security defense
defence force forces army navy air ministry minister president spokesperson spokesman told jcs nuclear weapon weapons
test tests threat threats tension tensions drill ally allies joint combined trilateral kimjongun wpk kpa cmc
mnd nis foreignministry unificationministry usfk sdf spa missileadministration`)

func stemSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[stem(f)] = true
	}
	return m
}

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(s) {
		m[f] = true
	}
	return m
}

// term is one canonical term with where it came from.
type term struct {
	text     string
	surface  string // the word as written, lower case (first word of a phrase)
	title    bool   // from the title
	sentence int    // sentence index in its part
	entity   bool   // a name written with capitals, or a number
}

// canonicalTerms turns words into canonical terms: phrases joined, words
// stemmed, stop-words dropped. title marks every term as a title term.
func canonicalTerms(ws []word, title bool) []term { return canonical(ws, title, false) }

// actTerms are a headline's canonical terms plus the speech verbs ("says",
// "told") that carry no topic but tell a statement from a report.
func actTerms(ws []word) []term { return canonical(ws, true, true) }

func canonical(ws []word, title, speech bool) []term {
	var out []term
	emit := func(s string, w word, entity bool) {
		for _, f := range strings.Fields(s) {
			out = append(out, term{text: f, surface: w.lower, title: title, sentence: w.sentence, entity: entity})
		}
	}
	for i := 0; i < len(ws); {
		if n, canon := matchPhrase(ws, i); n > 0 {
			emit(canon, ws[i], false)
			i += n
			continue
		}
		w := ws[i]
		i++
		if w.caps && (w.lower == "us" || w.lower == "u") {
			emit("usa", w, false)
			continue
		}
		if w.digits {
			emit(w.lower, w, true)
			continue
		}
		if speech && speechVerbs[w.lower] {
			emit(stem(w.lower), w, false)
			continue
		}
		if stopwords[w.lower] {
			continue
		}
		s := stem(w.lower)
		if s == "" || stopwords[s] {
			continue
		}
		emit(s, w, w.upper && !w.initial)
	}
	return out
}

// matchPhrase finds the longest phrase starting at ws[i].
func matchPhrase(ws []word, i int) (int, string) {
	var b strings.Builder
	best, canon := 0, ""
	for n := 1; n <= maxPhrase && i+n <= len(ws); n++ {
		w := ws[i+n-1]
		if n > 1 {
			if w.sentence != ws[i].sentence && ws[i].raw != "N" && ws[i].raw != "S" && ws[i].raw != "U" {
				break
			}
			b.WriteByte(' ')
		}
		b.WriteString(w.lower)
		if c, ok := phrases[b.String()]; ok {
			if n == 1 && w.lower == "north" && !(w.upper && (i+1 >= len(ws) || !ws[i+1].upper)) {
				continue // "the North" is the actor; "north of Seoul" is a direction
			}
			best, canon = n, c
		}
	}
	return best, canon
}

// stem strips common English suffixes so "denounces", "denounced" and
// "denouncing" meet. It is deliberately crude: both sides of a comparison
// go through it.
func stem(s string) string {
	if c, ok := irregular[s]; ok {
		return c
	}
	if len(s) <= 3 {
		return s
	}
	switch {
	case strings.HasSuffix(s, "ies") && len(s) > 4:
		s = s[:len(s)-3] + "y"
	case strings.HasSuffix(s, "sses"):
		s = s[:len(s)-2]
	case strings.HasSuffix(s, "ing") && len(s) > 5:
		s = s[:len(s)-3]
	case strings.HasSuffix(s, "ed") && len(s) > 4:
		s = s[:len(s)-2]
	case strings.HasSuffix(s, "s") && !strings.HasSuffix(s, "ss") && !strings.HasSuffix(s, "us") && !strings.HasSuffix(s, "is"):
		s = s[:len(s)-1]
	}
	if strings.HasSuffix(s, "e") && len(s) > 4 {
		s = s[:len(s)-1]
	}
	return s
}
