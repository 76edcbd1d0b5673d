package rules

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"wirewatch/config"
	"wirewatch/model"
)

// exampleConfig loads config.example.toml, whose topics and rules are the
// ones the labelled set is checked against, with the real loader.
func exampleConfig(t testing.TB) *config.Config {
	t.Helper()
	cfg, err := config.Load("../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// labelledItem is one headline+lead with the rules it must set off.
type labelledItem struct {
	line   int
	item   model.Item
	expect []string
}

func readLabelled(t testing.TB) []labelledItem {
	t.Helper()
	f, err := os.Open("testdata/items.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []labelledItem
	var cur *labelledItem
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "T: "):
			out = append(out, labelledItem{line: n, item: model.Item{Title: line[3:], Feed: "Desk wire"}})
			cur = &out[len(out)-1]
		case strings.HasPrefix(line, "L: ") && cur != nil:
			cur.item.Text = line[3:]
		case strings.HasPrefix(line, "E: ") && cur != nil:
			if e := strings.TrimSpace(line[3:]); e != "-" {
				cur.expect = strings.Fields(e)
				slices.Sort(cur.expect)
			}
		case line == "" || strings.HasPrefix(line, "#"):
		default:
			t.Fatalf("testdata/items.txt:%d: unexpected line %q", n, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestLabelledItems checks the example rules against the hand-labelled
// items: every expected hit and no other.
func TestLabelledItems(t *testing.T) {
	cfg := exampleConfig(t)
	e, err := Compile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	items := readLabelled(t)
	if len(items) < 300 {
		t.Errorf("only %d labelled items", len(items))
	}
	hits := map[string]int{}
	correct := 0
	for _, li := range items {
		var got []string
		for _, m := range e.Match(li.item) {
			got = append(got, m.Rule)
			hits[m.Rule]++
			if len(m.Terms) == 0 {
				t.Errorf("items.txt:%d: rule %s matched with no terms", li.line, m.Rule)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, li.expect) {
			t.Errorf("items.txt:%d %q: got %v, want %v", li.line, li.item.Title, got, li.expect)
			continue
		}
		correct++
	}
	t.Logf("%d/%d labelled items correct; hits per rule: %v", correct, len(items), hits)
	for _, r := range cfg.Rules {
		if hits[r.Name] < 3 {
			t.Errorf("rule %s has only %d labelled hits", r.Name, hits[r.Name])
		}
	}
}

// TestMatchConcurrent runs one engine from several goroutines (run with
// -race): the token cache and the scratch pool are shared, and the
// goroutines add the tokens they bring to the cache, with words never seen
// before enough for its generations to turn over meanwhile.
func TestMatchConcurrent(t *testing.T) {
	e, err := Compile(exampleConfig(t))
	if err != nil {
		t.Fatal(err)
	}
	items := readLabelled(t)
	want := make([]int, len(items))
	for i, li := range items {
		want[i] = len(e.Match(li.item))
	}
	e2, _ := Compile(exampleConfig(t)) // a cold cache, filled concurrently
	first := e2.cache.Load()
	errs := make(chan string, 4)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range 3 * len(items) {
				i := (k + g*83) % len(items)
				it := items[i].item
				var sb strings.Builder
				for w := range 40 {
					fmt.Fprintf(&sb, "g%dk%dw%d ", g, k, w)
				}
				it.Author = sb.String() // no rule reads it
				if n := len(e2.Match(it)); n != want[i] {
					errs <- fmt.Sprintf("item %d: %d matches, want %d", i, n, want[i])
					return
				}
				e2.Topics(items[i].item)
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for msg := range errs {
		t.Error(msg)
	}
	if c := e2.cache.Load(); c == first || c.prev == first {
		t.Error("the token cache's generations did not turn over twice")
	}
}
