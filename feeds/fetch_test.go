package feeds

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

// feedXML renders a small RSS document with n items starting at id first.
func feedXML(first, n int) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Loopback wire</title><link>https://wire.example.com/</link>`)
	for i := first; i < first+n; i++ {
		fmt.Fprintf(&b, `<item><title>Report %d on the peninsula</title><link>https://wire.example.com/a/%d?utm_source=rss</link><guid>id-%d</guid><pubDate>%s</pubDate><description>&lt;p&gt;Body of report %d.&lt;/p&gt;</description></item>`,
			i, i, i, testNow.Add(-time.Duration(i)*time.Hour).Format(time.RFC1123Z), i)
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

func loopbackFeed(url string) config.Feed {
	return config.Feed{Name: "loopback", URL: url, AllowPrivate: true}
}

func newTestFetcher(o Options) *Fetcher {
	if o.Timeout == 0 {
		o.Timeout = 5 * time.Second
	}
	return NewFetcher(o)
}

func TestPollConditionalGET(t *testing.T) {
	const etag = `W/"5f3a-ETag With Spaces"`
	const lastMod = "Fri, 07 Nov 2025 03:41:00 GMT"
	var got struct {
		sync.Mutex
		inm, ims, ua, accept []string
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got.Lock()
		got.inm = append(got.inm, r.Header.Get("If-None-Match"))
		got.ims = append(got.ims, r.Header.Get("If-Modified-Since"))
		got.ua = append(got.ua, r.Header.Get("User-Agent"))
		got.accept = append(got.accept, r.Header.Get("Accept"))
		got.Unlock()
		if r.Header.Get("If-None-Match") == etag {
			w.Header().Set("Last-Modified", "Sat, 08 Nov 2025 00:00:00 GMT") // a 304 may refresh it
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", lastMod)
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write(feedXML(1, 3))
	}))
	defer srv.Close()
	f := newTestFetcher(Options{UserAgent: "wirewatch-test/1"})
	feed := loopbackFeed(srv.URL + "/rss")

	res, err := f.Poll(context.Background(), feed, model.FeedState{}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if res.NotModified || len(res.Items) != 3 || res.Title != "Loopback wire" {
		t.Fatalf("first poll: notModified %v, %d items, title %q", res.NotModified, len(res.Items), res.Title)
	}
	st := res.State
	if st.ETag != etag || st.LastModified != lastMod || st.URL != feed.URL || st.Feed != "loopback" || !st.LastPoll.Equal(testNow) {
		t.Fatalf("state after 200: %+v", st)
	}
	if res.Items[0].Link != "https://wire.example.com/a/1" {
		t.Errorf("link = %q", res.Items[0].Link)
	}

	res, err = f.Poll(context.Background(), feed, st, testNow.Add(time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if !res.NotModified || res.Items != nil || res.Status != http.StatusNotModified {
		t.Fatalf("second poll: notModified %v, items %v, status %d", res.NotModified, res.Items, res.Status)
	}
	if res.State.ETag != etag || res.State.LastModified != "Sat, 08 Nov 2025 00:00:00 GMT" {
		t.Errorf("state after 304: etag %q, last-modified %q", res.State.ETag, res.State.LastModified)
	}
	got.Lock()
	defer got.Unlock()
	if got.inm[0] != "" || got.ims[0] != "" {
		t.Errorf("first request sent validators %q %q", got.inm[0], got.ims[0])
	}
	if got.inm[1] != etag || got.ims[1] != lastMod {
		t.Errorf("validators not sent back verbatim: If-None-Match %q, If-Modified-Since %q", got.inm[1], got.ims[1])
	}
	if got.ua[0] != "wirewatch-test/1" || !strings.Contains(got.accept[0], "application/rss+xml") {
		t.Errorf("user agent %q, accept %q", got.ua[0], got.accept[0])
	}
}

func TestPollBodyHashWithoutValidators(t *testing.T) {
	var version atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(feedXML(1, int(version.Load())+1))
	}))
	defer srv.Close()
	f := newTestFetcher(Options{})
	feed := loopbackFeed(srv.URL)
	res, err := f.Poll(context.Background(), feed, model.FeedState{}, testNow)
	if err != nil || res.NotModified || res.State.BodyHash == "" {
		t.Fatalf("first: %v %+v", err, res.State)
	}
	res2, err := f.Poll(context.Background(), feed, res.State, testNow)
	if err != nil || !res2.NotModified || res2.Items != nil {
		t.Fatalf("same body: err %v, notModified %v, %d items", err, res2.NotModified, len(res2.Items))
	}
	version.Store(1)
	res3, err := f.Poll(context.Background(), feed, res2.State, testNow)
	// The item the last body had is not parsed again; only the new one is.
	if err != nil || res3.NotModified || len(res3.Items) != 1 || res3.Unchanged != 1 || res3.State.BodyHash == res.State.BodyHash {
		t.Fatalf("changed body: err %v, notModified %v, %d items, %d unchanged", err, res3.NotModified, len(res3.Items), res3.Unchanged)
	}
}

