package prefilter

import (
	"regexp/syntax"
	"slices"
	"testing"
	"unicode"
)

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string // nil: no prefilter
	}{
		{`(?i)^read more\b`, []string{"read more"}},
		{`(?i)cookies?`, []string{"cookie"}},
		{`(?i)\b(follow|like) us (on|at)\b`, []string{"like us at", "like us on", "follow us at", "follow us on"}},
		{`(?i)^\d+\s*(comments?|views?)$`, []string{"view", "comment"}},
		{`©|\(c\)\s*\d{4}`, []string{"©", "(c)"}},
		{`(?i)SCROLL|scroll down`, []string{"scroll"}},
		{`[Kk]elvin`, []string{"kelvin"}},
		{`^[^\p{L}]*$`, nil},
		{`(?i)cookie|.*`, nil},
		{`a*`, nil},
		{`x?y?`, nil},
	}
	for _, tt := range tests {
		got, err := Required(tt.pattern)
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(got)
		slices.Sort(tt.want)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Required(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}

// TestFoldRune: every rune of a case-folding orbit folds the same way.
func TestFoldRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if f := unicode.SimpleFold(r); f != r && FoldRune(f) != FoldRune(r) {
			t.Fatalf("FoldRune(%U) = %U but FoldRune(%U) = %U", r, FoldRune(r), f, FoldRune(f))
		}
	}
}

func TestLeading(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string // nil: no set known
	}{
		{`(?i)\b(Hwasong|KN)-?\d+`, []string{"hwasong", "kn"}},
		{`(?i)hw(a|e)song`, []string{"hwasong", "hwesong"}},
		{`(?i)[kn]n`, []string{"kn", "nn"}},
		{`(?i)kn\d`, []string{"kn"}},
		{`(?i)k?n`, nil}, // an optional part ends what is known
		{`(?i)(?:kn)*\d`, nil},
		{`(?i)[a-z]n`, nil},
		{`x|.*`, nil},
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.pattern, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got := Leading(re)
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("Leading(%q) = %q, want %q", tt.pattern, got, tt.want)
		}
	}
}
