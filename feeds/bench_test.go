package feeds

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

const (
	benchFeeds       = 10000
	benchConcurrency = 8
	benchItems       = 20 // items per document
	benchNewItems    = 5  // new items per changing feed per cycle
)

// benchServer serves benchFeeds feeds at /f/<i>. Feeds with i%10 == 0
// change every generation (benchNewItems new items); the others answer 304
// to their ETag. Each document is rendered once per generation and then
// served from memory, as a static file server or CDN would: the server's
// own work, which runs in this process, stays small beside the client's.
type benchServer struct {
	gen    atomic.Int64
	bodies [benchFeeds]atomic.Pointer[benchBody]
}

type benchBody struct {
	gen  int64
	etag string
	body []byte
}

func (s *benchServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/next-generation" {
		s.gen.Add(1)
		return
	}
	i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/f/"))
	if err != nil || i < 0 || i >= benchFeeds {
		http.NotFound(w, r)
		return
	}
	gen := int64(0)
	if i%10 == 0 {
		gen = s.gen.Load()
	}
	d := s.bodies[i].Load()
	if d == nil || d.gen != gen {
		d = renderBenchFeed(i, gen)
		s.bodies[i].Store(d)
	}
	if r.Header.Get("If-None-Match") == d.etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", d.etag)
	w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(d.body))) // as a static file server sends it
	_, _ = w.Write(d.body)
}

// benchFeedServerEnv makes the test binary, run as a child process, serve
// the benchmark's feeds instead of testing (see TestBenchFeedServer).
const benchFeedServerEnv = "WIREWATCH_BENCH_FEED_SERVER"

// TestBenchFeedServer is not a test: it is the feed server of
// BenchmarkPollCycle, run in a child process so that its CPU time and
// memory are not the poller's. It prints its address and serves until its
// standard input closes.
func TestBenchFeedServer(t *testing.T) {
	if os.Getenv(benchFeedServerEnv) != "1" {
		t.Skip("the feed server of BenchmarkPollCycle, run by it in a child process")
	}
	srv := httptest.NewServer(&benchServer{})
	defer srv.Close()
	fmt.Println(srv.URL)
	_, _ = io.Copy(io.Discard, os.Stdin)
}

// benchFeedServer is the child process serving the benchmark's feeds.
type benchFeedServer struct {
	URL string
}

// startBenchFeedServer runs the test binary as the feed server; it stops
// when the benchmark ends.
func startBenchFeedServer(b *testing.B) *benchFeedServer {
	cmd := exec.Command(os.Args[0], "-test.run", "^TestBenchFeedServer$")
	cmd.Env = append(os.Environ(), benchFeedServerEnv+"=1")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		_ = stdin.Close()
		_ = cmd.Wait()
	})
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		b.Fatalf("feed server: %v", err)
	}
	return &benchFeedServer{URL: strings.TrimSpace(line)}
}

// nextGeneration makes every tenth feed carry new items.
func (s *benchFeedServer) nextGeneration(b *testing.B) {
	resp, err := http.Get(s.URL + "/next-generation")
	if err != nil {
		b.Fatal(err)
	}
	_ = resp.Body.Close()
}

// renderBenchFeed renders feed i's document of generation gen: benchItems
// items, the newest benchNewItems of them new in each generation.
func renderBenchFeed(i int, gen int64) *benchBody {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed %d</title><link>https://bench.example.com/%d/</link>`, i, i)
	first := int(gen) * benchNewItems
	for n := first + benchItems - 1; n >= first; n-- {
		fmt.Fprintf(&buf, `<item><title>Feed %d report %d: allies track launch</title><link>https://bench.example.com/%d/%d?utm_source=rss</link><guid>f%d-%d</guid><pubDate>%s</pubDate><description>&lt;p&gt;Report %d of feed %d, with a paragraph of text about the drills and the statement that followed.&lt;/p&gt;</description></item>`,
			i, n, i, n, i, n, testNow.Add(-time.Duration(benchItems*10-n)*time.Minute).Format(time.RFC1123Z), n, i)
	}
	buf.WriteString(`</channel></rss>`)
	return &benchBody{gen: gen, etag: fmt.Sprintf(`"f%d-g%d"`, i, gen), body: buf.Bytes()}
}

