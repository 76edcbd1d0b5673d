package pipeline_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

// teaserSite serves a feed of teasers whose article pages answer only when
// released (or never), and a feed with one whole urgent item.
type teaserSite struct {
	base    string
	teasers int
	release chan struct{} // closed to let article pages answer
	asked   atomic.Int32  // article page requests
	mu      sync.Mutex
	goodAt  time.Time // when the good feed was served
}

func (s *teaserSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	at := time.Now().Add(-time.Minute).Format(time.RFC1123Z)
	switch {
	case r.URL.Path == "/teasers":
		var b strings.Builder
		for i := range s.teasers {
			fmt.Fprintf(&b, `<item><guid>t%d</guid><title>North Korea missile report %d</title><link>%s/article/%d</link><pubDate>%s</pubDate><description>North Korea fired a missile, officials said. Read more</description></item>`, i, i, s.base, i, at)
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Teasers</title>`+b.String()+`</channel></rss>`)
	case r.URL.Path == "/good":
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title><item><guid>g1</guid><title>DPRK fires ballistic missile over Japan</title><link>http://good.test/g1</link><pubDate>%s</pubDate><description>The DPRK fired a ballistic missile over Japan on Tuesday, Tokyo said, prompting alerts across the north.</description></item></channel></rss>`, at)
		s.mu.Lock()
		s.goodAt = time.Now()
		s.mu.Unlock()
	case strings.HasPrefix(r.URL.Path, "/article/"):
		s.asked.Add(1)
		select {
		case <-s.release:
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><body><article><h1>North Korea fires missile</h1>
			<p>North Korea fired a submarine-launched ballistic missile off the port of Sinpo early on Tuesday, the South Korean military said.</p>
			<p>The missile flew about 450 kilometers at an altitude of 50 kilometers before landing in the sea between the peninsula and Japan.</p>
			<p>It was the first launch from a submarine in more than a year, and the military said it was analysing the flight data with American officials.</p>
			</article></body></html>`)
	default:
		http.NotFound(w, r)
	}
}

func newTeaserSite(t *testing.T, teasers int) *teaserSite {
	s := &teaserSite{teasers: teasers, release: make(chan struct{})}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	s.base = srv.URL
	return s
}

// waitFor polls cond until it holds or the time is up.
func waitFor(t *testing.T, what string, limit time.Duration, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(limit); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v", what, limit)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestHangingPagesDelayNoAlert: a feed with 8 teaser items whose article
// pages never answer stores and alerts them from their teasers at once,
// and another feed's urgent item is stored and handed to the outbox within
// a second of its poll.
func TestHangingPagesDelayNoAlert(t *testing.T) {
	site := newTeaserSite(t, 8)
	defer close(site.release) // after the run stops; the pages never answer before
	cfg := loadConfig(t, "testdata/teasers.toml", "{{BASE}}", site.base)
	// The first time the outbox is told of posts with the good item stored.
	var goodNotified atomic.Value
	var store storage.Store
	var storeReady = make(chan struct{})
	notify := func(...string) {
		<-storeReady
		if goodNotified.Load() != nil {
			return
		}
		if _, err := store.ItemByLink(context.Background(), "http://good.test/g1"); err == nil {
			goodNotified.Store(time.Now())
		}
	}
	store = runPipeline(t, cfg, []model.FeedState{
		{Feed: "Teasers", URL: site.base + "/teasers", Initialized: true},
		{Feed: "Good Wire", URL: site.base + "/good", Initialized: true},
	}, notify)
	close(storeReady)

	ctx := context.Background()
	// The 8 teasers join one story: one alert, and the good item's own.
	waitFor(t, "8 teasers and the good item stored, 2 alerts", 5*time.Second, func() bool {
		for i := range 8 {
			if _, err := store.ItemByLink(ctx, fmt.Sprintf("%s/article/%d", site.base, i)); err != nil {
				return false
			}
		}
		alerts := 0
		posts, err := store.PendingPosts(ctx, "alerts", 100)
		for _, p := range posts {
			if p.Kind == model.PostAlert {
				alerts++
			}
		}
		return err == nil && alerts == 2
	})
	// Pages are fetched off the alert path, so the first request may start
	// after the items are stored; the test hangs nothing until one does.
	waitFor(t, "an article page asked for (else the test hangs nothing)", 5*time.Second, func() bool { return site.asked.Load() > 0 })
	good, err := store.ItemByLink(ctx, "http://good.test/g1")
	if err != nil {
		t.Fatal(err)
	}
	site.mu.Lock()
	polled := site.goodAt
	site.mu.Unlock()
	at, _ := goodNotified.Load().(time.Time)
	if at.IsZero() || at.Sub(polled) > time.Second {
		t.Errorf("the good feed's urgent item %q was stored and handed to the outbox %v after its poll, want within 1s", good.Title, at.Sub(polled))
	}
	teaser, err := store.ItemByLink(ctx, site.base+"/article/0")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(teaser.Text, "Read more") && !strings.Contains(teaser.Text, "officials said") {
		t.Errorf("teaser item text %q: want the feed's own while its page hangs", teaser.Text)
	}
}

// TestAlertEditedWithFullText: a teaser alerts from the feed's text at once;
// when its article page answers, the item takes the article's text and
// summary, the alert is revised and an edit of it carries the better summary.
// The outbox is told of the edit in the alert's channel alone: a Notify
// naming no channel wakes every channel.
func TestAlertEditedWithFullText(t *testing.T) {
	site := newTeaserSite(t, 1)
	cfg := loadConfig(t, "testdata/teasers.toml", "{{BASE}}", site.base)
	cfg.Feeds = cfg.Feeds[:1]
	var notifiedMu sync.Mutex
	var notified [][]string
	notify := func(channels ...string) {
		notifiedMu.Lock()
		notified = append(notified, channels)
		notifiedMu.Unlock()
	}
	store := runPipeline(t, cfg, []model.FeedState{{Feed: "Teasers", URL: site.base + "/teasers", Initialized: true}}, notify)

	ctx := context.Background()
	var alert model.Post
	waitFor(t, "the teaser's alert", 5*time.Second, func() bool {
		posts, err := store.PendingPosts(ctx, "alerts", 10)
		if err == nil && len(posts) == 1 {
			alert = posts[0]
		}
		return alert.ID != ""
	})
	if got := strings.Join(alert.Content.Summary, " "); strings.Contains(got, "Sinpo") {
		t.Fatalf("the alert had the article's summary before the page answered: %q", got)
	}
	if st, err := store.Story(ctx, alert.StoryID); err != nil || st.Summary != "North Korea fired a missile, officials said." {
		t.Fatalf("the story's summary from the teaser: %q, %v", st.Summary, err)
	}
	waitFor(t, "the page asked for", 5*time.Second, func() bool { return site.asked.Load() == 1 })
	close(site.release)

	var edit model.Post
	waitFor(t, "the edit", 5*time.Second, func() bool {
		posts, err := store.PendingPosts(ctx, "alerts", 10)
		for _, p := range posts {
			if err == nil && p.Kind == model.PostUpdate {
				edit = p
			}
		}
		return edit.ID != ""
	})
	waitFor(t, "the outbox told of the edit", 5*time.Second, func() bool {
		notifiedMu.Lock()
		defer notifiedMu.Unlock()
		return len(notified) >= 2 // the alert, then the edit
	})
	notifiedMu.Lock()
	if want := [][]string{{"alerts"}, {"alerts"}}; fmt.Sprint(notified) != fmt.Sprint(want) {
		t.Errorf("the outbox was told of posts in channels %q; want %q, the alert's and the edit's (none named wakes every channel)", notified, want)
	}
	notifiedMu.Unlock()
	if edit.ReplaceOf != alert.ID || !strings.Contains(strings.Join(edit.Content.Summary, " "), "Sinpo") {
		t.Errorf("edit replaces %q with summary %q; want the alert %q with the article's summary", edit.ReplaceOf, edit.Content.Summary, alert.ID)
	}
	revised, err := store.Post(ctx, alert.ID)
	if err != nil || !strings.Contains(strings.Join(revised.Content.Summary, " "), "Sinpo") {
		t.Errorf("alert after the page: summary %q, %v; want the article's", revised.Content.Summary, err)
	}
	item, err := store.ItemByLink(ctx, site.base+"/article/0")
	if err != nil || !strings.Contains(item.Text, "450 kilometers") {
		t.Errorf("item text after the page: %q, %v", item.Text, err)
	}
	if found, err := store.Search(ctx, "Sinpo", storage.Query{}); err != nil || len(found) != 1 {
		t.Errorf("search for a word of the article: %d items, %v", len(found), err)
	}
	if st, err := store.Story(ctx, alert.StoryID); err != nil || !strings.HasPrefix(st.Summary, "North Korea fired a submarine-launched ballistic missile off the port of Sinpo") {
		t.Errorf("the story's summary after the page: %q, %v; want the article's lead", st.Summary, err)
	}
}
