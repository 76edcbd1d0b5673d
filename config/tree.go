package config

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// kind is the TOML type of a node.
type kind int

const (
	kindString kind = iota + 1
	kindInteger
	kindFloat
	kindBool
	kindDateTime
	kindArray
	kindTable
)

func (k kind) String() string {
	switch k {
	case kindString:
		return "string"
	case kindInteger:
		return "integer"
	case kindFloat:
		return "float"
	case kindBool:
		return "boolean"
	case kindDateTime:
		return "date-time"
	case kindArray:
		return "array"
	case kindTable:
		return "table"
	}
	return "value"
}

// node is one TOML value with the positions it was written at. The loader
// works on this tree rather than on a decoded struct so that every mistake can
// point at its key or value.
type node struct {
	kind   kind
	pos    Pos // where the value starts; for a [table] or [[table]], its header
	keyPos Pos // where its key was written (last part of a dotted key)

	str     string
	integer int64
	float   float64
	boolean bool

	elems         []*node // array elements
	keys          []string
	fields        map[string]*node
	arrayOfTables bool // an array built by [[header]] expressions

	rawStart, rawEnd int // byte range of a string literal, quotes included
}

func newTable(pos, keyPos Pos) *node {
	return &node{kind: kindTable, pos: pos, keyPos: keyPos, fields: map[string]*node{}}
}

func (n *node) set(key string, v *node) {
	if _, ok := n.fields[key]; !ok {
		n.keys = append(n.keys, key)
	}
	n.fields[key] = v
}

// document is a config file's bytes with a line index for positions.
type document struct {
	file       string
	data       []byte
	lineStarts []int // byte offset of the start of each line
}

func newDocument(file string, data []byte) *document {
	d := &document{file: file, data: data, lineStarts: []int{0}}
	for i, c := range data {
		if c == '\n' {
			d.lineStarts = append(d.lineStarts, i+1)
		}
	}
	return d
}

// pos converts a byte offset to a position whose column counts runes, as
// editors do.
func (d *document) pos(offset int) Pos {
	if offset < 0 {
		offset = 0
	}
	if offset > len(d.data) {
		offset = len(d.data)
	}
	line := sort.Search(len(d.lineStarts), func(i int) bool { return d.lineStarts[i] > offset }) - 1
	start := d.lineStarts[line]
	return Pos{File: d.file, Line: line + 1, Col: utf8.RuneCount(d.data[start:offset]) + 1}
}

// posAtByteCol converts a line and a byte column (as go-toml reports them).
func (d *document) posAtByteCol(line, byteCol int) Pos {
	if line < 1 || line > len(d.lineStarts) {
		return Pos{File: d.file, Line: max(line, 1), Col: max(byteCol, 1)}
	}
	return d.pos(d.lineStarts[line-1] + byteCol - 1)
}

// syntaxError checks the whole document with go-toml's decoder, which also
// catches what the bare parser does not (duplicate keys, redefined tables,
// invalid dates), and converts its error to a positioned Error.
func (d *document) syntaxError() *Error {
	var discard map[string]any
	err := toml.Unmarshal(d.data, &discard)
	if err == nil {
		return nil
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		line, col := de.Position()
		msg := strings.TrimPrefix(de.Error(), "toml: ")
		return &Error{Pos: d.posAtByteCol(line, col), Msg: "TOML syntax: " + msg}
	}
	return &Error{Pos: Pos{File: d.file, Line: 1, Col: 1}, Msg: "TOML syntax: " + strings.TrimPrefix(err.Error(), "toml: ")}
}

// tree builds the node tree of a document that syntaxError accepted.
func (d *document) tree() (root *node, err error) {
	// The bare parser's API panics on malformed trees; the document was
	// validated already, so a panic here is a bug, reported as an error.
	defer func() {
		if r := recover(); r != nil {
			root, err = nil, fmt.Errorf("internal error reading TOML: %v", r)
		}
	}()
	root = newTable(Pos{File: d.file, Line: 1, Col: 1}, Pos{File: d.file, Line: 1, Col: 1})
	current := root
	var p unstable.Parser
	p.Reset(d.data)
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			err = d.keyValue(current, e)
		case unstable.Table, unstable.ArrayTable:
			current, err = d.header(root, e)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := p.Error(); err != nil {
		return nil, err
	}
	return root, nil
}

type keyPart struct {
	name   string
	offset int
	end    int
}

func keyParts(it unstable.Iterator) []keyPart {
	var parts []keyPart
	for it.Next() {
		k := it.Node()
		parts = append(parts, keyPart{name: string(k.Data), offset: int(k.Raw.Offset), end: int(k.Raw.Offset + k.Raw.Length)})
	}
	return parts
}

