package rules

import (
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/words"
)

// benchVocabulary returns the folded words of the labelled items that an
// admin might put in a rule: at least four letters, and not in more than
// 2% of the items (no "said", "with", "korea").
func benchVocabulary(items []labelledItem) []string {
	df := map[string]int{}
	for _, li := range items {
		seen := map[string]bool{}
		for _, s := range []string{li.item.Title, li.item.Text} {
			words.Spans(s, func(a, b int) {
				if w := words.Fold(s[a:b]); len([]rune(w)) >= 4 && !seen[w] {
					seen[w] = true
					df[w]++
				}
			})
		}
	}
	var vocab []string
	for w, n := range df {
		if n*50 <= len(items) {
			vocab = append(vocab, w)
		}
	}
	slices.Sort(vocab)
	return vocab
}

// syntheticRules generates n rules in the shapes admins write. A third of
// the words come from the labelled items (Korea news), the rest are
// invented, like the rules of other desks about other subjects.
func syntheticRules(cfg *config.Config, n int, vocab []string, seed uint64) []config.Rule {
	rng := rand.New(rand.NewPCG(seed, 99))
	word := func() string {
		if rng.IntN(3) == 0 {
			return vocab[rng.IntN(len(vocab))]
		}
		const letters = "abcdefghiklmnoprstuvwyz"
		var b strings.Builder
		for range 5 + rng.IntN(5) {
			b.WriteByte(letters[rng.IntN(len(letters))])
		}
		return b.String()
	}
	prefix := func() string {
		w := word()
		r := []rune(w)
		return string(r[:min(len(r), 4+rng.IntN(3))]) + "*"
	}
	topic := func() string { return "topic:" + cfg.Topics[rng.IntN(len(cfg.Topics))].Name }
	shapes := []func() string{
		func() string { return word() + " AND " + word() },
		func() string { return fmt.Sprintf(`"%s %s"`, word(), word()) },
		func() string {
			return fmt.Sprintf("(%s OR %s OR %s) NEAR/%d (%s OR %s)", word(), word(), word(), 3+rng.IntN(6), prefix(), word())
		},
		func() string { return topic() + " AND (" + word() + " OR " + prefix() + ")" },
		func() string { return word() + " " + word() + " NOT " + word() },
		func() string { return "title:" + word() + " OR " + fmt.Sprintf(`"%s %s"`, word(), word()) },
		func() string { return topic() + " AND " + word() + " NEAR/5 " + word() },
		func() string { return "(" + word() + " OR " + word() + ") AND NOT title:" + word() },
	}
	var rules []config.Rule
	for i := range n {
		q := shapes[rng.IntN(len(shapes))]()
		if i%50 == 49 { // a few regexes
			q = fmt.Sprintf(`/%s-?\d+/`, word())
		}
		rules = append(rules, config.Rule{
			Name: fmt.Sprintf("gen-%d", i), Query: q, Channels: []string{"alerts"}, Severity: "info",
			QueryPos: config.Pos{File: "gen.toml", Line: i + 1, Col: 10},
		})
	}
	return rules
}

// Item sizes for the benchmarks. The pipeline matches an item's title,
// its text (the article's when the feed gives a teaser: news articles run
// 300 to 900 words) and its three-sentence summary. A teaser item is what a
// feed gives when the article cannot be fetched.
const (
	articleParas = 20 // about 420 words of text
	teaserParas  = 5  // about 100 words
)

// longItem builds a feed item around labelled item at line: its headline,
// a text of paras lead paragraphs, and a summary of the first three.
func longItem(items []labelledItem, line, paras int) model.Item {
	i := slices.IndexFunc(items, func(li labelledItem) bool { return li.line == line })
	var ps []string
	for k := range paras {
		ps = append(ps, items[(i+k*37)%len(items)].item.Text)
	}
	it := items[i].item
	it.Text = strings.Join(ps, "\n\n")
	it.Summary = ps[:min(3, len(ps))]
	it.Link = "https://news.example/korea/" + fmt.Sprint(line)
	it.Categories = []string{"World", "Asia"}
	return it
}

