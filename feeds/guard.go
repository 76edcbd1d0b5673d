package feeds

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"

	"wirewatch/redact"
)

// ErrForbiddenAddress is wrapped by every refusal of the address guard, so
// callers can tell "we refused" from "the server failed".
var ErrForbiddenAddress = errors.New("forbidden address")

// AddressError is the guard's refusal to connect to one address.
type AddressError struct {
	Addr   netip.Addr
	Reason string // "loopback address", "private address", ...
}

func (e *AddressError) Error() string {
	return fmt.Sprintf("refusing to connect to %s: %s", e.Addr, e.Reason)
}

// Unwrap lets errors.Is(err, ErrForbiddenAddress) match.
func (e *AddressError) Unwrap() error { return ErrForbiddenAddress }

// Ranges that are not loopback/private/link-local in net/netip terms but
// still reach internal networks or nothing useful.
var extraForbidden = []struct {
	prefix netip.Prefix
	reason string
}{
	{netip.MustParsePrefix("100.64.0.0/10"), "carrier-grade NAT address"},
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified address"},
	{netip.MustParsePrefix("192.0.0.0/24"), "IETF protocol address"},
	{netip.MustParsePrefix("198.18.0.0/15"), "benchmarking address"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved address"},
	{netip.MustParsePrefix("64:ff9b::/96"), "NAT64 address"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "local-use NAT64 address"},
	// Cloud hosts' own service addresses outside the private ranges (Azure's
	// wire server and DNS; the others' metadata endpoints are link-local).
	{netip.MustParsePrefix("168.63.129.16/32"), "cloud host service address"},
	// 6to4 and Teredo carry an IPv4 address inside (a relay may deliver to
	// a private one); both are obsolete for serving web pages, so every one
	// is refused rather than decoded.
	{netip.MustParsePrefix("2002::/16"), "6to4 address"},
	{netip.MustParsePrefix("2001::/32"), "Teredo address"},
	{netip.MustParsePrefix("fec0::/10"), "site-local address"},
	// IPv4-compatible addresses (deprecated) carry an IPv4 address in
	// their last 32 bits, as ::127.0.0.1 does; :: and ::1 are caught above.
	{netip.MustParsePrefix("::/96"), "IPv4-compatible address"},
}

// CheckAddress returns an *AddressError if connecting to ip could reach the
// machine itself or an internal network, and nil for a public address.
func CheckAddress(ip netip.Addr) error {
	ip = ip.Unmap()
	reason := ""
	switch {
	case !ip.IsValid():
		reason = "invalid address"
	case ip.IsLoopback():
		reason = "loopback address"
	case ip.IsUnspecified():
		reason = "unspecified address"
	case ip.IsPrivate():
		reason = "private address"
	case ip.IsLinkLocalUnicast():
		reason = "link-local address"
	case ip.IsMulticast(), ip.IsLinkLocalMulticast(), ip.IsInterfaceLocalMulticast():
		reason = "multicast address"
	}
	if reason == "" {
		for _, r := range extraForbidden {
			if r.prefix.Contains(ip) {
				reason = r.reason
				break
			}
		}
	}
	if reason == "" {
		return nil
	}
	return &AddressError{Addr: ip, Reason: reason}
}

// guardControl runs after DNS resolution and before connect, on every
// address the dialer tries: redirects and DNS rebinding cannot slip past it.
func guardControl(network, address string, _ syscall.RawConn) error {
	return checkDialAddress(address)
}

func checkDialAddress(address string) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("refusing to connect to %s: cannot parse address: %w", address, ErrForbiddenAddress)
	}
	return CheckAddress(ap.Addr())
}

// NewHTTPClient returns a client for feeds and article pages. Unless
// allowPrivate is set, its dialer refuses internal addresses at connect time
// (see CheckAddress). It follows at most 5 redirects, only to http(s), sends
// opts.UserAgent and ends every request after opts.Timeout, body included.
// When opts.Transport is set it is used as is.
func NewHTTPClient(opts Options, allowPrivate bool) *http.Client {
	opts = opts.withDefaults()
	c := newClient(opts, allowPrivate)
	c.Timeout = opts.Timeout
	return c
}

