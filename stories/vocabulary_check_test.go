package stories

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wirewatch/config"
)

var updateFindings = flag.Bool("update-findings", false, "rewrite testdata/check/known-findings.txt with what CheckVocabulary finds now")

// TestVocabularyReading shows, with the grouper's own reader and the
// shipped and desks' vocabularies, how an entry's canonical term meets a
// report writing the word, and an entry never read.
func TestVocabularyReading(t *testing.T) {
	tests := []struct {
		desk  string // "": the shipped vocabulary
		text  string // as a report writes it
		reads string // the terms the grouper makes of it
	}{
		// korea.toml: "spy satellite" = "satellite"; the alias's term is
		// read as a report's "satellite" is, by the stemmer: they meet.
		{"", "spy satellite", "satellit"},
		{"", "satellite", "satellit"},
		// news.toml: "early election" gives "snap elect", as a report's
		// "snap election" is read.
		{"", "early election", "snap elect"},
		{"", "snap election", "snap elect"},
		// News English reads "kidnapped" and "kidnap" alike; latam.toml
		// takes "kidnapped" (and "kidnaps", "abducted", ...) to "kidnap",
		// which is read as a report's "kidnap" is: news English's "abduct".
		{"", "kidnapped", "abduct"},
		{"", "kidnap", "abduct"},
		{"testdata/latam.toml", "kidnapped", "abduct"},
		{"testdata/latam.toml", "kidnap", "abduct"},
		// mideast.toml: reports = "report" is never read ("reports" is a
		// stop-word); its act of verb "report" is named only by aliases.
		{"testdata/mideast.toml", "reports", ""},
		{"testdata/mideast.toml", "quarterly report", "report quarterli"},
		// "missile" = "missile" in news English's [words]: an alias's
		// "missile" and a report's meet.
		{"", "missile strike", "missil attack"},
		{"", "missiles", "missil"},
	}
	for _, tt := range tests {
		t.Run(tt.desk+" "+tt.text, func(t *testing.T) {
			v := DefaultVocabulary()
			if tt.desk != "" {
				v = setVocabulary(t, tt.desk)
			}
			if got := strings.Join(v.reads(tt.text), " "); got != tt.reads {
				t.Errorf("%q reads %q, want %q", tt.text, got, tt.reads)
			}
		})
	}
}

// TestCheckVocabulary: each file of testdata/check holds one kind of
// entry the check reports, with ones it must leave alone.
func TestCheckVocabulary(t *testing.T) {
	tests := []struct {
		file string
		want []string // "line:col: message start", warnings "line:col: warning: ..."
	}{
		{"clean.toml", nil},
		{"no-vocabulary.toml", nil},
		{"dead-words.toml", []string{
			`6:12: words "reported": "reported" is a stop-word, dropped before [words] is read`,
			`8:13: words "pyongyang": "pyongyang" is an alias (stories/vocabulary/korea.toml:38:15 = "nkorea")`,
		}},
		{"stop-word-terms.toml", []string{
			`9:1: warning: acts "nuclear-report": verb "report" is a stop-word where a report writes it: only an alias`,
			`15:1: acts "briefing": verb "news" is a stop-word where a report writes it, and no alias gives it`,
			`21:11: facts.day.evening: term "pm" is a stop-word where a report writes it, and no alias gives it`,
		}},
		{"unmet-terms.toml", []string{
			`15:12: warning: words "northern": a report's "dprk" is read "nkorea", so it never meets the "dprk" this entry gives`,
		}},
		{"split-senses.toml", []string{
			`8:11: warning: words "kidnaps": takes "kidnaps" from news.toml's "abduct" (stories/vocabulary/news.toml:`,
		}},
		{"shared-verbs.toml", []string{
			`5:1: warning: acts "summit": verb "summit" is also a verb of news.toml's "talks" acts`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "check", tt.file)
			cfg, err := config.Load(path)
			if err != nil {
				t.Fatal(err)
			}
			mistakes, warnings := CheckVocabulary(cfg.Stories.Vocabulary)
			got := append(mistakes, warnings...).Sorted()
			if len(got) != len(tt.want) {
				t.Fatalf("%d findings, want %d:\n%v", len(got), len(tt.want), got)
			}
			for i, e := range got {
				if !strings.HasPrefix(e.Error(), path+":"+tt.want[i]) {
					t.Errorf("finding %d:\n got %s\nwant %s:%s...", i, e, path, tt.want[i])
				}
			}
		})
	}
}

