package feeds

import (
	"strings"
	"testing"

	"wirewatch/config"
)

// TestParseTruncatedDropsCutItem: a document cut off anywhere inside its
// last item, here one byte into a Hangul character among other places,
// yields the complete items before it, intact (no U+FFFD, no mojibake from
// a charset guessed off the broken tail), and never the cut one; also when
// the items before it were known from the last poll (they are then either
// skipped or parsed again, as the cut of known items allows).
func TestParseTruncatedDropsCutItem(t *testing.T) {
	const decl = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
	titles := []string{"북한, 탄도미사일 발사", "한미 연합훈련 시작", "통일부 성명 발표"}
	rss := func(decl string, n int) string {
		var b strings.Builder
		b.WriteString(decl + `<rss version="2.0"><channel><title>연합뉴스</title>`)
		for i, title := range titles[:n] {
			id := string(rune('1' + i))
			b.WriteString(`<item><title>` + title + `</title><guid>k` + id + `</guid><link>https://news.example.kr/` + id + `</link>` +
				`<description><![CDATA[<p>` + title + ` 보도.</p>]]></description><pubDate>Fri, 04 Dec 2026 09:00:00 +0900</pubDate></item>`)
		}
		return b.String() + `</channel></rss>`
	}
	var atom strings.Builder
	atom.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom"><title>연합뉴스</title>`)
	for i, title := range titles {
		id := string(rune('1' + i))
		atom.WriteString(`<entry><title>` + title + `</title><id>k` + id + `</id><link href="https://news.example.kr/` + id + `"/><updated>2026-12-04T09:00:00+09:00</updated></entry>`)
	}
	atom.WriteString(`</feed>`)
	// cut cuts s extra bytes after the last occurrence of marker.
	cut := func(s, marker string, extra int) string {
		i := strings.LastIndex(s, marker)
		if i < 0 {
			t.Fatalf("marker %q not found", marker)
		}
		return s[:i+len(marker)+extra]
	}
	feed := config.Feed{Name: "연합", URL: "https://news.example.kr/rss"}
	want := strings.Join(titles[:2], " | ")
	for _, tt := range []struct {
		name, body, contentType string
		known                   string // the last poll's document, if any
	}{
		{"one byte into a Hangul title, utf-8 declared", cut(rss(decl, 3), "<title>통일부 ", 1), "", ""},
		{"one byte into a Hangul title, no declaration", cut(rss("", 3), "<title>통일부 ", 1), "", ""},
		{"one byte into a Hangul title, charset in the header", cut(rss("", 3), "<title>통일부 ", 1), "application/rss+xml; charset=utf-8", ""},
		{"two bytes into a Hangul description", cut(rss("", 3), "<p>통일부 성명 ", 2), "", ""},
		{"after a whole Hangul character", cut(rss("", 3), "<title>통일부", 0), "", ""},
		{"inside a tag of the item", cut(rss(decl, 3), "<guid>k3</guid><li", 0), "", ""},
		{"right after the item opens", cut(rss(decl, 3), "<item>", 0), "", ""},
		{"inside the item's end tag", cut(rss(decl, 3), "</it", 0), "", ""},
		{"one byte into a Hangul title, items known", cut(rss(decl, 3), "<title>통일부 ", 1), "", rss(decl, 2)},
		{"one byte into a Hangul title, items known, no declaration", cut(rss("", 3), "<title>통일부 ", 1), "", rss("", 2)},
		{"atom, one byte into a Hangul title", cut(atom.String(), "<title>통일부 ", 1), "", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var known *parsedFeed
			if tt.known != "" {
				var err error
				if known, err = parseFeed([]byte(tt.known), "", feed, feed.URL, nil, testNow); err != nil || len(known.Known) != 2 {
					t.Fatalf("last poll: %v", err)
				}
			}
			if known == nil {
				known = &parsedFeed{}
			}
			pf, err := parseFeed([]byte(tt.body), tt.contentType, feed, feed.URL, known.Known, testNow)
			if err != nil {
				t.Fatal(err)
			}
			checkItemsValid(t, tt.name, pf.Items)
			var got []string
			for _, it := range pf.Items {
				got = append(got, it.Title)
				if strings.ContainsRune(it.Title+it.Text, '\uFFFD') {
					t.Errorf("item %q holds U+FFFD: %q", it.Title, it.Text)
				}
			}
			if tt.known != "" && len(got) == 0 {
				return // the complete items were cut out as known, and the cut one dropped
			}
			if strings.Join(got, " | ") != want {
				t.Errorf("titles %q, want %q", got, want)
			}
		})
	}
}
