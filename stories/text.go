package stories

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"wirewatch/words"
)

// word is one token of a text, as written and as a canonical term.
type word struct {
	raw        string // as written
	lower      string
	upper      bool // starts with a capital letter
	caps       bool // all capitals ("US", "JCS")
	digits     bool // a number
	initial    bool // first word of a sentence
	quoted     bool // opens a quotation
	possessive bool // followed by "'s": "Libya's Sharara" is two names
	pause      bool // followed by a comma, colon, dash or bracket: "in Nara, Cheong Wa Dae said" is two names
	semicolon  bool // followed by a semicolon: "X closes chapters; Y advances too" is two clauses
	hyphen     bool // joined to the next word by a hyphen: "Rwanda-backed"
	gram       bool // a pair of characters of an unspaced script, or one alone (gramSpans)
	money      bool // a sum: a currency sign right before it ("$210m", "A$600")
	percent    bool // a share: a percent sign right after it ("80%")
	sentence   int  // index of the sentence it is in
	end        int  // byte offset just past the word in the text
}

// splitWords cuts text into words (package words' rule: letters, digits
// and combining marks). A number keeps its inner separators ("1,000",
// "2.5"); an apostrophe ends a word and a possessive "s" after it is
// dropped. The text between words says where sentences end and quotations
// open. A run of a script written without spaces (Chinese, Japanese,
// Thai) is read as its overlapping pairs of characters, and a name or
// number written in it as a word of its own (gramSpans).
func splitWords(text string) []word { return splitText(text, true) }

// textWords is splitWords, with runs of unspaced scripts read whole when
// the unspacedGrams mechanism is off.
func (v *Vocabulary) textWords(text string) []word {
	return splitText(text, !v.off.has(unspacedGrams))
}

// splitText is splitWords; grams tells whether runs of unspaced scripts
// are read as character pairs (gramSpans) or whole.
func splitText(text string, grams bool) []word {
	out := make([]word, 0, len(text)/5+1) // English runs five to six bytes a word: one allocation, most often
	sentence := 0
	initial := true
	quoted := false
	gapStart := 0 // where the text since the last word begins
	money := false
	add := func(start, end int, gram bool) {
		if n := len(out); n > 0 && joinsNumber(text, out[n-1], start) {
			// keep "1,000" and "2.5" whole
			last := &out[n-1]
			last.raw = text[start-len(last.raw)-1 : end]
			last.lower = asciiDigits(strings.ReplaceAll(strings.ToLower(last.raw), ",", ""))
			last.end = end
			last.percent = strings.HasPrefix(text[end:], "%")
			gapStart = end
			return
		}
		for i := gapStart; i < start; {
			r, size := utf8.DecodeRuneInString(text[i:])
			switch r {
			case '.', '!', '?', '\n':
				// "N. Korea", "U.S." and "2 p.m. on Friday" do not end
				// sentences: a lone letter before the dot.
				if !(r == '.' && len(out) > 0 && len(out[len(out)-1].raw) == 1 && !out[len(out)-1].digits && out[len(out)-1].end == i) {
					if len(out) > 0 && !initial {
						sentence++
					}
					initial = true
				}
			case '"', '“', '‘', '\'', '«':
				quoted = true
			case ',', ';', ':', '(', ')', '—', '–':
				if len(out) > 0 {
					out[len(out)-1].pause = true
					out[len(out)-1].semicolon = out[len(out)-1].semicolon || r == ';'
				}
			case '-':
				if len(out) > 0 && out[len(out)-1].end == i && i+size == start {
					out[len(out)-1].hyphen = true
				}
			case '$', '£', '€', '¥':
				money = i+size == start
			}
			i += size
		}
		gapStart = end
		raw := text[start:end]
		if raw == "s" && start > 0 && (text[start-1] == '\'' || strings.HasSuffix(text[:start], "’")) {
			if len(out) > 0 {
				out[len(out)-1].possessive = true
			}
			return // possessive
		}
		first, _ := utf8.DecodeRuneInString(raw)
		digits := unicode.IsDigit(first)
		w := word{
			raw:      raw,
			lower:    words.Lower(raw), // composed: a decomposed "Bogotá" is the vocabulary's
			upper:    unicode.IsUpper(first),
			caps:     isAllCaps(raw),
			digits:   digits,
			initial:  initial,
			quoted:   quoted,
			money:    money && digits,
			percent:  digits && strings.HasPrefix(text[end:], "%"),
			sentence: sentence,
			end:      end,
			gram:     gram,
		}
		money = false
		if digits {
			w.lower = asciiDigits(strings.ReplaceAll(w.lower, ",", ""))
		}
		out = append(out, w)
		initial, quoted = false, false
	}
	words.Spans(text, func(start, end int) {
		if !grams || !unspaced(text[start:end]) {
			add(start, end, false)
			return
		}
		gramSpans(text, start, end, add)
	})
	if len(out) == 0 {
		return nil // no words: nil, as callers test (a title without words is read as title-cased)
	}
	return out
}

