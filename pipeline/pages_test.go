package pipeline_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// article is an HTML page whose text the extractor keeps, made of word.
func article(word string) string {
	p := strings.Repeat(word+" reported the drills in detail on Tuesday, officials said. ", 12)
	return "<html><body><article><h1>" + word + " report</h1><p>" + p + "</p><p>" + p + "</p></article></body></html>"
}

// TestSameHostPagesRedirectThroughGuard: an allow_private feed's article
// links on its own host are fetched there, also after a redirect on that
// host, but a redirect from them to any other address (here another
// loopback port) goes through the guard and is refused: the item keeps the
// feed's own text and the other server is never asked.
func TestSameHostPagesRedirectThroughGuard(t *testing.T) {
	var internalHits atomic.Int32
	internal := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		internalHits.Add(1)
		fmt.Fprint(w, article("Internal"))
	}))
	defer internal.Close()

	now := time.Now()
	var items atomic.Value
	items.Store("")
	var site *httptest.Server
	site = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/feed":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Intranet</title>`+items.Load().(string)+`</channel></rss>`)
		case "/same":
			http.Redirect(w, r, "/moved", http.StatusFound)
		case "/moved":
			fmt.Fprint(w, article("Samehost"))
		case "/elsewhere":
			http.Redirect(w, r, internal.URL+"/secret", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	item := func(guid, path string) string {
		return fmt.Sprintf(`<item><guid>%s</guid><title>Teaser %s report</title><link>%s%s</link><pubDate>%s</pubDate><description>Feed teaser of %s report.</description></item>`,
			guid, guid, site.URL, path, now.Add(-time.Minute).Format(time.RFC1123Z), guid)
	}

	cfg := loadConfig(t, "testdata/pages.toml", "{{BASE}}", site.URL)
	clock := now
	p, store := newPipeline(t, cfg, &clock)
	ctx := context.Background()
	if _, err := p.Cycle(ctx); err != nil { // an empty feed: nothing is backlog
		t.Fatal(err)
	}
	items.Store(item("same", "/same") + item("elsewhere", "/elsewhere"))
	clock = now.Add(2 * time.Hour)
	if _, err := p.Cycle(ctx); err != nil {
		t.Fatal(err)
	}

	same, err := store.ItemByLink(ctx, site.URL+"/same")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(same.Text, "Samehost reported the drills") {
		t.Errorf("same-host link after a same-host redirect: text %q, want the article page's", same.Text)
	}
	other, err := store.ItemByLink(ctx, site.URL+"/elsewhere")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(other.Text, "Internal") || !strings.Contains(other.Text, "Feed teaser of elsewhere report") {
		t.Errorf("same-host link redirected to another address: text %q, want the feed's own", other.Text)
	}
	if n := internalHits.Load(); n != 0 {
		t.Errorf("the address the redirect pointed at was asked %d times, want never", n)
	}
}
