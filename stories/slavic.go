package stories

import (
	"strings"
	"unicode/utf8"

	"wirewatch/config"
)

// Slavic reading (slavicNames): a word written in Cyrillic is read in the
// Latin letters English outlets write it in, without its case ending, so
// that "в Рязани", "Рязанский НПЗ" and "Ryazan refinery" share a term, as
// "Анну Корсакову" and "Anna Korsakova" do; and a name in Latin letters
// with a Slavic surname's or place adjective's ending ("Korsakova",
// "Lebedinsky", "Chelyabinsk") is read without it, as its Cyrillic forms
// in any case are. The tables are the languages' grammar, no desk's words.

// hasCyrillic tells whether s holds a Cyrillic letter anywhere.
func hasCyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x400 && r <= 0x4FF })
}

// cyrillicWord tells whether a lower-case word starts with a Cyrillic
// letter (U+0400-U+04FF: the lead bytes 0xD0-0xD3 in UTF-8).
func cyrillicWord(s string) bool {
	return s != "" && s[0] >= 0xD0 && s[0] <= 0xD3
}

// caseEndings are the endings Russian (and Ukrainian) nouns and
// adjectives take in their cases, longest first: "Рязани", "Рязанском",
// "Корсаковой", "Новосибирского". A surname's "-ов", "-ев", "-ин" is no
// ending ("Свиридов" is the name), nor a neuter "-о" ("Кстово" does not
// decline).
var caseEndings = []string{
	"ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ией", "иям", "иях", "ием",
	"ая", "яя", "ое", "ее", "ые", "ие", "ый", "ий", "ой", "ей", "ым", "им", "ом", "ем",
	"ую", "юю", "ых", "их", "ою", "ею", "ам", "ям", "ах", "ях", "ия", "ии", "ию", "ої", "ій",
	"а", "я", "у", "ю", "е", "и", "ы", "ь", "й", "і",
}

// minCaseStem is the fewest letters a word keeps without its ending:
// "Уфе" keeps its "е" rather than become two letters.
const minCaseStem = 3

// caseless is a Cyrillic word without its case ending.
func caseless(s string) string {
	for _, e := range caseEndings {
		if strings.HasSuffix(s, e) && utf8.RuneCountInString(s)-utf8.RuneCountInString(e) >= minCaseStem {
			return s[:len(s)-len(e)]
		}
	}
	return s
}

// cyrillicLetters are the Latin letters English outlets write for Russian
// Cyrillic (BGN/PCGN's, without its marks: "Хабаровск" is "Khabarovsk",
// "Ермолин" "Yermolin"; "ъ" and "ь" are dropped).
var cyrillicLetters = map[rune]string{
	'а': "a", 'б': "b", 'в': "v", 'г': "g", 'д': "d", 'е': "e", 'ё': "yo", 'ж': "zh", 'з': "z",
	'и': "i", 'й': "y", 'к': "k", 'л': "l", 'м': "m", 'н': "n", 'о': "o", 'п': "p", 'р': "r",
	'с': "s", 'т': "t", 'у': "u", 'ф': "f", 'х': "kh", 'ц': "ts", 'ч': "ch", 'ш': "sh",
	'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya",
	'і': "i", 'ї': "yi", 'є': "ye", 'ґ': "g", 'ў': "u",
	'ђ': "dj", 'ј': "j", 'љ': "lj", 'њ': "nj", 'ћ': "c", 'џ': "dz", 'ѓ': "gj", 'ќ': "kj", 'ѕ': "dz",
}

// ukrainianLetters mark a Ukrainian word, whose "г" is "h", "и" "y" and
// "е" always "e" ("Харків" is "Kharkiv", "Київ" "Kyiv");
// southSlavLetters a Serbian or Macedonian one, written in Latin letters
// as "č", "š", "ž", "c", "h" ("Вучић" is "Vučić", read "Vucic").
var (
	ukrainianLetters = "іїєґ"
	southSlavLetters = "ђјљњћџѓќѕ"
	ukrainianSpelled = map[rune]string{'г': "h", 'и': "y", 'е': "e"}
	southSlavSpelled = map[rune]string{'ч': "c", 'ш': "s", 'ж': "z", 'ц': "c", 'х': "h", 'е': "e", 'щ': "sc"}
)

// iotated are the letters after which Russian "е" is written "ye"
// ("Ерохин" is "Yerokhin", "Галиев" "Galiyev"), as at a word's start;
// after a hushing letter "ё" is "e" ("Горбачёв", "Gorbachev").
var (
	iotated = "аеёиоуыэюяъь"
	hushing = "жчшщц"
)

