package rules

import (
	"sort"
	"strings"

	"wirewatch/words"
)

// isHangul reports whether s is made of Hangul syllables only; such query
// words match as prefixes because Korean attaches particles to nouns.
func isHangul(s string) bool {
	return s != "" && !strings.ContainsFunc(s, func(r rune) bool { return r < 0xAC00 || r > 0xD7A3 })
}

// token is one word of an item, with where it came from and where its
// folded form is.
type token struct {
	field      field
	start, end int32 // byte range in the field's raw text
	fs, fe     int32 // folded text in doc.folded
}

// span is a run of tokens (or, for a regex, a byte range) where a term
// matched; start and end are token indexes into doc.toks, end exclusive.
type span struct {
	field      field
	start, end int32
	bs, be     int32 // byte range in the field's raw text
}

// doc is an item tokenized once: its word tokens, folded into one buffer so
// that a word costs no allocation. Docs are pooled and reused.
type doc struct {
	fields [numFields]string
	toks   []token
	folded []byte
	bounds [numFields + 1]int32 // toks[bounds[f]:bounds[f+1]] belong to field f
}

// tokenize loads the fields of an item and splits them into folded word
// tokens. It is all the text processing matching needs; the engine's own
// per-item index is built from its result.
func (d *doc) tokenize(fields [numFields]string) {
	d.fields = fields
	d.toks = d.toks[:0]
	d.folded = d.folded[:0]
	for f := field(0); f < numFields; f++ {
		d.bounds[f] = int32(len(d.toks))
		s := d.fields[f]
		words.Spans(s, func(start, end int) {
			fs := int32(len(d.folded))
			d.folded = words.AppendFold(d.folded, s[start:end])
			d.toks = append(d.toks, token{field: f, start: int32(start), end: int32(end), fs: fs, fe: int32(len(d.folded))})
		})
	}
	d.bounds[numFields] = int32(len(d.toks))
}

// word returns the folded text of token i; it is valid until the next
// tokenize.
func (d *doc) word(i int32) []byte {
	t := &d.toks[i]
	return d.folded[t.fs:t.fe]
}

// hasPrefix is strings.HasPrefix for a folded word held as bytes.
func hasPrefix(b []byte, p string) bool { return len(b) >= len(p) && string(b[:len(p)]) == p }

// byteSpan maps a byte range of field f to the tokens it touches.
func (d *doc) byteSpan(f field, bs, be int) span {
	lo, hi := int(d.bounds[f]), int(d.bounds[f+1])
	// first token ending after bs
	i := lo + sort.Search(hi-lo, func(k int) bool { return int(d.toks[lo+k].end) > bs })
	j := i
	for j < hi && int(d.toks[j].start) < be {
		j++
	}
	return span{field: f, start: int32(i), end: int32(j), bs: int32(bs), be: int32(be)}
}
