package rules

import (
	"errors"
	"testing"

	"wirewatch/config"
)

// TestErrorsThroughLoader compiles rules read by the real config loader:
// positions inside escaped and multi-line TOML strings must point at the
// character as written in the file.
func TestErrorsThroughLoader(t *testing.T) {
	const file = `[[channels]]
name = "desk"
id = "000000000000000001"

[[topics]]
name = "north-korea"
aliases = ["North Korea"]

[[rules]]
name = "escaped"
query = "\"Kim Jong Un\" AND titel:x"
channels = ["desk"]

[[rules]]
name = "multi"
query = """
topic:north-korea AND
  (ICBM OR SRBM) NEAR/8 topic:north-kora"""
channels = ["desk"]

[[rules]]
name = "literal"
query = '북한 AND (미사일 OR'
channels = ["desk"]
`
	cfg, err := config.Parse("wirewatch.toml", []byte(file))
	if err != nil {
		t.Fatalf("config.Parse: %v", err)
	}
	_, err = Compile(cfg)
	var errs config.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		`wirewatch.toml:11:30: rule "escaped": unknown field "titel": expected one of title, text, summary, feed, link, author, category or topic`,
		`wirewatch.toml:18:31: rule "multi": unknown topic "north-kora" (did you mean "north-korea"?)`,
		`wirewatch.toml:23:24: rule "literal": expected a term after OR, found end of query`,
	}
	if len(errs) != len(want) {
		t.Fatalf("errors:\n%v", err)
	}
	for i := range want {
		if errs[i].Error() != want[i] {
			t.Errorf("got  %s\nwant %s", errs[i].Error(), want[i])
		}
	}
}

// TestExampleConfigCompiles compiles the shipped example config with this
// grammar.
func TestExampleConfigCompiles(t *testing.T) {
	cfg, err := config.Load("../config.example.toml")
	if err != nil {
		t.Fatalf("config.example.toml: %v", err)
	}
	e, err := Compile(cfg)
	if err != nil {
		t.Fatalf("config.example.toml: %v", err)
	}
	if len(e.targets) != len(cfg.Topics)+len(cfg.Rules) || len(cfg.Rules) == 0 {
		t.Errorf("%d targets for %d topics and %d rules", len(e.targets), len(cfg.Topics), len(cfg.Rules))
	}
}