// peakMemory samples the heap and stacks in use until stop is closed.
func peakMemory(stop <-chan struct{}) <-chan uint64 {
	out := make(chan uint64, 1)
	go func() {
		var peak uint64
		var ms runtime.MemStats
		tick := time.NewTicker(10 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&ms)
			peak = max(peak, ms.HeapInuse+ms.StackInuse)
			select {
			case <-stop:
				out <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return out
}

// BenchmarkPollCycle polls 10,000 loopback feeds (90% answer 304, 10% carry
// five new items) per iteration, with Poll and Schedule as the pipeline calls
// them, and in the same iteration fetches the same URLs plainly (GET, read
// the body, no validators, no parsing) at the same concurrency. It reports
// one cycle's wall time, the plain fetch's, their ratio, and the peak of
// heap+stacks in use during the poll cycle. The feeds are served by a child
// process, so this process's CPU time and memory are the client's alone.
//
//	go test ./feeds -run '^$' -bench BenchmarkPollCycle -benchtime 3x
func BenchmarkPollCycle(b *testing.B) {
	srv := startBenchFeedServer(b)
	// All feeds share one host here, so the per-host limit is raised to the
	// global one; with real feeds hosts differ.
	opts := Options{Concurrency: benchConcurrency, PerHost: benchConcurrency, Timeout: 30 * time.Second}
	fetcher := NewFetcher(opts)
	feeds := make([]config.Feed, benchFeeds)
	states := make([]model.FeedState, benchFeeds)
	for i := range feeds {
		feeds[i] = config.Feed{Name: "bench-" + strconv.Itoa(i), URL: srv.URL + "/f/" + strconv.Itoa(i), AllowPrivate: true}
	}
	pol := config.Polling{}
	var failures, parsed, unchanged atomic.Int64
	pollOne := func(i int, now time.Time) {
		res, err := fetcher.Poll(context.Background(), feeds[i], states[i], now)
		if err != nil {
			failures.Add(1)
			states[i], _ = Schedule(states[i], feeds[i], pol, nil, err, now)
			return
		}
		if !res.NotModified {
			parsed.Add(int64(len(res.Items)))
			unchanged.Add(int64(res.Unchanged))
		}
		states[i], _ = Schedule(res.State, feeds[i], pol, &res, nil, now)
	}
	// As the pipeline polls: benchConcurrency workers take the feeds in turn.
	cycle := func(now time.Time) {
		inWorkers(len(feeds), benchConcurrency, func(i int) { pollOne(i, now) })
	}
	// The plain side gets a transport built with the same settings as the
	// fetcher's (dialer, keep-alive, idle pool sizes), so the ratio measures
	// polling work, not a connection-pool difference.
	plainClient := &http.Client{Transport: newTransport(opts.withDefaults(), true)}
	plain := func() {
		inWorkers(len(feeds), benchConcurrency, func(i int) {
			resp, err := plainClient.Get(feeds[i].URL)
			if err != nil {
				failures.Add(1)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
		})
	}

	now := testNow
	// Labels split a CPU profile (-test.cpuprofile) by side: the client
	// goroutines of each side inherit them (the loopback server's do not).
	labelled := func(side string, f func()) {
		pprof.Do(context.Background(), pprof.Labels("side", side), func(context.Context) { f() })
	}
	labelled("warm", func() {
		cycle(now) // first poll of every feed: validators and body hashes
		plain()    // warm the plain client's connections too
	})
	failures.Store(0)
	parsed.Store(0)
	unchanged.Store(0)
	var pollTotal, plainTotal, pollCPU, plainCPU time.Duration
	var pollAlloc, plainAlloc uint64
	var pollGC, plainGC float64
	var peak uint64
	b.ResetTimer()
	for range b.N {
		srv.nextGeneration(b)
		now = now.Add(10 * time.Minute)
		runtime.GC()
		stop := make(chan struct{})
		peakCh := peakMemory(stop)
		alloc, gc := allocated(), gcCPU()
		start, cpu := time.Now(), cpuTime()
		labelled("poll", func() { cycle(now) })
		pollTotal += time.Since(start)
		pollCPU += cpuTime() - cpu
		pollAlloc += allocated() - alloc
		pollGC += gcCPU() - gc
		close(stop)
		peak = max(peak, <-peakCh)

		alloc, gc = allocated(), gcCPU()
		start, cpu = time.Now(), cpuTime()
		labelled("plain", plain)
		plainTotal += time.Since(start)
		plainCPU += cpuTime() - cpu
		plainAlloc += allocated() - alloc
		plainGC += gcCPU() - gc
	}
	b.StopTimer()
	if failures.Load() != 0 {
		b.Fatalf("%d polls failed", failures.Load())
	}
	// 10% of the feeds changed: their new items are parsed, the items they
	// carried before are skipped.
	if want := int64(b.N) * benchFeeds / 10 * benchNewItems; parsed.Load() != want {
		b.Fatalf("parsed %d items, want %d", parsed.Load(), want)
	}
	if want := int64(b.N) * benchFeeds / 10 * (benchItems - benchNewItems); unchanged.Load() != want {
		b.Fatalf("skipped %d unchanged items, want %d", unchanged.Load(), want)
	}
	n := float64(b.N)
	b.ReportMetric(pollTotal.Seconds()/n, "poll-s/cycle")
	b.ReportMetric(plainTotal.Seconds()/n, "plain-s/cycle")
	b.ReportMetric(float64(pollTotal)/float64(plainTotal), "poll/plain")
	b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "maxrss-MB") // Linux: kilobytes; the poller's process alone
	}
	// CPU seconds (user+sys, this process: client and loopback server) show
	// how much of a wall-time ratio is CPU starvation on a shared machine.
	b.ReportMetric(pollCPU.Seconds()/n, "poll-cpu-s/cycle")
	b.ReportMetric(plainCPU.Seconds()/n, "plain-cpu-s/cycle")
	// Bytes allocated drive the garbage collector's share of the CPU.
	b.ReportMetric(float64(pollAlloc)/n/(1<<20), "poll-alloc-MB/cycle")
	b.ReportMetric(float64(plainAlloc)/n/(1<<20), "plain-alloc-MB/cycle")
	b.ReportMetric(pollGC/n, "poll-gc-cpu-s/cycle")
	b.ReportMetric(plainGC/n, "plain-gc-cpu-s/cycle")
}

// inWorkers calls fn(0) to fn(n-1) from workers goroutines and returns when
// all are done.
func inWorkers(n, workers int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// gcCPU is the CPU time the garbage collector has used so far (an
// estimate the runtime keeps).
func gcCPU() float64 {
	s := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}}
	metrics.Read(s)
	return s[0].Value.Float64()
}

// allocated is the bytes allocated by this process so far.
func allocated() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.TotalAlloc
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkParse parses one 20-item RSS document as served by the cycle
// benchmark: whole (Parse), with plain gofeed for comparison, and as a poll
// parses it when the feed's last document had all but its five new items
// (known).
func BenchmarkParse(b *testing.B) {
	body := renderBenchFeed(10, 1).body
	feed := config.Feed{Name: "bench", URL: "https://bench.example.com/feed"}
	b.Run("Parse", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := Parse(body, "application/rss+xml", feed, testNow); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("gofeed", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := gofeedParse(body); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("known", func(b *testing.B) {
		prev, err := parseFeed(renderBenchFeed(10, 0).body, "application/rss+xml", feed, feed.URL, nil, testNow)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		for b.Loop() {
			pf, err := parseFeed(body, "application/rss+xml", feed, feed.URL, prev.Known, testNow)
			if err != nil || len(pf.Items) != benchNewItems {
				b.Fatalf("%v, %d items", err, len(pf.Items))
			}
		}
	})
}
