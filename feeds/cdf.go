package feeds

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// parseCDF reads Microsoft's Channel Definition Format (<CHANNEL> with
// <ITEM HREF=...>), which some old sites still serve and gofeed does not
// know. ok is false when the document is not CDF.
func parseCDF(doc []byte) (*gofeed.Feed, bool) {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	d.Entity = xml.HTMLEntity
	feed := &gofeed.Feed{FeedType: "cdf"}
	var (
		item    *gofeed.Item
		field   string // "title" or "abstract" while inside one
		text    strings.Builder
		isCDF   bool
		rootSet bool
	)
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			name := strings.ToLower(t.Name.Local)
			if !rootSet {
				rootSet = true
				if name != "channel" {
					return nil, false
				}
				isCDF = true
				feed.Link = cdfAttr(t, "href")
				continue
			}
			switch name {
			case "item":
				item = &gofeed.Item{Link: cdfAttr(t, "href")}
				if lm := cdfAttr(t, "lastmod"); lm != "" {
					item.Updated = lm
					if ts, err := time.Parse(time.RFC3339, lm); err == nil {
						item.UpdatedParsed = &ts
					}
				}
			case "title", "abstract":
				field = name
				text.Reset()
			}
		case xml.CharData:
			if field != "" {
				text.Write(t)
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			switch {
			case name == "item" && item != nil:
				feed.Items = append(feed.Items, item)
				item = nil
			case name == field:
				setCDFField(feed, item, field, text.String())
				field = ""
			}
		}
	}
	return feed, isCDF
}

func setCDFField(feed *gofeed.Feed, item *gofeed.Item, field, value string) {
	value = strings.TrimSpace(value)
	switch {
	case item != nil && field == "title":
		item.Title = value
	case item != nil:
		item.Description = value
	case field == "title":
		feed.Title = value
	default:
		feed.Description = value
	}
}

func cdfAttr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if strings.EqualFold(a.Name.Local, name) {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}
