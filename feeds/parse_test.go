package feeds

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

var testNow = time.Date(2025, 11, 8, 1, 30, 0, 0, time.UTC)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func parseFixture(t *testing.T, name, contentType string) (string, []model.Item) {
	t.Helper()
	feed := config.Feed{Name: "test", URL: "https://wire.example.com/rss.xml"}
	title, items, err := Parse(readFixture(t, name), contentType, feed, testNow)
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	checkItemsValid(t, name, items)
	return title, items
}

func TestParseEUCKRWithoutDeclaration(t *testing.T) {
	body := readFixture(t, "euckr-nodecl.xml")
	// Neither the HTTP header nor the document names the charset.
	title, items := parseFixture(t, "euckr-nodecl.xml", "application/rss+xml")
	if title != "북한 소식" {
		t.Errorf("title = %q, want 북한 소식", title)
	}
	if len(items) != 2 {
		t.Fatalf("got %d items, want 2", len(items))
	}
	if want := `북한, 동해상으로 탄도미사일 발사…합참 "추가 도발 대비"`; items[0].Title != want {
		t.Errorf("item title = %q, want %q", items[0].Title, want)
	}
	if !strings.HasPrefix(items[0].Text, "합동참모본부는 7일 북한이") {
		t.Errorf("item text = %q", items[0].Text)
	}
	if items[0].Lang != "ko" {
		t.Errorf("lang = %q, want ko", items[0].Lang)
	}
	// KST in the pubDate is +09:00, not UTC.
	if want := time.Date(2025, 11, 7, 3, 41, 0, 0, time.UTC); !items[0].Published.Equal(want) {
		t.Errorf("published = %v, want %v", items[0].Published, want)
	}
	// The same bytes labelled by the server parse the same way.
	_, labelled, err := Parse(body, "text/xml; charset=euc-kr", config.Feed{Name: "test"}, testNow)
	if err != nil || len(labelled) != 2 || labelled[0].Title != items[0].Title {
		t.Errorf("with HTTP charset: %v %+v", err, labelled)
	}
}

func TestParseUTF16WithBOM(t *testing.T) {
	title, items := parseFixture(t, "utf16le-bom.xml", "application/atom+xml")
	if title != "防衛ニュース" {
		t.Errorf("title = %q", title)
	}
	if len(items) != 1 {
		t.Fatalf("got %d items, want 1", len(items))
	}
	it := items[0]
	if it.Title != "北朝鮮が弾道ミサイル発射、EEZ外に落下か" {
		t.Errorf("item title = %q", it.Title)
	}
	if it.Text != "防衛省によると、北朝鮮は7日午後、弾道ミサイル 1発 を発射した。" && it.Text != "防衛省によると、北朝鮮は7日午後、弾道ミサイル1発を発射した。" {
		t.Errorf("text = %q", it.Text)
	}
	if it.Link != "https://defense.example.jp/news/2025/11/07/missile.html" {
		t.Errorf("link = %q (AMP page not unwrapped)", it.Link)
	}
	if it.Key != "guid:test:tag:defense.example.jp,2025:missile-1107" {
		t.Errorf("key = %q", it.Key)
	}
	if it.Author != "防衛省担当" || it.Lang != "ja" {
		t.Errorf("author %q lang %q", it.Author, it.Lang)
	}
}

