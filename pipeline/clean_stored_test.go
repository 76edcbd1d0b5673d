package pipeline_test

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"wirewatch/storage"
)

// TestStoredTextIsCleaned: an item's stored text (what search and
// /summary read) has cookie and consent lines removed by the same cleaning
// as its summary, whether the banner is a paragraph of its own or glued to
// the end of one; the news around it is kept whole.
func TestStoredTextIsCleaned(t *testing.T) {
	ctx := context.Background()
	site := &feedSite{}
	now := time.Now()
	paras := []string{
		"North Korea fired two short-range ballistic missiles into the sea off its east coast on Monday, the South Korean military said.",
		"Dieser Artikel verwendet Cookies. Akzeptieren | Ablehnen",
		"The missiles flew about 350 kilometres before landing outside Japan's exclusive economic zone, officials in Tokyo said. We use cookies to improve your experience on our site.",
		"The EU cookie law requires websites to ask visitors for consent, a point the ministry's own site was criticised for last year.",
	}
	html := "&lt;p&gt;" + strings.Join(paras, "&lt;/p&gt;&lt;p&gt;") + "&lt;/p&gt;"
	site.add("banner-1", "North Korea fires two missiles", html, now.Add(-time.Hour))
	srv := httptest.NewServer(site)
	defer srv.Close()
	clock := now
	p, store := newPipeline(t, writeConfig(t, srv.URL), &clock)
	if _, err := p.Cycle(ctx); err != nil {
		t.Fatal(err)
	}
	item, err := store.ItemByLink(ctx, "http://example.test/banner-1")
	if err != nil {
		t.Fatal(err)
	}
	want := paras[0] + "\n" + strings.TrimSuffix(paras[2], " We use cookies to improve your experience on our site.") + "\n" + paras[3]
	if item.Text != want {
		t.Errorf("stored text\n got %q\nwant %q", item.Text, want)
	}
	for _, s := range item.Summary {
		if strings.Contains(s, "ookies.") || strings.Contains(s, "Akzeptieren") {
			t.Errorf("summary sentence is a banner: %q", s)
		}
	}
	if found, err := store.Search(ctx, "Akzeptieren", storage.Query{}); err != nil || len(found) != 0 {
		t.Errorf("search for a banner word: %d items, %v; want none", len(found), err)
	}
}
