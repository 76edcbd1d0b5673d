package rules

import (
	"bufio"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"wirewatch/model"
)

// checkExplain compares Explain with Match on one item: the same rules
// match, with the same terms, and every rule that does not match says why.
func checkExplain(t *testing.T, e *Engine, it model.Item, where string) {
	t.Helper()
	matches := e.Match(it)
	got := map[string][]string{}
	for _, m := range matches {
		got[m.Rule] = m.Terms
	}
	xs := e.Explain(it)
	nMatched := 0
	for _, x := range xs {
		terms, matched := got[x.Rule]
		if x.Matched != matched {
			t.Errorf("%s: rule %s: Explain says matched=%v, Match says %v", where, x.Rule, x.Matched, matched)
			continue
		}
		if matched {
			nMatched++
			if !slices.Equal(x.Terms, terms) {
				t.Errorf("%s: rule %s: Explain terms %q, Match terms %q", where, x.Rule, x.Terms, terms)
			}
			if len(x.Missing)+len(x.Vetoed) > 0 {
				t.Errorf("%s: rule %s matched but Explain lists missing %q, vetoed %q", where, x.Rule, x.Missing, x.Vetoed)
			}
		} else if len(x.Missing)+len(x.Vetoed) == 0 {
			t.Errorf("%s: rule %s did not match and Explain gives no reason", where, x.Rule)
		}
	}
	if nMatched != len(matches) {
		t.Errorf("%s: Match found %d rules, Explain %d", where, len(matches), nMatched)
	}
}

// fuzzCorpus reads the stored inputs of a fuzz test: its files hold one
// quoted string per argument.
func fuzzCorpus(t *testing.T, name string) [][3]string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", name, "*"))
	var out [][3]string
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		var args []string
		sc := bufio.NewScanner(fh)
		for sc.Scan() {
			line := sc.Text()
			if v, ok := strings.CutPrefix(line, "string("); ok {
				s, err := strconv.Unquote(strings.TrimSuffix(v, ")"))
				if err != nil {
					t.Fatalf("%s: %v", f, err)
				}
				args = append(args, s)
			}
		}
		fh.Close()
		if len(args) == 3 {
			out = append(out, [3]string{args[0], args[1], args[2]})
		}
	}
	if len(out) == 0 {
		t.Fatalf("no fuzz corpus in testdata/fuzz/%s", name)
	}
	return out
}

// TestExplainAgreesWithMatch runs Explain and Match over the oracle corpus
// (every seed query against every seed text, the stored fuzz inputs) and
// over the labelled items with the example config's rules.
func TestExplainAgreesWithMatch(t *testing.T) {
	corpus := append(slices.Clone(oracleSeeds), fuzzCorpus(t, "FuzzMatchAgreesWithNaive")...)
	for _, q := range corpus {
		e, err := Compile(ruleConfig(q[0]))
		if err != nil {
			continue
		}
		for _, c := range corpus {
			it := model.Item{Title: c[1], Text: c[2], Summary: []string{c[2]}}
			checkExplain(t, e, it, strconv.Quote(q[0])+" on "+strconv.Quote(c[1]))
		}
	}
	e, err := Compile(exampleConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	matched := 0
	for _, li := range readLabelled(t) {
		checkExplain(t, e, li.item, "items.txt:"+strconv.Itoa(li.line))
		matched += len(e.Match(li.item))
	}
	if matched == 0 {
		t.Fatal("no labelled item matched a rule: the comparison proved nothing")
	}
}

// TestExplainClauses checks what Explain says of a rule that failed.
func TestExplainClauses(t *testing.T) {
	e := mustCompile(t,
		`missile AND (launch* OR fire*) AND NOT "test launch"`,
		`title:ICBM NEAR/3 Japan`,
		`missile`,
	)
	xs := e.Explain(model.Item{Title: "Missile test launch planned", Text: "The test launch of a missile is set."})
	want := []Explanation{
		{Rule: "r0", Severity: model.SeverityAlert, Vetoed: []string{"test launch"}},
		{Rule: "r1", Severity: model.SeverityAlert, Missing: []string{"title:ICBM NEAR/3 Japan"}},
		{Rule: "r2", Severity: model.SeverityAlert, Matched: true, Terms: []string{"Missile"}},
	}
	if len(xs) != len(want) {
		t.Fatalf("got %d explanations, want %d: %+v", len(xs), len(want), xs)
	}
	for i := range want {
		g, w := xs[i], want[i]
		if g.Rule != w.Rule || g.Matched != w.Matched || !slices.Equal(g.Terms, w.Terms) || !slices.Equal(g.Missing, w.Missing) || !slices.Equal(g.Vetoed, w.Vetoed) {
			t.Errorf("rule %d: got %+v, want %+v", i, g, w)
		}
	}
	xs = e.Explain(model.Item{Title: "Rocket fired"})
	if got := xs[0].Missing; !slices.Equal(got, []string{"missile"}) {
		t.Errorf("r0 on an item without missile: missing %q, want [missile]", got)
	}
}