// gramSpans calls add for the pieces of the word text[start:end], which
// holds letters of an unspaced script (unspaced): each run of such
// letters as its overlapping pairs of characters (a character with the
// marks that follow it, as Thai writes vowels and tones), or as the one
// character it holds; each run of other letters and digits between them
// as a word of its own (in "央行PBOC宣布降准0.5个百分点": "央行", "PBOC",
// "宣布", "布降", "降准", "0.5", "个百", "百分", "分点"). Chinese, Japanese and Thai write
// no space between words, so a clause read whole shares no word with
// another report of the same event; pairs of characters are the common
// way to search such text without a dictionary, and a name or number
// written in it is a word as it is in English.
func gramSpans(text string, start, end int, add func(start, end int, gram bool)) {
	other := -1         // start of the current run of other letters and digits
	prev, cur := -1, -1 // starts of the last two characters of the current run of unspaced letters
	closeGrams := func(at int) {
		switch {
		case prev >= 0:
			add(prev, at, true)
		case cur >= 0:
			add(cur, at, true) // a character alone
		}
		prev, cur = -1, -1
	}
	for i := start; i < end; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me) && (cur >= 0 || other >= 0):
			// a mark stays with the character before it
		case unspacedRune(r):
			if other >= 0 {
				add(other, i, false)
				other = -1
			}
			if prev >= 0 {
				add(prev, i, true)
			}
			prev, cur = cur, i
		default:
			if cur >= 0 {
				closeGrams(i)
			}
			if other < 0 {
				other = i
			}
		}
		i += n
	}
	if other >= 0 {
		add(other, end, false)
	}
	closeGrams(end)
}

// overlaps tells whether b is the pair of characters that follows the
// pair a in one run of an unspaced script, sharing its second character.
// A phrase of the vocabulary read in such a run leaves out the pairs
// that overlap it: "立山" and "西吕" around "山西" (Shanxi) would count
// its characters again, as a word of their own.
func overlaps(a, b word) bool {
	return a.gram && b.gram && b.end-len(b.raw) < a.end
}

// unspaced tells whether s holds a letter of a script written without
// spaces between words (unspacedRune).
func unspaced(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unspacedRune(r) {
			return true
		}
		i += n - 1
	}
	return false
}

// unspacedScripts are the scripts whose words are read as pairs of
// characters: Chinese, Japanese (and Korean, whose spaced words carry
// their particles: "북한이" and "북한은" share "북한"), Thai, Lao, Khmer
// and Burmese.
var unspacedScripts = []*unicode.RangeTable{unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar}

// unspacedRune tells whether r is a letter of an unspaced script; the
// Japanese long-vowel mark ("リコール") is one too.
func unspacedRune(r rune) bool {
	return r >= 0x0E00 && (r == 'ー' || unicode.In(r, unspacedScripts...))
}

// otherScript tells whether term s has a letter of a script other than
// Latin and Cyrillic (otherScripts): "मृत्यु", "مرسوم", "கைது".
func otherScript(s string) bool {
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
			return true
		}
	}
	return false
}

// joinsNumber reports whether the word starting at start continues the
// number prev: one comma or dot between them, and a digit after it.
func joinsNumber(text string, prev word, start int) bool {
	if !prev.digits || prev.end != start-1 || text[start-1] != ',' && text[start-1] != '.' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[start:])
	return unicode.IsDigit(r) // "५.९" as "5.9"
}

