package feeds

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"

	"wirewatch/model"
)

// Skipping unchanged items.
//
// A poll that finds a changed feed usually finds one or two new items among
// the twenty or fifty it carried before, and parsing XML is most of what a
// poll costs. So the bytes of every item element are hashed, the feed's
// state keeps the hashes of the last parsed document (model.KnownItem), and
// the next document is parsed with its unchanged items cut out. The cut is
// made only where it is plainly safe; anything unusual (namespaced or
// nested items, a DOCTYPE with declarations, a stray "<", an unterminated
// comment or item) means the whole document is parsed, as is the first
// document of a feed. After parsing, gofeed must have found exactly the
// items that were left in; if not, the whole document is parsed again.

// maxKnownItems bounds the items remembered per feed.
const maxKnownItems = 1000

// itemChunks returns the byte ranges of the item elements of an RSS or Atom
// document (<item> or <entry>, in any case, as gofeed reads them) and which
// of the two they are ("item" or "entry"), skipping
// comments, CDATA sections, processing instructions and declarations. ok is
// false when the document is not plain enough to cut safely: among other
// things, when gofeed might read its items in another order than the
// document's (items both in and out of <channel>, or in two channels) or
// not read some (items after the root element).
func itemChunks(doc []byte) (chunks [][2]int, kind string, ok bool) {
	sc := chunkScanner{open: -1}
	for i := 0; ; {
		j := bytes.IndexByte(doc[i:], '<')
		if j < 0 {
			break
		}
		i += j
		rest := doc[i:]
		if skip, special, ok := skipSpecial(rest); special {
			if !ok {
				return nil, "", false
			}
			i += skip
			continue
		}
		closing := len(rest) > 1 && rest[1] == '/'
		nameAt := 1
		if closing {
			nameAt = 2
		}
		name := xmlTagName(rest[nameAt:])
		end := xmlTagEnd(rest)
		if len(name) == 0 || end < 0 {
			return nil, "", false // a stray "<" or a tag that never ends
		}
		if !sc.tag(name, closing, rest[end-1] == '/', i, i+end+1) {
			return nil, "", false
		}
		i += end + 1
	}
	if sc.open >= 0 {
		return nil, "", false
	}
	return sc.chunks, sc.kind, true
}

// chunkScanner is the state of itemChunks between tags.
type chunkScanner struct {
	chunks   [][2]int
	kind     string // "item" or "entry", once one is seen
	open     int    // start of the item element being read, or -1
	openName []byte // its name as written: the end tag must repeat it exactly

	root       []byte // the root element's name
	rootDepth  int    // root elements open (a same-named child counts too)
	rootClosed bool

	channels  int  // <channel> elements seen
	inChannel bool // inside one
	placed    bool // an item was seen: inside reports where
	inside    bool
}

// tag takes one start or end tag spanning doc[start:end]; it reports false
// when the document cannot be cut.
func (sc *chunkScanner) tag(name []byte, closing, selfClosing bool, start, end int) bool {
	sc.trackRoot(name, closing, selfClosing)
	switch {
	case isItemName(name):
		return sc.item(name, closing, selfClosing, start, end)
	case bytes.EqualFold(name, []byte("channel")):
		switch {
		case closing:
			sc.inChannel = false
		case sc.channels > 0:
			return false // a second channel
		default:
			sc.channels++
			sc.inChannel = !selfClosing
		}
	case bytes.IndexByte(name, ':') >= 0:
		if isItemName(name[bytes.LastIndexByte(name, ':')+1:]) {
			return false // prefixed items: leave them to the parser
		}
	}
	return true
}

func (sc *chunkScanner) trackRoot(name []byte, closing, selfClosing bool) {
	switch {
	case sc.root == nil && !closing:
		sc.root = name
		if selfClosing {
			sc.rootClosed = true
		} else {
			sc.rootDepth = 1
		}
	case sc.root != nil && !sc.rootClosed && bytes.Equal(name, sc.root):
		switch {
		case closing:
			sc.rootDepth--
			sc.rootClosed = sc.rootDepth == 0
		case !selfClosing:
			sc.rootDepth++
		}
	}
}

func (sc *chunkScanner) item(name []byte, closing, selfClosing bool, start, end int) bool {
	n := "entry"
	if len(name) == len("item") {
		n = "item"
	}
	if sc.kind != "" && sc.kind != n {
		return false
	}
	sc.kind = n
	if !closing {
		if sc.open >= 0 || sc.rootClosed || sc.placed && sc.inside != sc.inChannel {
			return false // nested, after the root, or in and out of the channel
		}
		sc.placed, sc.inside = true, sc.inChannel
	}
	switch {
	case closing && (sc.open < 0 || !bytes.Equal(name, sc.openName)):
		return false // unbalanced, or <Item>…</item>
	case closing:
		sc.chunks = append(sc.chunks, [2]int{sc.open, end})
		sc.open = -1
	case selfClosing:
		sc.chunks = append(sc.chunks, [2]int{start, end})
	default:
		sc.open, sc.openName = start, name
	}
	return true
}