func TestParseDates(t *testing.T) {
	_, items := parseFixture(t, "kst.xml", "")
	want := map[string]time.Time{
		"named zone KST": time.Date(2025, 11, 7, 3, 41, 0, 0, time.UTC),
		"named zone JST": time.Date(2025, 11, 7, 3, 41, 0, 0, time.UTC),
		"numeric offset": time.Date(2025, 11, 7, 3, 41, 0, 0, time.UTC),
		"dotted local":   time.Date(2025, 11, 7, 12, 41, 0, 0, time.UTC), // no zone, feed has no Location: UTC
		"no date":        testNow,
		"far future":     testNow,
	}
	if len(items) != len(want) {
		t.Fatalf("got %d items", len(items))
	}
	for _, it := range items {
		if !it.Published.Equal(want[it.Title]) {
			t.Errorf("%s: published %v, want %v", it.Title, it.Published, want[it.Title])
		}
		if !it.FirstSeen.Equal(testNow) {
			t.Errorf("%s: first seen %v", it.Title, it.FirstSeen)
		}
	}
	// With the outlet's location, a zone-less date is read in it.
	kst := time.FixedZone("KST", 9*3600)
	_, items, err := Parse(readFixture(t, "kst.xml"), "", config.Feed{Name: "k", Location: kst}, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 11, 7, 3, 41, 0, 0, time.UTC); !items[3].Published.Equal(want) {
		t.Errorf("dotted local in KST: %v, want %v", items[3].Published, want)
	}
}

