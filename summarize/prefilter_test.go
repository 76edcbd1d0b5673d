package summarize

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"testing"

	"wirewatch/prefilter"
)

// equivalenceTexts are texts to check the fast paths against the plain
// definitions on: the fixtures, the test tables, and (when the public
// evaluation data is beside the repository, or WIREWATCH_EVAL_DATA points
// to it) a sample of real articles.
func equivalenceTexts(t testing.TB) []string {
	t.Helper()
	var out []string
	files, _ := filepath.Glob(filepath.Join("testdata", "clean", "*.in.txt"))
	files = append(files, filepath.Join("testdata", "drill-article.txt"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	for _, c := range cleanCases {
		out = append(out, c.in)
	}
	out = append(out,
		"KELVIN \u212aelvin ſcroll down for video", // other members of case-folding orbits
		"ALSO READ: THE DRILLS. FOLLOW US ON TWITTER.",
		"Invalid \xff\xfe bytes © 2026 and a \u00a0no-break\tspace\r\nnext line",
		"He said: “We are ready.” Then he left.\u2028New line",
	)
	n := 60
	if testing.Short() {
		n = 10
	}
	return append(out, evalSample(t, n)...)
}

// evalSample reads up to n CNN/DM and n BBC articles from the evaluation
// data, or none when it is absent.
func evalSample(t testing.TB, n int) []string {
	t.Helper()
	dir := os.Getenv("WIREWATCH_EVAL_DATA")
	if dir == "" {
		dir = filepath.Join("..", "..", "shared", "eval-data")
	}
	var out []string
	cnn, _ := filepath.Glob(filepath.Join(dir, "cnndm-frank-250", "articles", "*.json"))
	sort.Strings(cnn)
	for _, f := range cnn[:min(n, len(cnn))] {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var d struct {
			Article string `json:"article"`
		}
		if err := json.Unmarshal(b, &d); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out = append(out, d.Article)
	}
	bbc, _ := filepath.Glob(filepath.Join(dir, "bbc-news-summary", "BBC News Summary", "News Articles", "*", "*.txt"))
	sort.Strings(bbc)
	step := max(1, len(bbc)/max(n, 1))
	for i := 0; i < len(bbc) && len(out) < 2*n; i += step {
		b, err := os.ReadFile(bbc[i])
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// textPieces are the lines and sentences the rules are matched against,
// plus upper- and title-cased copies.
func textPieces(texts []string) []string {
	var out []string
	for _, text := range texts {
		for _, line := range strings.Split(normalizeSpace(text), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				continue
			}
			out = append(out, line, strings.ToUpper(line))
			out = append(out, Sentences(line)...)
		}
	}
	return out
}

// TestPrefilterNeverSkipsAMatch: a rule's literals must be found in every
// text its regexp matches, or the prefilter would change what Clean keeps.
func TestPrefilterNeverSkipsAMatch(t *testing.T) {
	pieces := textPieces(equivalenceTexts(t))
	groups := []struct {
		scan  *literalScanner
		rules []cleanRule
	}{
		{defaultRules.lineScan, slices.Concat(defaultRules.lineCut.rules, defaultRules.lineDrop.rules, defaultRules.lineStrip.rules)},
		{defaultRules.sentenceScan, defaultRules.sentenceDrop.rules},
	}
	matched := 0
	for _, g := range groups {
		for _, s := range pieces {
			found := g.scan.scan(s)
			for _, r := range g.rules {
				if !r.re.MatchString(s) {
					continue
				}
				matched++
				if r.bit != 0 && found&r.bit == 0 {
					t.Errorf("rule %q matches %q but its literals %q were not found", r.Name, s, r.lits)
				}
			}
		}
	}
	if matched == 0 {
		t.Fatal("no rule matched anything: the check checked nothing")
	}
}

// TestEveryRuleHasAPrefilter: a rule with no literal runs its regexp on
// every line; that is allowed but should be a decision.
func TestEveryRuleHasAPrefilter(t *testing.T) {
	noLiteral := map[string]bool{"no-letters": true} // `^[^\p{L}]*$` needs none
	for _, g := range []ruleGroup{defaultRules.lineCut, defaultRules.lineDrop, defaultRules.lineStrip, defaultRules.sentenceDrop} {
		for _, r := range g.rules {
			if (r.bit == 0) != noLiteral[r.Name] {
				t.Errorf("rule %q: literals %q, bit %x", r.Name, r.lits, r.bit)
			}
		}
	}
}

// TestRulesAnchorOnce: `^a|^b` makes RE2 try every start position; the
// rules file must say `^(?:a|b)`.
func TestRulesAnchorOnce(t *testing.T) {
	for _, g := range []ruleGroup{defaultRules.lineCut, defaultRules.lineDrop, defaultRules.lineStrip, defaultRules.sentenceDrop} {
		for _, r := range g.rules {
			re, err := syntax.Parse(r.Pattern, syntax.Perl)
			if err != nil {
				t.Fatal(err)
			}
			if re.Op != syntax.OpAlternate {
				continue
			}
			anchored := true
			for _, sub := range re.Sub {
				first := sub
				if sub.Op == syntax.OpConcat {
					first = sub.Sub[0]
				}
				anchored = anchored && first.Op == syntax.OpBeginText
			}
			if anchored {
				t.Errorf("rule %q: every alternative starts with ^; write ^(?:...|...)", r.Name)
			}
		}
	}
}

// TestLiteralScanner compares the scanner with a search for each literal
// in the folded text.
func TestLiteralScanner(t *testing.T) {
	lits := [][]string{{"she"}, {"he", "hers"}, {"his"}, {"ushe"}, {"©"}, {"é"}, {"aaa"}}
	for i := range lits {
		for j := range lits[i] {
			lits[i][j] = prefilter.FoldString(lits[i][j])
		}
	}
	s := newLiteralScanner(lits)
	texts := []string{"", "ushers", "USHERS", "hi", "this", "aa", "aaaa", "Café ©", "CAFÉ", "h\xffe", "sh", "s he"}
	texts = append(texts, textPieces(equivalenceTexts(t)[:10])...)
	for _, text := range texts {
		folded := prefilter.FoldString(text)
		var want uint64
		for i, rule := range lits {
			for _, l := range rule {
				if strings.Contains(folded, l) {
					want |= 1 << i
				}
			}
		}
		if got := s.scan(text); got != want {
			t.Errorf("scan(%q) = %b, want %b", text, got, want)
		}
	}
}
