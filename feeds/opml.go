package feeds

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"

	"wirewatch/config"
)

// opmlDoc is the part of OPML 1.0/2.0 that lists subscriptions.
type opmlDoc struct {
	XMLName xml.Name      `xml:"opml"`
	Version string        `xml:"version,attr"`
	Title   string        `xml:"head>title"`
	Body    []opmlOutline `xml:"body>outline"`
}

type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	Outlines []opmlOutline `xml:"outline"`
	Attrs    []xml.Attr    `xml:",any,attr"` // xmlurl and other spellings some exporters use
}

// maxOPMLBytes bounds an imported file; subscription lists are small.
const maxOPMLBytes = 10 << 20

// ReadOPML reads the subscriptions of an OPML file, nested folders included.
// Names come from the outline's title or text (else the URL's host) and are
// made unique; a URL listed twice is imported once. Any outline whose feed
// URL is not an absolute http(s) URL makes the whole import fail, naming it,
// so nothing is silently dropped.
//
// A file that is not OPML at all is refused with what it is instead (an
// empty file, an HTML page, an RSS or Atom feed, JSON, a binary file...),
// so that the mistake is plain.
func ReadOPML(r io.Reader) ([]config.Feed, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxOPMLBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read OPML: %w", err)
	}
	if len(raw) > maxOPMLBytes {
		return nil, fmt.Errorf("read OPML: larger than %d MiB; a subscription list is far smaller", maxOPMLBytes>>20)
	}
	if what, ok := notOPML(raw); ok {
		return nil, fmt.Errorf("not an OPML subscription list: %s", what)
	}
	var doc opmlDoc
	if err := newXMLDecoder(raw).Decode(&doc); err != nil {
		return nil, fmt.Errorf("read OPML: %w", err)
	}
	var (
		feeds []config.Feed
		errs  []error
		urls  = map[string]bool{}
		names = map[string]int{}
	)
	var walk func([]opmlOutline)
	walk = func(list []opmlOutline) {
		for _, o := range list {
			walk(o.Outlines)
			raw := o.feedURL()
			if raw == "" {
				continue // a folder
			}
			u, err := url.Parse(raw)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
				errs = append(errs, fmt.Errorf("outline %q: feed URL %q is not an absolute http(s) URL", o.name(), raw))
				continue
			}
			if urls[u.String()] {
				continue
			}
			urls[u.String()] = true
			name := PlainText(o.name(), 200)
			if name == "" {
				name = u.Host
			}
			names[name]++
			if n := names[name]; n > 1 {
				name += " (" + strconv.Itoa(n) + ")"
			}
			feeds = append(feeds, config.Feed{Name: name, URL: u.String()})
		}
	}
	walk(doc.Body)
	if len(errs) > 0 {
		return nil, fmt.Errorf("read OPML: %w", errors.Join(errs...))
	}
	return feeds, nil
}

func newXMLDecoder(raw []byte) *xml.Decoder {
	d := xml.NewDecoder(bytes.NewReader(raw))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	return d
}

// notOPML says what raw is when it is plainly not OPML: empty, binary,
// JSON, an HTML page, a feed, other XML or plain text. A file whose root
// element is <opml> is left to the OPML decoder and its errors.
func notOPML(raw []byte) (string, bool) {
	text := bytes.TrimSpace(bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf")))
	if len(text) == 0 {
		return "the file is empty", true
	}
	head := raw[:min(len(raw), 512)]
	if ct := http.DetectContentType(head); !strings.HasPrefix(ct, "text/") && !strings.Contains(ct, "xml") && !strings.Contains(ct, "json") {
		if ct == "application/octet-stream" {
			return "a binary file", true
		}
		return "a binary file (" + ct + ")", true
	}
	switch text[0] {
	case '{', '[':
		if bytes.Contains(head, []byte("jsonfeed.org/version")) {
			return "a JSON Feed, a feed itself rather than a list of feeds (add its URL as a [[feeds]] url)", true
		}
		return "JSON; OPML is XML (a feed reader's \"export subscriptions\" writes it)", true
	case '<':
	default:
		return "plain text; OPML is XML (a feed reader's \"export subscriptions\" writes it)", true
	}
	root, title := rootElement(raw)
	switch strings.ToLower(root) {
	case "opml":
		return "", false
	case "html":
		if title != "" {
			return fmt.Sprintf("an HTML page (%q); export the subscriptions from your feed reader as OPML", PlainText(title, 80)), true
		}
		return "an HTML page; export the subscriptions from your feed reader as OPML", true
	case "rss", "rdf":
		return "an RSS feed, a feed itself rather than a list of feeds (add its URL as a [[feeds]] url)", true
	case "feed":
		return "an Atom feed, a feed itself rather than a list of feeds (add its URL as a [[feeds]] url)", true
	case "":
		return "not XML (no root element); OPML is XML", true
	}
	return fmt.Sprintf("XML whose root element is <%s>, not <opml>", PlainText(root, 40)), true
}

// rootElement returns the local name of raw's first element and, for an
// HTML page, its <title>.
func rootElement(raw []byte) (root, title string) {
	d := newXMLDecoder(raw)
	for {
		tok, err := d.Token()
		if err != nil {
			return root, title
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		if root == "" {
			root = se.Name.Local
			if !strings.EqualFold(root, "html") {
				return root, ""
			}
			continue
		}
		if strings.EqualFold(se.Name.Local, "title") {
			var t string
			if d.DecodeElement(&t, &se) == nil {
				title = strings.TrimSpace(t)
			}
			return root, title
		}
		if strings.EqualFold(se.Name.Local, "body") {
			return root, ""
		}
	}
}

func (o opmlOutline) feedURL() string {
	if s := strings.TrimSpace(o.XMLURL); s != "" {
		return s
	}
	for _, a := range o.Attrs {
		if strings.EqualFold(a.Name.Local, "xmlurl") {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

func (o opmlOutline) name() string {
	if strings.TrimSpace(o.Title) != "" {
		return o.Title
	}
	return o.Text
}

// WriteOPML writes feeds as an OPML 2.0 subscription list (no timestamps, so
// the same feeds give the same bytes).
func WriteOPML(w io.Writer, feeds []config.Feed) error {
	doc := opmlDoc{Version: "2.0", Title: "wirewatch feeds"}
	for _, f := range feeds {
		doc.Body = append(doc.Body, opmlOutline{Text: f.Name, Title: f.Name, Type: "rss", XMLURL: f.URL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	return nil
}
