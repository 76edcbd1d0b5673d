package alerts

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
//	go test ./alerts -run '^$' -fuzz FuzzCompile -fuzztime 30s
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
