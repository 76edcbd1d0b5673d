package feeds

import (
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/redact"
)

// acceptFeeds is sent as Accept: feeds first, HTML last (some servers pick
// the representation from it).
const acceptFeeds = "application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"

// redirectAdoptAfter is how many polls in a row must see the same permanent
// redirect before the polled URL changes: one 301 from a misconfigured
// server must not move a feed for good.
const redirectAdoptAfter = 3

// maxTTL bounds what a publisher's TTL or Retry-After can ask for.
const maxTTL = 24 * time.Hour

// Result is the outcome of one poll.
type Result struct {
	State       model.FeedState // the state to keep: validators, hash, polled URL, redirect counters, LastPoll
	NotModified bool            // 304, or the same body as last time: nothing was parsed
	Title       string          // feed title (plain text), when parsed
	Link        string          // the site's canonical link, when parsed
	Items       []model.Item    // normalized items, when parsed
	TTL         time.Duration   // the publisher asks not to be polled sooner (<ttl>, max-age, Expires, Retry-After)
	Gap         time.Duration   // mean gap between items of the last week (adaptive polling); 0 if unknown
	Unchanged   int             // items the last document had byte for byte: not parsed, not in Items
	Status      int             // HTTP status of the final answer
	FinalURL    string          // URL after redirects
}

// Fetcher polls feeds over HTTP with the limits of its Options. It is safe
// for concurrent use; Poll blocks while the host or the whole fetcher is at
// its concurrency limit.
type Fetcher struct {
	opts    Options
	guarded *http.Client // refuses internal addresses
	sites   siteClients  // for feeds with AllowPrivate: open to their own site only
	limits  *limiter
}

// NewFetcher returns a fetcher; zero Options fields take the defaults.
func NewFetcher(opts Options) *Fetcher {
	opts = opts.withDefaults()
	// Poll bounds each exchange with a context deadline: a poll cycle makes
	// ten thousand requests.
	return &Fetcher{
		opts:    opts,
		guarded: newClient(opts, false),
		sites: siteClients{make: func(site *url.URL) *http.Client {
			o := opts
			o.Transport = siteTransport(opts, site)
			return newClient(o, false)
		}},
		limits: newLimiter(opts.Concurrency, opts.PerHost),
	}
}

func (f *Fetcher) client(feed config.Feed) *http.Client {
	if feed.AllowPrivate {
		return f.sites.get(feed.URL)
	}
	return f.guarded
}

// PollError is a failed poll of a feed: which feed, the URL polled, and
// why. Its message names all three (redacted); Cause is the why alone, for
// a log line that names the feed and URL in fields of their own.
type PollError struct {
	Feed string
	URL  string // as polled; redacted in Error
	Err  error
}

func (e *PollError) Error() string {
	return fmt.Sprintf("poll feed %q (%s): %v", e.Feed, redact.Text(e.URL), e.Err)
}

func (e *PollError) Unwrap() error { return e.Err }

// Cause is why the poll failed, without the feed and its URL: the HTTP
// client's error for the polled URL is left at what it says about it
// ("Get URL: EOF" is "EOF"), while one about a redirect's target keeps that
// URL.
func (e *PollError) Cause() error { return clientCause(e.URL, e.Err) }

