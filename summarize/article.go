package summarize

import (
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