// BenchmarkMatch measures Match per item with 10 to 10,000 rules and
// reports, from the same run, the ratio to tokenizing the item once
// (x-tokenize) and how many times faster it is than running every rule's
// own regular expressions (x-faster-than-naive). The three are timed
// interleaved, chunk by chunk on the same items, in CPU time of the
// benchmark's thread, so that other processes on the machine do not skew
// the ratios; the Match and tokenizing loops take turns going first. The
// tokenizing baseline is doc.tokenize alone, the splitting
// and folding Match itself starts with; the engine's per-item index is
// counted as matching. Every item is matched once before timing, as a
// running bot has its token cache warm.
//
//	go test ./rules -run '^$' -bench 'Match$' -benchtime 2000x
func BenchmarkMatch(b *testing.B) {
	sizes := []struct {
		name  string
		paras int
		rules []int
	}{
		{"article", articleParas, []int{10, 100, 1000, 10000}},
		{"teaser", teaserParas, []int{1000}},
	}
	for _, size := range sizes {
		items, vocab := benchItems(b, size.paras)
		for _, n := range size.rules {
			b.Run(fmt.Sprintf("item=%s/rules=%d", size.name, n), func(b *testing.B) { benchMatch(b, items, vocab, n) })
		}
	}
	// A bot that has run for days has seen far more distinct words than
	// these items hold, and its token cache is then far larger than the
	// processor's caches. Many such words occur once (names, numbers,
	// typos); twice is the harder case (see tokenCache). The 90,000 come
	// one after the other, and so fill more than a generation of the cache:
	// by the time the items come, most were dropped or wait among the
	// words seen once, as the words of past days do. seen=fullx2 is the
	// most the map read for every token can hold.
	items, vocab := benchItems(b, articleParas)
	for _, times := range []int{1, 2} {
		name := fmt.Sprintf("item=article/rules=1000/seen=%d", seenWords)
		if times > 1 {
			name += fmt.Sprintf("x%d", times)
		}
		b.Run(name, func(b *testing.B) {
			e := benchEngine(b, 1000, vocab)
			for range times {
				seeOtherWords(e, seenWords)
			}
			benchMatchWith(b, e, items)
		})
	}
	// The current generation all but full of other words seen twice,
	// besides the items' own (2,228 words).
	b.Run("item=article/rules=1000/seen=fullx2", func(b *testing.B) {
		e := benchEngine(b, 1000, vocab)
		for range 2 {
			for _, it := range items {
				e.Match(it)
			}
		}
		c := e.cache.Load()
		n := maxGenTokens - 1 - len(c.ids) - len(c.once)
		for range 2 {
			seeOtherWords(e, n)
		}
		if e.cache.Load() != c || len(c.once) > 0 {
			b.Fatalf("the generation turned over or holds words seen once (%d)", len(c.once))
		}
		benchMatchWith(b, e, items)
	})
}

// seenWords is how many other distinct words the benchmark of a
// long-running bot has the engine see: more than a generation of the
// token cache takes (maxGenTokens), so that generations turn over.
const seenWords = 90_000

// seeOtherWords has the engine match items made of n distinct words found
// in no labelled item (2 to 11 bytes: q's and a number), so that its token
// cache holds them.
func seeOtherWords(e *Engine, n int) {
	rng := rand.New(rand.NewPCG(7, 7))
	var sb strings.Builder
	for i := range n {
		fmt.Fprintf(&sb, "%s%d ", strings.Repeat("q", 1+rng.IntN(6)), i)
		if i%500 == 499 || i == n-1 {
			e.Match(model.Item{Text: sb.String()})
			sb.Reset()
		}
	}
}

func benchMatch(b *testing.B, items []model.Item, vocab []string, n int) {
	benchMatchWith(b, benchEngine(b, n, vocab), items)
}