// TestVocabularyFindings runs the check over every vocabulary the
// project holds: the desks' in testdata, each compiled as its config
// would be, the shipped Korea desk's over news English, and news English
// alone. What it finds today is listed in testdata/check/known-findings.txt,
// each file's findings under the reason they stay; anything else fails,
// so an edit to news.toml that parts a desk's words from news English's,
// or leaves an entry unread, is seen when it is made.
func TestVocabularyFindings(t *testing.T) {
	news, korea := shipped()
	type vocabulary struct {
		name  string
		parts []*config.Vocabulary
	}
	all := []vocabulary{{"news.toml", []*config.Vocabulary{news}}, {"korea.toml", []*config.Vocabulary{korea, news}}}
	desks, err := filepath.Glob("testdata/*.toml")
	if err != nil || len(desks) == 0 {
		t.Fatalf("no desk vocabularies in testdata: %v", err)
	}
	for _, path := range desks {
		cfg, err := config.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, vocabulary{filepath.Base(path), vocabularyParts(&cfg.Stories.Vocabulary)})
	}
	var got []string
	for _, voc := range all {
		mistakes, warnings := checkParts(voc.parts)
		for _, e := range append(mistakes, warnings...).Sorted() {
			got = append(got, findingKey(e))
		}
	}
	const known = "testdata/check/known-findings.txt"
	if *updateFindings {
		if err := os.WriteFile(known, []byte(knownFindingsHeader+strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := os.ReadFile(known)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	listed := map[string]bool{} // files with findings in known
	for _, line := range strings.Split(string(data), "\n") {
		if line != "" && !strings.HasPrefix(line, "#") {
			want = append(want, line)
			file, _, _ := strings.Cut(line, ": ")
			listed[file] = true
		}
	}
	for _, f := range missing(got, want) {
		if file, _, _ := strings.Cut(f, ": "); !listed[file] {
			t.Errorf("new vocabulary %s (a new desk's findings are listed once read: -update-findings):\n  %s", file, f)
			continue
		}
		t.Errorf("new finding (mend the vocabulary edit that made it, or list it in %s with why it stays):\n  %s", known, f)
	}
	for _, f := range missing(want, got) {
		t.Errorf("listed in %s but no longer found (remove the line):\n  %s", known, f)
	}
}

// knownFindingsHeader says why the findings listed stay.
const knownFindingsHeader = `# What CheckVocabulary finds in the project's vocabularies today
# (TestVocabularyFindings; go test ./stories/ -run TestVocabularyFindings
# -update-findings rewrites it). Each line is a vocabulary file and a finding
# without its positions. They stay because:
# - news.toml and korea.toml are the shipped vocabularies: mending an
#   entry changes how every desk's reports group, a grouping change to be
#   measured on the sets, not a check's.
# - the desks' files in testdata are written before their labelled sets
#   and never changed after (a desk's vocabulary is not edited to mend
#   its set): what the check finds there is part of what their scores
#   measure.
# A line not here is a new finding: most likely an edit to news.toml that
# parts a desk's words from news English's; mend the edit, or add the
# line with its reason.
`

// findingKey is a finding without its positions and the lists that
// follow them, so that an edit elsewhere in a file does not move it:
// "latam.toml: warning: words "kidnaps": takes "kidnaps" from news.toml's
// "abduct"".
func findingKey(e config.Error) string {
	msg, _, _ := strings.Cut(e.Msg, " (")
	if i := strings.Index(msg, ": "); i >= 0 {
		if j := strings.Index(msg[i+2:], ": "); j >= 0 {
			msg = msg[:i+2+j]
		}
	}
	if e.Warning {
		msg = "warning: " + msg
	}
	return fmt.Sprintf("%s: %s", filepath.Base(e.Pos.File), msg)
}

// missing lists the lines of a that b lacks, each as often as a has it
// more than b.
func missing(a, b []string) []string {
	left := map[string]int{}
	for _, s := range b {
		left[s]++
	}
	var out []string
	for _, s := range a {
		if left[s] > 0 {
			left[s]--
			continue
		}
		out = append(out, s)
	}
	return out
}

// TestInflects: an inflection is read as its base by the report stemmer;
// a word that only starts like the base is not its inflection.
func TestInflects(t *testing.T) {
	for _, tc := range []struct {
		word, base string
		want       bool
	}{
		{"recalls", "recall", true},
		{"eased", "ease", true},
		{"levies", "levy", true},
		{"acquired", "acquir", true},
		{"recall", "recall", false},
		{"package", "pack", false},
		{"restrike", "rest", false},
		{"seizure", "seize", false},
	} {
		if got := inflects(tc.word, tc.base); got != tc.want {
			t.Errorf("inflects(%q, %q) = %v, want %v", tc.word, tc.base, got, tc.want)
		}
	}
}
