// Package searchquery turns user-typed search text into a small, safe query
// tree that each storage backend renders into its own full-text syntax
// (SQLite FTS5 MATCH, PostgreSQL tsquery).
//
// Rules: parsing never fails. Operators and punctuation the user types are
// never passed through to the database; only words made of letters, digits
// and marks are, always quoted. The grammar follows web search engines:
// words are ANDed, "quoted text" is a phrase, OR between two terms makes
// either one match, a leading - excludes a term and a trailing * matches
// a prefix. Korean attaches particles to nouns (북한이, 북한은): both
// backends also index each Hangul word without its particle (Stems), so a
// Hangul word matches whole, with or without a particle, as every other
// word does: a prefix match would read every word the prefix starts, which
// costs time in proportion to the archive.
//
// A prefix term reads every word it starts, so Budget refuses prefixes
// shorter than MinPrefixRunes and more than MaxPrefixTerms of them; the
// backends index prefixes of that length (SQLite's FTS5 prefix index).
package searchquery

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits keep a hostile query from costing much.
const (
	maxTerms     = 16
	maxWordRunes = 64
	maxWords     = 8 // per phrase

	// MinPrefixRunes is the shortest prefix a query may ask for: "mis*"
	// reads a few words' postings, "m*" those of a twentieth of the
	// vocabulary.
	MinPrefixRunes = 3
	// MaxPrefixTerms is how many prefix terms one query may hold.
	MaxPrefixTerms = 2
)

// Budget says, in words for the user, why q would cost too much to run,
// or returns nil.
func (q Query) Budget() error {
	prefixes := 0
	for _, t := range q.terms() {
		if !t.Prefix {
			continue
		}
		prefixes++
		last := t.Words[len(t.Words)-1]
		if utf8.RuneCountInString(last) < MinPrefixRunes {
			return fmt.Errorf("a word ending in * needs at least %d letters before the * (%s* matches too much); write more of the word",
				MinPrefixRunes, last)
		}
	}
	if prefixes > MaxPrefixTerms {
		return fmt.Errorf("a search may hold at most %d words ending in *; this one has %d", MaxPrefixTerms, prefixes)
	}
	return nil
}

// terms lists every term of q, wanted or excluded.
func (q Query) terms() []Term {
	out := append([]Term(nil), q.Not...)
	for _, g := range q.Must {
		out = append(out, g...)
	}
	return out
}

// Term is a word or a phrase of several words in sequence.
type Term struct {
	Words  []string // folded; never empty
	Prefix bool     // the user asked for a prefix match (word*)
}

// Query is a parsed search: every group in Must must match (a group matches
// when any of its terms does) and no term of Not may match.
type Query struct {
	Must [][]Term
	Not  []Term
}

// Empty reports whether the query can match nothing; backends return an
// empty result for it without asking the database.
func (q Query) Empty() bool { return len(q.Must) == 0 }

// token is one whitespace- or quote-delimited unit of the input.
type token struct {
	text   string
	quoted bool
	negate bool
}

// Parse reads user-typed text. It never fails; text it cannot use yields an
// empty Query.
func Parse(text string) Query {
	var q Query
	orNext := false
	terms := 0
	for _, tok := range tokenize(text) {
		if !tok.quoted && !tok.negate && tok.text == "OR" {
			orNext = len(q.Must) > 0
			continue
		}
		term, ok := makeTerm(tok)
		if !ok || terms >= maxTerms {
			continue
		}
		terms++
		switch {
		case tok.negate:
			q.Not = append(q.Not, term)
			orNext = false
		case orNext:
			last := len(q.Must) - 1
			q.Must[last] = append(q.Must[last], term)
			orNext = false
		default:
			q.Must = append(q.Must, []Term{term})
		}
	}
	return q
}

// tokenize splits text at whitespace, keeping "quoted runs" whole. An
// unclosed quote runs to the end of the text.
func tokenize(text string) []token {
	var toks []token
	rs := []rune(text)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"' || (r == '-' && i+1 < len(rs) && rs[i+1] == '"'):
			negate := r == '-'
			if negate {
				i++
			}
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			toks = append(toks, token{text: string(rs[i+1 : j]), quoted: true, negate: negate})
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' {
				j++
			}
			t := token{text: string(rs[i:j])}
			if strings.HasPrefix(t.text, "-") && len(t.text) > 1 {
				t.negate, t.text = true, t.text[1:]
			}
			toks = append(toks, t)
			i = j
		}
	}
	return toks
}

// makeTerm keeps the words of a token; a bare token such as "Kim's" or
// "ICBM-class" becomes a phrase, as the backends' tokenizers would split it.
func makeTerm(tok token) (Term, bool) {
	text := tok.text
	prefix := !tok.quoted && strings.HasSuffix(text, "*")
	words := Words(text)
	if len(words) == 0 {
		return Term{}, false
	}
	if len(words) > maxWords {
		words = words[:maxWords]
		prefix = false
	}
	return Term{Words: words, Prefix: prefix}, true
}

// Words splits s into folded (lower-cased, diacritics removed) runs of
// letters, digits and marks, each cut to a sane length.
func Words(s string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !isWordRune(r) }) {
		if rs := []rune(w); len(rs) > maxWordRunes {
			w = string(rs[:maxWordRunes])
		}
		words = append(words, Fold(w))
	}
	return words
}

func hasHangul(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}
