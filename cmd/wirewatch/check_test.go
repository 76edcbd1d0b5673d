package main

import (
	"strings"
	"testing"
)

// TestCheckVocabulary: check --vocabulary reads a desk's vocabulary file
// alone (no feeds or channels needed), check --config reads a whole
// config's; both report the vocabulary's entries that never apply as
// mistakes (exit status 1) and those that apply otherwise than written
// as warnings (exit status 0), at file:line:col on standard error.
func TestCheckVocabulary(t *testing.T) {
	const desks = "../../stories/testdata/"
	tests := []struct {
		args   []string
		code   int
		stdout string   // "" : nothing there
		stderr []string // each must appear on standard error; none: nothing there
	}{
		{[]string{"check", "--vocabulary", desks + "check/clean.toml"}, 0, desks + "check/clean.toml: ok\n", nil},
		{[]string{"check", "-vocabulary", desks + "check/dead-words.toml"}, 1, "", []string{
			desks + `check/dead-words.toml:6:12: words "reported": "reported" is a stop-word`,
			desks + `check/dead-words.toml:8:13: words "pyongyang": "pyongyang" is an alias (stories/vocabulary/korea.toml:38:15 = "nkorea")`}},
		{[]string{"check", "--vocabulary", desks + "check/unmet-terms.toml"}, 0, desks + "check/unmet-terms.toml: ok\n", []string{
			desks + `check/unmet-terms.toml:15:12: warning: words "northern": a report's "dprk" is read "nkorea"`}},
		{[]string{"check", "--vocabulary", desks + "check/no-vocabulary.toml"}, 1, "", []string{
			desks + "check/no-vocabulary.toml:1:1: no [stories.vocabulary]"}},
		// The desks' example vocabularies: latam.toml has warnings only,
		// mideast.toml two [words] entries that never apply.
		{[]string{"check", "--vocabulary", desks + "latam.toml"}, 0, desks + "latam.toml: ok\n", []string{
			desks + `latam.toml:424:10: warning: words "blasts": takes "blasts" from news.toml's "denounce"`}},
		{[]string{"check", "--vocabulary", desks + "mideast.toml"}, 1, "", []string{
			desks + `mideast.toml:699:11: words "reports": "reports" is a stop-word`}},
		// As a config, a desk's file lacks what the bot needs to run.
		{[]string{"check", "--config", desks + "latam.toml"}, 1, "", []string{desks + "latam.toml:1:1: no [[feeds]]"}},
		{[]string{"check", "--config", "testdata/check/vocabulary.toml"}, 1, "", []string{
			`testdata/check/vocabulary.toml:20:12: words "reported": "reported" is a stop-word`,
			`testdata/check/vocabulary.toml:21:12: warning: words "northern": a report's "dprk" is read "nkorea"`}},
		{[]string{"check", "--vocabulary", desks + "latam.toml", "--config", "wirewatch.toml"}, 2, "", []string{"--config or --vocabulary, not both"}},
		{[]string{"check", desks + "latam.toml"}, 2, "", []string{`unexpected argument "` + desks + `latam.toml"`}},
		{[]string{"check", "--vocabulary", "testdata/check/nosuch.toml"}, 1, "", []string{"testdata/check/nosuch.toml: no such file"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runSplit(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			if stdout != tt.stdout {
				t.Errorf("stdout %q, want %q", stdout, tt.stdout)
			}
			if len(tt.stderr) == 0 && stderr != "" {
				t.Errorf("stderr %q, want nothing", stderr)
			}
			for _, w := range tt.stderr {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr lacks %q:\n%s", w, stderr)
				}
			}
		})
	}
}
