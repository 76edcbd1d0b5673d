package config

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// QueryPosAt returns where byte offset n of r.Query was written in the file,
// so that package rules can point inside a rule. n == len(r.Query) is the
// closing quote. Escapes ("\u00e9", "\""), non-ASCII text and multi-line
// strings are resolved; columns count runes, as QueryPos does.
func (r Rule) QueryPosAt(n int) Pos {
	n = max(n, 0)
	if len(r.queryAt) > 0 {
		return r.queryAt[min(n, len(r.queryAt)-1)]
	}
	// A rule built in code, not loaded: assume a literal string, whose
	// lines continue in column 1.
	pre := r.Query[:min(n, len(r.Query))]
	p := r.QueryPos
	if k := strings.LastIndexByte(pre, '\n'); k >= 0 {
		p.Line += strings.Count(pre, "\n")
		p.Col, pre = 1, pre[k+1:]
	}
	p.Col += utf8.RuneCountInString(pre)
	return p
}

// stringPositions maps each byte of a string value to where it was written.
// It returns nil if the literal cannot be mapped exactly (the caller then
// falls back to counting from the first character).
func (d *document) stringPositions(n *node) []Pos {
	raw := d.data[n.rawStart:n.rawEnd]
	var start, end int // content, relative to raw
	var basic bool
	switch {
	case len(raw) >= 6 && (string(raw[:3]) == `"""` || string(raw[:3]) == `'''`):
		basic = raw[0] == '"'
		start, end = 3, len(raw)-3
		if start < end && raw[start] == '\n' {
			start++
		} else if start+1 < end && raw[start] == '\r' && raw[start+1] == '\n' {
			start += 2
		}
	case len(raw) >= 2:
		basic = raw[0] == '"'
		start, end = 1, len(raw)-1
	default:
		return nil
	}
	if start > end {
		return nil
	}
	content := raw[start:end]
	base := n.rawStart + start
	var out []byte
	var offsets []int
	if basic {
		var ok bool
		out, offsets, ok = unescapeBasic(content, base)
		if !ok {
			return nil
		}
	} else {
		out = content
		offsets = make([]int, len(content))
		for i := range content {
			offsets[i] = base + i
		}
	}
	if string(out) != n.str {
		return nil
	}
	positions := make([]Pos, 0, len(offsets)+1)
	for _, off := range offsets {
		positions = append(positions, d.pos(off))
	}
	return append(positions, d.pos(base+len(content)))
}

// unescapeBasic decodes a TOML basic string body, recording for each output
// byte the offset of the source character (or escape) it came from.
func unescapeBasic(src []byte, base int) (out []byte, offsets []int, ok bool) {
	emit := func(b []byte, at int) {
		for _, c := range b {
			out = append(out, c)
			offsets = append(offsets, base+at)
		}
	}
	simple := map[byte]byte{'b': '\b', 't': '\t', 'n': '\n', 'f': '\f', 'r': '\r', 'e': 0x1b, '"': '"', '\\': '\\'}
	for i := 0; i < len(src); {
		if src[i] != '\\' {
			emit(src[i:i+1], i)
			i++
			continue
		}
		if i+1 >= len(src) {
			return nil, nil, false
		}
		e := src[i+1]
		if c, found := simple[e]; found {
			emit([]byte{c}, i)
			i += 2
			continue
		}
		digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[e]
		if digits > 0 {
			if i+2+digits > len(src) {
				return nil, nil, false
			}
			v, err := strconv.ParseUint(string(src[i+2:i+2+digits]), 16, 32)
			if err != nil {
				return nil, nil, false
			}
			emit(utf8.AppendRune(nil, rune(v)), i)
			i += 2 + digits
			continue
		}
		// A line-ending backslash (multi-line strings) drops the newline and
		// the whitespace that follows.
		j := i + 1
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		if j >= len(src) || (src[j] != '\n' && src[j] != '\r') {
			return nil, nil, false
		}
		for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\r' || src[j] == '\n') {
			j++
		}
		i = j
	}
	return out, offsets, true
}
