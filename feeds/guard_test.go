package feeds

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

func TestCheckAddress(t *testing.T) {
	cases := []struct {
		addr   string
		reason string // "" = allowed
	}{
		{"93.184.216.34", ""},
		{"2606:2800:220:1:248:1893:25c8:1946", ""},
		{"8.8.8.8", ""},
		{"127.0.0.1", "loopback address"},
		{"127.10.20.30", "loopback address"},
		{"::1", "loopback address"},
		{"::ffff:127.0.0.1", "loopback address"},
		{"10.0.0.5", "private address"},
		{"172.16.0.1", "private address"},
		{"172.31.255.255", "private address"},
		{"192.168.1.1", "private address"},
		{"fc00::1", "private address"},
		{"fd12:3456::1", "private address"},
		{"169.254.169.254", "link-local address"},
		{"fe80::1", "link-local address"},
		{"0.0.0.0", "unspecified address"},
		{"::", "unspecified address"},
		{"224.0.0.1", "multicast address"},
		{"ff02::1", "multicast address"},
		{"100.64.0.1", "carrier-grade NAT address"},
		{"100.127.255.254", "carrier-grade NAT address"},
		{"255.255.255.255", "reserved address"},
		{"64:ff9b::a00:1", "NAT64 address"},
		{"64:ff9b:1::a00:1", "local-use NAT64 address"},
		{"64:ff9b:1:ffff:ffff:ffff:ffff:ffff", "local-use NAT64 address"},
		{"168.63.129.16", "cloud host service address"},
		{"::ffff:168.63.129.16", "cloud host service address"},
		{"2002:a00:1::1", "6to4 address"},                          // embeds 10.0.0.1
		{"2002:7f00:1::", "6to4 address"},                          // embeds 127.0.0.1
		{"2002:5db8:d822::1", "6to4 address"},                      // even a public one: refused whole
		{"2001:0:4136:e378:8000:63bf:f5ff:fffe", "Teredo address"}, // client 10.0.0.1
		{"2001::1", "Teredo address"},
		{"fec0::1", "site-local address"},
		{"feff:ffff::1", "site-local address"},
		{"::127.0.0.1", "IPv4-compatible address"},
		{"::a00:1", "IPv4-compatible address"}, // ::10.0.0.1
		{"::1:0:0:1", ""},                      // just past ::/96
		{"172.32.0.1", ""},
		{"100.128.0.1", ""},
		{"168.63.129.15", ""},
		{"168.63.129.17", ""},
		{"64:ff9b:2::a00:1", ""},
		{"2001:1::1", ""}, // just past Teredo's /32
		{"2003::1", ""},
		{"ff00::1", "multicast address"},
	}
	for _, c := range cases {
		err := CheckAddress(netip.MustParseAddr(c.addr))
		switch {
		case c.reason == "" && err != nil:
			t.Errorf("%s refused: %v", c.addr, err)
		case c.reason != "" && (err == nil || !strings.HasSuffix(err.Error(), ": "+c.reason) || !errors.Is(err, ErrForbiddenAddress)):
			t.Errorf("%s: err = %v, want %q", c.addr, err, c.reason)
		}
	}
	want := "refusing to connect to 127.0.0.1: loopback address"
	if err := CheckAddress(netip.MustParseAddr("127.0.0.1")); err.Error() != want {
		t.Errorf("message %q, want %q", err, want)
	}
}

func okServer(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write(feedXML(1, 1))
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestGuardRefusesInternalAddresses(t *testing.T) {
	srv := okServer(t)
	port := mustURL(t, srv.URL).Port()
	client := NewHTTPClient(Options{Timeout: 2 * time.Second}, false)
	cases := []struct{ name, url, want string }{
		{"loopback", srv.URL, "refusing to connect to 127.0.0.1: loopback address"},
		{"localhost name", "http://localhost:" + port + "/", "loopback address"},
		{"private 10/8", "http://10.20.30.40/feed", "refusing to connect to 10.20.30.40: private address"},
		{"metadata", "http://169.254.169.254/latest/meta-data/", "refusing to connect to 169.254.169.254: link-local address"},
		{"ipv6 loopback", "http://[::1]:" + port + "/", "refusing to connect to ::1: loopback address"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, _, _, err := FetchPage(context.Background(), client, c.url, 1<<20)
			if err == nil {
				t.Fatal("connected")
			}
			if strings.Contains(err.Error(), "address family not supported") {
				t.Skip("no IPv6 on this machine")
			}
			if !errors.Is(err, ErrForbiddenAddress) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("err = %v, want %q", err, c.want)
			}
		})
	}
	// The same server is reachable when private addresses are allowed.
	if _, _, _, err := FetchPage(context.Background(), NewHTTPClient(Options{}, true), srv.URL, 1<<20); err != nil {
		t.Errorf("allowPrivate: %v", err)
	}
}

