package words

import (
	"unicode"
	"unicode/utf8"
)

// IsWordRune reports whether r belongs to a word: a letter, a digit or a
// combining mark.
func IsWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// Spans calls fn with the byte range of every word of s, in order.
func Spans(s string, fn func(start, end int)) {
	start := -1
	for i := 0; i < len(s); {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if IsWordRune(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			fn(start, i)
			start = -1
		}
		i += n
	}
	if start >= 0 {
		fn(start, len(s))
	}
}

// Split returns the words of s, as slices of s.
func Split(s string) []string {
	out := make([]string, 0, len(s)/5+1)
	Spans(s, func(start, end int) { out = append(out, s[start:end]) })
	return out
}
