package feeds

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wirewatch/config"
)

func TestReadOPML(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "opml", "subscriptions.opml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	feeds, err := ReadOPML(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []config.Feed{
		{Name: "Yonhap N. Korea", URL: "https://en.yna.co.kr/RSS/nk.xml"},
		{Name: "38 North", URL: "https://www.38north.org/feed/"},
		{Name: "38 North (2)", URL: "https://www.38north.org/feed/?dup"},
		{Name: "feeds.example.net", URL: "https://feeds.example.net/untitled.xml"},
		{Name: "NK News all – feed", URL: "https://www.nknews.org/feed/"},
	}
	if len(feeds) != len(want) {
		t.Fatalf("got %d feeds: %+v", len(feeds), feeds)
	}
	for i := range want {
		if feeds[i].Name != want[i].Name || feeds[i].URL != want[i].URL {
			t.Errorf("feed %d = %q %q, want %q %q", i, feeds[i].Name, feeds[i].URL, want[i].Name, want[i].URL)
		}
	}
}

func TestReadOPMLRefusesBadURLs(t *testing.T) {
	f, err := os.Open(filepath.Join("testdata", "opml", "bad-url.opml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	feeds, err := ReadOPML(f)
	if err == nil {
		t.Fatalf("no error, feeds %+v", feeds)
	}
	for _, name := range []string{"local file", "relative"} {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("error %q does not name outline %q", err, name)
		}
	}
	if _, err := ReadOPML(strings.NewReader("<html><body>not opml</body></html>")); err == nil {
		t.Error("HTML accepted as OPML")
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	in := []config.Feed{
		{Name: "연합뉴스 북한", URL: "https://www.yna.co.kr/rss/northkorea.xml"},
		{Name: `Quotes "&" <brackets>`, URL: "https://example.com/feed?a=1&b=2"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, in); err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := WriteOPML(&again, in); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Error("WriteOPML is not deterministic")
	}
	out, err := ReadOPML(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("read back: %v\n%s", err, buf.String())
	}
	if len(out) != len(in) {
		t.Fatalf("read back %d feeds", len(out))
	}
	for i := range in {
		if out[i].URL != in[i].URL {
			t.Errorf("url %d = %q, want %q", i, out[i].URL, in[i].URL)
		}
	}
	if out[0].Name != in[0].Name {
		t.Errorf("name = %q", out[0].Name)
	}
}

// TestReadOPMLSaysWhatAFileIs: a file that is not OPML is refused with what
// it is, not with the XML decoder's "EOF".
func TestReadOPMLSaysWhatAFileIs(t *testing.T) {
	tests := []struct {
		name, content, want string
	}{
		{"empty", "", "the file is empty"},
		{"blank", "\n  \n", "the file is empty"},
		{"html", "<!DOCTYPE html>\n<html><head><meta charset=utf-8><title>My Reader – Sign in</title></head><body><p>Hi</p></body></html>",
			`an HTML page ("My Reader – Sign in")`},
		{"html without title", "<html><body>x</body></html>", "an HTML page; export"},
		{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>`, "an RSS feed, a feed itself"},
		{"rss 1.0", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>`, "an RSS feed"},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title></feed>`, "an Atom feed"},
		{"json feed", `{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": []}`, "a JSON Feed"},
		{"json", `[{"url": "https://example.org/feed"}]`, "JSON; OPML is XML"},
		{"text", "https://example.org/feed\nhttps://example.net/rss\n", "plain text; OPML is XML"},
		{"other xml", `<?xml version="1.0"?><subscriptions><feed/></subscriptions>`, "XML whose root element is <subscriptions>, not <opml>"},
		{"png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a binary file (image/png)"},
		{"zip", "PK\x03\x04\x14\x00\x00\x00\x08\x00", "a binary file (application/zip)"},
		{"nul bytes", "\x00\x01\x02\x03garbage", "a binary file"},
		{"xml declaration only", `<?xml version="1.0"?>`, "not XML (no root element)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadOPML(strings.NewReader(tt.content))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
			if err != nil && strings.Contains(err.Error(), "EOF") {
				t.Errorf("error still says EOF: %v", err)
			}
		})
	}
	// An OPML file with a mistake in its XML keeps the decoder's error.
	_, err := ReadOPML(strings.NewReader(`<opml version="2.0"><body><outline xmlUrl="https://a.example/feed"`))
	if err == nil || !strings.Contains(err.Error(), "read OPML") {
		t.Errorf("truncated OPML: %v", err)
	}
}
