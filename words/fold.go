package words

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// foldPool holds the fold chain: decompose, drop non-spacing marks,
// recompose (so Hangul jamo become syllables again) and case-fold.
// Transformers are stateful, hence the pool.
var foldPool = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC, cases.Fold())
}}

// Fold returns the case- and accent-insensitive form of s (Pyŏngyang and
// PYONGYANG both become pyongyang).
func Fold(s string) string {
	if simpleFold(s) {
		return strings.ToLower(s) // no allocation when s is already lower-case
	}
	t := foldPool.Get().(transform.Transformer)
	out, _, err := transform.String(t, s)
	foldPool.Put(t)
	if err != nil {
		return strings.ToLower(s)
	}
	return out
}

// AppendFold appends Fold(s) to dst, without allocating for the common case
// of a word that needs only ASCII lower-casing.
func AppendFold(dst []byte, s string) []byte {
	if !simpleFold(s) {
		return append(dst, Fold(s)...)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// simpleFold reports whether s needs no more than ASCII lower-casing: ASCII,
// Hangul syllables and CJK ideographs have no case and no accents.
func simpleFold(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < utf8.RuneSelf {
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= 0xAC00 && r <= 0xD7A3: // Hangul syllables
		case r >= 0x4E00 && r <= 0x9FFF: // CJK unified ideographs
		default:
			return false
		}
		i += n - 1
	}
	return true
}

// Lower returns s lower-cased in Unicode's composed form (NFC), accents
// kept: a feed that sends "cártel" decomposed (a, then U+0301) and a
// vocabulary that writes it composed write one word. The story grouper
// reads words and its vocabulary's phrases so; Fold, for rules and
// search, also drops the accents.
func Lower(s string) string {
	if simpleFold(s) {
		return strings.ToLower(s) // nothing to compose
	}
	return strings.ToLower(norm.NFC.String(s))
}
