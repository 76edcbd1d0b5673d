package summarize

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ErrNoArticle is returned by Extract when a page holds no usable article
// text; the caller should fall back to the feed's own content.
var ErrNoArticle = errors.New("no article text found")

// minArticleWords is the least Extract accepts as an article body.
const minArticleWords = 40

// Extract returns the main text of an article page, one paragraph per line,
// cleaned of boilerplate (see Clean). It uses go-trafilatura with its
// readability and DOM-distiller fallbacks. It wraps ErrNoArticle when the
// page has no usable text. pageURL may be empty.
func Extract(page []byte, pageURL string) (string, error) {
	a, err := ReadArticle(page, "", pageURL)
	return a.Text, err
}

// extractRaw is the extractor's text with paragraph breaks, before Clean,
// and the page's title as the extractor read it from its metadata.
func extractRaw(page []byte, pageURL string) (text, title string, err error) {
	opts := trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		// Publication dates come from the feed; scanning the page for
		// them is the slowest part of extraction.
		HtmlDateMode: trafilatura.Disabled,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Host != "" {
		opts.OriginalURL = u
	}
	res, err := trafilatura.Extract(bytes.NewReader(page), opts)
	if err != nil {
		return "", "", fmt.Errorf("extract %s: %v: %w", pageURL, err, ErrNoArticle)
	}
	if res == nil || res.ContentNode == nil {
		return "", "", fmt.Errorf("extract %s: %w", pageURL, ErrNoArticle)
	}
	return blockText(res.ContentNode), res.Metadata.Title, nil
}

// blockText renders a node as text with a line break around every block
// element, so paragraphs, headings, list items and captions stay apart.
// Text nodes are kept apart by a space, as in go-trafilatura's own text
// output: its output tree turns some of the page's block elements into
// inline ones and drops line breaks, and the words on either side would
// otherwise run together ("devicesQuick access").
func blockText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteByte(' ')
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch elementAtom(n) {
			case atom.Script, atom.Style, atom.Noscript, atom.Template:
				return
			case atom.Br:
				b.WriteByte('\n')
				return
			}
		}
		if isRow(n) {
			// A table row stays one line, its cells apart, so that a
			// standings or results table keeps its numbers next to the
			// names they belong to (a cell alone on a line of digits is
			// dropped as page furniture by Clean).
			b.WriteByte('\n')
			b.WriteString(rowText(n))
			b.WriteByte('\n')
			return
		}
		block := n.Type == html.ElementNode && isBlock(n)
		if block {
			b.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			b.WriteByte('\n')
		}
	}
	walk(n)
	lines := strings.Split(normalizeSpace(b.String()), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// cellSeparator joins the cells of a table row on its line.
const cellSeparator = " | "

// isRow tells a table row, as HTML writes it or as go-trafilatura's output
// tree renames it.
func isRow(n *html.Node) bool {
	return n.Type == html.ElementNode && (elementAtom(n) == atom.Tr || n.Data == "row")
}

func isCell(n *html.Node) bool {
	return n.Type == html.ElementNode && (elementAtom(n) == atom.Td || elementAtom(n) == atom.Th || n.Data == "cell")
}

// rowText is a table row's cells, each on one line, joined by
// cellSeparator; empty cells are left out. Text outside any cell (not
// valid HTML, but pages have it) counts as a cell.
func rowText(row *html.Node) string {
	var cells []string
	var cell strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(cell.String()), " "); t != "" {
			cells = append(cells, t)
		}
		cell.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			cell.WriteByte(' ')
			cell.WriteString(n.Data)
			return
		case n.Type != html.ElementNode:
		case elementAtom(n) == atom.Script || elementAtom(n) == atom.Style || elementAtom(n) == atom.Noscript || elementAtom(n) == atom.Template:
			return
		case isCell(n):
			flush()
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			flush()
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for c := row.FirstChild; c != nil; c = c.NextSibling {
		walk(c)
	}
	flush()
	return strings.Join(cells, cellSeparator)
}

// elementAtom is n's tag as an atom. go-trafilatura builds elements of its
// output tree by name only (DataAtom 0), so the name is looked up.
func elementAtom(n *html.Node) atom.Atom {
	if n.DataAtom != 0 {
		return n.DataAtom
	}
	return atom.Lookup([]byte(n.Data))
}

func isBlock(n *html.Node) bool {
	switch elementAtom(n) {
	case atom.P, atom.Div, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Li, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd, atom.Blockquote, atom.Pre,
		atom.Table, atom.Tr, atom.Td, atom.Th, atom.Figure, atom.Figcaption, atom.Section,
		atom.Article, atom.Header, atom.Footer, atom.Aside, atom.Hr, atom.Main, atom.Details,
		atom.Summary, atom.Caption:
		return true
	}
	// go-trafilatura renames some elements (e.g. <head> for headings,
	// <list>, <item>, <quote>) in its output tree.
	switch n.Data {
	case "head", "list", "item", "quote", "code", "graphic", "row", "cell", "lb":
		return true
	}
	return false
}