// newClient is NewHTTPClient without the timeout, for callers that bound
// each request with a context deadline instead (a client Timeout costs a
// goroutine and a timer per request). opts has its defaults.
func newClient(opts Options, allowPrivate bool) *http.Client {
	rt := opts.Transport
	if rt == nil {
		rt = newTransport(opts, allowPrivate)
	}
	return &http.Client{
		Transport:     &userAgentTransport{next: rt, userAgent: opts.UserAgent},
		CheckRedirect: checkRedirect,
	}
}

func newTransport(opts Options, allowPrivate bool) *http.Transport {
	var control func(network, address string, c syscall.RawConn) error
	if !allowPrivate {
		control = guardControl
	}
	return newTransportWithControl(opts, control)
}

// newTransportWithControl builds the transport around a dialer Control hook
// (nil: no guard). Tests use it to exempt one test server from the guard.
func newTransportWithControl(opts Options, control func(network, address string, c syscall.RawConn) error) *http.Transport {
	dialer := newDialer(opts, control)
	idlePerHost := max(opts.PerHost, 2)
	return &http.Transport{
		// No proxy: a proxy would connect on our behalf and bypass the guard.
		Proxy:                 nil,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          max(100, opts.Concurrency*2),
		MaxIdleConnsPerHost:   idlePerHost,
		IdleConnTimeout:       30 * time.Second,
		TLSHandshakeTimeout:   opts.DialTimeout,
		ResponseHeaderTimeout: opts.Timeout,
		ExpectContinueTimeout: time.Second,
	}
}

// newDialer is the dialer of every fetch, with a Control hook (nil: none).
func newDialer(opts Options, control func(network, address string, c syscall.RawConn) error) *net.Dialer {
	return &net.Dialer{Timeout: opts.DialTimeout, KeepAlive: 15 * time.Second, Control: control}
}

// userAgentTransport sets the User-Agent on requests that have none.
type userAgentTransport struct {
	next      http.RoundTripper
	userAgent string
}

func (t *userAgentTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("User-Agent") == "" {
		req = req.Clone(req.Context())
		req.Header.Set("User-Agent", t.userAgent)
	}
	return t.next.RoundTrip(req)
}

// redirectTrace records, for one request, where a run of permanent
// redirects (301/308) from the first URL led.
type redirectTrace struct {
	permanent string // target after the leading permanent redirects; "" if the first hop was not permanent
	broken    bool   // a temporary hop was seen: later permanent hops do not count
}

type traceKey struct{}

func withTrace(ctx context.Context, t *redirectTrace) context.Context {
	return context.WithValue(ctx, traceKey{}, t)
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("stopped after %d redirects", maxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("refusing redirect to %q: only http and https are followed", redact.Text(req.URL.String()))
	}
	if t, ok := req.Context().Value(traceKey{}).(*redirectTrace); ok && !t.broken {
		code := 0
		if req.Response != nil {
			code = req.Response.StatusCode
		}
		if code == http.StatusMovedPermanently || code == http.StatusPermanentRedirect {
			t.permanent = req.URL.String()
		} else {
			t.broken = true
		}
	}
	return nil
}

// StatusError is an HTTP answer other than 2xx or 304.
type StatusError struct {
	Code       int
	Status     string
	RetryAfter time.Duration // from a Retry-After header on 429/503, else 0
}

func (e *StatusError) Error() string {
	if e.RetryAfter > 0 {
		return fmt.Sprintf("http status %s (retry after %s)", e.Status, e.RetryAfter)
	}
	return "http status " + e.Status
}

// ErrTooLarge is wrapped when a body (decoded size) exceeds the cap.
var ErrTooLarge = errors.New("body too large")

// maxSizeHint bounds what readCapped allocates on a Content-Length's word.
const maxSizeHint = 1 << 20

// readCapped reads all of r, or fails with ErrTooLarge once more than max
// bytes arrive: a capped body is refused, never truncated. sizeHint is the
// announced length, if any.
func readCapped(r io.Reader, max, sizeHint int64) ([]byte, error) {
	var buf bytes.Buffer
	if sizeHint > 0 {
		// One allocation of the announced size (a hint only: the cap is
		// what is enforced), instead of io.ReadAll's doubling; no more than
		// maxSizeHint before the bytes arrive, so a lying Content-Length
		// costs nothing up front.
		buf.Grow(int(min(sizeHint, max, maxSizeHint)) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(io.LimitReader(r, max+1))
	body := buf.Bytes()
	if err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	if int64(len(body)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes", ErrTooLarge, max)
	}
	return body, nil
}

// drainClose reads a little of what is left so the connection can be reused,
// then closes the body.
func drainClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 64<<10))
	_ = body.Close()
}

