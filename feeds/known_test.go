package feeds

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

func TestItemChunks(t *testing.T) {
	tests := []struct {
		file string
		want []string // the item elements; nil: the document must be refused
	}{
		{"rss-cdata.xml", []string{
			`<item><title><![CDATA[A headline with </item> and <item> in CDATA]]></title><guid>a</guid></item>`,
			`<item rdf:about="x>y" note='it&apos;s'><title>B</title></item>`,
			`<ITEM><title>C</title></ITEM>`,
			`<item/>`,
		}},
		{"atom.xml", []string{`<entry><title>One</title><id>1</id></entry>`, `<entry><title>Two</title><id>2</id></entry>`}},
		{"doctype-plain.xml", []string{`<item><title>A</title></item>`}},
		{"doctype-subset.xml", nil},
		{"nested.xml", nil},
		{"prefixed.xml", nil},
		{"mixed.xml", nil},
		{"truncated.xml", nil},
		{"stray-lt.xml", nil},
		{"unterminated-comment.xml", nil},
		{"json.json", nil},
		{"rss-root-items.xml", nil}, // gofeed reads the channel's items first
		{"rss-two-channels.xml", nil},
		{"after-root.xml", nil},
		{"unterminated-item.xml", nil},
		{"rdf.xml", []string{
			`<item rdf:about="https://wire.example.com/1"><title>One</title><link>https://wire.example.com/1</link></item>`,
			`<item rdf:about="https://wire.example.com/2"><title>Two</title><link>https://wire.example.com/2</link></item>`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			doc, err := os.ReadFile(filepath.Join("testdata", "chunks", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			chunks, _, ok := itemChunks(doc)
			if tt.want == nil {
				if ok {
					t.Fatalf("cut into %d items, want refused", len(chunks))
				}
				return
			}
			if !ok {
				t.Fatal("refused")
			}
			var got []string
			for _, c := range chunks {
				got = append(got, string(doc[c[0]:c[1]]))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("items:\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

// skipParity checks what parsing next with what prev's parse left gives
// against parsing next whole: the same records for the next poll and the
// same publishing gap; only items next has that prev had byte for byte are
// missing, and every item present is the same.
func skipParity(t *testing.T, name string, prev, next []byte, contentType string) (skipped int) {
	t.Helper()
	feed := config.Feed{Name: "parity", URL: "https://wire.example.com/feed"}
	now := testNow
	before, err := parseFeed(prev, contentType, feed, feed.URL, nil, now)
	if err != nil {
		return 0
	}
	whole, err := parseFeed(next, contentType, feed, feed.URL, nil, now)
	if err != nil {
		return 0
	}
	cut, err := parseFeed(next, contentType, feed, feed.URL, before.Known, now)
	if err != nil {
		t.Errorf("%s: parsing with known items: %v (whole: ok)", name, err)
		return 0
	}
	// Of a broken document the two parses may see different items (a whole
	// parse of <feed xmlns><entry>…</entry></A> finds none); what must hold
	// even then is below: no new item lost, none changed.
	if wellFormed(next, contentType) {
		if !reflect.DeepEqual(cut.Known, whole.Known) {
			t.Errorf("%s: known items differ:\ncut   %v\nwhole %v", name, cut.Known, whole.Known)
		}
		if cut.Gap != whole.Gap || cut.Title != whole.Title || cut.TTL != whole.TTL {
			t.Errorf("%s: gap %v title %q ttl %v, whole: %v %q %v", name, cut.Gap, cut.Title, cut.TTL, whole.Gap, whole.Title, whole.TTL)
		}
	}
	byKey := make(map[string]model.Item, len(whole.Items))
	for _, it := range whole.Items {
		byKey[it.Key] = it
	}
	for _, it := range cut.Items {
		if w, ok := byKey[it.Key]; !ok || !reflect.DeepEqual(w, it) {
			t.Errorf("%s: item %q differs from the whole parse's (found %v)", name, it.Key, ok)
		}
	}
	// An item is new when the last document did not have its key. One
	// exception: a whole parse re-keys an old item (keyed by its GUID) when
	// another item now repeats that GUID, which is not news (and is not
	// posted again when the old item is skipped).
	old := make(map[string]bool, len(before.Items))
	rekeyable := make(map[string]bool)
	for _, it := range before.Items {
		old[it.Key] = true
		if strings.HasPrefix(it.Key, "guid:") {
			rekeyable[it.Title+"\x00"+it.Link+"\x00"+it.Text] = true
		}
	}
	got := make(map[string]bool, len(cut.Items))
	for _, it := range cut.Items {
		got[it.Key] = true
	}
	for _, it := range whole.Items {
		rekeyed := !strings.HasPrefix(it.Key, "guid:") && rekeyable[it.Title+"\x00"+it.Link+"\x00"+it.Text]
		if !old[it.Key] && !got[it.Key] && !rekeyed {
			t.Errorf("%s: new item %q (%q) was skipped", name, it.Key, it.Title)
		}
	}
	return cut.Skipped
}

// wellFormed reports whether body, decoded to UTF-8, is well-formed XML.
func wellFormed(body []byte, contentType string) bool {
	text, _ := DecodeUTF8(body, contentType)
	d := xml.NewDecoder(bytes.NewReader(text))
	d.Strict = true
	sawRoot := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return sawRoot
		}
		if err != nil {
			return false
		}
		if _, ok := tok.(xml.StartElement); ok {
			sawRoot = true
		}
	}
}

func TestParseSkipsKnownItems(t *testing.T) {
	withGUIDs := func(guids ...string) []byte {
		var b bytes.Buffer
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><ttl>15</ttl>`)
		for i, g := range guids {
			fmt.Fprintf(&b, `<item><title>Report %d</title><link>https://wire.example.com/%d</link><guid>%s</guid><pubDate>%s</pubDate></item>`,
				i, i, g, testNow.Add(-time.Duration(i+1)*time.Hour).Format(time.RFC1123Z))
		}
		b.WriteString(`</channel></rss>`)
		return b.Bytes()
	}
	tests := []struct {
		name        string
		prev, next  []byte
		wantSkipped int
	}{
		{"new items on top", feedXML(3, 5), feedXML(1, 7), 5},
		{"nothing known", feedXML(1, 3), feedXML(10, 3), 0},
		{"same document", feedXML(1, 4), feedXML(1, 4), 4},
		{"edited item", feedXML(1, 2), bytes.Replace(feedXML(1, 2), []byte("Body of report 1."), []byte("Body of report 1, updated."), 1), 1},
		{"items dropped", feedXML(1, 6), feedXML(1, 2), 2},
		// The new item repeats a GUID a known item has: both must lose it
		// as their key, as in a whole parse.
		{"repeated guid", withGUIDs("a", "b"), withGUIDs("a", "b", "b"), 2},
		{"atom", atomDoc(2, 3), atomDoc(1, 4), 3},
		// The new item sits where gofeed does not look for items: the cut
		// document has none for gofeed, so the whole one is parsed.
		{"fallback", feedXML(1, 2), bytes.Replace(feedXML(1, 2), []byte("</channel>"), []byte("<extra><item><title>C</title><guid>c</guid></item></extra></channel>"), 1), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := skipParity(t, tt.name, tt.prev, tt.next, "application/rss+xml"); got != tt.wantSkipped {
				t.Errorf("skipped %d items, want %d", got, tt.wantSkipped)
			}
		})
	}
}

func atomDoc(first, n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>`)
	for i := first; i < first+n; i++ {
		fmt.Fprintf(&b, `<entry><title>Entry %d</title><id>urn:e:%d</id><link href="https://wire.example.com/e/%d"/><updated>%s</updated></entry>`,
			i, i, i, testNow.Add(-time.Duration(i)*time.Hour).Format(time.RFC3339))
	}
	b.WriteString(`</feed>`)
	return []byte(b.String())
}

// TestCorpusSkipsKnownItems runs the parity check over the feedparser
// corpus: each document that can be cut is parsed again after itself (every
// item known) and, with two items or more, after itself without its first
// item element.
func TestCorpusSkipsKnownItems(t *testing.T) {
	files := loadCorpus(t, corpusDir(t))
	cutDocs, skippedAny := 0, 0
	for _, f := range files {
		chunks, _, ok := itemChunks(f.body)
		if !ok || len(chunks) == 0 {
			continue
		}
		cutDocs++
		ct := f.headers.Get("Content-Type")
		if skipParity(t, f.rel+" (again)", f.body, f.body, ct) > 0 {
			skippedAny++
		}
		if len(chunks) >= 2 {
			prev := slices.Concat(f.body[:chunks[0][0]], f.body[chunks[0][1]:])
			skipParity(t, f.rel+" (one new)", prev, f.body, ct)
		}
	}
	t.Logf("%d of %d corpus documents could be cut; %d skipped their known items when parsed again", cutDocs, len(files), skippedAny)
	// A cut that falls back to whole parses is safe but useless: nearly
	// every document that can be cut should be parsed without its items.
	if skippedAny*100 < cutDocs*95 {
		t.Errorf("only %d of %d documents skipped their known items", skippedAny, cutDocs)
	}
}

// TestKnownAcrossGenerations polls one feed four times, a new item each
// time and the clock moving on, keeping what each cut parse left: the
// records and the publishing gap must stay those of a whole parse. One
// item is dated 90 minutes ahead at first (not a publication time yet) and
// counts once the clock has passed it.
func TestKnownAcrossGenerations(t *testing.T) {
	feed := config.Feed{Name: "gens", URL: "https://wire.example.com/feed"}
	doc := func(gen int, now time.Time) []byte {
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>`)
		for i := gen; i >= 0; i-- {
			fmt.Fprintf(&b, `<item><title>Report %d</title><link>https://wire.example.com/%d</link><guid>g%d</guid><pubDate>%s</pubDate></item>`,
				i, i, i, testNow.Add(time.Duration(i)*time.Hour).Format(time.RFC1123Z))
		}
		b.WriteString(`<item><title>Scheduled</title><guid>s</guid><pubDate>` + testNow.Add(90*time.Minute).Format(time.RFC1123Z) + `</pubDate></item>`)
		b.WriteString(`</channel></rss>`)
		return []byte(b.String())
	}
	var known []model.KnownItem
	for gen := range 4 {
		now := testNow.Add(time.Duration(gen) * time.Hour)
		body := doc(gen, now)
		whole, err := parseFeed(body, "application/rss+xml", feed, feed.URL, nil, now)
		if err != nil {
			t.Fatal(err)
		}
		cut, err := parseFeed(body, "application/rss+xml", feed, feed.URL, known, now)
		if err != nil {
			t.Fatal(err)
		}
		if gen > 0 && (cut.Skipped != gen+1 || len(cut.Items) != 1) {
			t.Errorf("generation %d: %d skipped, %d parsed; want %d and 1", gen, cut.Skipped, len(cut.Items), gen+1)
		}
		if !reflect.DeepEqual(cut.Known, whole.Known) || cut.Gap != whole.Gap {
			t.Errorf("generation %d: known %v gap %v, whole parse %v %v", gen, cut.Known, cut.Gap, whole.Known, whole.Gap)
		}
		known = cut.Known
	}
}

// TestGapCountsRepeatsOnce: an item repeated in a document counts once in
// the publishing gap, whether parsed or skipped.
func TestGapCountsRepeatsOnce(t *testing.T) {
	item := func(i int) string {
		return fmt.Sprintf(`<item><title>Report %d</title><link>https://wire.example.com/%d</link><guid>g%d</guid><pubDate>%s</pubDate></item>`,
			i, i, i, testNow.Add(-time.Duration(i)*time.Hour).Format(time.RFC1123Z))
	}
	doc := func(items ...string) []byte {
		return []byte(`<rss version="2.0"><channel><title>Wire</title>` + strings.Join(items, "") + `</channel></rss>`)
	}
	feed := config.Feed{Name: "gap", URL: "https://wire.example.com/feed"}
	once, err := parseFeed(doc(item(1), item(2)), "", feed, feed.URL, nil, testNow)
	if err != nil {
		t.Fatal(err)
	}
	twice, err := parseFeed(doc(item(1), item(2), item(2)), "", feed, feed.URL, nil, testNow)
	if err != nil {
		t.Fatal(err)
	}
	again, err := parseFeed(doc(item(1), item(2), item(2)), "", feed, feed.URL, twice.Known, testNow)
	if err != nil {
		t.Fatal(err)
	}
	if twice.Gap != once.Gap || again.Gap != once.Gap {
		t.Errorf("gap with a repeated item %v, skipped %v; want %v", twice.Gap, again.Gap, once.Gap)
	}
}