// asciiDigits writes the digits of other scripts in s as ASCII ones:
// Nepali and Hindi outlets write "५.९" (Devanagari), Bengali ones "১২",
// Persian ones "۱۲" and some Arabic ones "١٢" for the 5.9 and 12 that an
// English report of the same quake or arrest writes, and a number is
// one of the few words two reports in different scripts can share.
// Unicode encodes every script's decimal digits as a run of ten from its
// zero, so a digit's value is its distance from the start of its run,
// modulo ten (runs of mathematical digits follow one another).
func asciiDigits(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf && unicode.IsDigit(r) }) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= utf8.RuneSelf && unicode.IsDigit(r) {
			zero := r
			for unicode.IsDigit(zero - 1) {
				zero--
			}
			r = '0' + (r-zero)%10
		}
		b.WriteRune(r)
	}
	return b.String()
}

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

// generalStopwords carry no information about which event a text reports;
// a vocabulary adds its desk's (state media's epithets).
var generalStopwords = toSet(`a an the and or but of to in on at by for from with without as into onto about over after before
during since until than then that this these those there here it its they them their he she his her him we our you your
i me my be been being is are was were am do does did done have has had having will would shall should can could may might
must not no nor so such very just also too only own same other another more most some any each every all both few many
much which who whom whose what when where why how whether while if because though although despite amid among between
against across along around up down out off via per s t yet still even ever again further once say according report
reported reporting reports new news week day days month year years time times hour hours minute am pm local
monday tuesday wednesday thursday friday saturday sunday`)

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
	setting  bool   // the object of a preposition ("in first session", "at Abuja summit"): where, not what was done
	at       bool   // ... of "at" or "during": the meeting where something is said is its act ("calls for ... at party meeting")
	goal     bool   // what a headline seeks or heads toward ("seeking release of", "step toward early election"): no act done
	cause    bool   // the object of "over", "against" or "about" ("summons envoy over ramming"): what an act answers, no act of the report
	joined   bool   // followed by a comma, "and" or "&": "Japan, Philippines agree" names two parties
	gram     bool   // a pair of characters of an unspaced script the vocabulary does not read (gramSpans), or a word of another script (otherScripts)
}

// defended tells whether ws[i] follows "anti-" or "counter-": what a
// defence is against ("counter-drone capabilities", "anti-drone systems",
// "anti-missile shield") is no act done, as a goal is not.
func defended(ws []word, i int) bool {
	return i > 0 && ws[i-1].hyphen && againstPrefixes[ws[i-1].lower]
}

var againstPrefixes = toSet(`anti counter`)

// andWords join two names: "Spain and Mauritania sign".
var andWords = toSet(`and &`)

// settingWords make the noun they govern a setting: "in first session",
// "at Abuja summit", "on hike talk", "in the spirit of dialogue".
var settingWords = toSet(`in at on of during`)

// goalWords make the noun they govern a goal, not an act done: "CM
// writes seeking release of 14 fishermen", "lawmakers take first step
// toward early election". goalFor are the words after which "for" does:
// "Court clears way for referendum", "drug recommended for EU approval",
// "submitted for approval" (the approval is yet to come; "files for
// bankruptcy" is the filing).
var (
	goalWords = toSet(`seek seeks seeking sought toward towards`)
	goalFor   = toSet(`way path recommended recommends recommend submitted submits submit eligible`)
)

// goalAt tells whether ws[i] makes the noun it governs a goal.
func goalAt(ws []word, i int) bool {
	return goalWords[ws[i].lower] || ws[i].lower == "for" && i > 0 && goalFor[ws[i-1].lower]
}

// causeWords make the noun they govern what the headline's act answers or
// is about: "summons envoy over ramming", "protest against drills".
var causeWords = toSet(`over against about`)

// orderNoun tells whether ws[i] is French "arrêté" as a noun, an
// authority's written order (a prefect's, a mayor's, a minister's), not
// the participle of "arrêter", to arrest: after a determiner or "par"
// ("un arrêté", "l'arrêté", "par arrêté"), or before a word that
// qualifies an order ("arrêté préfectoral", "arrêté n° 12") or a present
// participle that tells what it does ("Arrêté instaurant un couvre-feu",
// "arrêté portant ..."), none of which follows a participle of arrest
// ("un homme arrêté à Lyon", "arrêté pendant la nuit").
func orderNoun(ws []word, i int) bool {
	if !orderWords[ws[i].lower] {
		return false
	}
	if i > 0 && ws[i-1].sentence == ws[i].sentence && !ws[i-1].pause && orderDeterminers[ws[i-1].lower] {
		return true
	}
	if i+1 >= len(ws) || ws[i+1].sentence != ws[i].sentence || ws[i].pause {
		return false
	}
	next := ws[i+1].lower
	return orderQualifiers[next] || len(next) > 6 && strings.HasSuffix(next, "ant") && !orderNotParticiples[next]
}