// header handles [a.b] and [[a.b]] and returns the table that the following
// key/values belong to.
func (d *document) header(root *node, e *unstable.Node) (*node, error) {
	parts := keyParts(e.Key())
	if len(parts) == 0 {
		return nil, errors.New("table header without a key")
	}
	// The header's position is its first '[' (the parser keeps no range for it).
	start := parts[0].offset
	for start > 0 && strings.IndexByte(" \t[", d.data[start-1]) >= 0 {
		start--
	}
	headerPos := d.pos(start)
	t := root
	for _, part := range parts[:len(parts)-1] {
		next, err := d.descend(t, part)
		if err != nil {
			return nil, err
		}
		t = next
	}
	last := parts[len(parts)-1]
	lastPos := d.pos(last.offset)
	existing := t.fields[last.name]
	if e.Kind == unstable.ArrayTable {
		if existing == nil {
			existing = &node{kind: kindArray, pos: headerPos, keyPos: lastPos, arrayOfTables: true}
			t.set(last.name, existing)
		}
		if existing.kind != kindArray {
			return nil, fmt.Errorf("[[%s]] redefines a table", last.name)
		}
		entry := newTable(headerPos, lastPos)
		existing.elems = append(existing.elems, entry)
		return entry, nil
	}
	if existing == nil {
		existing = newTable(headerPos, lastPos)
		t.set(last.name, existing)
	}
	if existing.kind != kindTable {
		return nil, fmt.Errorf("[%s] redefines a %s", last.name, existing.kind)
	}
	// An implicit table (made by a dotted key or a deeper header) gets its
	// own header's position once that header appears.
	existing.pos, existing.keyPos = headerPos, lastPos
	return existing, nil
}

// descend follows one part of a dotted key, creating implicit tables; an
// array of tables stands for its last entry.
func (d *document) descend(t *node, part keyPart) (*node, error) {
	next := t.fields[part.name]
	if next == nil {
		p := d.pos(part.offset)
		next = newTable(p, p)
		t.set(part.name, next)
		return next, nil
	}
	switch {
	case next.kind == kindTable:
		return next, nil
	case next.kind == kindArray && len(next.elems) > 0 && next.elems[len(next.elems)-1].kind == kindTable:
		return next.elems[len(next.elems)-1], nil
	}
	return nil, fmt.Errorf("key %q is a %s, not a table", part.name, next.kind)
}

func (d *document) keyValue(t *node, kv *unstable.Node) error {
	parts := keyParts(kv.Key())
	if len(parts) == 0 {
		return errors.New("key/value without a key")
	}
	for _, part := range parts[:len(parts)-1] {
		next, err := d.descend(t, part)
		if err != nil {
			return err
		}
		t = next
	}
	last := parts[len(parts)-1]
	v, err := d.value(kv.Value(), d.valueStart(last.end))
	if err != nil {
		return err
	}
	v.keyPos = d.pos(last.offset)
	t.set(last.name, v)
	return nil
}

// valueStart finds the offset of the value after a key: the parser keeps no
// range for arrays.
func (d *document) valueStart(keyEnd int) int {
	i := keyEnd
	for i < len(d.data) && (d.data[i] == ' ' || d.data[i] == '\t' || d.data[i] == '=') {
		i++
	}
	return i
}

func (d *document) value(v *unstable.Node, fallback int) (*node, error) {
	offset := fallback
	if v.Raw.Length > 0 {
		offset = int(v.Raw.Offset)
	}
	n := &node{pos: d.pos(offset)}
	switch v.Kind {
	case unstable.String:
		n.kind = kindString
		n.str = string(v.Data)
		n.rawStart, n.rawEnd = int(v.Raw.Offset), int(v.Raw.Offset+v.Raw.Length)
	case unstable.Bool:
		n.kind = kindBool
		n.boolean = string(v.Data) == "true"
	case unstable.Integer:
		i, err := strconv.ParseInt(strings.ReplaceAll(string(v.Data), "_", ""), 0, 64)
		if err != nil {
			return nil, fmt.Errorf("integer %s: %w", v.Data, err)
		}
		n.kind, n.integer = kindInteger, i
	case unstable.Float:
		f, err := strconv.ParseFloat(strings.ReplaceAll(string(v.Data), "_", ""), 64)
		if err != nil {
			return nil, fmt.Errorf("float %s: %w", v.Data, err)
		}
		n.kind, n.float = kindFloat, f
	case unstable.LocalDate, unstable.LocalTime, unstable.LocalDateTime, unstable.DateTime:
		n.kind, n.str = kindDateTime, string(v.Data)
	case unstable.Array:
		n.kind = kindArray
		it := v.Children()
		for it.Next() {
			c := it.Node()
			if c.Kind == unstable.Comment {
				continue
			}
			elem, err := d.value(c, offset)
			if err != nil {
				return nil, err
			}
			elem.keyPos = elem.pos
			n.elems = append(n.elems, elem)
		}
	case unstable.InlineTable:
		n.kind, n.fields = kindTable, map[string]*node{}
		it := v.Children()
		for it.Next() {
			c := it.Node()
			if c.Kind != unstable.KeyValue {
				continue
			}
			if err := d.keyValue(n, c); err != nil {
				return nil, err
			}
		}
	default:
		return nil, fmt.Errorf("unexpected TOML node %s", v.Kind)
	}
	return n, nil
}