func benchMatchWith(b *testing.B, e *Engine, items []model.Item) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	naive := naiveCompile(e)
	for _, it := range items { // steady state: the token cache is warm
		e.Match(it)
	}
	d := &doc{}
	var matchT, tokT, sampleMatchT, sampleNaiveT time.Duration
	matches := 0
	const chunk = 64
	b.ReportAllocs()
	b.ResetTimer()
	tokenize := func(done, k int) {
		b.StopTimer()
		t0 := threadCPU()
		for j := 0; j < k; j++ {
			d.tokenize(itemFields(items[(done+j)%len(items)]))
		}
		tokT += threadCPU() - t0
		b.StartTimer()
	}
	for done := 0; done < b.N; done += chunk {
		k := min(chunk, b.N-done)
		// Whichever loop runs second finds the chunk's items in
		// the CPU caches: take turns.
		second := done/chunk%2 == 0
		if !second {
			tokenize(done, k)
		}
		t0 := threadCPU()
		for j := 0; j < k; j++ {
			matches += len(e.Match(items[(done+j)%len(items)]))
		}
		matchT += threadCPU() - t0
		if second {
			tokenize(done, k)
		}
	}
	b.StopTimer()
	// Four items per chunk both ways, for the naive ratio. This
	// comes after, not between the chunks: the naive matcher's
	// garbage would have Match pay for collections it did not
	// cause.
	for c := 0; c*chunk < b.N; c++ {
		for j := 0; j < 4; j++ {
			it := items[(c*7+j*61)%len(items)]
			t0 := threadCPU()
			e.Match(it)
			sampleMatchT += threadCPU() - t0
			t0 = threadCPU()
			naiveMatch(naive, it)
			sampleNaiveT += threadCPU() - t0
		}
	}
	b.ReportMetric(float64(matchT.Nanoseconds())/float64(b.N), "cpu-ns/item")
	b.ReportMetric(float64(matchT)/float64(tokT), "x-tokenize")
	b.ReportMetric(float64(sampleNaiveT)/float64(sampleMatchT), "x-faster-than-naive")
	b.ReportMetric(float64(matches)/float64(b.N), "matches/item")
}

// threadCPU is the CPU time used by the calling OS thread
// (CLOCK_THREAD_CPUTIME_ID, Linux); wall time where that is unavailable.
func threadCPU() time.Duration {
	const clockThreadCPUTime = 3
	var ts syscall.Timespec
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return time.Duration(time.Now().UnixNano())
	}
	return time.Duration(ts.Nano())
}

// BenchmarkMatchOnly times Match alone at 1,000 rules, for profiling.
func BenchmarkMatchOnly(b *testing.B) {
	items, vocab := benchItems(b, articleParas)
	e := benchEngine(b, 1000, vocab)
	for _, it := range items { // steady state, as in BenchmarkMatch
		e.Match(it)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.Match(items[i%len(items)])
	}
}

func benchItems(b *testing.B, paras int) ([]model.Item, []string) {
	labelled := readLabelled(b)
	var items []model.Item
	for _, li := range labelled {
		items = append(items, longItem(labelled, li.line, paras))
	}
	return items, benchVocabulary(labelled)
}

// benchEngine compiles the example rules plus generated ones, n in all.
func benchEngine(b *testing.B, n int, vocab []string) *Engine {
	cfg := exampleConfig(b)
	cfg.Rules = append(cfg.Rules, syntheticRules(cfg, n-len(cfg.Rules), vocab, 1)...)
	e, err := Compile(cfg)
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkCompile measures compiling 1,000 rules.
func BenchmarkCompile(b *testing.B) {
	labelled := readLabelled(b)
	cfg := exampleConfig(b)
	cfg.Rules = append(cfg.Rules, syntheticRules(cfg, 1000, benchVocabulary(labelled), 1)...)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Compile(cfg); err != nil {
			b.Fatal(err)
		}
	}
}