// skipSpecial recognizes a comment, CDATA section, processing instruction
// or declaration at the start of b and returns its length. ok is false when
// it does not end, or is a DOCTYPE with an internal subset (which may
// declare entities the items use).
func skipSpecial(b []byte) (n int, special, ok bool) {
	if len(b) < 2 || b[1] != '!' && b[1] != '?' {
		return 0, false, false
	}
	for _, d := range [...]struct{ open, close string }{
		{"<!--", "-->"}, {"<![CDATA[", "]]>"}, {"<?", "?>"},
	} {
		if bytes.HasPrefix(b, []byte(d.open)) {
			k := bytes.Index(b[len(d.open):], []byte(d.close))
			if k < 0 {
				return 0, true, false
			}
			return len(d.open) + k + len(d.close), true, true
		}
	}
	if bytes.HasPrefix(b, []byte("<!")) {
		k := bytes.IndexByte(b, '>')
		if k < 0 || bytes.IndexByte(b[:k], '[') >= 0 {
			return 0, true, false
		}
		return k + 1, true, true
	}
	return 0, false, false
}

// xmlTagName returns the element name at the start of b.
func xmlTagName(b []byte) []byte {
	n := 0
	for n < len(b) && !isSpaceByte(b[n]) && b[n] != '>' && b[n] != '/' && b[n] != '<' {
		n++
	}
	return b[:n]
}

// isItemName reports whether an element name is "item" or "entry", in any
// case, as gofeed reads them.
func isItemName(name []byte) bool {
	return bytes.EqualFold(name, []byte("item")) || bytes.EqualFold(name, []byte("entry"))
}

// xmlTagEnd returns the index of the '>' that ends the tag at the start of b,
// skipping quoted attribute values; -1 if there is none.
func xmlTagEnd(b []byte) int {
	var quote byte
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			return -1
		case c == '>':
			return i
		}
	}
	return -1
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// sum64 is the first eight bytes of SHA-256: stable across versions and
// restarts (the sums are stored), fast with the CPU's SHA instructions,
// and, unlike a CRC, not something a feed's text can be made to collide
// with on purpose.
func sum64(b []byte) uint64 {
	sum := sha256.Sum256(b)
	return binary.LittleEndian.Uint64(sum[:8])
}

func guidSum(guid string) uint64 {
	if guid == "" {
		return 0
	}
	return sum64([]byte(guid))
}

// knownCut is a document with its unchanged items cut out.
type knownCut struct {
	doc    []byte
	sums   []uint64           // per item element of the whole document
	reuse  []*model.KnownItem // per item element: what the last document said, if it is cut out
	kept   int                // item elements left in doc
	kind   string             // "item" (RSS) or "entry" (Atom)
	usable bool               // sums describe the document's items (it could be cut)
}

// cutKnown removes from doc the item elements that the last parsed document
// had, byte for byte.
func cutKnown(doc []byte, known []model.KnownItem) knownCut {
	chunks, kind, ok := itemChunks(doc)
	if !ok || len(chunks) == 0 {
		return knownCut{doc: doc}
	}
	c := knownCut{doc: doc, kind: kind, usable: true, sums: make([]uint64, len(chunks)), reuse: make([]*model.KnownItem, len(chunks))}
	records := newKnownRecords(known)
	cutBytes := 0
	for i, ch := range chunks {
		c.sums[i] = sum64(doc[ch[0]:ch[1]])
		if r := records.take(c.sums[i]); r != nil {
			c.reuse[i] = r
			cutBytes += ch[1] - ch[0]
		} else {
			c.kept++
		}
	}
	if cutBytes > 0 {
		c.doc = cutOut(doc, chunks, c.reuse, len(doc)-cutBytes)
	}
	return c
}

// cutOut copies doc without the chunks that have a record.
func cutOut(doc []byte, chunks [][2]int, reuse []*model.KnownItem, size int) []byte {
	out := make([]byte, 0, size)
	last := 0
	for i, ch := range chunks {
		if reuse[i] != nil {
			out = append(out, doc[last:ch[0]]...)
			last = ch[1]
		}
	}
	return append(out, doc[last:]...)
}

// knownRecords hands out the last document's records by sum. A repeated
// item element takes the records of its repeats in turn: the first copy's
// record counts its date, a repeat's does not.
type knownRecords struct {
	known    []model.KnownItem
	next     map[uint64]int32 // a sum's next unused record; -1 when all are taken
	nextSame []int32          // per record: the next one with its sum, or -1
}

func newKnownRecords(known []model.KnownItem) knownRecords {
	r := knownRecords{known: known, next: make(map[uint64]int32, len(known)), nextSame: make([]int32, len(known))}
	for i := len(known) - 1; i >= 0; i-- {
		r.nextSame[i] = -1
		if j, ok := r.next[known[i].Sum]; ok {
			r.nextSame[i] = j
		}
		r.next[known[i].Sum] = int32(i)
	}
	return r
}

// take returns the next unused record with sum, or nil.
func (r *knownRecords) take(sum uint64) *model.KnownItem {
	k, ok := r.next[sum]
	if !ok || k < 0 {
		return nil
	}
	r.next[sum] = r.nextSame[k]
	return &r.known[k]
}

// whole is the cut that parses every item of doc.
func (c knownCut) whole(doc []byte) knownCut {
	w := knownCut{doc: doc, sums: c.sums, usable: c.usable, kept: len(c.sums)}
	if c.usable {
		w.reuse = make([]*model.KnownItem, len(c.sums))
	}
	return w
}

// skipped reports how many items were cut out.
func (c knownCut) skipped() int {
	return len(c.sums) - c.kept
}
