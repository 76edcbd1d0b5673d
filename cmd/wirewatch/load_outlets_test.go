package main

import (
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// loadItem is one item an outlet publishes.
type loadItem struct {
	guid, title, text, link string
	categories              []string
	published               time.Time
}

// pageMode is how an outlet answers requests for its article pages.
type pageMode int

const (
	pagesFast pageMode = iota // an article page at once
	pagesHang                 // headers never come; the connection is held until the client gives up
)

// outlet is one news site on its own 127.0.0.1 port (the fetcher limits
// requests per host:port, so each outlet is a host of its own). It serves
// its feed with an ETag, so unchanged polls are answered 304, and records
// when a document holding each item was first written out in full: the
// moment the poll that first sees the item has its document.
type outlet struct {
	name string
	keep int // how many of the newest items the document holds; 0 keeps all
	page pageMode

	mu      sync.Mutex
	items   []loadItem // oldest first
	version int
	built   int    // version of body
	body    []byte // the document of version built
	served  map[string]time.Time
	polls   int // feed requests answered (200 or 304)

	pageHits atomic.Int64
	stop     chan struct{} // closed when the run ends: hanging pages return
	srv      *httptest.Server
}

func newOutlet(name string, keep int, page pageMode) *outlet {
	o := &outlet{name: name, keep: keep, page: page, served: map[string]time.Time{}, stop: make(chan struct{}), built: -1}
	o.srv = httptest.NewServer(o)
	return o
}

// close releases hanging page requests, then stops the server.
func (o *outlet) close() {
	select {
	case <-o.stop:
	default:
		close(o.stop)
	}
	o.srv.CloseClientConnections()
	o.srv.Close()
}

func (o *outlet) feedURL() string { return o.srv.URL + "/feed" }

// publish adds items, newest last, as one change of the document.
func (o *outlet) publish(items ...loadItem) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.items = append(o.items, items...)
	if o.keep > 0 && len(o.items) > o.keep {
		o.items = append([]loadItem(nil), o.items[len(o.items)-o.keep:]...)
	}
	o.version++
}

// item makes an item of this outlet; its link is an article page here.
func (o *outlet) item(guid, title, text string, at time.Time, categories ...string) loadItem {
	return loadItem{guid: guid, title: title, text: text, link: o.srv.URL + "/a/" + guid, published: at, categories: categories}
}

// servedAt is when a document holding guid was first written out.
func (o *outlet) servedAt(guid string) (time.Time, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	t, ok := o.served[guid]
	return t, ok
}

// answered is how many feed requests the outlet has answered.
func (o *outlet) answered() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.polls
}

func (o *outlet) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.URL.Path == "/feed":
		o.serveFeed(w, r)
	case strings.HasPrefix(r.URL.Path, "/a/"):
		o.pageHits.Add(1)
		if o.page == pagesHang {
			select {
			case <-r.Context().Done():
			case <-o.stop:
			}
			return
		}
		o.servePage(w, strings.TrimPrefix(r.URL.Path, "/a/"))
	default:
		http.NotFound(w, r)
	}
}

func (o *outlet) serveFeed(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	etag := fmt.Sprintf(`"v%d"`, o.version)
	if r.Header.Get("If-None-Match") == etag {
		o.polls++
		o.mu.Unlock()
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if o.built != o.version {
		o.body, o.built = o.document(), o.version
	}
	body, guids := o.body, make([]string, len(o.items))
	for i, it := range o.items {
		guids[i] = it.guid
	}
	o.mu.Unlock()

	w.Header().Set("Content-Type", "application/rss+xml")
	w.Header().Set("ETag", etag)
	if _, err := w.Write(body); err != nil {
		return
	}
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
	now := time.Now()
	o.mu.Lock()
	o.polls++
	for _, g := range guids {
		if _, ok := o.served[g]; !ok {
			o.served[g] = now
		}
	}
	o.mu.Unlock()
}

// document renders the feed, newest item first, as outlets do; the caller holds mu.
func (o *outlet) document() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title><link>%s</link><description>news</description>`,
		html.EscapeString(o.name), o.srv.URL)
	for i := len(o.items) - 1; i >= 0; i-- {
		it := o.items[i]
		fmt.Fprintf(&b, "<item><guid isPermaLink=\"false\">%s</guid><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s</description>",
			it.guid, html.EscapeString(it.title), it.link, it.published.Format(time.RFC1123Z), html.EscapeString(it.text))
		for _, c := range it.categories {
			fmt.Fprintf(&b, "<category>%s</category>", c)
		}
		b.WriteString("</item>\n")
	}
	b.WriteString("</channel></rss>")
	return []byte(b.String())
}

func (o *outlet) servePage(w http.ResponseWriter, guid string) {
	o.mu.Lock()
	var it *loadItem
	for i := range o.items {
		if o.items[i].guid == guid {
			it = &o.items[i]
			break
		}
	}
	var title, text string
	if it != nil {
		title, text = it.title, it.text
	}
	o.mu.Unlock()
	if it == nil {
		http.NotFound(w, nil)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<!doctype html><html><head><title>%s</title></head><body><nav>Home | World | Politics</nav><article><h1>%s</h1>",
		html.EscapeString(title), html.EscapeString(title))
	for range 4 {
		fmt.Fprintf(w, "<p>%s Officials gave no further details on the matter this week.</p>", html.EscapeString(text))
	}
	fmt.Fprint(w, "</article><footer>Copyright the outlet</footer></body></html>")
}

// wordGen makes pronounceable nonsense words: consonant-vowel syllables
// only, so that no word is a real one, a topic alias, or one of the
// category words the rules match (which hold consonant clusters).
type wordGen struct {
	mu  sync.Mutex
	rng *rand.Rand
}

func newWordGen(seed uint64) *wordGen {
	return &wordGen{rng: rand.New(rand.NewPCG(seed, seed^0x5eed))}
}

func (g *wordGen) words(n int) string {
	const cons, vows = "bdfgklmnprstvz", "aeiou"
	g.mu.Lock()
	defer g.mu.Unlock()
	ws := make([]string, n)
	for i := range ws {
		var b strings.Builder
		for range 2 + g.rng.IntN(2) {
			b.WriteByte(cons[g.rng.IntN(len(cons))])
			b.WriteByte(vows[g.rng.IntN(len(vows))])
		}
		ws[i] = b.String()
	}
	return strings.Join(ws, " ")
}

func (g *wordGen) intN(n int) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.rng.IntN(n)
}
