package summarize

import (
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/neurosnap/sentences"
	"github.com/neurosnap/sentences/english"
)

// extraAbbreviations are news abbreviations the stock English Punkt model
// does not know (titles, ranks, months, company suffixes). A period after
// one of them never ends a sentence on its own.
var extraAbbreviations = []string{
	"gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig",
	"sen", "rep", "gov", "pres", "amb", "dr", "mr", "mrs", "ms", "prof", "rev", "hon",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"st", "mt", "ft", "co", "corp", "inc", "ltd", "jr", "sr", "no", "nos", "vs", "approx",
	"a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "j.p", "d.c", "mass", "calif", "fla", "wash",
	"est", "dept", "univ", "assn", "bros", "ave", "blvd",
}

var (
	punktOnce sync.Once
	punkt     *sentences.DefaultSentenceTokenizer
	punktErr  error
)

func sentenceTokenizer() (*sentences.DefaultSentenceTokenizer, error) {
	punktOnce.Do(func() {
		tok, err := libraryPunkt()
		if err != nil {
			punktErr = err
			return
		}
		punkt = newPunkt(tok.Storage)
	})
	return punkt, punktErr
}

// libraryPunkt is the library's English tokenizer with our abbreviations;
// its model (Storage) is what the faster newPunkt runs on.
func libraryPunkt() (*sentences.DefaultSentenceTokenizer, error) {
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("load English sentence model: %w", err)
	}
	for _, a := range extraAbbreviations {
		tok.Storage.AbbrevTypes.Add(a)
	}
	return tok, nil
}

// Sentences splits text into sentences: every line is a block of its own
// (captions, headings and "Also read" lines never join the next paragraph),
// then each block is split by an abbreviation-aware Punkt tokenizer, and
// pieces that cannot stand alone (a lone closing quote, a bracket, a
// continuation in lower case) are put back onto the sentence before them.
func Sentences(text string) []string {
	tok, err := sentenceTokenizer()
	var out []string
	for _, block := range strings.Split(normalizeSpace(text), "\n") {
		block = strings.TrimSpace(block)
		if block == "" {
			continue
		}
		if err != nil {
			// Without the model a block still counts as one sentence.
			out = append(out, block)
			continue
		}
		if !strings.ContainsAny(block, sentenceEnders) {
			// Nothing can end a sentence inside: one sentence.
			out = append(out, block)
			continue
		}
		var pieces []string
		for _, s := range punktSplit(tok, block) {
			for _, p := range resplit(strings.TrimSpace(s)) {
				if p = strings.TrimSpace(p); p != "" {
					pieces = append(pieces, p)
				}
			}
		}
		out = append(out, mergeFragments(pieces)...)
	}
	return out
}

// sentenceEnders are the characters without which Punkt and resplit find
// no boundary in a block (Punkt marks breaks only at words with one).
const sentenceEnders = ".!?。！？"

// punktSplit is tok.Tokenize(text) as strings.
func punktSplit(tok *sentences.DefaultSentenceTokenizer, text string) []string {
	var out []string
	last := 0
	for _, t := range tok.AnnotatedTokens(text) {
		if t.SentBreak {
			out = append(out, text[last:t.Position])
			last = t.Position
		}
	}
	if last != len(text) {
		out = append(out, text[last:])
	}
	return out
}

// normalizeSpace turns every line break into "\n" and every other run of
// white space (tabs, no-break spaces) into one space.
func normalizeSpace(text string) string {
	if spaceIsNormal(text) {
		return text
	}
	return rewriteSpace(text)
}

// rewriteSpace is normalizeSpace without the check for text that needs
// nothing done.
func rewriteSpace(text string) string {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var b strings.Builder
	b.Grow(len(text))
	space := false
	for _, r := range text {
		switch {
		case r == '\n' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
			space = false
		case unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff':
			if !space {
				b.WriteByte(' ')
			}
			space = true
		default:
			b.WriteRune(r)
			space = false
		}
	}
	return b.String()
}

// spaceIsNormal tells whether normalizeSpace would return text unchanged:
// valid UTF-8, no white space but "\n" and single spaces, no zero-width
// spaces.
func spaceIsNormal(text string) bool {
	space := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case ' ':
				if space {
					return false
				}
				space = true
			case '\n':
				space = false
			case '\t', '\v', '\f', '\r':
				return false
			default:
				space = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || r == '\u2028' || r == '\u2029' || r == '\u200b' || r == '\ufeff' {
			return false
		}
		space = false
		i += size
	}
	return true
}