func TestParseRSS2Normalization(t *testing.T) {
	title, items := parseFixture(t, "rss2.xml", "application/rss+xml; charset=utf-8")
	if title != "Peninsula Wire & Analysis" {
		t.Errorf("title = %q", title)
	}
	if len(items) != 4 {
		t.Fatalf("got %d items", len(items))
	}
	first := items[0]
	checks := []struct{ name, got, want string }{
		{"title", first.Title, "(LEAD) N. Korea fires ballistic missile into East Sea: JCS"},
		{"link", first.Link, "https://wire.example.com/view/AEN20251107001351315?section=nk/nk"},
		{"key", first.Key, "guid:test:AEN20251107001351315"},
		{"author", first.Author, "Kim Soo-yeon"},
		{"text", first.Text, `SEOUL, Nov. 7 (Wirewatch) -- North Korea fired a short-range ballistic missile into the East Sea on Friday, the Joint Chiefs of Staff (JCS) said.` + "\n" + `The launch came days after the trilateral "Freedom Edge" exercise.`},
		{"categories", strings.Join(first.Categories, "|"), "North Korea|Defense"},
		{"lang", first.Lang, "en"},
		{"amp link", items[1].Link, "https://wire.example.com/view/AEN20251106004200315/"},
		{"link key", items[1].Key, "link:https://wire.example.com/view/AEN20251106004200315/"},
		{"relative link", items[3].Link, "https://wire.example.com/view/AEN20251105000900315"},
		{"title from text", items[3].Title, "An item with a relative link and no title: the text stands in for it when a feed forgets the headline entirely, as some…"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if !strings.HasPrefix(items[2].Key, "hash:") || items[2].Link != "" {
		t.Errorf("item without guid and link: key %q link %q", items[2].Key, items[2].Link)
	}
	// Keys are stable: the same document gives the same keys.
	_, again := parseFixture(t, "rss2.xml", "")
	for i := range items {
		if items[i].Key != again[i].Key {
			t.Errorf("key %d changed: %q then %q", i, items[i].Key, again[i].Key)
		}
	}
}

func TestParseAtomAndJSON(t *testing.T) {
	title, items := parseFixture(t, "atom.xml", "application/atom+xml")
	if title != "Joint Staff releases" {
		t.Errorf("atom title = %q", title)
	}
	if len(items) != 3 {
		t.Fatalf("got %d atom items", len(items))
	}
	if items[0].Link != "https://staff.example.mil/releases/1107" {
		t.Errorf("atom link = %q", items[0].Link)
	}
	// Two entries share an id: it identifies nothing, so their links do.
	if items[1].Key != "link:https://staff.example.mil/releases/dup-1" || items[2].Key != "link:https://staff.example.mil/releases/dup-2" {
		t.Errorf("duplicate-id keys: %q %q", items[1].Key, items[2].Key)
	}

	title, items = parseFixture(t, "jsonfeed.json", "application/feed+json")
	if title != "Straits Monitor" || len(items) != 1 {
		t.Fatalf("json: %q, %d items", title, len(items))
	}
	it := items[0]
	if it.Title != `KCNA: drills are "rehearsal for invasion"` || it.Text != "Pyongyang’s KCNA called the drills a rehearsal." {
		t.Errorf("json title %q text %q", it.Title, it.Text)
	}
	if it.Link != "https://monitor.example.org/2025/11/07/kcna-statement?page=2" || it.Lang != "en" || it.Author != "Monitor Desk" {
		t.Errorf("json link %q lang %q author %q", it.Link, it.Lang, it.Author)
	}
}

func TestParseRejectsNonFeeds(t *testing.T) {
	feed := config.Feed{Name: "x"}
	cases := []struct {
		name string
		body []byte
		want error
	}{
		{"html login page", readFixture(t, "login.html"), ErrNotFeed},
		{"empty", []byte("  \n"), ErrEmptyBody},
		{"garbage", []byte("\x00\x01\x02 not xml at all \xff\xfe\xfd"), ErrNotFeed},
		{"plain text", []byte("Service Unavailable"), ErrNotFeed},
		{"unknown xml root", []byte(`<?xml version="1.0"?><sitemap><url/></sitemap>`), ErrNotFeed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, items, err := Parse(c.body, "text/html", feed, testNow)
			if !errors.Is(err, c.want) {
				t.Fatalf("err = %v, want %v", err, c.want)
			}
			if items != nil {
				t.Errorf("items = %v", items)
			}
		})
	}
}

// TestParseTruncatedKeepsCompleteItems: the items before the cut are kept,
// the one it fell in is not.
func TestParseTruncatedKeepsCompleteItems(t *testing.T) {
	_, items := parseFixture(t, "truncated.xml", "")
	if len(items) != 2 || items[0].Title != "First complete item" || items[1].Title != "Second complete item" {
		t.Fatalf("items = %+v", items)
	}
}

func TestParseCapsSizes(t *testing.T) {
	long := strings.Repeat("북한 ", 200)                      // 1,400 bytes
	text := strings.Repeat("<p>word &amp; word</p>", 20000) // far over 100 KB
	body := `<rss version="2.0"><channel><title>t</title><item><title>` + long + `</title><guid>` +
		strings.Repeat("g", 2000) + `</guid><description><![CDATA[` + text + `]]></description></item></channel></rss>`
	_, items, err := Parse([]byte(body), "", config.Feed{Name: "f"}, testNow)
	if err != nil || len(items) != 1 {
		t.Fatalf("%v, %d items", err, len(items))
	}
	it := items[0]
	if len(it.Title) > maxTitleBytes || len(it.Title) < maxTitleBytes-8 {
		t.Errorf("title is %d bytes", len(it.Title))
	}
	if len(it.Text) > maxTextBytes || len(it.Text) < maxTextBytes-16 {
		t.Errorf("text is %d bytes", len(it.Text))
	}
	if !strings.HasPrefix(it.Key, "guid:f:sha256:") || len(it.Key) > 100 {
		t.Errorf("long guid key = %q", it.Key)
	}
	checkItemsValid(t, "caps", items)
}

func TestDecodeUTF8(t *testing.T) {
	cases := []struct {
		name, contentType string
		body              []byte
		wantEnc           string
		wantContains      string
	}{
		{"utf-8 body with lying euc-kr declaration", "", []byte(`<?xml version="1.0" encoding="euc-kr"?><rss><channel><title>북한</title></channel></rss>`), "utf-8", "북한"},
		{"windows-1252 from http header", "text/xml; charset=windows-1252", []byte("<rss><title>\x93quoted\x94 \xa3</title></rss>"), "windows-1252", "“quoted” £"},
		{"latin-1 from declaration", "", []byte("<?xml version='1.0' encoding='iso-8859-1'?><rss><title>caf\xe9</title></rss>"), "windows-1252", "café"},
		{"quoted charset parameter", "application/xml;charset= 'iso-8859-1'", []byte("<rss><title>caf\xe9</title></rss>"), "windows-1252", "café"},
		{"utf-16be without bom", "", []byte("\x00<\x00r\x00s\x00s\x00>"), "utf-16be", "<rss>"},
		{"utf-32le with bom", "", []byte("\xff\xfe\x00\x00<\x00\x00\x00a\x00\x00\x00"), "utf-32le", "<a"},
		{"utf-8 bom", "", []byte("\xef\xbb\xbf<rss/>"), "utf-8", "<rss/>"},
		{"html meta charset", "text/html", []byte("<html><head><meta charset=\"euc-kr\"></head><body>\xba\xcf\xc7\xd1</body></html>"), "euc-kr", "북한"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, enc := DecodeUTF8(c.body, c.contentType)
			if enc != c.wantEnc {
				t.Errorf("encoding = %q, want %q", enc, c.wantEnc)
			}
			if !strings.Contains(string(out), c.wantContains) {
				t.Errorf("output %q lacks %q", out, c.wantContains)
			}
			if c.contentType != "text/html" && strings.Contains(strings.ToLower(string(out)), "euc-kr") || strings.Contains(strings.ToLower(string(out)), "iso-8859-1") {
				t.Errorf("declaration not rewritten: %q", out)
			}
		})
	}
}

