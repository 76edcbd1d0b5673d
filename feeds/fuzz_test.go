package feeds

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"wirewatch/config"
)

// FuzzParse feeds arbitrary bytes and Content-Types through DecodeUTF8 and
// Parse: no panic, and every item keeps the guarantees later stages rely on.
// Run: go test ./feeds -run '^$' -fuzz FuzzParse -fuzztime 60s
func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, "application/rss+xml")
			f.Add(b, "text/xml; charset=euc-kr")
		}
	}
	f.Add([]byte(`<rss><channel><item><title>x</title></item>`), "")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1"}]}`), "application/json")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		out, _ := DecodeUTF8(body, contentType)
		if !utf8.Valid(out) {
			t.Fatalf("DecodeUTF8 returned invalid UTF-8")
		}
		feed := config.Feed{Name: "fuzz", URL: "https://fuzz.example/feed"}
		title, items, err := Parse(body, contentType, feed, testNow)
		if err != nil {
			if items != nil || title != "" {
				t.Fatalf("error with results: %v", err)
			}
			return
		}
		if !utf8.ValidString(title) || len(title) > maxTitleBytes {
			t.Fatalf("bad feed title %q", title)
		}
		for _, it := range items {
			if !utf8.ValidString(it.Title) || !utf8.ValidString(it.Text) || !utf8.ValidString(it.Author) || !utf8.ValidString(it.Key) {
				t.Fatalf("invalid UTF-8 in item %+v", it)
			}
			if len(it.Title) > maxTitleBytes || len(it.Text) > maxTextBytes || len(it.Author) > maxAuthorBytes {
				t.Fatalf("item over caps: title %d text %d", len(it.Title), len(it.Text))
			}
			if it.Link != "" && !strings.HasPrefix(it.Link, "http://") && !strings.HasPrefix(it.Link, "https://") {
				t.Fatalf("non-http link %q", it.Link)
			}
			if it.Key == "" || it.Feed != "fuzz" || it.Published.IsZero() || it.Published.After(testNow.Add(futureSlack)) {
				t.Fatalf("bad item %+v", it)
			}
		}
	})
}

// FuzzSkipKnown parses a document after another with the known items of
// the first skipped, and checks it against parsing it whole (skipParity):
// the cut must never lose a new item or change one.
// Run: go test ./feeds -run '^$' -fuzz FuzzSkipKnown -fuzztime 60s
func FuzzSkipKnown(f *testing.F) {
	f.Add(feedXML(3, 4), feedXML(1, 6))
	f.Add(feedXML(1, 2), feedXML(1, 2))
	f.Add(atomDoc(2, 2), atomDoc(1, 3))
	paths, _ := filepath.Glob(filepath.Join("testdata", "chunks", "*.xml"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b, b)
		}
	}
	f.Fuzz(func(t *testing.T, prev, next []byte) {
		skipParity(t, "fuzz", prev, next, "application/rss+xml")
	})
}

// FuzzReadOPML: any bytes give feeds or an error, never a panic, and every
// feed read has a name and an absolute http(s) URL.
// Run: go test ./feeds -run '^$' -fuzz FuzzReadOPML -fuzztime 60s
func FuzzReadOPML(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*", "*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(""))
	f.Add([]byte("<html><title>x</title></html>"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		list, err := ReadOPML(strings.NewReader(string(raw)))
		if err != nil {
			return
		}
		for _, fd := range list {
			if fd.Name == "" || !(strings.HasPrefix(fd.URL, "http://") || strings.HasPrefix(fd.URL, "https://")) {
				t.Fatalf("feed %+v", fd)
			}
		}
	})
}
