package stories

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"wirewatch/model"
)

// syntheticNames makes n distinct name-like words ("Hwanam", "Sokchon"...),
// so a synthetic window has a realistic spread of rare terms.
func syntheticNames(n int) []string {
	first := []string{"Hwa", "Sok", "Kang", "Mun", "Pyo", "Chon", "Ryo", "Sin", "Tae", "Won", "Hae", "Nam", "Puk", "Yong", "Ko", "Un", "Jang", "Sun", "Ok", "Bong"}
	mid := []string{"an", "ri", "do", "san", "ju", "gang", "chon", "pyong", "ho", "ryong", "il", "bu", "se", "mo", "ha"}
	last := []string{"", "ni", "dong", "gol", "po", "ri", "gun", "bong", "ak", "won", "ju", "am"}
	out := make([]string, 0, n)
	for i := 0; len(out) < n; i++ {
		out = append(out, fmt.Sprintf("%s%s%s%d", first[i%len(first)], mid[(i/len(first))%len(mid)], last[(i/(len(first)*len(mid)))%len(last)], i/(len(first)*len(mid)*len(last))))
	}
	return out
}

// syntheticItem rewrites a labelled item into a new report of a new event:
// other places, people and numbers, the same house style.
func syntheticItem(l labelled, k int, names []string, pub time.Time) model.Item {
	place, person, unit := names[(k*7)%len(names)], names[(k*13+5)%len(names)], names[(k*31+11)%len(names)]
	it := l.item
	it.Link = fmt.Sprintf("https://synthetic.example/%d", k)
	it.Key = "link:" + it.Link
	it.Title = fmt.Sprintf("%s near %s", cleanTitle(it.Title), place)
	it.Text = fmt.Sprintf("%s Officials in %s said a unit led by %s of the %s command took part, with %d people involved.",
		it.Text, place, person, unit, 100+k%900)
	it.Published, it.FirstSeen = pub, pub
	return it
}

// loadedWindow builds n one-item stories spread over a 72-hour window and
// loads them into a Grouper, as at start-up.
func loadedWindow(b *testing.B, set []labelled, n int) (*Grouper, time.Time, []string) {
	names := syntheticNames(n / 2)
	end := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	start := end.Add(-72 * time.Hour)
	items := make([]model.Item, n)
	stories := make([]model.Story, n)
	for k := 0; k < n; k++ {
		pub := start.Add(time.Duration(k) * (72 * time.Hour) / time.Duration(n))
		it := syntheticItem(set[k%len(set)], k, names, pub)
		it.StoryID = fmt.Sprintf("story-%d", k)
		items[k] = it
		stories[k] = model.Story{ID: it.StoryID, Title: it.Title, Link: it.Link, FirstSeen: pub, Updated: pub, EventDate: pub,
			Sources: []model.Source{{Feed: it.Feed, Title: it.Title, Link: it.Link, Published: pub}}}
	}
	g := NewGrouper(72 * time.Hour)
	g.Load(items, stories)
	return g, end, names
}

// BenchmarkAdd measures grouping one new item against a window of 100,000
// stories, and reports the CPU time per Add (user and system, which a busy
// machine does not inflate as it does ns/op) and the heap the window takes
// per story.
//
//	go test -run '^$' -bench BenchmarkAdd -benchtime 2000x -cpu 1 ./stories/
func BenchmarkAdd(b *testing.B) {
	w := benchLoaded(b)
	g, end, names, set, n := w.g, w.end, w.names, w.set, w.n

	b.ReportAllocs()
	cpu0, cpuOK := processCPU()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := n + i
		it := syntheticItem(set[k%len(set)], k, names, end.Add(time.Duration(i)*time.Second))
		g.Add(&it, set[k%len(set)].zone)
	}
	b.StopTimer()
	if cpu1, ok := processCPU(); ok && cpuOK {
		b.ReportMetric(float64(cpu1-cpu0)/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(w.perStory, "heap-bytes/story")
	w.added += b.N
}

// benchWindowState is the loaded window, built once per process: Load of
// 100,000 stories takes seconds, and the benchmark function runs several
// times.
type benchWindowState struct {
	g        *Grouper
	end      time.Time
	names    []string
	set      []labelled
	n        int
	perStory float64
	added    int
}

var benchState *benchWindowState

func benchLoaded(b *testing.B) *benchWindowState {
	if benchState != nil {
		// Later runs add after the items earlier runs added.
		benchState.end = benchState.end.Add(time.Duration(benchState.added) * time.Second)
		benchState.n += benchState.added
		benchState.added = 0
		return benchState
	}
	set := readLabelled(b, "testdata/labelled.txt")
	n := benchWindow()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	g, end, names := loadedWindow(b, set, n)
	runtime.GC()
	runtime.ReadMemStats(&after)
	if g.Len() != n {
		b.Fatalf("loaded %d stories, want %d", g.Len(), n)
	}
	benchState = &benchWindowState{g: g, end: end, names: names, set: set, n: n,
		perStory: (float64(after.HeapAlloc) - float64(before.HeapAlloc)) / float64(n)}
	return benchState
}

// benchWindow is the number of stories in the benchmark's window:
// 100,000, or WIREWATCH_BENCH_STORIES for a quicker look.
func benchWindow() int {
	if v, err := strconv.Atoi(os.Getenv("WIREWATCH_BENCH_STORIES")); err == nil && v > 0 {
		return v
	}
	return 100_000
}