// FetchPage GETs an article page with client (use NewHTTPClient) and returns
// its body (at most maxBytes, else an error), the URL after redirects and the
// Content-Type. Only http and https URLs are fetched, and only 2xx answers
// return a body. The body is returned as sent; DecodeUTF8 converts it.
func FetchPage(ctx context.Context, client *http.Client, rawURL string, maxBytes int64) (body []byte, finalURL string, contentType string, err error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxBodyBytes
	}
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, "", "", &PageError{URL: rawURL, Err: errors.New("not an http(s) URL")}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", "", &PageError{URL: u.String(), Err: err}
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", "", &PageError{URL: u.String(), Err: err}
	}
	defer drainClose(resp.Body)
	finalURL = resp.Request.URL.String()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, finalURL, "", &PageError{URL: u.String(), Err: statusError(resp)}
	}
	if resp.ContentLength > maxBytes {
		return nil, finalURL, "", &PageError{URL: u.String(), Err: fmt.Errorf("%w: Content-Length %d exceeds %d", ErrTooLarge, resp.ContentLength, maxBytes)}
	}
	body, err = readCapped(resp.Body, maxBytes, resp.ContentLength)
	if err != nil {
		return nil, finalURL, "", &PageError{URL: u.String(), Err: err}
	}
	return body, finalURL, resp.Header.Get("Content-Type"), nil
}

func statusError(resp *http.Response) *StatusError {
	e := &StatusError{Code: resp.StatusCode, Status: resp.Status}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		e.RetryAfter = retryAfter(resp.Header, serverNow(resp.Header))
	}
	return e
}

// serverNow is the server's clock from the Date header (dates in other
// headers are relative to it), else ours.
func serverNow(h http.Header) time.Time {
	if d, err := http.ParseTime(h.Get("Date")); err == nil {
		return d
	}
	return time.Now()
}

// retryAfter reads a Retry-After header (seconds or an HTTP date).
func retryAfter(h http.Header, now time.Time) time.Duration {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil && secs > 0 {
		return time.Duration(min(secs, 7*24*3600)) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

// mediaType returns the lower-case media type and charset parameter of a
// Content-Type header; a malformed header yields what could be read.
func mediaType(contentType string) (typ, charset string) {
	typ, params, err := mime.ParseMediaType(contentType)
	if err == nil {
		return typ, strings.Trim(strings.TrimSpace(params["charset"]), `"' `)
	}
	// Servers write "charset = x", "charset= 'x'": read what we can.
	t, rest, _ := strings.Cut(contentType, ";")
	typ = strings.ToLower(strings.TrimSpace(t))
	for _, p := range strings.Split(rest, ";") {
		k, v, ok := strings.Cut(p, "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "charset") {
			return typ, strings.Trim(strings.TrimSpace(v), `"' `)
		}
	}
	return typ, ""
}

// PageError is a failed fetch of a web page: the URL asked for and why.
// Its message names the URL (redacted); Cause is the why alone.
type PageError struct {
	URL string
	Err error
}

func (e *PageError) Error() string {
	return fmt.Sprintf("fetch page %s: %v", redact.Text(e.URL), e.Err)
}

func (e *PageError) Unwrap() error { return e.Err }

// Cause is why the fetch failed, without the URL asked for (see
// PollError.Cause).
func (e *PageError) Cause() error { return clientCause(e.URL, e.Err) }

// Cause is why a poll or a page fetch failed, for a log line that names
// the feed, page and URL in fields of its own: a *PollError's or
// *PageError's Cause. Any other error, including one that wraps those
// with context of its own, is returned whole.
func Cause(err error) error {
	switch e := err.(type) {
	case *PollError:
		return e.Cause()
	case *PageError:
		return e.Cause()
	}
	return err
}

// clientCause leaves the HTTP client's "Get URL:" off an error about the
// URL asked for, and keeps it on one about a redirect's target.
func clientCause(asked string, err error) error {
	if ue, ok := err.(*url.Error); ok && ue.URL == asked {
		return ue.Err
	}
	return err
}
