package pipeline_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/pipeline"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

// floodSite serves a feed that publishes n new teaser items in one
// document, an article page behind each, and a steady feed that never
// changes, recording when each poll of the steady feed came.
type floodSite struct {
	n       int
	oneName bool // every item carries the same headline (one story)

	mu      sync.Mutex
	served  time.Time   // when the flood document was written
	steady  []time.Time // when the steady feed was polled
	flood   string
	article string
}

func newFloodSite(n int, oneName bool) *floodSite {
	s := &floodSite{n: n, oneName: oneName}
	s.article = `<html><head><title>Report</title></head><body><article><h1>North Korea fires missile</h1>
		<p>North Korea fired a short-range ballistic missile into the East Sea on Saturday morning, South Korea's Joint Chiefs of Staff said, the latest in a series of launches this year.</p>
		<p>The missile was launched from an area near the capital at around 7:10 a.m. and flew about 600 kilometers before falling into waters off the peninsula's east coast, the military said in a text message sent to reporters.</p>
		<p>"Our military has strengthened surveillance and vigilance in preparation for additional launches and is maintaining a full readiness posture," the Joint Chiefs said, adding that it was closely sharing information with the United States and Japan.</p>
		<p>Japan's coast guard issued a warning to ships in the area, and the prime minister's office said it had lodged a protest through diplomatic channels in Beijing.</p>
		<p>Analysts said the launch appeared timed to coincide with joint drills by the allies that began earlier in the week and are due to run until the end of the month.</p>
		</article></body></html>`
	return s
}

// words vary the headlines of the reworded variant (the grouper still finds
// one event in them: a missile fired, the same day).
var floodWords = strings.Fields(`Hamhung Wonsan Sinpo Kusong Sunan Tongchang Kaechon Nampo Haeju Sariwon
	Kanggye Hyesan Chongjin Rason Anju Sinuiju Pyongsong Kimchaek Tanchon Songnim`)

func (s *floodSite) document(base string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Flood</title>`)
	at := time.Now().Add(-time.Hour)
	for i := range s.n {
		title := "North Korea fires ballistic missile into East Sea"
		if !s.oneName {
			title = fmt.Sprintf("North Korea fires missile from %s, %s and %s, report %d",
				floodWords[i%20], floodWords[(i/20)%20], floodWords[(i/400)%20], i)
		}
		fmt.Fprintf(&b, `<item><guid>flood-%d</guid><title>%s</title><link>%s/article/%d</link><pubDate>%s</pubDate><description>North Korea launched a missile on Saturday, officials said...</description></item>`,
			i, title, base, i, at.Add(time.Duration(i)*time.Millisecond).Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func (s *floodSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/flood":
		s.mu.Lock()
		body := s.flood
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
		if f, ok := w.(http.Flusher); ok {
			f.Flush()
		}
		s.mu.Lock()
		s.served = time.Now()
		s.mu.Unlock()
	case r.URL.Path == "/steady":
		s.mu.Lock()
		s.steady = append(s.steady, time.Now())
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Steady</title><item><guid>s1</guid><title>Seoul stocks close higher</title><link>http://steady.test/1</link><description>The index rose.</description></item></channel></rss>`)
	case strings.HasPrefix(r.URL.Path, "/article/"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, s.article)
	default:
		http.NotFound(w, r)
	}
}

// BenchmarkFloodPoll: one poll of a feed that publishes 5,000 new matching
// teaser items (full text on, article pages on 127.0.0.1), from the moment
// the poll has its document to every item stored, grouped and planned,
// while a feed polled every 2 seconds keeps its schedule. It reports
// items/s and that feed's worst delay past its due time (from the gaps
// between its polls while the flood was stored).
//
//	go test ./pipeline -run '^$' -bench FloodPoll -benchtime 1x
//
// WIREWATCH_BENCH_FLOOD_ITEMS sets another number of items.
func BenchmarkFloodPoll(b *testing.B) {
	for _, variant := range []struct {
		name    string
		oneName bool
	}{{"reworded", false}, {"same-title", true}} {
		b.Run(variant.name, func(b *testing.B) {
			n := 5000
			if v, err := strconv.Atoi(os.Getenv("WIREWATCH_BENCH_FLOOD_ITEMS")); err == nil && v > 0 {
				n = v
			}
			for range b.N {
				floodOnce(b, n, variant.oneName)
			}
		})
	}
}

func floodOnce(b *testing.B, n int, oneName bool) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	site := newFloodSite(n, oneName)
	srv := httptest.NewServer(site)
	defer srv.Close()
	site.flood = site.document(srv.URL)
	cfg := loadConfig(b, "testdata/burst.toml", "{{BASE}}", srv.URL)
	rt, err := pipeline.NewRuntime(cfg)
	if err != nil {
		b.Fatal(err)
	}
	store, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "w.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	start := time.Now()
	for _, st := range []model.FeedState{
		{Feed: "Flood", URL: srv.URL + "/flood", Initialized: true, NextPoll: start.Add(3 * time.Second)},
		{Feed: "Steady", URL: srv.URL + "/steady", Initialized: true, NextPoll: start},
	} {
		if err := store.SaveFeedState(ctx, st); err != nil {
			b.Fatal(err)
		}
	}
	p, err := pipeline.New(ctx, store, rt, pipeline.Options{})
	if err != nil {
		b.Fatal(err)
	}
	done := make(chan error, 1)
	cpu0, _ := processCPU()
	go func() { done <- p.Run(ctx) }()

	var stored time.Time
	var cpu1 time.Duration
	for stored.IsZero() {
		time.Sleep(10 * time.Millisecond)
		st, err := store.FeedState(ctx, "Flood")
		if err != nil {
			b.Fatal(err)
		}
		if st.ItemsSeen >= int64(n) {
			stored = time.Now()
		}
		if stored.IsZero() {
			cpu1, _ = processCPU()
		}
		if time.Since(start) > 10*time.Minute {
			b.Fatal("the flood was not stored within 10 minutes")
		}
	}
	time.Sleep(2 * time.Second) // the steady feed's next polls, after the flood
	cancel()
	if err := <-done; err != nil {
		b.Fatal(err)
	}
	site.mu.Lock()
	defer site.mu.Unlock()
	took := stored.Sub(site.served)
	// The steady feed's delay: each gap between its polls from before the
	// flood's document to after it was stored, less the shortest wait its
	// 2s interval allows (jitter is 10%), so the figure errs high.
	var worst time.Duration
	polls := 0
	for i := 1; i < len(site.steady); i++ {
		if site.steady[i].Before(site.served) {
			continue
		}
		polls++
		worst = max(worst, site.steady[i].Sub(site.steady[i-1])-1800*time.Millisecond)
		if site.steady[i-1].After(stored) {
			break
		}
	}
	sts, err := store.Stories(context.Background(), storage.Query{Limit: -1})
	if err != nil {
		b.Fatal(err)
	}
	posts, err := store.PendingPosts(context.Background(), "alerts", 100000)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(n)/took.Seconds(), "items/s")
	if cpu := cpu1 - cpu0; cpu > 0 {
		// From the start (3s before the flood is due) to the last check
		// before the flood was seen stored: the work, whatever the wait
		// for a core on a busy machine.
		b.ReportMetric(float64(n)/cpu.Seconds(), "items/cpu-s")
	}
	b.ReportMetric(took.Seconds(), "s/flood")
	b.ReportMetric(worst.Seconds(), "worst-steady-delay-s")
	b.ReportMetric(float64(polls), "steady-polls")
	b.ReportMetric(float64(len(sts)), "stories")
	b.ReportMetric(float64(len(posts)), "posts")
}
