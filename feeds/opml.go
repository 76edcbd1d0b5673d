package feeds

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
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
func ReadOPML(r io.Reader) ([]config.Feed, error) {
	d := xml.NewDecoder(io.LimitReader(r, maxOPMLBytes))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = charset.NewReaderLabel
	var doc opmlDoc
	if err := d.Decode(&doc); err != nil {
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