func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gzipServer(t *testing.T, body []byte) *httptest.Server {
	z := gzipped(t, body)
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write(z)
	}))
}

func TestPollGzip(t *testing.T) {
	srv := gzipServer(t, feedXML(1, 4))
	defer srv.Close()
	for name, tr := range map[string]http.RoundTripper{
		"transparent":  nil,
		"decoded here": &http.Transport{DisableCompression: true}, // gzip sent unasked
	} {
		t.Run(name, func(t *testing.T) {
			res, err := newTestFetcher(Options{Transport: tr}).Poll(context.Background(), loopbackFeed(srv.URL), model.FeedState{}, testNow)
			if err != nil || len(res.Items) != 4 {
				t.Fatalf("err %v, %d items", err, len(res.Items))
			}
		})
	}
}

func TestPollGzipBomb(t *testing.T) {
	// 64 MiB of spaces compress to about 64 KiB; the cap is on the decoded size.
	bomb := append([]byte(`<rss version="2.0"><channel><title>`), bytes.Repeat([]byte(" "), 64<<20)...)
	srv := gzipServer(t, bomb)
	defer srv.Close()
	for name, tr := range map[string]http.RoundTripper{
		"transparent":  nil,
		"decoded here": &http.Transport{DisableCompression: true},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := newTestFetcher(Options{MaxBodyBytes: 1 << 20, Transport: tr}).Poll(context.Background(), loopbackFeed(srv.URL), model.FeedState{}, testNow)
			if !errors.Is(err, ErrTooLarge) {
				t.Fatalf("err = %v, want ErrTooLarge", err)
			}
		})
	}
}

func TestPollOversizeBody(t *testing.T) {
	big := feedXML(1, 2000) // ~500 KB
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			w.(http.Flusher).Flush() // no Content-Length: the cap must count bytes
		}
		_, _ = w.Write(big)
	}))
	defer srv.Close()
	f := newTestFetcher(Options{MaxBodyBytes: 100 << 10})
	for _, path := range []string{"/sized", "/chunked"} {
		res, err := f.Poll(context.Background(), loopbackFeed(srv.URL+path), model.FeedState{}, testNow)
		if !errors.Is(err, ErrTooLarge) || res.Items != nil {
			t.Errorf("%s: err = %v, items %d; want ErrTooLarge and no items", path, err, len(res.Items))
		}
	}
	// The same body within the cap is fine (refused, not truncated, above).
	if _, err := newTestFetcher(Options{MaxBodyBytes: 1 << 20}).Poll(context.Background(), loopbackFeed(srv.URL+"/chunked"), model.FeedState{}, testNow); err != nil {
		t.Errorf("within cap: %v", err)
	}
}