// Poll fetches one feed with a conditional GET (the stored ETag and
// Last-Modified sent back verbatim) and parses it unless it is unchanged.
// The polled URL is st.URL, else feed.URL. Errors are wrapped with the feed
// name and URL (a *PollError); a *StatusError carries the HTTP status and any Retry-After.
// Result.State is the state to keep after a successful poll.
func (f *Fetcher) Poll(ctx context.Context, feed config.Feed, st model.FeedState, now time.Time) (Result, error) {
	st.Feed = feed.Name
	if st.URL == "" {
		st.URL = feed.URL
	}
	st.LastPoll = now
	res := Result{State: st}
	target := st.URL
	fail := func(err error) (Result, error) {
		return res, &PollError{Feed: feed.Name, URL: target, Err: err}
	}
	// The request parses the URL once; opts.Timeout bounds the whole
	// exchange, body included, from when the host's slot is ours.
	trace := &redirectTrace{}
	req, err := http.NewRequestWithContext(withTrace(ctx, trace), http.MethodGet, target, nil)
	if err != nil || (req.URL.Scheme != "http" && req.URL.Scheme != "https") || req.URL.Host == "" {
		return fail(fmt.Errorf("not an http(s) URL"))
	}
	release, err := f.limits.acquire(ctx, req.URL.Host)
	if err != nil {
		return fail(err)
	}
	defer release()
	tctx, cancel := context.WithTimeout(req.Context(), f.opts.Timeout)
	defer cancel()
	req = req.WithContext(tctx)
	req.Header.Set("Accept", acceptFeeds)
	req.Header.Set("User-Agent", f.opts.UserAgent) // set here, the client would clone the request to add it
	if st.ETag != "" {
		req.Header.Set("If-None-Match", st.ETag)
	}
	if st.LastModified != "" {
		req.Header.Set("If-Modified-Since", st.LastModified)
	}
	resp, err := f.client(feed).Do(req)
	if err != nil {
		return fail(err)
	}
	defer drainClose(resp.Body)
	res.Status = resp.StatusCode
	res.FinalURL = resp.Request.URL.String()
	res.TTL = cacheTTL(resp.Header, now)

	switch {
	case resp.StatusCode == http.StatusNotModified:
		res.NotModified = true
		res.State = keepValidators(res.State, resp.Header, true)
		res.State = countRedirect(res.State, trace)
		return res, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return fail(statusError(resp))
	}

	body, err := f.readBody(resp)
	if err != nil {
		return fail(err)
	}
	sum := sha256.Sum256(body)
	hash := hex.EncodeToString(sum[:])
	if hash == st.BodyHash {
		// The server ignored our validators (or sends none): same bytes,
		// same items, no parsing.
		res.NotModified = true
		res.State = keepValidators(res.State, resp.Header, false)
		res.State = countRedirect(res.State, trace)
		return res, nil
	}
	pf, err := parseFeed(body, resp.Header.Get("Content-Type"), feed, baseURL(res.FinalURL, resp.Header), st.Known, now)
	if err != nil {
		return fail(err)
	}
	res.Title, res.Link, res.Items, res.Gap, res.Unchanged = pf.Title, pf.Link, pf.Items, pf.Gap, pf.Skipped
	res.TTL = min(max(res.TTL, pf.TTL), maxTTL)
	res.State = keepValidators(res.State, resp.Header, false)
	res.State.BodyHash = hash
	res.State.Known = pf.Known
	res.State = countRedirect(res.State, trace)
	return res, nil
}

// readBody reads the decoded body within the size cap. Go's transport
// decodes the gzip it asked for, so the cap applies to the decoded size and
// a gzip bomb is refused after MaxBodyBytes; gzip the server sent unasked is
// decoded here under the same cap.
func (f *Fetcher) readBody(resp *http.Response) ([]byte, error) {
	limit := f.opts.MaxBodyBytes
	if resp.ContentLength > limit && !resp.Uncompressed {
		return nil, fmt.Errorf("%w: Content-Length %d exceeds %d", ErrTooLarge, resp.ContentLength, limit)
	}
	var r io.Reader = resp.Body
	if !resp.Uncompressed && strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("gzip body: %w", err)
		}
		defer zr.Close()
		r = zr
	}
	hint := resp.ContentLength
	if r != resp.Body {
		hint = 0 // gzip: the decoded size is unknown
	}
	body, err := readCapped(r, limit, hint)
	if err != nil {
		return nil, err
	}
	if len(body) == 0 {
		return nil, ErrEmptyBody
	}
	return body, nil
}

// keepValidators stores the validators of an answer. A 304 may omit them
// (RFC 9111 §4.3.4): then the old ones stay; a 200 replaces them.
func keepValidators(st model.FeedState, h http.Header, notModified bool) model.FeedState {
	etag, lm := h.Get("ETag"), h.Get("Last-Modified")
	if notModified {
		if etag != "" {
			st.ETag = etag
		}
		if lm != "" {
			st.LastModified = lm
		}
		return st
	}
	st.ETag, st.LastModified = etag, lm
	return st
}

// countRedirect updates the permanent-redirect counters after a successful
// poll and adopts the new URL once it was seen redirectAdoptAfter times in a
// row. Temporary redirects never move a feed.
func countRedirect(st model.FeedState, t *redirectTrace) model.FeedState {
	if t.permanent == "" || t.permanent == st.URL {
		st.RedirectURL, st.RedirectSeen = "", 0
		return st
	}
	if st.RedirectURL == t.permanent {
		st.RedirectSeen++
	} else {
		st.RedirectURL, st.RedirectSeen = t.permanent, 1
	}
	if st.RedirectSeen >= redirectAdoptAfter {
		st.URL = st.RedirectURL
		st.RedirectURL, st.RedirectSeen = "", 0
	}
	return st
}

