package feeds

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
)

// repairTruncated returns a copy of a truncated XML document with its open
// elements closed, or nil when the document is not truncated that way. The
// copy ends before the item (<item>, <entry>) the cut fell in, so a feed cut
// off mid-item yields the complete items before it and never a half-formed
// one (a title that stops in the middle of a character, a missing link);
// a cut outside the items ends the copy after its last complete token.
func repairTruncated(doc []byte) []byte {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	type open struct {
		name  string
		start int64 // offset of the start tag's "<"
	}
	var stack []open
	var good int64
	for {
		tok, err := d.RawToken()
		if err != nil { // io.EOF or the cut
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, open{rawName(t.Name), good})
		case xml.EndElement:
			name := rawName(t.Name)
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == name {
					stack = stack[:i]
					break
				}
			}
		}
		good = d.InputOffset()
	}
	if len(stack) == 0 {
		return nil
	}
	for i, el := range stack {
		if isItemElement(el.name) {
			good, stack = el.start, stack[:i]
			break
		}
	}
	out := make([]byte, 0, int(good)+64)
	out = append(out, doc[:good]...)
	for i := len(stack) - 1; i >= 0; i-- {
		out = append(out, "</"...)
		out = append(out, stack[i].name...)
		out = append(out, '>')
	}
	return out
}

// isItemElement reports an RSS/RDF <item> or an Atom <entry>, prefixed or not.
func isItemElement(name string) bool {
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:]
	}
	return strings.EqualFold(name, "item") || strings.EqualFold(name, "entry")
}

func rawName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}