func TestPollSlowLorisAndTimeouts(t *testing.T) {
	stop := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/silent" { // never answers
			select {
			case <-r.Context().Done():
			case <-stop:
			}
			return
		}
		// Dribble one byte every 20 ms, forever: each read succeeds, only
		// the total timeout can end it.
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write([]byte(`<rss version="2.0"><channel><title>`))
		for {
			w.(http.Flusher).Flush()
			select {
			case <-r.Context().Done():
				return
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			if _, err := w.Write([]byte("a")); err != nil {
				return
			}
		}
	}))
	defer srv.Close()
	defer close(stop)
	f := newTestFetcher(Options{Timeout: 300 * time.Millisecond})
	for _, path := range []string{"/dribble", "/silent"} {
		start := time.Now()
		_, err := f.Poll(context.Background(), loopbackFeed(srv.URL+path), model.FeedState{}, testNow)
		took := time.Since(start)
		if err == nil {
			t.Errorf("%s: no error", path)
		}
		if took > 3*time.Second {
			t.Errorf("%s: took %v with a 300ms timeout", path, took)
		}
		if err != nil && !strings.Contains(err.Error(), `"loopback"`) {
			t.Errorf("%s: error %q does not name the feed", path, err)
		}
	}
	// A cancelled caller context ends a poll too.
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := newTestFetcher(Options{Timeout: time.Minute}).Poll(ctx, loopbackFeed(srv.URL+"/silent"), model.FeedState{}, testNow); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("cancelled context: %v", err)
	}
}

func TestPollBadAnswers(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			_, _ = w.Write(readFixture(t, "login.html"))
		case "/garbage":
			_, _ = w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR garbage \xff\xfe"))
		case "/empty":
		case "/500":
			http.Error(w, "boom", http.StatusInternalServerError)
		case "/404":
			http.NotFound(w, r)
		case "/429":
			w.Header().Set("Retry-After", "120")
			http.Error(w, "slow down", http.StatusTooManyRequests)
		case "/503":
			w.Header().Set("Retry-After", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat))
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	f := newTestFetcher(Options{})
	cases := []struct {
		path       string
		want       error
		status     int
		retryAfter bool
	}{
		{"/html", ErrNotFeed, 0, false},
		{"/garbage", ErrNotFeed, 0, false},
		{"/empty", ErrEmptyBody, 0, false},
		{"/500", nil, 500, false},
		{"/404", nil, 404, false},
		{"/429", nil, 429, true},
		{"/503", nil, 503, true},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			feed := loopbackFeed(srv.URL + c.path)
			st := model.FeedState{ETag: `"old"`, BodyHash: "old"}
			res, err := f.Poll(context.Background(), feed, st, testNow)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), `poll feed "loopback" (`+feed.URL+`)`) {
				t.Errorf("error %q lacks feed name and URL", err)
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("err = %v, want %v", err, c.want)
			}
			var se *StatusError
			if c.status != 0 && (!errors.As(err, &se) || se.Code != c.status) {
				t.Errorf("err = %v, want status %d", err, c.status)
			}
			if c.retryAfter && (se == nil || se.RetryAfter < time.Minute) {
				t.Errorf("Retry-After not read: %v", err)
			}
			if res.Items != nil || res.State.ETag != `"old"` {
				t.Errorf("failed poll changed validators or returned items: %+v", res.State)
			}
		})
	}
}

