package words

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

var texts = []string{
	"",
	"North Korea fired a missile on Monday, the JCS said.",
	"Pyŏngyang's “final warning” — 1,000 troops; U.S.-ROK drills (2.5 km)",
	"Pyo\u0306ngyang, Cafe\u0301 \u0301lone mark",
	"북한이 동해상으로 탄도미사일을 발사했다",
	"中国外交部 said 東京",
	"STRASSE Straße ǅemal İstanbul ΣΊΣΥΦΟΣ K\u212a",
	"\xff\xfe broken \xc3 utf-8",
	"tabs\tand\nnewlines\r\n\u00a0nbsp\u200bzero-width",
}

// TestSplitMatchesDefinition: Spans and Split cut exactly where the rule
// says (letters, digits and marks make words), with byte ranges into s.
func TestSplitMatchesDefinition(t *testing.T) {
	for _, s := range texts {
		want := strings.FieldsFunc(s, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
		})
		got := Split(s)
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("Split(%q)\n got %q\nwant %q", s, got, want)
		}
		last := 0
		Spans(s, func(start, end int) {
			if start < last || end <= start || end > len(s) {
				t.Errorf("Spans(%q): range %d..%d after %d", s, start, end, last)
			}
			last = end
		})
	}
}

// TestLower: case goes, accents stay, and a decomposed word is the
// composed one.
func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Bogotá", "bogotá"},
		{"Bogotá", "bogotá"},
		{"CÁRTEL", "cártel"},
		{"Pyŏngyang", "pyŏngyang"},
		{"PYONGYANG", "pyongyang"},
		{"가", "가"}, // Hangul jamo compose to a syllable
		{"東京", "東京"},
	}
	for _, tt := range tests {
		if got := Lower(tt.in); got != tt.want {
			t.Errorf("Lower(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestFold: case and accents go, Hangul and CJK stay, and the fast path
// agrees with the full chain on every word.
func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Pyŏngyang", "pyongyang"},
		{"PYONGYANG", "pyongyang"},
		{"Pyo\u0306ngyang", "pyongyang"},
		{"Straße", "strasse"},
		{"ΣΊΣΥΦΟΣ", "σισυφοσ"},
		{"K\u212a", "kk"},
		{"북한이", "북한이"},
		{"東京", "東京"},
		{"Séoul-2024", "seoul-2024"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	chain := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC, cases.Fold())
	for _, s := range texts {
		for _, w := range Split(s) {
			want, _, err := transform.String(chain, w)
			if err != nil {
				t.Fatal(err)
			}
			if got := Fold(w); got != want {
				t.Errorf("Fold(%q) = %q, want %q", w, got, want)
			}
			if got := string(AppendFold([]byte("x"), w)); got != "x"+want {
				t.Errorf("AppendFold(x, %q) = %q, want %q", w, got, "x"+want)
			}
		}
	}
}

// TestStem: Porter's stems, the same from the cache as the first time.
func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"launches", "launch"},
		{"launched", "launch"},
		{"launching", "launch"},
		{"denounces", "denounc"},
		{"denounced", "denounc"},
		{"drills", "drill"},
		{"exercises", "exercis"},
		{"missile", "missil"},
		{"a", "a"},
	}
	for range 2 {
		for _, tt := range tests {
			if got := Stem(tt.in); got != tt.want {
				t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		}
	}
}
