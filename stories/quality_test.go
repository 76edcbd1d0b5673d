package stories

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the labelled set names IANA zones; do not depend on the host's tzdata

	"wirewatch/model"
)

// labelled is one item of testdata/labelled.txt with its true story.
type labelled struct {
	id    string
	story string
	zone  *time.Location
	item  model.Item
}

// readLabelled parses the record format described at the top of the file.
func readLabelled(t testing.TB, path string) []labelled {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open labelled set: %v", err)
	}
	defer f.Close()

	type record struct {
		id      string
		headers map[string]string
		text    []string
	}
	var recs []*record
	var cur *record
	inText := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "=== "):
			cur = &record{id: strings.TrimSpace(line[4:]), headers: map[string]string{}}
			recs = append(recs, cur)
			inText = false
		case cur == nil || (strings.HasPrefix(line, "#") && !inText):
		case !inText && line == "":
			inText = true
		case !inText:
			k, v, ok := strings.Cut(line, ":")
			if !ok {
				t.Fatalf("%s: bad header %q", cur.id, line)
			}
			cur.headers[strings.TrimSpace(k)] = strings.TrimSpace(v)
		default:
			cur.text = append(cur.text, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read labelled set: %v", err)
	}

	byID := map[string]*record{}
	for _, r := range recs {
		if byID[r.id] != nil {
			t.Fatalf("duplicate id %s", r.id)
		}
		byID[r.id] = r
	}
	var out []labelled
	for _, r := range recs {
		h := map[string]string{}
		text := strings.TrimSpace(strings.Join(r.text, "\n"))
		if from := r.headers["copy"]; from != "" {
			src := byID[from]
			if src == nil {
				t.Fatalf("%s: copy of unknown %s", r.id, from)
			}
			for k, v := range src.headers {
				h[k] = v
			}
			if text == "" {
				text = strings.TrimSpace(strings.Join(src.text, "\n"))
			}
		}
		for k, v := range r.headers {
			h[k] = v
		}
		loc, err := time.LoadLocation(h["zone"])
		if err != nil {
			t.Fatalf("%s: zone: %v", r.id, err)
		}
		pub, err := time.Parse(time.RFC3339, h["published"])
		if err != nil {
			t.Fatalf("%s: published: %v", r.id, err)
		}
		for _, k := range []string{"story", "feed", "link", "title"} {
			if h[k] == "" {
				t.Fatalf("%s: no %s", r.id, k)
			}
		}
		out = append(out, labelled{id: r.id, story: h["story"], zone: loc, item: model.Item{
			Key: "link:" + h["link"], Feed: h["feed"], Link: h["link"], Title: h["title"], Text: text,
			Published: pub, FirstSeen: pub,
		}})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].item.Published.Before(out[j].item.Published) })
	return out
}

// pairScores are pairwise precision and recall of a grouping against labels.
func pairScores(truth, got []string) (precision, recall float64, tp, fp, fn int) {
	for i := range truth {
		for j := i + 1; j < len(truth); j++ {
			same, grouped := truth[i] == truth[j], got[i] == got[j]
			switch {
			case same && grouped:
				tp++
			case grouped:
				fp++
			case same:
				fn++
			}
		}
	}
	precision, recall = 1, 1
	if tp+fp > 0 {
		precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		recall = float64(tp) / float64(tp+fn)
	}
	return
}

func TestPairScores(t *testing.T) {
	p, r, tp, fp, fn := pairScores([]string{"a", "a", "a", "b"}, []string{"x", "x", "y", "y"})
	if tp != 1 || fp != 1 || fn != 2 || p != 0.5 || r != 1.0/3 {
		t.Fatalf("got p=%v r=%v tp=%d fp=%d fn=%d", p, r, tp, fp, fn)
	}
}