var (
	orderWords       = toSet(`arrêté arrêtés`)
	orderDeterminers = toSet(`un l le les cet ces ce du des par nouvel nouveaux dernier son leur`)
	orderQualifiers  = toSet(`préfectoral préfectoraux municipal municipaux ministériel ministériels interministériel interpréfectoral n no`)
	// orderNotParticiples end in "-ant" but are prepositions or adverbs
	// a participle of arrest may be followed by ("arrêté pendant la
	// nuit", "arrêté devant son domicile").
	orderNotParticiples = toSet(`pendant durant devant cependant maintenant notamment seulement récemment précédemment`)
)

// settingSpan is how many words may stand between a preposition and the
// noun it governs ("at Abuja summit").
const settingSpan = 2

// canonicalTerms turns words into canonical terms: phrases joined, words
// stemmed, stop-words dropped. title marks every term as a title term.
func (v *Vocabulary) canonicalTerms(ws []word, title bool) []term {
	return v.canonical(ws, title, false)
}

// actTerms are a headline's canonical terms plus the speech verbs ("says",
// "told") that carry no topic but tell a statement from a report.
func (v *Vocabulary) actTerms(ws []word) []term { return v.canonical(ws, true, true) }

func (v *Vocabulary) canonical(ws []word, title, speech bool) []term {
	// A term a word at most, but for a phrase of more terms: one
	// allocation, most often.
	out := make([]term, 0, len(ws))

	prep := -1       // index of the last preposition whose noun may follow (settingWords)
	cause := -1      // ... of the last of causeWords
	against := false // the word follows "anti-" or "counter-" (defended)
	emit := func(s string, w word, entity bool) {
		at := prep >= 0 && (ws[prep].lower == "at" || ws[prep].lower == "during")
		goal := prep >= 0 && goalAt(ws, prep) || against
		t := term{surface: w.lower, title: title, sentence: w.sentence, entity: entity, setting: prep >= 0 && !goal, at: at, goal: goal, cause: cause >= 0, joined: w.pause}
		if strings.IndexFunc(s, unicode.IsSpace) < 0 { // most terms are one word: no list to cut
			if s != "" {
				t.text = s
				out = append(out, t)
			}
			return
		}
		for _, f := range strings.Fields(s) {
			t.text = f
			out = append(out, t)
		}
	}
	for i := 0; i < len(ws); {
		w := ws[i]
		against = !v.off.has(defences) && defended(ws, i)
		switch {
		case settingWords[w.lower] || goalAt(ws, i):
			prep = i
		case prep >= 0 && !governed(ws, prep, i):
			prep = -1
		}
		switch {
		case causeWords[w.lower] && i > 0 && (i+1 == len(ws) || !ws[i+1].digits):
			cause = i // not "over 100 fishermen", nor a headline's first word
		case cause >= 0 && !governed(ws, cause, i):
			cause = -1
		}
		if orderNoun(ws, i) {
			// French "arrêté" as a noun is an authority's order, no
			// arrest: "Arrêté instaurant un couvre-feu", "un arrêté
			// préfectoral".
			emit("decree", w, false)
			i++
			continue
		}
		if n, canon := v.matchPhrase(ws, i); n > 0 {
			// A phrase of words written with capitals that reads as a
			// name ("Papua New Guinea" given as a country's short form)
			// is a name, as the same words unlisted would be: two
			// headlines that share it share who or where, not what
			// happened.
			head := ws[i]
			head.pause = ws[i+n-1].pause // "S. Korea, US agree": the phrase is joined by its last word
			if k := len(out) - 1; k >= 0 && out[k].gram && i > 0 && overlaps(ws[i-1], ws[i]) && out[k].surface == ws[i-1].lower {
				out = out[:k] // the pair that ends in the phrase's first character
			}
			emit(v.terms[canon], head, n > 1 && v.phraseName(ws[i:i+n], canon) != "")
			i += n
			if i < len(ws) && overlaps(ws[i-1], ws[i]) {
				i++ // the pair that opens with the phrase's last character
			}
			continue
		}
		i++
		if w.caps && (w.lower == "us" || w.lower == "u") {
			emit("usa", w, false)
			continue
		}
		if w.digits {
			// "$210m" is "$210 million", as other outlets write it: the
			// sum and its scale ("million", which a desk may count).
			if n, scale := sumScale(w); scale != "" {
				emit(n, w, true)
				emit(scale, w, false)
				continue
			}
			emit(w.lower, w, true)
			continue
		}
		if speech && v.speechVerbs[w.lower] {
			emit(v.stem(w.lower), w, false)
			continue
		}
		if speech && askWords[w.lower] && i > 1 && v.speechVerbs[ws[i-2].lower] {
			emit(w.lower, w, false) // "calls for calm": an appeal (callWords)
			continue
		}
		if speech && w.lower == "to" {
			emit("to", w, false) // "agree to raise output": what follows is the act
			continue
		}
		if v.stop[w.lower] || foreignFunctionWord(w.lower) {
			if andWords[w.lower] && len(out) > 0 {
				out[len(out)-1].joined = true
			}
			continue
		}
		if w.gram {
			c, translated := v.words[w.lower]
			if translated {
				emit(v.terms[c], w, false)
				continue
			}
			emit(w.lower, w, false)
			out[len(out)-1].gram = true // no word of another script's report
			continue
		}
		s := v.stem(v.wordSpelling(w))
		if s == "" || v.stop[s] {
			continue
		}
		emit(s, w, w.upper && !w.initial)
		if !v.off.has(otherScripts) && otherScript(s) {
			out[len(out)-1].gram = true // no word of another script's report either
		}
	}
	return out
}

