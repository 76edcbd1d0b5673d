package pipeline_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/pipeline"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

// feedSite serves one good feed whose items a test can add to, and feeds
// that fail in the ways the web fails.
type feedSite struct {
	mu    sync.Mutex
	items []string
}

func (s *feedSite) add(guid, title, text string, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, fmt.Sprintf(`<item><guid>%s</guid><title>%s</title><link>http://example.test/%s</link><pubDate>%s</pubDate><description>%s</description></item>`,
		guid, title, guid, at.Format(time.RFC1123Z), text))
}

func (s *feedSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/good":
		s.mu.Lock()
		body := `<?xml version="1.0"?><rss version="2.0"><channel><title>Good Wire</title>` + strings.Join(s.items, "") + `</channel></rss>`
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	case "/slow":
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	case "/500":
		http.Error(w, "upstream exploded", http.StatusInternalServerError)
	case "/html":
		fmt.Fprint(w, "<html><body><h1>Welcome to our homepage</h1></body></html>")
	case "/huge":
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title><item><title>`)
		chunk := strings.Repeat("x", 64<<10)
		for i := 0; i < 40; i++ { // 2.5 MiB, over the 1 MiB cap
			fmt.Fprint(w, chunk)
		}
	default:
		http.NotFound(w, r)
	}
}

// newPipeline builds a pipeline over a fresh SQLite file whose clock reads
// *clock, so a test moves time by assigning to it.
func newPipeline(t *testing.T, cfg *config.Config, clock *time.Time) (*pipeline.Pipeline, storage.Store) {
	t.Helper()
	return newPipelineWrapped(t, cfg, clock, func(s storage.Store) storage.Store { return s })
}

// newPipelineWrapped is newPipeline with the pipeline's store wrapped.
func newPipelineWrapped(t *testing.T, cfg *config.Config, clock *time.Time, wrap func(storage.Store) storage.Store) (*pipeline.Pipeline, storage.Store) {
	t.Helper()
	rt, err := pipeline.NewRuntime(cfg)
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	p, err := pipeline.New(context.Background(), wrap(store), rt, pipeline.Options{Clock: func() time.Time { return *clock }})
	if err != nil {
		t.Fatal(err)
	}
	return p, store
}

func writeConfig(t *testing.T, base string) *config.Config {
	t.Helper()
	return loadConfig(t, "testdata/pipeline.toml", "{{BASE}}", base)
}

// loadConfig loads a config from testdata after replacing each {{NAME}}
// given in pairs (name, value).
func loadConfig(t testing.TB, file string, pairs ...string) *config.Config {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "wirewatch.toml")
	if err := os.WriteFile(path, []byte(strings.NewReplacer(pairs...).Replace(string(raw))), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatalf("load config: %v", err)
	}
	return cfg
}

// TestPipelineEndToEnd polls a loopback feed server three times: the first
// poll's backlog is recorded and not posted, an item added between polls is
// posted exactly once, and failing feeds are logged and retried while the
// good feed goes on.
func TestPipelineEndToEnd(t *testing.T) {
	ctx := context.Background()
	site := &feedSite{}
	now := time.Now()
	site.add("old-1", "North Korea fires missile in old news", "Pyongyang launched a missile last month.", now.Add(-2*time.Hour))
	site.add("old-2", "Seoul stocks close higher", "The index rose.", now.Add(-time.Hour))
	srv := httptest.NewServer(site)
	defer srv.Close()

	cfg := writeConfig(t, srv.URL)
	clock := now
	p, store := newPipeline(t, cfg, &clock)

	first, err := p.Cycle(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if first.Polled != 5 || first.Backlog != 2 || first.Posts != 0 || first.Failed != 4 {
		t.Fatalf("first cycle = %+v, want 5 polled, 2 backlog, 0 posts, 4 failed", first)
	}
	assertPending(t, store, 0)
	states := feedStates(t, store)
	if n := len(states["Good Wire"].Known); n != 2 {
		t.Errorf("good feed: %d known items stored, want 2 (the next poll skips them)", n)
	}
	for _, name := range []string{"Slow", "Broken", "Not A Feed", "Huge"} {
		st := states[name]
		if st.LastError == "" || st.Failures != 1 || !st.NextPoll.After(clock) {
			t.Errorf("feed %s state = %+v, want an error, 1 failure and a later retry", name, st)
		}
	}

	site.add("new-1", "North Korea fires ballistic missile into the sea", "North Korea launched a ballistic missile on Saturday, Seoul said.", now.Add(-5*time.Minute))
	clock = now.Add(2 * time.Hour) // every feed is due again
	second, err := p.Cycle(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if second.NewItems != 1 || second.Posts != 1 {
		t.Fatalf("second cycle = %+v, want 1 new item and 1 post", second)
	}
	if n := len(feedStates(t, store)["Good Wire"].Known); n != 3 {
		t.Errorf("good feed after the second poll: %d known items, want 3", n)
	}
	posts := assertPending(t, store, 1)
	if got := posts[0].Content.Headline; !strings.Contains(got, "ballistic missile") {
		t.Errorf("alert title = %q", got)
	}
	if posts[0].Priority != model.PriorityUrgent {
		t.Errorf("priority of an urgent rule's alert = %d, want %d", posts[0].Priority, model.PriorityUrgent)
	}
	if posts[0].Nonce == "" || len(posts[0].Nonce) > 25 {
		t.Errorf("nonce %q: want 1 to 25 characters", posts[0].Nonce)
	}

	clock = now.Add(4 * time.Hour)
	third, err := p.Cycle(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if third.NewItems != 0 || third.Posts != 0 {
		t.Fatalf("third cycle = %+v, want nothing new", third)
	}
	assertPending(t, store, 1)
}

func assertPending(t *testing.T, store interface {
	PendingPosts(context.Context, string, int) ([]model.Post, error)
}, want int) []model.Post {
	t.Helper()
	posts, err := store.PendingPosts(context.Background(), "alerts", 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(posts) != want {
		t.Fatalf("pending posts in #alerts = %d, want %d", len(posts), want)
	}
	return posts
}

func feedStates(t *testing.T, store interface {
	FeedStates(context.Context) ([]model.FeedState, error)
}) map[string]model.FeedState {
	t.Helper()
	list, err := store.FeedStates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]model.FeedState{}
	for _, s := range list {
		m[s.Feed] = s
	}
	return m
}

// TestFeedURLChangedInConfig: when the admins point a feed at a new URL, the
// next cycle polls the new URL, not the one stored from before.
func TestFeedURLChangedInConfig(t *testing.T) {
	ctx := context.Background()
	site := &feedSite{}
	site.add("a", "Seoul stocks close higher", "The index rose.", time.Now().Add(-time.Hour))
	srv := httptest.NewServer(site)
	defer srv.Close()
	cfg := writeConfig(t, srv.URL)
	cfg.Feeds = cfg.Feeds[:1]
	clock := time.Now()
	p, store := newPipeline(t, cfg, &clock)
	if _, err := p.Cycle(ctx); err != nil {
		t.Fatal(err)
	}

	moved := *cfg
	moved.Feeds = []config.Feed{cfg.Feeds[0]}
	moved.Feeds[0].URL = srv.URL + "/500"
	rt2, err := pipeline.NewRuntime(&moved)
	if err != nil {
		t.Fatal(err)
	}
	p.SetRuntime(rt2)
	clock = clock.Add(2 * time.Hour)
	st, err := p.Cycle(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := feedStates(t, store)["Good Wire"]
	if got.URL != srv.URL+"/500" || st.Failed != 1 || got.ItemsSeen != 1 || !got.Initialized {
		t.Fatalf("after the URL change: cycle %+v, state %+v; want the new URL polled (and failing), history kept", st, got)
	}
}

// TestReloadDuringPoll: a config swapped in while a cycle is fetching does
// not touch that cycle (it finishes under the rules it started with) and
// applies to the next; no alert is lost or doubled across the reload.
func TestReloadDuringPoll(t *testing.T) {
	ctx := context.Background()
	site := &feedSite{}
	site.add("old", "Seoul stocks close higher", "The index rose.", time.Now().Add(-time.Hour))
	release := make(chan struct{})
	entered := make(chan struct{}, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/good" {
			entered <- struct{}{}
			<-release
		}
		site.ServeHTTP(w, r)
	}))
	defer srv.Close()
	cfg := writeConfig(t, srv.URL)
	cfg.Feeds = cfg.Feeds[:1]
	clock := time.Now()
	p, store := newPipeline(t, cfg, &clock)
	close(release) // the backlog poll goes straight through
	if _, err := p.Cycle(ctx); err != nil {
		t.Fatal(err)
	}
	<-entered
	release = make(chan struct{})

	site.add("launch", "North Korea fires ballistic missile", "North Korea launched a missile, Seoul said.", time.Now())
	site.add("drill", "Allies hold naval drill south of Jeju", "The drill involved destroyers.", time.Now())
	clock = clock.Add(2 * time.Hour)
	done := make(chan pipeline.Stats, 1)
	go func() {
		st, err := p.Cycle(ctx)
		if err != nil {
			t.Error(err)
		}
		done <- st
	}()
	<-entered // the cycle is fetching now

	drills := *cfg
	drills.Rules = append([]config.Rule(nil), cfg.Rules...)
	drills.Rules[0].Query = "drill"
	rt2, err := pipeline.NewRuntime(&drills)
	if err != nil {
		t.Fatal(err)
	}
	p.SetRuntime(rt2)
	close(release)
	st := <-done
	if st.NewItems != 2 || st.Posts != 1 {
		t.Fatalf("cycle during the reload = %+v, want 2 new items and 1 post under the rules it started with", st)
	}
	posts := assertPending(t, store, 1)
	if !strings.Contains(posts[0].Content.Headline, "ballistic missile") {
		t.Errorf("the cycle used the new rules: %q", posts[0].Content.Headline)
	}

	site.add("drill-2", "Navy drill continues for a second day", "The drill went on.", time.Now())
	clock = clock.Add(2 * time.Hour)
	go func() { <-entered }()
	st, err = p.Cycle(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.NewItems != 1 || st.Posts != 1 {
		t.Fatalf("cycle after the reload = %+v, want the new rule to post the new drill item once", st)
	}
	assertPending(t, store, 2)
}

// TestBatchedStoring: 450 new items of one story in one poll are stored in
// batches; the story alerts once, and each batch edits the alert once with
// the story as it then stood, instead of once per item.
func TestBatchedStoring(t *testing.T) {
	ctx := context.Background()
	site := &feedSite{}
	now := time.Now()
	site.add("old", "Seoul stocks close higher", "The index rose.", now.Add(-time.Hour))
	srv := httptest.NewServer(site)
	defer srv.Close()
	cfg := writeConfig(t, srv.URL)
	cfg.Feeds = cfg.Feeds[:1]
	clock := now
	p, store := newPipeline(t, cfg, &clock)
	if _, err := p.Cycle(ctx); err != nil {
		t.Fatal(err)
	}
	const n = 450
	for i := range n {
		// Distinct headlines: copies of one headline are one report.
		site.add(fmt.Sprintf("launch-%d", i), fmt.Sprintf("North Korea fires ballistic missile into the sea, update %d", i), "North Korea launched a ballistic missile on Saturday, Seoul said.", now.Add(-time.Duration(n-i)*time.Second))
	}
	clock = now.Add(2 * time.Hour)
	st, err := p.Cycle(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Batches of at most 200 (fewer when one takes long to plan): one
	// alert, and one edit per later batch. A batch is cut at batchMaxTime,
	// so a loaded machine makes more of them (25 edits at load average 7,
	// 4 to 7 when idle); one edit per item would make 449, so n/10 still
	// tells the two apart.
	posts := pending(t, store, "alerts")
	alerts, edits := 0, 0
	for _, post := range posts {
		switch post.Kind {
		case model.PostAlert:
			alerts++
		case model.PostUpdate:
			edits++
			if post.ReplaceOf == "" {
				t.Errorf("edit %s replaces nothing", post.ID)
			}
		}
	}
	t.Logf("%d new items: %d alert and %d edits", n, alerts, edits)
	if st.NewItems != n || st.Posts != len(posts) {
		t.Fatalf("cycle = %+v, want %d new items and %d posts", st, n, len(posts))
	}
	if alerts != 1 || edits < 2 || edits > n/10 {
		t.Errorf("%d alerts and %d edits, want 1 and one per batch after the first (2 to %d)", alerts, edits, n/10)
	}
	if got := feedStates(t, store)["Good Wire"].ItemsSeen; got != n+1 {
		t.Errorf("items seen = %d, want %d", got, n+1)
	}
}

// TestRepublishedItemIsOneSource: a feed that publishes its item again
// under a new GUID (and link) neither re-alerts it nor edits the alert,
// even after the rule's cooldown, and the story counts one outlet.
func TestRepublishedItemIsOneSource(t *testing.T) {
	ctx := context.Background()
	site := &feedSite{}
	now := time.Now()
	site.add("old", "Seoul stocks close higher", "The index rose.", now.Add(-time.Hour))
	srv := httptest.NewServer(site)
	defer srv.Close()
	cfg := writeConfig(t, srv.URL)
	cfg.Feeds = cfg.Feeds[:1]
	clock := now
	p, store := newPipeline(t, cfg, &clock)
	if _, err := p.Cycle(ctx); err != nil {
		t.Fatal(err)
	}
	title, text := "North Korea fires ballistic missile into the sea", "North Korea launched a ballistic missile on Saturday, Seoul said."
	site.add("launch-1", title, text, now.Add(time.Minute))
	clock = now.Add(2 * time.Hour)
	if _, err := p.Cycle(ctx); err != nil {
		t.Fatal(err)
	}
	first := assertPending(t, store, 1)
	// The feed re-publishes it twice, the second time after the cooldown.
	for i, at := range []time.Duration{4 * time.Hour, 10 * time.Hour} {
		site.add(fmt.Sprintf("launch-1-again-%d", i), title, text, now.Add(at-time.Minute))
		clock = now.Add(at)
		st, err := p.Cycle(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st.NewItems != 1 || st.Posts != 0 {
			t.Fatalf("re-published copy %d: cycle = %+v, want 1 new item and no post", i, st)
		}
	}
	posts := assertPending(t, store, 1)
	if posts[0].ID != first[0].ID || len(posts[0].Content.Sources) != 1 {
		t.Fatalf("alert %s with %d sources, want the first alert with 1", posts[0].ID, len(posts[0].Content.Sources))
	}
	st, err := store.Story(ctx, posts[0].StoryID)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Sources) != 3 || len(st.Outlets()) != 1 {
		t.Fatalf("story has %d sources from %d outlets, want 3 reports from 1 outlet", len(st.Sources), len(st.Outlets()))
	}
}