func TestPollPermanentRedirect(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		case "/perm308":
			http.Redirect(w, r, "/new", http.StatusPermanentRedirect)
		case "/temp":
			http.Redirect(w, r, "/new", http.StatusFound)
		case "/temp-then-perm":
			http.Redirect(w, r, "/old", http.StatusTemporaryRedirect)
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusMovedPermanently)
		case "/new":
			hits.Add(1)
			_, _ = w.Write(feedXML(1, 1))
		}
	}))
	defer srv.Close()
	f := newTestFetcher(Options{})

	for _, path := range []string{"/old", "/perm308"} {
		feed := loopbackFeed(srv.URL + path)
		st := model.FeedState{}
		for poll := 1; poll <= redirectAdoptAfter; poll++ {
			res, err := f.Poll(context.Background(), feed, st, testNow)
			if err != nil {
				t.Fatalf("%s poll %d: %v", path, poll, err)
			}
			st = res.State
			if poll < redirectAdoptAfter {
				if st.URL != feed.URL || st.RedirectURL != srv.URL+"/new" || st.RedirectSeen != poll {
					t.Fatalf("%s poll %d: URL %q, redirect %q seen %d", path, poll, st.URL, st.RedirectURL, st.RedirectSeen)
				}
			}
		}
		if st.URL != srv.URL+"/new" || st.RedirectURL != "" || st.RedirectSeen != 0 {
			t.Errorf("%s: after %d polls URL %q, redirect %q seen %d", path, redirectAdoptAfter, st.URL, st.RedirectURL, st.RedirectSeen)
		}
	}

	// Temporary redirects never move a feed, nor do chains that start with one.
	for _, path := range []string{"/temp", "/temp-then-perm"} {
		feed := loopbackFeed(srv.URL + path)
		st := model.FeedState{}
		for range 5 {
			res, err := f.Poll(context.Background(), feed, st, testNow)
			if err != nil {
				t.Fatal(err)
			}
			st = res.State
		}
		if st.URL != feed.URL || st.RedirectSeen != 0 {
			t.Errorf("%s moved the feed: %+v", path, st)
		}
	}

	// A run of permanent redirects broken by one direct answer starts over.
	feed := loopbackFeed(srv.URL + "/old")
	res, _ := f.Poll(context.Background(), feed, model.FeedState{}, testNow)
	st := res.State
	st.RedirectURL, st.RedirectSeen = "https://elsewhere.example/feed", 2
	res, _ = f.Poll(context.Background(), feed, st, testNow)
	if res.State.RedirectURL != srv.URL+"/new" || res.State.RedirectSeen != 1 {
		t.Errorf("different target did not restart the count: %+v", res.State)
	}

	if _, err := f.Poll(context.Background(), loopbackFeed(srv.URL+"/loop"), model.FeedState{}, testNow); err == nil || !strings.Contains(err.Error(), "redirects") {
		t.Errorf("redirect loop: %v", err)
	}
}

func TestPollConcurrencyLimits(t *testing.T) {
	var inFlight, peak, total, totalPeak atomic.Int32
	handler := func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		all := total.Add(1)
		for {
			p := peak.Load()
			if n <= p || peak.CompareAndSwap(p, n) {
				break
			}
		}
		for {
			p := totalPeak.Load()
			if all <= p || totalPeak.CompareAndSwap(p, all) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		inFlight.Add(-1)
		total.Add(-1)
		_, _ = w.Write(feedXML(1, 1))
	}
	a := httptest.NewServer(http.HandlerFunc(handler))
	defer a.Close()
	var bInFlight, bPeak atomic.Int32
	b := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := bInFlight.Add(1)
		for {
			p := bPeak.Load()
			if n <= p || bPeak.CompareAndSwap(p, n) {
				break
			}
		}
		all := total.Add(1)
		for {
			p := totalPeak.Load()
			if all <= p || totalPeak.CompareAndSwap(p, all) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond)
		bInFlight.Add(-1)
		total.Add(-1)
		_, _ = w.Write(feedXML(1, 1))
	}))
	defer b.Close()

	f := newTestFetcher(Options{PerHost: 2, Concurrency: 3})
	var wg sync.WaitGroup
	for i := range 24 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			url := a.URL
			if i%2 == 1 {
				url = b.URL
			}
			if _, err := f.Poll(context.Background(), loopbackFeed(fmt.Sprintf("%s/%d", url, i)), model.FeedState{}, testNow); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if peak.Load() > 2 || bPeak.Load() > 2 {
		t.Errorf("per-host peak %d / %d, limit 2", peak.Load(), bPeak.Load())
	}
	if totalPeak.Load() > 3 {
		t.Errorf("global peak %d, limit 3", totalPeak.Load())
	}
	if peak.Load() < 2 {
		t.Errorf("per-host peak %d: polls were not concurrent at all", peak.Load())
	}
	if n := len(f.limits.hosts); n != 0 {
		t.Errorf("%d host entries left in the limiter", n)
	}
}

