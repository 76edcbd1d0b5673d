package summarize

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode"

	"golang.org/x/net/html"

	"wirewatch/feeds"
)

// Article is an article page reduced to its main text.
type Article struct {
	URL   string // where the page was found, after redirects
	Title string // the page's title, as its metadata gives it
	Text  string // main text after cleaning, paragraphs as lines, capped like feed text
}

// ErrNotHTML says a link led to something other than a web page.
var ErrNotHTML = errors.New("not a web page")

// FetchArticle fetches an article page through client, repairs its charset,
// extracts and cleans its main text, and caps it the way feed text is
// capped (feeds.MaxTextBytes, no control characters). It is the one place
// that turns a link into article text: the pipeline (full text for
// teasers), /summary and the command line all use it. The client is the
// caller's and must carry the address guard (feeds.NewHTTPClient).
func FetchArticle(ctx context.Context, client *http.Client, link string, maxBytes int64) (Article, error) {
	body, final, ctype, err := feeds.FetchPage(ctx, client, link, maxBytes)
	if err != nil {
		return Article{}, err
	}
	if mt, _, _ := mime.ParseMediaType(ctype); mt != "" && mt != "text/html" && mt != "application/xhtml+xml" {
		return Article{}, fmt.Errorf("article %s: %s: %w", final, mt, ErrNotHTML)
	}
	return ReadArticle(body, ctype, final)
}

// ReadArticle is FetchArticle for a page already in hand (a file, stdin):
// contentType may be "" when unknown.
func ReadArticle(page []byte, contentType, pageURL string) (Article, error) {
	page, _ = feeds.DecodeUTF8(page, contentType)
	page = slimPage(page)
	raw, title, err := extractRaw(page, pageURL)
	if err != nil {
		return Article{}, err
	}
	text := capText(Clean(raw))
	if n := countWords(text); n < minArticleWords {
		return Article{}, fmt.Errorf("article %s: %d words after cleaning: %w", pageURL, n, ErrNoArticle)
	}
	return Article{URL: pageURL, Title: feeds.PlainText(title, 1<<10), Text: text}, nil
}

// MaxPageBytes bounds what ReadArticle gives the extractor, whose time
// grows with the square of a page's text (about 1 s for 256 KB of
// paragraphs, 5 s for 1 MB, 20 s for 2 MB on a busy core). A longer page
// loses its scripts, styles, inline SVG and comments first (the long pages
// of the extraction benchmark, up to 1.5 MB, are mostly scripts and keep
// all their text), then its tail.
const MaxPageBytes = 256 << 10

// slimPage returns page if it is at most MaxPageBytes, else the page
// without script (except JSON-LD metadata), style, svg and comments, cut
// to MaxPageBytes.
func slimPage(page []byte) []byte {
	if len(page) <= MaxPageBytes {
		return page
	}
	out := make([]byte, 0, MaxPageBytes)
	z := html.NewTokenizer(bytes.NewReader(page))
	skip := "" // the element whose content is being dropped
	for len(out) < MaxPageBytes {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		switch tt {
		case html.CommentToken:
			continue
		case html.StartTagToken:
			name, _ := z.TagName()
			if skip == "" && (string(name) == "style" || string(name) == "svg" || string(name) == "script" && !isJSONLD(z)) {
				skip = string(name)
				continue
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); skip != "" && string(name) == skip {
				skip = ""
				continue
			}
		}
		if skip == "" {
			out = append(out, z.Raw()...)
		}
	}
	return out[:min(len(out), MaxPageBytes)]
}

// isJSONLD tells a <script type="application/ld+json"> start tag, which
// carries the page's metadata (headline, date).
func isJSONLD(z *html.Tokenizer) bool {
	for {
		key, val, more := z.TagAttr()
		if string(key) == "type" && strings.EqualFold(strings.TrimSpace(string(val)), "application/ld+json") {
			return true
		}
		if !more {
			return false
		}
	}
}

// capText applies feed text's rules (feeds.PlainParagraphs: no control
// characters, white space collapsed, feeds.MaxTextBytes) to text that is
// already plain. Escaping it first keeps PlainParagraphs from reading
// "<The Palace>" or "AT&amp;T" in the text as markup.
func capText(text string) string {
	return feeds.PlainParagraphs(html.EscapeString(text), feeds.MaxTextBytes)
}

// countWords counts words in text written with spaces between words, and
// two characters of Chinese or Japanese (written without spaces) as one.
func countWords(text string) int {
	n, cjk := 0, 0
	for _, f := range strings.Fields(text) {
		runes := 0
		for _, r := range f {
			if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
				cjk++
			} else {
				runes++
			}
		}
		if runes > 0 {
			n++
		}
	}
	return n + cjk/2
}
