package feeds

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
)

// A feed allowed on a private address (allow_private) is trusted for its
// own site only: its polls and its article pages may connect to the feed
// URL's host wherever it resolves, while every other host they lead to,
// by a link or a redirect, goes through the guard. Each such site gets
// clients of its own, so a connection opened past the guard sits in a
// pool that only ever serves that site.

// PageClients hands out the clients that fetch article pages: one guarded
// client for every link, and for an allow_private feed's links on its own
// host a client per feed site (see siteTransport).
type PageClients struct {
	guarded *http.Client
	sites   siteClients
}

// NewPageClients returns the page clients for opts (see NewHTTPClient).
func NewPageClients(opts Options) *PageClients {
	opts = opts.withDefaults()
	return &PageClients{
		guarded: NewHTTPClient(opts, false),
		sites: siteClients{make: func(site *url.URL) *http.Client {
			o := opts
			o.Transport = siteTransport(opts, site)
			return NewHTTPClient(o, false)
		}},
	}
}

// For returns the client for an article link of the feed at feedURL. Only
// a link on the feed's own host and port of an allow_private feed may
// reach a private address; a link elsewhere is untrusted feed content and
// is guarded like any other.
func (c *PageClients) For(feedURL string, allowPrivate bool, link string) *http.Client {
	if !allowPrivate || !SameHost(link, feedURL) {
		return c.guarded
	}
	return c.sites.get(feedURL)
}

// SameHost reports whether two URLs name the same host and port.
func SameHost(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	return err1 == nil && err2 == nil && ua.Host != "" && strings.EqualFold(ua.Host, ub.Host)
}

// siteClients makes and keeps one client per feed site (URL host[:port]).
type siteClients struct {
	make func(site *url.URL) *http.Client

	mu     sync.Mutex
	byHost map[string]*http.Client
}

// get returns the client of feedURL's site; a URL that does not parse gets
// a client that trusts no site.
func (s *siteClients) get(feedURL string) *http.Client {
	u, err := url.Parse(feedURL)
	if err != nil {
		u = &url.URL{}
	}
	key := strings.ToLower(u.Host)
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.byHost[key]
	if !ok {
		if s.byHost == nil {
			s.byHost = map[string]*http.Client{}
		}
		c = s.make(u)
		s.byHost[key] = c
	}
	return c
}

// siteTransport is the guarded transport except that its dialer lets
// connections to site's host through unguarded: on site's own port, or on
// 80 and 443 when site names none (the site over http and https). It
// matches the host as the URL names it, before DNS. opts.Transport, when
// set (tests), is returned as is, as NewHTTPClient does. opts has its
// defaults.
func siteTransport(opts Options, site *url.URL) http.RoundTripper {
	if opts.Transport != nil {
		return opts.Transport
	}
	t := newTransport(opts, false)
	guarded, open := t.DialContext, newDialer(opts, nil).DialContext
	host, port := site.Hostname(), site.Port()
	t.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		h, p, err := net.SplitHostPort(addr)
		if err == nil && host != "" && strings.EqualFold(h, host) && (p == port || port == "" && (p == "80" || p == "443")) {
			return open(ctx, network, addr)
		}
		return guarded(ctx, network, addr)
	}
	return t
}
