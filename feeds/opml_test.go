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
