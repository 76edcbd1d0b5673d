package pipeline_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/pipeline"
	"wirewatch/storage/sqlite"
)

// pageFloodSite serves a feed of n teasers whose own text matches no rule,
// each a story of its own, and behind each an article page that names a
// flashpoint, which the urgent rule matches.
type pageFloodSite struct {
	base string
	n    int
	at   time.Time
}

func (s *pageFloodSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/teasers":
		var b strings.Builder
		for i := range s.n {
			title, _ := floodItem(i)
			fmt.Fprintf(&b, `<item><guid>p%d</guid><title>%s</title><link>%s/article/%d</link><pubDate>%s</pubDate><description>Officials said more would follow. Read more</description></item>`,
				i, strings.Replace(title, " flashpoint", "", 1), s.base, i, s.at.Format(time.RFC1123Z))
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Teaser Wire</title>`+b.String()+`</channel></rss>`)
	case strings.HasPrefix(r.URL.Path, "/article/"):
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/article/"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		title, text := floodItem(i)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<html><body><article><h1>%s</h1>
			<p>A new flashpoint opened near %s on Tuesday, officials of the region said in a statement read on television in the evening.</p>
			<p>Residents described the night as tense, and the authorities closed the roads into the area until further notice, the statement said.</p>
			<p>Observers said the events of the week were the most serious in the area for several years, and called on both sides to step back.</p>
			</article></body></html>`, title, text)
	default:
		http.NotFound(w, r)
	}
}

// Alerts that only an article page causes (the feed's teaser matched no
// rule) go through flood control as the feed's own do: one poll's items
// alert up to max_alerts_per_poll and the rest are folded into one fold
// message (one fold post and updates of it), every item in exactly one
// post; role pings stop at the channel's max_pings and the admin channel
// is told once.
func TestPageAlertsFloodControlled(t *testing.T) {
	ctx := context.Background()
	const items = 12
	site := &pageFloodSite{n: items, at: time.Now().Add(-time.Minute)}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	site.base = srv.URL
	cfg := loadConfig(t, "testdata/pageflood.toml", "{{BASE}}", srv.URL)
	rt, err := pipeline.NewRuntime(cfg)
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	// Polled before, so its items are new and postable, not backlog.
	if err := store.SaveFeedState(ctx, model.FeedState{Feed: "Teaser Wire", URL: srv.URL + "/teasers", Initialized: true}); err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(ctx, store, rt, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Cycle(ctx); err != nil { // returns once the article pages are applied
		t.Fatal(err)
	}

	seen := map[string]int{}
	alerts, pings, folds, messages := 0, 0, 0, 0
	for _, post := range pending(t, store, "alerts") {
		switch {
		case post.Kind == model.PostAlert:
			alerts++
			seen[post.Content.Link]++
			if len(post.Content.Mentions) > 0 {
				pings++
			}
		case post.Content.Fold != nil:
			folds++
			if post.Kind == model.PostFold {
				messages++
			} else if post.Kind != model.PostUpdate || post.ReplaceOf == "" {
				t.Errorf("fold post of kind %s replacing %q", post.Kind, post.ReplaceOf)
			}
			for _, it := range post.Content.Fold.Items {
				seen[it.Link]++
			}
		default:
			t.Errorf("unexpected %s post", post.Kind)
		}
	}
	t.Logf("%d items alerting from their article pages: %d alerts (%d pinging), %d fold posts (%d messages)", items, alerts, pings, folds, messages)
	if alerts != 3 {
		t.Errorf("%d alerts, want the feed's cap of 3 per poll", alerts)
	}
	if pings != 2 {
		t.Errorf("%d alerts ping the role, want the channel's cap of 2", pings)
	}
	if folds == 0 || messages != 1 {
		t.Errorf("%d fold posts, %d of them first posts; want one fold message (its later posts edit it)", folds, messages)
	}
	for i := range items {
		if l := fmt.Sprintf("%s/article/%d", srv.URL, i); seen[l] != 1 {
			t.Errorf("%s is in %d posts, want exactly one", l, seen[l])
		}
	}
	notices := pending(t, store, "ops")
	if len(notices) != 1 || !strings.Contains(notices[0].Content.Notice, "#alerts") {
		t.Errorf("admin notices %+v, want one about #alerts' pings", notices)
	}
}
