package feeds

import "testing"

func TestCanonicalLink(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "https://example.com/a/b", "https://example.com/a/b"},
		{"empty", "", ""},
		{"spaces", "  https://example.com/x  ", "https://example.com/x"},
		{"utm removed", "https://example.com/a?utm_source=rss&utm_medium=feed&id=7", "https://example.com/a?id=7"},
		{"click ids removed", "https://example.com/a?fbclid=IwAR&gclid=1&msclkid=2&yclid=3&mc_cid=4&mc_eid=5", "https://example.com/a"},
		{"params sorted, encoding kept", "https://example.com/s?q=north%20korea&a=1", "https://example.com/s?a=1&q=north%20korea"},
		{"valueless param kept", "https://example.com/p?print&utm_campaign=x", "https://example.com/p?print"},
		{"fragment dropped", "https://example.com/a#comments", "https://example.com/a"},
		{"scheme and host lower-cased", "HTTPS://Example.COM/Path", "https://example.com/Path"},
		{"default port dropped", "http://example.com:80/a", "http://example.com/a"},
		{"https default port dropped", "https://example.com:443/a", "https://example.com/a"},
		{"other port kept", "https://example.com:8443/a", "https://example.com:8443/a"},
		{"user info dropped", "https://user:pw@example.com/a", "https://example.com/a"},
		{"empty path is slash", "https://example.com", "https://example.com/"},
		{"amp cache https", "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/news/1.html?utm_source=x", "https://www.example.com/news/1.html"},
		{"amp cache http", "https://example-com.cdn.ampproject.org/v/example.com/a", "http://example.com/a"},
		{"amp path suffix", "https://example.com/news/1/amp", "https://example.com/news/1/"},
		{"amp path suffix slash", "https://example.com/news/1/amp/", "https://example.com/news/1/"},
		{"amp html", "https://example.com/news/1.amp.html", "https://example.com/news/1.html"},
		{"amp query", "https://example.com/news/1?amp=1&id=2", "https://example.com/news/1?id=2"},
		{"outputType amp", "https://example.com/n?outputType=amp", "https://example.com/n"},
		{"ref to own host", "https://www.example.com/a?ref=example.com", "https://www.example.com/a"},
		{"ref elsewhere kept", "https://example.com/a?ref=v2", "https://example.com/a?ref=v2"},
		{"yonhap id kept", "https://en.yna.co.kr/view/AEN20251107001351315?section=nk/nk", "https://en.yna.co.kr/view/AEN20251107001351315?section=nk/nk"},
		{"javascript refused", "javascript:alert(1)", ""},
		{"mailto refused", "mailto:desk@example.com", ""},
		{"ftp refused", "ftp://example.com/file", ""},
		{"relative refused", "/news/1", ""},
		{"data refused", "data:text/html,hi", ""},
		{"no host refused", "https:///path", ""},
		{"ipv6 default port", "http://[::1]:80/a", "http://[::1]/a"},
		{"idempotent input", "https://example.com/a?b=2&c=3", "https://example.com/a?b=2&c=3"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := CanonicalLink(c.in)
			if got != c.want {
				t.Fatalf("CanonicalLink(%q) = %q, want %q", c.in, got, c.want)
			}
			if got != "" && CanonicalLink(got) != got {
				t.Errorf("not idempotent: %q -> %q", got, CanonicalLink(got))
			}
		})
	}
}
