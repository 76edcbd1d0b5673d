package rules

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"wirewatch/config"
	"wirewatch/model"
)

// FuzzCompile checks that any query either compiles into a rule that can
// be matched without panicking, or fails with positioned errors that point
// inside the query.
//
//	go test ./rules -run '^$' -fuzz FuzzCompile -fuzztime 30s
func FuzzCompile(f *testing.F) {
	for _, q := range []string{
		"missile", `"Freedom Edge" OR (trilateral NEAR/3 (drill* OR exercise*))`,
		"topic:north-korea AND (missile OR ICBM OR SRBM) NEAR/8 (launch* OR fire*)",
		"title:(a OR b) NOT c", "/ICBM|SLBM/", `/a\/b/ NEAR/2 "x y"`, "북한 AND 미사일*",
		"(((", ")", `"`, "/", "NEAR/5", "a NEAR/x b", "titel:x", "topic:", "topic:nope",
		"-x", "l*", "a**", "“smart quotes”", "NOT NOT NOT a", "a\nAND\nb", "\xff\xfe",
		"title:text:x", "x AND", "OR", "a b c d e f", "/(?i)x{2,}/", "/x*/", "Jong-un*",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		cfg := ruleConfig(q)
		e, err := Compile(cfg)
		if (e == nil) == (err == nil) {
			t.Fatalf("Compile(%q) = %v, %v: want exactly one", q, e, err)
		}
		if err != nil {
			var errs config.Errors
			if !errors.As(err, &errs) || len(errs) == 0 {
				t.Fatalf("Compile(%q): error %v is not config.Errors", q, err)
			}
			lines := strings.Count(q, "\n")
			for _, ce := range errs {
				if ce.Msg == "" || ce.Pos.File != "test.toml" || ce.Pos.Line < 20 || ce.Pos.Line > 20+lines || ce.Pos.Col < 1 ||
					ce.Pos.Line == 20 && ce.Pos.Col > 10+utf8.RuneCountInString(q) {
					t.Fatalf("Compile(%q): bad error %v", q, ce)
				}
			}
			return
		}
		e.Match(fuzzItem)
		e.Topics(fuzzItem)
	})
}

var fuzzItem = model.Item{
	Title: "North Korea fires ICBM; Freedom Edge trilateral drills", Text: "북한이 미사일을 발사했다. Kim Jong-un watched the launch.",
	Summary: []string{"Pyongyang launched a missile."}, Feed: "Yonhap", Link: "https://example.com/a", Author: "A", Categories: []string{"b"},
}

// FuzzMatchAgreesWithNaive compiles a query and matches it against an item
// both through the engine (three times: the token cache learns the words,
// then takes them from those seen once, then knows them) and through the
// naive matcher, which runs the rule's own regular expressions: they must
// agree. Texts are kept short enough that
// the engine's caps on places per term cannot come into play.
//
//	go test ./rules -run '^$' -fuzz FuzzMatchAgreesWithNaive -fuzztime 60s
func FuzzMatchAgreesWithNaive(f *testing.F) {
	for _, c := range oracleSeeds {
		f.Add(c[0], c[1], c[2])
	}
	f.Fuzz(func(t *testing.T, q, title, text string) {
		if len(title)+len(text) > 400 {
			return
		}
		e, err := Compile(ruleConfig(q))
		if err != nil {
			return
		}
		it := model.Item{Title: title, Text: text, Summary: []string{text}}
		want := strings.Join(naiveMatch(naiveCompile(e), it), ",")
		for pass := range 3 {
			var got []string
			for _, m := range e.Match(it) {
				got = append(got, m.Rule)
			}
			if g := strings.Join(got, ","); g != want {
				t.Fatalf("pass %d: query %q on %q / %q: engine %q, naive %q", pass, q, title, text, g, want)
			}
		}
	})
}

// oracleSeeds are query, title and text triples where matching is easy
// to get wrong: the seeds of FuzzMatchAgreesWithNaive, and of
// TestExplainAgreesWithMatch.
var oracleSeeds = [][3]string{
	{"missile AND launch*", "North Korea fires missile", "The launcher was seen."},
	{`"Freedom Edge" OR (trilateral NEAR/3 (drill* OR exercise*))`, "Trilateral naval drills", "Freedom Edge begins."},
	{"topic:north-korea AND (missile OR ICBM) NEAR/8 (launch* OR fire*)", "N. Korea fires ICBM", "Pyongyang launched it."},
	{`title:(a OR b) NOT c`, "a b", "c"},
	{`/ICBM|SLBM/ AND NOT "test launch"`, "SLBMs tested", "no test launch"},
	{`"kim jong*" NEAR/2 "said"`, "Kim Jong Un said", "Kim Jong-un, he said"},
	{"북한 AND 미사일*", "북한이 미사일을 발사", ""},
	{"Hwasong-1* OR summary:drill", "Hwasong 19 shown", "drill drill"},
}
