package bot

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// TestAPIBase: requests to Discord's REST API go to the base address with
// their path after /api, escaping and query kept; other requests (the CDN,
// discord.com outside /api) pass to the next transport unchanged; the
// response carries the original request.
func TestAPIBase(t *testing.T) {
	var mu sync.Mutex
	var got []string
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.Method+" "+r.URL.RequestURI()+" auth="+r.Header.Get("Authorization"))
		mu.Unlock()
		io.WriteString(w, "{}")
	}))
	defer proxy.Close()
	var passed []string
	next := roundTripFunc(func(req *http.Request) (*http.Response, error) {
		if req.URL.Host == proxy.Listener.Addr().String() {
			return http.DefaultTransport.RoundTrip(req)
		}
		passed = append(passed, req.URL.String())
		return nil, errors.New("not the proxy")
	})

	tests := []struct {
		base, url string
		want      string // what the proxy saw; "" when the request passes unchanged
	}{
		{proxy.URL + "/api", "https://discord.com/api/v9/channels/1/messages?limit=5", "GET /api/v9/channels/1/messages?limit=5 auth=Bot x"},
		{proxy.URL + "/api/", "https://discord.com/api/v9/gateway", "GET /api/v9/gateway auth=Bot x"},
		{proxy.URL, "https://discord.com/api/v10/channels/1/messages/2/reactions/%F0%9F%91%8D/@me", "GET /v10/channels/1/messages/2/reactions/%F0%9F%91%8D/@me auth=Bot x"},
		{proxy.URL + "/discord", "https://DISCORD.com/api", "GET /discord auth=Bot x"},
		{proxy.URL + "/api", "https://cdn.discordapp.com/avatars/1/2.png", ""},
		{proxy.URL + "/api", "https://discord.com/apix/v9/gateway", ""},
		{proxy.URL + "/api", "http://discord.com/api/v9/gateway", ""},
		{proxy.URL + "/api", "https://discord.com.evil.example/api/v9/gateway", ""},
	}
	for _, tt := range tests {
		mu.Lock()
		got, passed = nil, nil
		mu.Unlock()
		rt, err := NewAPIBase(next, tt.base)
		if err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequest("GET", tt.url, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Authorization", "Bot x")
		resp, err := rt.RoundTrip(req)
		mu.Lock()
		seen := strings.Join(got, ", ")
		mu.Unlock()
		if tt.want == "" {
			if err == nil || len(passed) != 1 || passed[0] != tt.url || seen != "" {
				t.Errorf("%s via %s: passed %q, proxy saw %q, err %v; want it passed unchanged", tt.url, tt.base, passed, seen, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s via %s: %v", tt.url, tt.base, err)
			continue
		}
		resp.Body.Close()
		if seen != tt.want {
			t.Errorf("%s via %s: proxy saw %q, want %q", tt.url, tt.base, seen, tt.want)
		}
		if resp.Request != req {
			t.Errorf("%s: the response carries %v, want the original request", tt.url, resp.Request.URL)
		}
	}
}

func TestNewAPIBaseRefuses(t *testing.T) {
	for _, base := range []string{"", "proxy:8080", "ftp://proxy/api", "http://u:p@proxy/api", "http://proxy/api?k=v", "http://%zz"} {
		if _, err := NewAPIBase(nil, base); err == nil {
			t.Errorf("NewAPIBase(%q) accepted it", base)
		}
	}
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
