package searchquery

import (
	"strings"
	"unicode"

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
	folded, _, err := transform.String(transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC), s)
	if err != nil {
		return strings.ToLower(s)
	}
	return strings.ToLower(folded)
}