// TestDecodeUTF8Deterministic: bytes whose charset must be guessed, with
// guesses tied (a fuzzer found these), decode the same way every time, or
// the same item would get two keys on two polls.
func TestDecodeUTF8Deterministic(t *testing.T) {
	body := []byte("<?F+$?><rss>nnnkb<item><title>\x8c080*07A>")
	first, firstEnc := DecodeUTF8(body, "application/rss+xml")
	for range 200 {
		out, enc := DecodeUTF8(body, "application/rss+xml")
		if enc != firstEnc || !bytes.Equal(out, first) {
			t.Fatalf("decoded as %s %q, earlier as %s %q", enc, out, firstEnc, first)
		}
	}
}

func TestPlainParagraphs(t *testing.T) {
	cases := []struct{ in, want string }{
		{"<p>a</p><p>b</p>", "a\nb"},
		{"<p>Lead.</p>\n\n<p><em>image credit : AP</em></p><p>Also read this: X</p>", "Lead.\nimage credit : AP\nAlso read this: X"},
		{"one<br/>two  \n  three", "one\ntwo\nthree"},
		{"  spaced   words \t here ", "spaced words here"},
		{"<div><p>nested</p></div>", "nested"},
		{"line\u2028sep", "line\nsep"},
		{"plain text\n\nwith paragraphs", "plain text\nwith paragraphs"},
	}
	for _, c := range cases {
		if got := PlainParagraphs(c.in, 0); got != c.want {
			t.Errorf("PlainParagraphs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain", "plain"},
		{"  many \n\t spaces  ", "many spaces"},
		{"<p>a</p><p>b</p>", "a b"},
		{"AT&amp;T &lt;tag&gt; &#8230;", "AT&T <tag> …"},
		{"AT&T and a < b", "AT&T and a < b"},
		{"<script>alert(1)</script>text<style>p{}</style>", "text"},
		{"zero\u200bwidth\x07bell", "zerowidthbell"},
		{"&amp;amp;", "&amp;"},
		{`<a href="x>y" title='a>b'>link</a> after`, "link after"},
		{"one<br/>two<BR>three", "one two three"},
		{"keep <!-- a comment --> this", "keep this"},
		{"<SCRIPT type=x>bad()</script >good", "good"},
		{"text <unterminated tag", "text"},
		{"<p>caf&eacute; &#xAC00;&#44032;</p>", "café 가가"},
		{"1 <2 and 3> 2", "1 <2 and 3> 2"},
		{"<![CDATA[x]]>after", "after"},
		{"<object>fallback text</object>", "fallback text"},
	}
	for _, c := range cases {
		if got := PlainText(c.in, 0); got != c.want {
			t.Errorf("PlainText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := PlainText("가나다라", 7); got != "가나" {
		t.Errorf("cap at rune boundary: %q", got)
	}
}
