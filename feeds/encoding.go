package feeds

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
)

// detectLimit bounds how much of a body the charset detector reads.
const detectLimit = 64 << 10

// xmlDecl matches an XML declaration's encoding pseudo-attribute at the start
// of a document: group 1 is everything before the value, group 2 the value.
var xmlDecl = regexp.MustCompile(`^\s*(<\?xml\s[^>]*?\bencoding\s*=\s*["'])([^"'>]*)`)

// DecodeUTF8 converts a feed or page body to UTF-8 and returns it with the
// name of the encoding it was read as. The sources are tried in this order:
//
//  1. a byte order mark or the null-byte pattern of UTF-16/32 (they cannot be
//     anything else, whatever the labels say);
//  2. the body is valid UTF-8: kept as is (a legacy label on valid UTF-8 is
//     a common lie that would turn Hangul into mojibake);
//  3. the charset of the HTTP Content-Type;
//  4. the encoding of the XML declaration (or an HTML page's <meta charset>);
//  5. detection from the bytes (EUC-KR, Shift_JIS, Big5, KOI8-R, ...),
//     falling back to windows-1252.
//
// Invalid sequences become U+FFFD. The XML declaration, if any, is rewritten
// to say utf-8 so the XML parser does not decode the text a second time; an
// HTML page's <meta charset> is left as it is (HTML parsers given a UTF-8
// reader ignore it; tell a library that sniffs it that the input is UTF-8).
// DecodeUTF8 never fails: the worst case is replacement characters.
func DecodeUTF8(body []byte, contentType string) ([]byte, string) {
	out, name := decodeBody(body, contentType)
	return declareUTF8(out), name
}

func decodeBody(body []byte, contentType string) ([]byte, string) {
	if enc, name, skip := sniffUnicode(body); enc != nil {
		return decodeWith(enc, body[skip:]), name
	}
	if utf8.Valid(body) {
		return body, "utf-8"
	}
	_, httpLabel := mediaType(contentType)
	for _, label := range []string{httpLabel, declaredEncoding(body)} {
		if label == "" {
			continue
		}
		enc, name := charset.Lookup(label)
		if enc == nil || isWideUnicode(name) {
			continue // unknown label, or UTF-16/32 claimed for 8-bit bytes
		}
		if name == "utf-8" {
			return bytes.ToValidUTF8(body, []byte("\uFFFD")), name
		}
		return decodeWith(enc, body), name
	}
	if looksLikeHTML(body) && bytes.Contains(bytes.ToLower(body[:min(len(body), 1024)]), []byte("charset")) {
		// An article page: <meta charset> or http-equiv, per the HTML spec's prescan.
		if enc, name, _ := charset.DetermineEncoding(body, ""); enc != nil && name != "utf-8" && !isWideUnicode(name) {
			return decodeWith(enc, body), name
		}
	}
	enc, name := detect(body)
	if name == "utf-8" {
		return bytes.ToValidUTF8(body, []byte("\uFFFD")), name
	}
	return decodeWith(enc, body), name
}

// sniffUnicode recognizes byte order marks and the UTF-16/32 encodings of
// "<" at the start of an XML document. skip is the length of the BOM.
func sniffUnicode(b []byte) (enc encoding.Encoding, name string, skip int) {
	switch {
	case bytes.HasPrefix(b, []byte{0x00, 0x00, 0xFE, 0xFF}):
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), "utf-32be", 4
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0x00, 0x00}):
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), "utf-32le", 4
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8, "utf-8", 3
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	case bytes.HasPrefix(b, []byte{0x00, 0x00, 0x00, '<'}):
		return utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), "utf-32be", 0
	case bytes.HasPrefix(b, []byte{'<', 0x00, 0x00, 0x00}):
		return utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), "utf-32le", 0
	case len(b) >= 4 && b[0] == 0x00 && b[1] == '<' && b[2] == 0x00:
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 0
	case len(b) >= 4 && b[0] == '<' && b[1] == 0x00 && b[3] == 0x00:
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 0
	}
	return nil, "", 0
}

func isWideUnicode(name string) bool {
	return strings.HasPrefix(name, "utf-16") || strings.HasPrefix(name, "utf-32")
}

// declaredEncoding returns the encoding label of the XML declaration, if any.
func declaredEncoding(body []byte) string {
	head := body[:min(len(body), 512)]
	m := xmlDecl.FindSubmatch(head)
	if m == nil {
		return ""
	}
	return strings.TrimSpace(string(m[2]))
}

// detect guesses a legacy encoding from the bytes. chardet reports names such
// as "EUC-KR", "Shift_JIS", "GB-18030", "ISO-8859-1", "windows-1255".
func detect(body []byte) (encoding.Encoding, string) {
	// Not DetectBest: it takes, among equally confident guesses, whichever
	// of its goroutines answered first, so the same bytes could decode two
	// ways on two polls (and their items get two keys). Ties go to the
	// first charset name in alphabetical order.
	results, err := chardet.NewTextDetector().DetectAll(body[:min(len(body), detectLimit)])
	if err == nil && len(results) > 0 {
		best := results[0]
		for _, r := range results[1:] {
			if r.Confidence > best.Confidence || r.Confidence == best.Confidence && r.Charset < best.Charset {
				best = r
			}
		}
		if enc, name := charset.Lookup(best.Charset); enc != nil && !isWideUnicode(name) {
			return enc, name
		}
	}
	enc, name := charset.Lookup("windows-1252")
	return enc, name
}

func decodeWith(enc encoding.Encoding, b []byte) []byte {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		// x/text decoders replace bad input; an error here means a broken
		// transformer state. Keep what is valid rather than lose the feed.
		return bytes.ToValidUTF8(b, []byte("\uFFFD"))
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte("\uFFFD"))
	}
	return out
}

// declareUTF8 rewrites the XML declaration's encoding to utf-8 (the body is
// UTF-8 now; the old label would make the parser decode it again).
func declareUTF8(body []byte) []byte {
	loc := xmlDecl.FindSubmatchIndex(body[:min(len(body), 512)])
	if loc == nil {
		return body
	}
	valStart, valEnd := loc[4], loc[5]
	if strings.EqualFold(string(body[valStart:valEnd]), "utf-8") {
		return body
	}
	out := make([]byte, 0, len(body)+8)
	out = append(out, body[:valStart]...)
	out = append(out, "utf-8"...)
	out = append(out, body[valEnd:]...)
	return out
}