// cyrillicLatin is a lower-case Cyrillic word in Latin letters; any other
// letter is kept.
func cyrillicLatin(s string) string {
	var extra map[rune]string
	switch {
	case strings.ContainsAny(s, ukrainianLetters):
		extra = ukrainianSpelled
	case strings.ContainsAny(s, southSlavLetters):
		extra = southSlavSpelled
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	prev := rune(-1)
	for _, r := range s {
		if l, ok := extra[r]; ok {
			b.WriteString(l)
		} else if l, ok := cyrillicLetters[r]; ok {
			switch {
			case r == 'е' && (prev < 0 || strings.ContainsRune(iotated, prev)):
				l = "ye"
			case r == 'ё' && prev >= 0 && strings.ContainsRune(hushing, prev):
				l = "e"
			}
			b.WriteString(l)
		} else {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// nameStems are the Slavic surname and place-adjective stems whose
// ending a name in Latin letters drops (nameEndings): "Korsakova" and
// "Korsakov", "Lebedinsky" and "Lebedinskiy", "Alina".
var (
	nameStems   = []string{"ov", "ev", "sk"}
	nameEndings = []string{"aya", "iy", "ii", "yi", "a", "y", "i", "e", "u"}
)

// minNameStem is the fewest letters a name keeps: "Kursk", "Tomsk" and
// "China" stay whole.
const minNameStem = 4

// nameEnding is a lower-case name in Latin letters without a Slavic
// surname's or place adjective's ending (nameEndings after nameStems):
// "Korsakova" is "korsakov", "Lebedinsky" "lebedinsk".
func nameEnding(s string) string {
	for _, e := range nameEndings {
		if !strings.HasSuffix(s, e) {
			continue
		}
		if r := s[:len(s)-len(e)]; len(r) >= minNameStem && hasAnySuffix(r, nameStems) {
			return r
		}
		return s
	}
	return s
}

// placeStem is a name without the "-sk" of a place and its adjective
// ("Khabarovsk", "Chelyabinskaya", "Рязанский": "ryazansk" is "ryazan").
func placeStem(s string) string {
	if strings.HasSuffix(s, "sk") && len(s)-2 >= minNameStem {
		return s[:len(s)-2]
	}
	return s
}

// latinSlavic is a lower-case name in Latin letters read without a
// Slavic ending (nameEnding, placeStem), unless the vocabulary gives it
// as it stands or without its case ending only ("Chelyabinsk region" =
// "chelyabinsk"): the desk's term then stands for every form.
func (v *Vocabulary) latinSlavic(s string) string {
	if v.readings[s] {
		return s
	}
	s = nameEnding(s)
	if v.readings[s] {
		return s
	}
	return placeStem(s)
}

func hasAnySuffix(s string, suffixes []string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

// cyrillicTerm is a lower-case Cyrillic word's reading in Latin letters
// without its case ending: "рязани", "рязанском" and "рязань" are
// "ryazan"; "корсаковой" "korsakov".
func (v *Vocabulary) cyrillicTerm(s string) string {
	return v.latinSlavic(cyrillicLatin(caseless(s)))
}

// slavicSpelling is a lower-case name's Slavic reading: a Cyrillic word's
// cyrillicTerm, and a name in Latin letters without a Slavic ending
// (latinSlavic). ASCII names with no such ending are returned as they
// are.
func (v *Vocabulary) slavicSpelling(s string) string {
	if cyrillicWord(s) {
		return v.cyrillicTerm(s)
	}
	return v.latinSlavic(s)
}

// slavicName is a name of words joined by "_" with each word read by
// slavicSpelling; a name none of whose words changes is returned as it
// is.
func (v *Vocabulary) slavicName(name string) string {
	changed := false
	for rest := name; rest != "" && !changed; {
		var part string
		part, rest, _ = strings.Cut(rest, "_")
		changed = v.slavicSpelling(part) != part
	}
	if !changed {
		return name
	}
	parts := strings.Split(name, "_")
	for i, p := range parts {
		parts[i] = v.slavicSpelling(p)
	}
	return strings.Join(parts, "_")
}

// slavicTransliterated is a name's transliterated form read the Slavic
// way (slavicName): its Cyrillic words in Latin letters first, before
// their letters lose their marks ("й" is no "и"), and each word without
// its case ending or a Slavic surname's: "Анну Корсакову" and "Anna
// Korsakova" share "korsakov".
func (v *Vocabulary) slavicTransliterated(name string) string {
	if hasCyrillic(name) {
		name = v.slavicName(name)
	}
	return v.slavicName(transliterated(name))
}

// readReadings fills readings: the words of every canonical term the
// parts give, as written and as termOf reads them.
func (v *Vocabulary) readReadings(parts []*config.Vocabulary) {
	add := func(c string) {
		for _, f := range strings.Fields(c) {
			v.readings[f] = true
		}
		for _, f := range strings.Fields(v.termOf(c)) {
			v.readings[f] = true
		}
	}
	for _, p := range parts {
		for _, a := range p.Aliases {
			add(a.To)
		}
		for _, a := range p.Words {
			add(a.To)
		}
	}
}

// readCaseWords fills caseWords from words: each Cyrillic word under its
// reading without its case ending, unless two words of different terms
// read alike.
func (v *Vocabulary) readCaseWords() {
	for w, c := range v.words {
		if !cyrillicWord(w) {
			continue
		}
		k := v.cyrillicTerm(w)
		if had, ok := v.caseWords[k]; ok && had != c {
			c = ""
		}
		v.caseWords[k] = c
	}
}