// mergeFragments joins pieces that Punkt split off but that cannot start a
// sentence: closing punctuation alone, or a piece starting in lower case or
// with a closing bracket or quote.
func mergeFragments(pieces []string) []string {
	out := pieces[:0]
	for _, p := range pieces {
		if len(out) > 0 && (isContinuation(p) || splitAfterInitialism(out[len(out)-1], p)) {
			out[len(out)-1] += " " + p
			continue
		}
		out = append(out, p)
	}
	return out
}

// splitAfterInitialism tells a Punkt split after "U.S." that is followed by
// a word that does not usually start a sentence ("the U.S. Forces Korea").
func splitAfterInitialism(prev, p string) bool {
	if !isInitialism(prev) {
		return false
	}
	w := p
	if j := strings.IndexAny(w, " ,;:"); j >= 0 {
		w = w[:j]
	}
	return !starterAfterInitialism[w]
}

func isContinuation(p string) bool {
	r, _ := utf8.DecodeRuneInString(p)
	if unicode.IsLower(r) {
		return true
	}
	switch r {
	case ')', ']', '}', '”', '’', '»':
		return true
	case '"', '\'':
		// A straight quote opens a sentence unless nothing but
		// punctuation follows it.
		return strings.TrimFunc(p, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }) == ""
	}
	return false
}

// starterAfterInitialism are words that, capitalised after "U.S." or
// "U.K.", begin a new sentence rather than continue a name.
var starterAfterInitialism = map[string]bool{
	"The": true, "He": true, "She": true, "It": true, "They": true, "We": true, "I": true,
	"But": true, "In": true, "On": true, "At": true, "This": true, "That": true, "A": true,
	"An": true, "His": true, "Her": true, "Their": true, "There": true, "However": true,
	"Meanwhile": true, "Officials": true, "Some": true, "Many": true, "Its": true,
}

// resplit breaks a Punkt sentence where Punkt is known to miss a boundary:
// after a number ("in 2014. The ministry") and after an initialism that
// ends the sentence ("moved to the U.S. The ministry").
func resplit(s string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '.' || s[i+1] != ' ' || i == 0 {
			continue
		}
		next := s[i+2:]
		r, _ := utf8.DecodeRuneInString(next)
		if !unicode.IsUpper(r) && !strings.ContainsRune("\"“‘'", r) {
			continue
		}
		prev := s[i-1]
		split := false
		switch {
		case prev >= '0' && prev <= '9':
			// "No. 5." or "Vol. 3." are rare in news; a number then a
			// capital is a sentence end.
			split = !precededByNumberAbbrev(s[start:i])
		case isInitialism(s[start : i+1]):
			w := next
			if j := strings.IndexAny(w, " ,;:"); j >= 0 {
				w = w[:j]
			}
			split = starterAfterInitialism[w]
		}
		if split {
			out = append(out, s[start:i+1])
			start = i + 2
		}
	}
	return append(out, s[start:])
}

// precededByNumberAbbrev tells "No. 5" and the like from a plain number.
func precededByNumberAbbrev(s string) bool {
	_, rest := lastField(s)
	w, _ := lastField(rest)
	if w == "" {
		return false
	}
	switch strings.ToLower(w) {
	case "no.", "nos.", "vol.", "art.", "pp.", "p.", "fig.", "sec.", "ch.":
		return true
	}
	return false
}

// isInitialism tells whether s ends with a dotted initialism like "U.S.".
func isInitialism(s string) bool {
	w, _ := lastField(s)
	if w == "" {
		return false
	}
	w = strings.TrimLeft(w, "(\"“‘'")
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for k := 0; k < len(w); k += 2 {
		if w[k] < 'A' || w[k] > 'Z' || w[k+1] != '.' {
			return false
		}
	}
	return true
}

// lastField returns the last of strings.Fields(s) ("" if none) and what
// comes before it.
func lastField(s string) (field, before string) {
	s = strings.TrimRightFunc(s, unicode.IsSpace)
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	if i < 0 {
		return s, ""
	}
	_, size := utf8.DecodeRuneInString(s[i:])
	return s[i+size:], s[:i]
}