// TestGuardCoversRedirects starts at a server the test exempts from the
// guard; its redirect to another loopback server must be refused at dial time.
func TestGuardCoversRedirects(t *testing.T) {
	target := okServer(t)
	entry := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/to-loopback":
			http.Redirect(w, r, target.URL+"/internal", http.StatusFound)
		case "/to-localhost":
			http.Redirect(w, r, "http://localhost:"+mustURL(t, target.URL).Port()+"/", http.StatusMovedPermanently)
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		case "/to-file":
			http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
		}
	}))
	defer entry.Close()
	exempt := mustURL(t, entry.URL).Host
	control := func(network, address string, _ syscall.RawConn) error {
		if address == exempt {
			return nil
		}
		return checkDialAddress(address)
	}
	opts := Options{Timeout: 2 * time.Second}
	opts.Transport = newTransportWithControl(opts.withDefaults(), control)
	client := NewHTTPClient(opts, false)
	for path, want := range map[string]string{
		"/to-loopback":  "refusing to connect to 127.0.0.1: loopback address",
		"/to-localhost": "loopback address",
		"/to-metadata":  "link-local address",
		"/to-file":      "only http and https",
	} {
		_, _, _, err := FetchPage(context.Background(), client, entry.URL+path, 1<<20)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", path, err, want)
		}
	}
}

func TestPollGuard(t *testing.T) {
	srv := okServer(t)
	f := NewFetcher(Options{Timeout: 2 * time.Second})
	_, err := f.Poll(context.Background(), config.Feed{Name: "intranet", URL: srv.URL}, model.FeedState{}, testNow)
	if !errors.Is(err, ErrForbiddenAddress) || !strings.Contains(err.Error(), `poll feed "intranet"`) {
		t.Fatalf("err = %v", err)
	}
	if _, err := f.Poll(context.Background(), config.Feed{Name: "demo", URL: srv.URL, AllowPrivate: true}, model.FeedState{}, testNow); err != nil {
		t.Fatalf("AllowPrivate feed: %v", err)
	}
}

func TestFetchPage(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/moved":
			http.Redirect(w, r, "/article", http.StatusMovedPermanently)
		case "/article":
			w.Header().Set("Content-Type", "text/html; charset=euc-kr")
			_, _ = w.Write([]byte("<html><body><p>article</p></body></html>"))
		case "/big":
			_, _ = w.Write([]byte(strings.Repeat("x", 5000)))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	client := NewHTTPClient(Options{}, true)
	body, final, ct, err := FetchPage(context.Background(), client, srv.URL+"/moved", 1<<20)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), "article") || final != srv.URL+"/article" || ct != "text/html; charset=euc-kr" {
		t.Errorf("body %q final %q type %q", body, final, ct)
	}
	if _, _, _, err := FetchPage(context.Background(), client, srv.URL+"/big", 1000); !errors.Is(err, ErrTooLarge) {
		t.Errorf("oversize page: %v", err)
	}
	var se *StatusError
	if _, _, _, err := FetchPage(context.Background(), client, srv.URL+"/gone", 1000); !errors.As(err, &se) || se.Code != 404 {
		t.Errorf("404 page: %v", err)
	}
	for _, bad := range []string{"javascript:alert(1)", "file:///etc/passwd", "//no-scheme", ""} {
		if _, _, _, err := FetchPage(context.Background(), client, bad, 1000); err == nil {
			t.Errorf("%q fetched", bad)
		}
	}
}

func mustURL(t *testing.T, raw string) *url.URL {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	return u
}
