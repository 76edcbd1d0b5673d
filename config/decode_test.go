package config

import (
	"strings"
	"testing"
)

// TestSectionKeysAreKnown keeps the top-level hint list in step with the keys
// the decoder reads.
func TestSectionKeysAreKnown(t *testing.T) {
	for section, keys := range sectionKeys {
		for _, key := range keys {
			_, err := Parse("k.toml", []byte("["+section+"]\n"+key+" = {}\n"))
			if err == nil || strings.Contains(err.Error(), "unknown key") {
				t.Errorf("[%s] %s: %v; want a type error, not an unknown key", section, key, err)
			}
		}
	}
}

func TestQuoteList(t *testing.T) {
	for _, tc := range []struct {
		ws   []string
		conj string
		want string
	}{
		{[]string{"a"}, "or", `"a"`},
		{[]string{"a", "b"}, "or", `"a" or "b"`},
		{[]string{"a", "b", "c"}, "and", `"a", "b" and "c"`},
		{[]string{"a", "b", "c", "d", "e", "f", "g"}, "and", `"a", "b", "c", "d", "e" and 2 more`},
	} {
		if got := QuoteList(tc.ws, tc.conj); got != tc.want {
			t.Errorf("QuoteList(%q, %q) = %s, want %s", tc.ws, tc.conj, got, tc.want)
		}
	}
}
