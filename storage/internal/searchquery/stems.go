package searchquery

import (
	"strings"
	"unicode/utf8"
)

// particles are Korean postpositions that attach to nouns, longest first
// so 에서 is stripped before 서 could be.
var particles = []string{
	"으로부터", "에서부터", "에게서", "까지는", "에서는", "으로는", "이라는", "이라고",
	"에서", "에게", "한테", "께서", "으로", "부터", "까지", "처럼", "보다", "마저", "조차", "이나", "이며", "라는", "라고",
	"은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "나", "며", "께",
}

// Stems returns, space-separated, the particle-stripped forms of the
// Hangul words of text that carry a particle (북한이 → 북한), so that a
// search for 북한 finds them as a whole word. Stripping is a heuristic: a
// noun that merely ends like a particle (국가) also yields a stem (국),
// which only makes a search for that stem slightly broader.
func Stems(text string) string {
	var b strings.Builder
	// Only Hangul words can carry a particle: the others are not folded.
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) }) {
		if !hasHangul(w) {
			continue
		}
		w = Words(w)[0]
		for _, p := range particles {
			stem, ok := strings.CutSuffix(w, p)
			if ok && utf8.RuneCountInString(stem) >= 1 {
				if b.Len() > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(stem)
				break
			}
		}
	}
	return b.String()
}
