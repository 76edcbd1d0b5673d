package feeds

import (
	"bytes"
	"encoding/xml"
	"io"
)

// repairTruncated returns a copy of a truncated XML document cut after its
// last complete token and with its open elements closed, or nil when the
// document is not truncated that way. A feed cut off mid-item then still
// yields the items before the cut.
func repairTruncated(doc []byte) []byte {
	d := xml.NewDecoder(bytes.NewReader(doc))
	d.Strict = false
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var stack []string
	var good int64
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, rawName(t.Name))
		case xml.EndElement:
			name := rawName(t.Name)
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == name {
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
	out := make([]byte, 0, int(good)+64)
	out = append(out, doc[:good]...)
	for i := len(stack) - 1; i >= 0; i-- {
		out = append(out, "</"...)
		out = append(out, stack[i]...)
		out = append(out, '>')
	}
	return out
}

func rawName(n xml.Name) string {
	if n.Space != "" {
		return n.Space + ":" + n.Local
	}
	return n.Local
}
