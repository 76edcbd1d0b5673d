package feeds

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

// TestPageClients: an allow_private feed's client reaches the feed's own
// host and port, follows redirects there, and refuses a redirect to any
// other address; links elsewhere, and every link of other feeds, get the
// guarded client.
func TestPageClients(t *testing.T) {
	other := okServer(t)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/same":
			http.Redirect(w, r, "/page", http.StatusFound)
		case "/away":
			http.Redirect(w, r, other.URL+"/page", http.StatusFound)
		case "/page":
			w.Write([]byte("on the site"))
		}
	}))
	defer site.Close()
	feed := site.URL + "/feed.xml"
	pages := NewPageClients(Options{Timeout: 2 * time.Second})
	fetch := func(allowPrivate bool, link string) error {
		_, _, _, err := FetchPage(context.Background(), pages.For(feed, allowPrivate, link), link, 1<<20)
		return err
	}
	if err := fetch(true, site.URL+"/same"); err != nil {
		t.Errorf("same-host redirect of an allow_private feed: %v", err)
	}
	for _, tt := range []struct {
		name         string
		allowPrivate bool
		link         string
	}{
		{"redirect to another port", true, site.URL + "/away"},
		{"link to another port", true, other.URL + "/page"},
		{"own host, feed not allowed private", false, site.URL + "/same"},
	} {
		if err := fetch(tt.allowPrivate, tt.link); !errors.Is(err, ErrForbiddenAddress) || !strings.Contains(err.Error(), "loopback address") {
			t.Errorf("%s: err = %v, want the guard's refusal", tt.name, err)
		}
	}
	if a, b := pages.For(feed, true, site.URL+"/a"), pages.For(site.URL+"/other-feed", true, site.URL+"/b"); a != b {
		t.Error("two feeds on one host got two site clients, want one")
	}
	if pages.For(feed, true, other.URL) != pages.For(feed, false, site.URL) {
		t.Error("links that are not the feed's own should share the guarded client")
	}
}

func TestSameHost(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"http://127.0.0.1:8080/pw/articles/x", "http://127.0.0.1:8080/feeds/pw", true},
		{"http://NEWS.example/a", "http://news.example/feed", true},
		{"http://169.254.169.254/latest/meta-data", "http://127.0.0.1:8080/feeds/pw", false},
		{"http://127.0.0.1:9999/x", "http://127.0.0.1:8080/feed", false},
		{"not a url", "http://x/", false},
		{"", "http://x/", false},
	}
	for _, tt := range tests {
		if got := SameHost(tt.a, tt.b); got != tt.want {
			t.Errorf("SameHost(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestPollAllowPrivateRedirect: an allow_private feed is polled on its own
// site, also after a redirect there, and a redirect of the poll to any
// other address goes through the guard.
func TestPollAllowPrivateRedirect(t *testing.T) {
	other := okServer(t)
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/moved":
			http.Redirect(w, r, "/feed.xml", http.StatusFound)
		case "/away":
			http.Redirect(w, r, other.URL+"/feed.xml", http.StatusFound)
		case "/feed.xml":
			w.Write(feedXML(1, 1))
		}
	}))
	defer site.Close()
	f := NewFetcher(Options{Timeout: 2 * time.Second})
	if _, err := f.Poll(context.Background(), config.Feed{Name: "moved", URL: site.URL + "/moved", AllowPrivate: true}, model.FeedState{}, testNow); err != nil {
		t.Errorf("same-host redirect: %v", err)
	}
	_, err := f.Poll(context.Background(), config.Feed{Name: "away", URL: site.URL + "/away", AllowPrivate: true}, model.FeedState{}, testNow)
	if !errors.Is(err, ErrForbiddenAddress) || !strings.Contains(err.Error(), "loopback address") {
		t.Errorf("redirect to another port: err = %v, want the guard's refusal", err)
	}
}
