package searchquery

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Fold removes diacritics (Pyŏngyang → Pyongyang, as McCune–Reischauer
// romanizations are often typed without them) and lower-cases s. Backends
// whose full-text engine does not fold by itself apply it to both the
// indexed text and the query words. Hangul decomposes and recomposes
// unchanged.
func Fold(s string) string {
	if isASCII(s) {
		return strings.ToLower(s) // nothing to decompose: skip the costly chain
	}
	folded, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		return strings.ToLower(s)
	}
	return strings.ToLower(folded)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
