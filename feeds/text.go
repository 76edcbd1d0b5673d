package feeds

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// MaxTextBytes caps an item's text, from the feed or from its article page.
const MaxTextBytes = 100 << 10

// Size caps of item fields, in bytes.
const (
	maxTitleBytes    = 1 << 10
	maxTextBytes     = MaxTextBytes
	maxAuthorBytes   = 256
	maxCategoryBytes = 128
	maxCategories    = 32
	maxGUIDBytes     = 512
	maxLinkBytes     = 4 << 10
)

// blockTags separate words when markup is removed ("<p>a</p><p>b</p>" is
// "a b", not "ab").
var blockTags = map[string]bool{
	"p": true, "br": true, "div": true, "li": true, "ul": true, "ol": true,
	"tr": true, "td": true, "th": true, "table": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "blockquote": true,
	"pre": true, "hr": true, "section": true, "article": true, "header": true,
	"footer": true, "figure": true, "figcaption": true, "dd": true, "dt": true,
	"img": true,
}

// skipTags hold no readable text.
// (The text inside <object> and <iframe> is fallback text meant for readers.)
var skipTags = map[string]bool{"script": true, "style": true, "noscript": true, "template": true}

// PlainText strips HTML from s, decodes entities, drops control characters,
// collapses whitespace and cuts the result to at most maxBytes (at a rune
// boundary). maxBytes <= 0 means no cap.
func PlainText(s string, maxBytes int) string {
	return plain(s, maxBytes, false)
}

// PlainParagraphs is PlainText for article content: paragraphs, line breaks
// and other block elements become line breaks, so later stages can tell a
// paragraph from a caption or an "Also read" line glued after it.
func PlainParagraphs(s string, maxBytes int) string {
	return plain(s, maxBytes, true)
}

func plain(s string, maxBytes int, lines bool) string {
	if !strings.ContainsAny(s, "<&") {
		return collapse(s, maxBytes, lines)
	}
	// Stop reading once far more text than needed has been collected: the
	// cap is applied after whitespace collapses.
	limit := -1
	if maxBytes > 0 {
		limit = 4*maxBytes + 1024
	}
	return collapse(stripTags(s, limit), maxBytes, lines)
}

// stripTags removes markup the way an HTML tokenizer would for text
// extraction: tags (quoted attributes may hold '>'), comments, the content of
// script/style, and decodes entities in the text between. It is a scanner,
// not html.Tokenizer, because that allocates a 4 KB buffer per call and runs
// for every title and teaser of every item.
func stripTags(s string, limit int) string {
	var b strings.Builder
	if limit > 0 {
		b.Grow(min(len(s), limit))
	} else {
		b.Grow(len(s))
	}
	for i := 0; i < len(s) && (limit < 0 || b.Len() < limit); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			writeText(&b, s[i:])
			break
		}
		writeText(&b, s[i:i+lt])
		i += lt
		rest := s[i:]
		if strings.HasPrefix(rest, "<!--") {
			end := strings.Index(rest[4:], "-->")
			if end < 0 {
				break
			}
			i += 4 + end + 3
			continue
		}
		if len(rest) < 2 || !(isASCIILetter(rest[1]) || rest[1] == '/' || rest[1] == '!' || rest[1] == '?') {
			b.WriteByte('<') // "a < b" is text
			i++
			continue
		}
		end := tagEnd(rest)
		if end < 0 {
			break // an unterminated tag swallows the rest, as in browsers
		}
		name, closing := tagName(rest[1:end])
		i += end + 1
		if !closing && skipTags[name] {
			j := indexFold(s[i:], "</"+name)
			if j < 0 {
				break
			}
			i += j
			if k := strings.IndexByte(s[i:], '>'); k >= 0 {
				i += k + 1
			} else {
				break
			}
		}
		if blockTags[name] {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func writeText(b *strings.Builder, s string) {
	if strings.IndexByte(s, '&') >= 0 {
		s = html.UnescapeString(s)
	}
	b.WriteString(s)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// tagEnd is the index of the '>' that ends the tag starting at s[0], skipping
// quoted attribute values; -1 if there is none.
func tagEnd(s string) int {
	var quote byte
	for i := 1; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			// Quotes only open inside attributes (after '='), which is the
			// only place they can hide a '>'.
			if i > 0 && (s[i-1] == '=' || s[i-1] == ' ' && i > 1 && s[i-2] == '=') {
				quote = c
			}
		case c == '>':
			return i
		}
	}
	return -1
}

// tagName returns the lower-case element name of a tag's inside ("p
// class=x", "/div", "br/").
func tagName(inner string) (name string, closing bool) {
	if strings.HasPrefix(inner, "/") {
		closing = true
		inner = inner[1:]
	}
	end := 0
	for end < len(inner) && (isASCIILetter(inner[end]) || inner[end] >= '0' && inner[end] <= '9') {
		end++
	}
	return strings.ToLower(inner[:end]), closing
}

// indexFold is strings.Index, ignoring ASCII case.
func indexFold(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

// collapse turns runs of whitespace into one space, drops control and
// format characters that only confuse display, and caps the length.
func collapse(s string, maxBytes int, lines bool) string {
	var b strings.Builder
	if maxBytes > 0 {
		b.Grow(min(len(s), maxBytes))
	} else {
		b.Grow(len(s))
	}
	// sep is the separator owed before the next visible rune: 0 for none,
	// ' ' for a run of spaces, '\n' when the run held a line break and
	// lines are kept.
	var sep byte
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf && c > ' ' && c != 0x7f {
			// Printable ASCII, most of any text: no rune decoding, no
			// Unicode tables.
			if sep != 0 {
				if maxBytes > 0 && b.Len()+2 > maxBytes {
					break
				}
				b.WriteByte(sep)
				sep = 0
			} else if maxBytes > 0 && b.Len()+1 > maxBytes {
				break
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\n' || r == '\u2028' || r == '\u2029':
			if b.Len() > 0 && sep != '\n' {
				sep = lineOrSpace(lines)
			}
			continue
		case unicode.IsSpace(r):
			if b.Len() > 0 && sep == 0 {
				sep = ' '
			}
			continue
		case unicode.IsControl(r), r == '\u200b', r == '\ufeff':
			continue
		}
		n := utf8.RuneLen(r)
		if sep != 0 {
			n++
		}
		if maxBytes > 0 && b.Len()+n > maxBytes {
			break
		}
		if sep != 0 {
			b.WriteByte(sep)
			sep = 0
		}
		b.WriteRune(r)
	}
	return b.String()
}

// lineOrSpace is the separator a line break collapses to.
func lineOrSpace(lines bool) byte {
	if lines {
		return '\n'
	}
	return ' '
}

// truncateBytes cuts s to at most maxBytes at a rune boundary.
func truncateBytes(s string, maxBytes int) string {
	if len(s) <= maxBytes {
		return s
	}
	cut := maxBytes
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}