func TestPollTTL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ttl":
			_, _ = w.Write(readFixture(t, "rss2.xml")) // <ttl>30</ttl>
		case "/maxage":
			w.Header().Set("Cache-Control", "public, max-age=5400")
			_, _ = w.Write(feedXML(1, 1))
		case "/expires":
			w.Header().Set("Date", "Sat, 08 Nov 2025 01:30:00 GMT")
			w.Header().Set("Expires", "Sat, 08 Nov 2025 02:00:00 GMT")
			_, _ = w.Write(feedXML(1, 1))
		case "/nocache":
			w.Header().Set("Cache-Control", "no-cache")
			w.Header().Set("Expires", "Sat, 08 Nov 2099 02:00:00 GMT")
			_, _ = w.Write(feedXML(1, 1))
		}
	}))
	defer srv.Close()
	f := newTestFetcher(Options{})
	for path, want := range map[string]time.Duration{"/ttl": 30 * time.Minute, "/maxage": 90 * time.Minute, "/expires": 30 * time.Minute, "/nocache": 0} {
		res, err := f.Poll(context.Background(), loopbackFeed(srv.URL+path), model.FeedState{}, testNow)
		if err != nil {
			t.Fatal(err)
		}
		if res.TTL != want {
			t.Errorf("%s: TTL %v, want %v", path, res.TTL, want)
		}
	}
}

func TestPollRefusesNonHTTP(t *testing.T) {
	f := newTestFetcher(Options{})
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/feed", "not a url", ""} {
		if _, err := f.Poll(context.Background(), config.Feed{Name: "x", URL: u}, model.FeedState{}, testNow); err == nil {
			t.Errorf("%q: no error", u)
		}
	}
}

// TestPollErrorCause: a failed poll's error names the feed and its URL,
// and its Cause says only why, for a log line whose feed and url fields
// name them already: the HTTP client's "Get URL:" is left off for the
// polled URL, kept for a redirect's target.
func TestPollErrorCause(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String() + "/rss"
	ln.Close() // nothing listens: the connection is refused
	redirect := httptest.NewServer(http.RedirectHandler(closed, http.StatusFound))
	defer redirect.Close()
	f := newTestFetcher(Options{})
	for _, tt := range []struct {
		url       string
		why       string
		causeHas  string // the URL the cause names, "" for none
		causeLack string
	}{
		{url: closed, why: "connection refused", causeLack: closed},
		// allow_private covers the feed's own host and port only.
		{url: redirect.URL + "/feed", why: "refusing to connect", causeHas: closed, causeLack: redirect.URL},
	} {
		feed := loopbackFeed(tt.url)
		_, err := f.Poll(context.Background(), feed, model.FeedState{}, testNow)
		var pe *PollError
		if !errors.As(err, &pe) {
			t.Fatalf("%s: err %v is not a *PollError", tt.url, err)
		}
		if !strings.Contains(err.Error(), `poll feed "loopback" (`+tt.url+`)`) {
			t.Errorf("error %q lacks the feed and URL", err)
		}
		cause := pe.Cause().Error()
		if !strings.Contains(cause, tt.why) || strings.Contains(cause, `"loopback"`) || strings.Contains(cause, tt.causeLack) {
			t.Errorf("%s: cause %q, want why alone (%s), without the feed or %s", tt.url, cause, tt.why, tt.causeLack)
		}
		if tt.causeHas != "" && !strings.Contains(cause, tt.causeHas) {
			t.Errorf("%s: cause %q lacks the redirect's target %s", tt.url, cause, tt.causeHas)
		}
		if Cause(err).Error() != cause {
			t.Errorf("Cause(%v) = %v, want %s", err, Cause(err), cause)
		}
	}
	// A page the same: its URL in the error, not in the cause.
	_, _, _, err = FetchPage(context.Background(), http.DefaultClient, closed, 1<<20)
	if !strings.Contains(err.Error(), "fetch page "+closed+": ") {
		t.Errorf("page error %q lacks its URL", err)
	}
	if c := Cause(err).Error(); !strings.Contains(c, "connection refused") || strings.Contains(c, closed) {
		t.Errorf("page cause %q, want why alone", c)
	}
	// An error that wraps one with context of its own is kept whole.
	wrapped := fmt.Errorf("article: %w", err)
	if Cause(wrapped) != wrapped {
		t.Errorf("Cause(%v) = %v, want it whole", wrapped, Cause(wrapped))
	}
}