// governed tells whether ws[i] is still governed by the preposition
// ws[p]: a verb, a clause or a sentence ends what it governs, and so do
// more than settingSpan words between them.
func governed(ws []word, p, i int) bool {
	return i-p <= settingSpan+1 && ws[i].sentence == ws[p].sentence && !ws[i-1].pause && !(i-p > 1 && verbLike(ws[i-1].lower))
}

// matchPhrase finds the longest phrase starting at ws[i].
func (v *Vocabulary) matchPhrase(ws []word, i int) (int, string) {
	var buf [64]byte // the words read so far, joined by spaces; most phrases fit
	b := buf[:0]
	best, canon := 0, ""
	for n := 1; n <= v.maxPhrase && i+n <= len(ws); n++ {
		w := ws[i+n-1]
		if n > 1 {
			if w.sentence != ws[i].sentence && ws[i].raw != "N" && ws[i].raw != "S" && ws[i].raw != "U" {
				break
			}
			b = append(b, ' ')
		}
		b = append(b, w.lower...)
		if c, ok := v.phrases[string(b)]; ok && !(n == 1 && w.lower == "north" && !(w.upper && (i+1 >= len(ws) || !ws[i+1].upper))) {
			// ("the North" is the actor; "north of Seoul" is a direction)
			best, canon = n, c
		}
		if !v.phraseHeads[string(b)] {
			break // no longer phrase opens so
		}
	}
	return best, canon
}

// stem is the term a report's word s gives: its [words] entry's canonical
// term as termOf reads it, else its stem by the one stemmer of the project
// (Porter's, package words), so "denounces", "denounced" and "denouncing"
// meet. Both sides of a comparison go through it.
func (v *Vocabulary) stem(s string) string {
	if c, ok := v.words[s]; ok {
		return v.terms[c]
	}
	if cyrillicWord(s) && !v.off.has(slavicNames) {
		// Read in Latin letters without its case ending, then as a
		// word in them is: "Кирилла" meets "Kirill" (both "kiril").
		k := v.cyrillicTerm(s)
		if c := v.caseWords[k]; c != "" {
			return v.terms[c] // the desk's word in another case
		}
		return stemWord(k)
	}
	return stemWord(s)
}

// plainLetters are the letters English outlets write for letters of
// other languages that are no letter with an accent: "Kadıköy" is
// "Kadikoy", "Đukanović" "Djukanovic".
var plainLetters = strings.NewReplacer("ı", "i", "ø", "o", "đ", "dj", "ł", "l", "æ", "ae", "œ", "oe")

// unaccented is a lower-case word or name without its accents and with
// plainLetters; ASCII is returned as it is.
func unaccented(s string) string {
	ascii := true
	for i := 0; i < len(s) && ascii; i++ {
		ascii = s[i] < utf8.RuneSelf
	}
	if ascii {
		return s
	}
	return plainLetters.Replace(words.Fold(s))
}