// TestGroupingQuality feeds each labelled set to a Grouper in publication
// order, as the pipeline would, and scores the stories it builds with
// pairwise precision and recall. labelled.txt and heldout.txt tuned the
// grouper (heldout.txt was held out at first, then its misses drove the
// generalisation work) and are gated at the goals (precision ≥ 0.95, recall
// ≥ 0.85). heldout2.txt was written before that work and only measures it:
// precision 0.887, recall 0.618 before, 1.000 and 0.820 after; it is gated
// at a floor below what it has shown, to catch regressions without claiming
// the goal. Its misses: a follow-up four days after its story's last item
// (outside the 72-hour window), and reworded reports that share almost no
// terms with the others ("freezes assets", "imposes sanctions" and
// "blacklists"; "Independence Movement Day" against "March 1"; a
// "gunnery competition" against a "firing contest"; "springtime military
// drills" without the exercise's name).
//
//	go test -run TestGroupingQuality -v ./stories/
func TestGroupingQuality(t *testing.T) {
	for _, tc := range []struct {
		file              string
		minItems          int
		precision, recall float64
	}{{"testdata/labelled.txt", 150, 0.95, 0.85}, {"testdata/heldout.txt", 40, 0.95, 0.85}, {"testdata/heldout2.txt", 60, 0.95, 0.78}} {
		t.Run(strings.TrimSuffix(strings.TrimPrefix(tc.file, "testdata/"), ".txt"), func(t *testing.T) {
			set := readLabelled(t, tc.file)
			if len(set) < tc.minItems {
				t.Fatalf("%s has %d items, want at least %d", tc.file, len(set), tc.minItems)
			}
			got := groupAll(set)
			truth := make([]string, len(set))
			for i := range set {
				truth[i] = set[i].story
			}
			p, r, tp, fp, fn := pairScores(truth, got)
			t.Logf("%s: items=%d labelled stories=%d built stories=%d pairs: tp=%d fp=%d fn=%d",
				tc.file, len(set), countDistinct(truth), countDistinct(got), tp, fp, fn)
			t.Logf("%s: pairwise precision=%.3f recall=%.3f", tc.file, p, r)
			if testing.Verbose() {
				logMistakes(t, set, got)
			}
			if p < tc.precision || r < tc.recall {
				t.Errorf("pairwise precision %.3f (want ≥ %.2f), recall %.3f (want ≥ %.2f)", p, tc.precision, r, tc.recall)
			}
		})
	}
}

// groupAll adds a set in publication order, pruning as the pipeline does,
// and returns each item's story ID.
func groupAll(set []labelled) []string {
	g := NewGrouper(72 * time.Hour)
	got := make([]string, len(set))
	for i := range set {
		it := set[i].item
		g.Prune(it.Published)
		g.Add(&it, set[i].zone)
		got[i] = it.StoryID
	}
	return got
}

func countDistinct(ss []string) int {
	m := map[string]bool{}
	for _, s := range ss {
		m[s] = true
	}
	return len(m)
}

// logMistakes prints, per true story, how its items were split, and which
// built stories mix labels, to tune against.
func logMistakes(t *testing.T, set []labelled, got []string) {
	short := map[string]string{}
	name := func(id string) string {
		if short[id] == "" {
			short[id] = fmt.Sprintf("S%d", len(short)+1)
		}
		return short[id]
	}
	byLabel := map[string][]int{}
	var order []string
	for i, l := range set {
		if byLabel[l.story] == nil {
			order = append(order, l.story)
		}
		byLabel[l.story] = append(byLabel[l.story], i)
	}
	for _, label := range order {
		var parts []string
		split := map[string]bool{}
		for _, i := range byLabel[label] {
			split[got[i]] = true
			parts = append(parts, set[i].id+"→"+name(got[i]))
		}
		if len(split) > 1 {
			t.Logf("split %s: %s", label, strings.Join(parts, " "))
		}
	}
	byStory := map[string][]int{}
	for i := range set {
		byStory[got[i]] = append(byStory[got[i]], i)
	}
	for s, idx := range byStory {
		labels := map[string]bool{}
		var parts []string
		for _, i := range idx {
			labels[set[i].story] = true
			parts = append(parts, set[i].id+"("+set[i].story+")")
		}
		if len(labels) > 1 {
			t.Logf("mixed %s: %s", name(s), strings.Join(parts, " "))
		}
	}
}
