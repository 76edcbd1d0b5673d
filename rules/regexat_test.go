package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"wirewatch/model"
)

// TestRegexAtLeadingLiterals checks that running a regex only where its
// leading literals occur finds exactly what running it over every field
// finds: context assertions (\b, \B, ^, (?m)^), case folding beyond ASCII,
// invalid UTF-8, adjacent and overlapping matches, and the per-field cap.
func TestRegexAtLeadingLiterals(t *testing.T) {
	regexes := []string{
		`\bKN-?\d+`, `(?m)^kn\d`, `^kn`, `\Bkn\d`, `kn(-\d+)+`, `(Hwasong|KN|Pukguksong|Haeil)-?\d+`,
		`\b(Hwasong|KN|Pukguksong|Haeil)-?\d+`, `hw(a|e)song`, `sk\w*`, `kn|hwasong`, `(?-i)KN\d`,
		`ab+c`, `kn.*?\d`, `kn\d{2,}`, `(?s)kn.\d`, `(?:kn)+\d`, `kn\d$`, `(?m)kn\d$`, `\bkn\b`,
		`k[n]\d`, `ICBM|SLBM`, `\bsl?bm`, `(kn|sk)(?:x|y)?\d`, `kn-\d|kn\d`, `kn\d*`, `ſk|kk`,
		`(?i:Séoul)`, `se\w+l`, `((kn))-?(\d)`,
	}
	texts := []string{
		"KN-23 and kn23, unknown KN-1; the KN-25's launch",
		"kn1 at the start\nkn2 after a newline\r\nkn3 after CRLF",
		"\u212an-5 (Kelvin sign) and ſk and \u212a\u212ak9",
		"\xffkn-1 invalid \xe2kn-2 bytes \xc3\xa9kn-3 é",
		"_kn-1 x_kn2 1kn3 kn-1kn-2kn-3 kn--4",
		"hwasonghwasong-5 Hwasong-18, HWASONG 19, hwesong",
		"skabbbc abc ABBC SKY sk2 knx7 kny8",
		"Seoul, SÉOUL, séoul, seoul",
		strings.Repeat("kn1 ", 80),
		"kn9",
		"",
	}
	var qs []string
	for _, re := range regexes {
		qs = append(qs, "/"+re+"/", "title:/"+re+"/")
	}
	e := mustCompile(t, qs...)
	eligible := 0
	for i := range e.leaves {
		if e.leaves[i].atStart != nil {
			eligible++
		}
	}
	if eligible < len(regexes) {
		t.Fatalf("only %d of %d regex leaves run at their literals: the test would not test them", eligible, 2*len(regexes))
	}
	for i, title := range texts {
		for j, text := range texts {
			it := model.Item{Title: title, Text: text, Summary: []string{texts[(i+j)%len(texts)]}}
			s := e.getScratch()
			s.d.tokenize(itemFields(it))
			e.index(s)
			for id := range e.leaves {
				l := &e.leaves[id]
				if l.atStart == nil {
					continue
				}
				got := fmt.Sprint(e.matchRegexAt(l, s, nil))
				want := fmt.Sprint(matchRegex(l, s.d, nil))
				if got != want {
					t.Errorf("%s on title %q, text %q: at literals %s, whole fields %s", l.label, title, text, got, want)
				}
			}
			e.pool.Put(s)
		}
	}
}

func TestLeadingLiterals(t *testing.T) {
	for _, c := range []struct {
		re   string
		want []string
	}{
		{`(?i)\b(Hwasong|KN|Pukguksong|Haeil)-?\d+`, []string{"haeil", "hwasong", "kn", "pukguksong"}},
		{`(?i)conduct-?\d+`, []string{"conduct"}},
		{`(?i)hw(a|e)song`, []string{"hwasong", "hwesong"}},
		{`(?i)Jong-un`, []string{"jong"}},
		{`(?i)\d+kn`, nil},
		{`(?i)k?n\d`, nil},
		{`(?i)a|bc`, nil}, // a one-letter literal would fire everywhere
		{`(?i)(?:kn)*\d`, nil},
		{`(?i)[kn]n`, []string{"kn", "nn"}},
		{`(?i)[a-z]n`, nil}, // too many first letters
	} {
		got := leadingLiterals(c.re)
		if !slices.Equal(got, c.want) {
			t.Errorf("leadingLiterals(%q) = %q, want %q", c.re, got, c.want)
		}
	}
}