// wordSpelling is the spelling of a word the vocabulary does not list
// that its term is read from: a word with a capital, a name or a place's
// more often than not, without its accents (accentedWords), as outlets
// that write without them spell it ("Raphaël" and "Raphael"); any other
// word as written.
func (v *Vocabulary) wordSpelling(w word) string {
	slavic := !v.off.has(slavicNames)
	if slavic && cyrillicWord(w.lower) {
		return w.lower // stem reads it in Latin letters; its marks ("й") are letters
	}
	if w.upper && !w.initial && !v.off.has(accentedWords) {
		s := unaccented(w.lower)
		if slavic && v.words[s] == "" {
			s = v.latinSlavic(s) // "Korsakova" as "Корсакову" reads
		}
		return s
	}
	return w.lower
}

// stemWord is a word's term: the stemmer applied until it changes
// nothing more, whole when it has three letters or fewer. A vocabulary
// may write a canonical term as the stemmer's form ("defens" for
// "defence", "conced defeat") or as a word ("satellite"); the stemmer
// turns a word into its form but may change a form again ("defens" into
// "defen"), so only its fixed point is the same from both.
func stemWord(s string) string {
	if len(s) <= 3 {
		return s
	}
	word := s
	for range maxStemSteps {
		t := words.Stem(s)
		if len(t) <= 2 {
			// A stem of two letters is another word's more often than
			// this one's: "used" and "uses" are not "us".
			return word
		}
		if t == s || len(t) <= 3 {
			return t
		}
		s = t
	}
	return s
}

// maxStemSteps bounds stemWord: the stemmer never lengthens a word, so a
// few steps reach its fixed point.
const maxStemSteps = 4

// maxWordSteps bounds how many [words] entries termOf follows from one
// word (recalled = "recall", recall = "withdraw").
const maxWordSteps = 8

// termOf is the terms a canonical term of the vocabulary (an alias's or a
// [words] entry's, as written) gives: each of its words read as a
// report's plain word is, through [words] and the stemmer, so "spy
// satellite" = "satellite" meets a report's "satellite" (both
// "satellit"), recalls = "recall" meets "recall" (both "recal"), and
// blast = "explosion" meets "explosion" where [words] reads it
// "explode". compile reads every canonical term through it once
// (Vocabulary.terms); the lists that hold terms (acts, facts, voices,
// common) hold each word as written and as stem reads it, so they meet
// both.
func (v *Vocabulary) termOf(c string) string {
	fs := strings.Fields(c)
	for i, f := range fs {
		path := []string{f}
		for len(path) <= maxWordSteps {
			to, ok := v.words[f]
			if !ok || to == f || to == "" || strings.Contains(to, " ") {
				break
			}
			if j := slices.Index(path, to); j >= 0 {
				// A loop (a desk's quake = "earthquake" against news
				// English's earthquake = "quake"): one word of it, the
				// same from wherever it is entered.
				f = slices.Min(path[j:])
				break
			}
			path = append(path, to)
			f = to
		}
		fs[i] = stemWord(f)
	}
	return strings.Join(fs, " ")
}

// sumScales are the letters news English writes after a sum for its
// scale: "$210m", "£3bn", "€1.2tn".
var sumScales = map[string]string{"m": "million", "mn": "million", "bn": "billion", "b": "billion", "tn": "trillion"}

// sumScale splits a sum written with its scale's letters ("210m" after
// a currency sign; "3bn", "1.2tn" anywhere) into its number and the
// scale's word; scale is "" for any other word.
func sumScale(w word) (n, scale string) {
	i := strings.IndexFunc(w.lower, func(r rune) bool { return r != '.' && !unicode.IsDigit(r) })
	if i <= 0 {
		return "", ""
	}
	letters := w.lower[i:]
	scale = sumScales[letters]
	if scale == "" || !w.money && (letters == "m" || letters == "b") {
		return "", "" // "100m" is as often a distance
	}
	return w.lower[:i], scale
}

// foreignFunctionWord tells whether w is a Filipino function word ("ang",
// "ng", "sa", "mga"): Filipino reports are few in a window, so these
// read as rare terms two unrelated reports share ("Lider ng NPA, patay
// sa engkwentro sa Bukidnon" and "Tigil-pasada sa Metro Cebu"); no English
// word is among them. (Other languages' marks collide with English words
// or cost recall where the window holds many such reports.)
func foreignFunctionWord(w string) bool {
	return filipinoFunctionWords[w]
}

var filipinoFunctionWords = toSet(`ang ng mga sa na si ay nang ni kay ayon noong ngayong nitong matapos`)