// cacheTTL reads how long the publisher asks caches to wait: Cache-Control
// max-age, else Expires, and Retry-After (429/503 bodies never get here, but
// some servers send it with 200/304).
func cacheTTL(h http.Header, now time.Time) time.Duration {
	var ttl time.Duration
	cc := strings.ToLower(h.Get("Cache-Control"))
	maxAgeSeen := false
	for cc != "" {
		var d string
		d, cc, _ = strings.Cut(cc, ",")
		k, v, _ := strings.Cut(strings.TrimSpace(d), "=")
		switch k {
		case "no-cache", "no-store":
			return min(retryAfterHeader(h), maxTTL)
		case "max-age", "s-maxage":
			if secs, err := strconv.ParseInt(strings.Trim(v, `"`), 10, 64); err == nil && secs > 0 {
				ttl = max(ttl, time.Duration(min(secs, int64(maxTTL/time.Second)))*time.Second)
			}
			maxAgeSeen = true
		}
	}
	if expires := h.Get("Expires"); !maxAgeSeen && expires != "" {
		if exp, err := http.ParseTime(expires); err == nil {
			ref := now
			if h.Get("Date") != "" {
				ref = serverNow(h) // compare with the server's clock, not ours
			}
			if exp.After(ref) {
				ttl = exp.Sub(ref)
			}
		}
	}
	return min(max(ttl, retryAfterHeader(h)), maxTTL)
}

// retryAfterHeader is retryAfter relative to the server's clock. The Date
// header is read only when there is a Retry-After: most answers have none,
// and every poll would otherwise parse a date for nothing.
func retryAfterHeader(h http.Header) time.Duration {
	if h.Get("Retry-After") == "" {
		return 0
	}
	return retryAfter(h, serverNow(h))
}

// baseURL is what relative links in the body resolve against: the
// Content-Location of the answer if it is http(s), else the final URL.
func baseURL(final string, h http.Header) string {
	loc := strings.TrimSpace(h.Get("Content-Location"))
	if loc == "" {
		return final
	}
	b, err := url.Parse(final)
	if err != nil {
		return final
	}
	ref, err := url.Parse(loc)
	if err != nil {
		return final
	}
	u := b.ResolveReference(ref)
	if u.Scheme != "http" && u.Scheme != "https" {
		return final
	}
	return u.String()
}

// limiter bounds requests in flight overall and per host. A poll takes its
// host slot first, so polls waiting on a busy host do not hold global slots.
type limiter struct {
	global  chan struct{}
	perHost int
	mu      sync.Mutex
	hosts   map[string]*hostSlots
}

type hostSlots struct {
	ch    chan struct{}
	users int // polls holding or waiting for a slot; the entry goes at 0
}

func newLimiter(global, perHost int) *limiter {
	return &limiter{global: make(chan struct{}, global), perHost: perHost, hosts: map[string]*hostSlots{}}
}

func (l *limiter) acquire(ctx context.Context, host string) (release func(), err error) {
	host = strings.ToLower(host)
	l.mu.Lock()
	h := l.hosts[host]
	if h == nil {
		h = &hostSlots{ch: make(chan struct{}, l.perHost)}
		l.hosts[host] = h
	}
	h.users++
	l.mu.Unlock()
	leave := func() {
		l.mu.Lock()
		h.users--
		if h.users == 0 {
			delete(l.hosts, host)
		}
		l.mu.Unlock()
	}
	select {
	case h.ch <- struct{}{}:
	case <-ctx.Done():
		leave()
		return nil, ctx.Err()
	}
	select {
	case l.global <- struct{}{}:
	case <-ctx.Done():
		<-h.ch
		leave()
		return nil, ctx.Err()
	}
	return func() {
		<-l.global
		<-h.ch
		leave()
	}, nil
}

// Limiter bounds requests in flight overall and per host, as a Fetcher
// does for feed polls; the pipeline keeps one apart for article pages, so
// pages that hang never hold a slot a feed poll needs.
type Limiter struct{ l *limiter }

// NewLimiter returns a limiter of global requests in flight, perHost of
// them to one host; values below 1 count as 1.
func NewLimiter(global, perHost int) *Limiter {
	return &Limiter{newLimiter(max(1, global), max(1, perHost))}
}

// Acquire waits for a slot for host (a URL's host[:port]) and returns its
// release, or ctx's error.
func (l *Limiter) Acquire(ctx context.Context, host string) (release func(), err error) {
	return l.l.acquire(ctx, host)
}
