package alerts

import (
	"slices"
	"strings"
)

// opKind is what an op does.
type opKind uint8

const (
	opWord   opKind = iota // a single whole word: arg is its token id
	opPrefix               // a single prefix (launch*): arg is its prefix id
	opLeaf                 // any other leaf (phrase, regex): found through its spans
	opAnd
	opOr
	opNot
	opNear
	opNever
)

// op is one node of a compiled query. The queries of all targets are laid
// out in one array (Engine.prog), each operator followed by the subtrees
// of its operands, those of AND and OR cheapest first, and each query
// followed by the leaf ops its matches take their terms from (see entry).
// Evaluating a rule then reads a few consecutive cache lines instead of
// chasing a pointer per node and a leaf record per term; a single word or
// prefix, the most common leaf, is answered from its op alone. Matching is bound by memory
// more than by instructions; this layout halved its cache misses. The
// trees (node) are kept for compiling and analysis only.
type op struct {
	kind opKind
	mask fieldMask // opWord, opPrefix: the fields searched
	arg  int32     // opWord: token id; opPrefix: prefix id; operators: memo slot
	leaf int32     // leaves: index into Engine.leaves; opNear: the distance
	end  int32     // index of the op after this subtree
}

// emit appends the program of n to e.prog and returns where it starts.
func (e *Engine) emit(n *node) int32 {
	at := int32(len(e.prog))
	e.prog = append(e.prog, op{})
	o := op{arg: n.memo}
	switch n.kind {
	case nodeLeaf:
		o = e.leafOp(n.leaf)
	case nodeNever:
		o.kind, o.arg = opNever, 0
	case nodeAnd, nodeOr:
		o.kind = opAnd
		if n.kind == nodeOr {
			o.kind = opOr
		}
		for _, k := range n.order {
			e.emit(k)
		}
	case nodeNot:
		o.kind = opNot
		e.emit(n.kids[0])
	case nodeNear:
		o.kind, o.leaf = opNear, int32(n.dist)
		e.emit(n.kids[0])
		e.emit(n.kids[1])
	}
	o.end = int32(len(e.prog))
	e.prog[at] = o
	return at
}

// leafOp returns the op of leaf id (without its end).
func (e *Engine) leafOp(id int32) op {
	o := op{kind: opLeaf, leaf: id}
	if l := &e.leaves[id]; l.kind == leafTokens && len(l.toks) == 1 {
		o.mask = l.mask
		if q := l.toks[0]; q.prefix {
			o.kind, o.arg = opPrefix, l.anchorPrefix
		} else {
			o.kind, o.arg = opWord, q.id
		}
	}
	return o
}

// eval reports whether the subtree at pc matches the current item.
func (e *Engine) eval(pc int32, s *scratch) bool {
	o := &e.prog[pc]
	switch o.kind {
	case opWord:
		return s.has(o.arg, o.mask)
	case opPrefix:
		return s.hasPrefixed(o.arg, o.mask)
	case opLeaf:
		_, ok := e.leafFirst(o.leaf, s)
		return ok
	case opNever:
		return false
	}
	if m := s.memo[o.arg]; m>>1 == s.gen {
		return m&1 == 1
	}
	v := e.evalOperator(pc, s)
	m := s.gen << 1
	if v {
		m |= 1
	}
	s.memo[o.arg] = m
	return v
}

func (e *Engine) evalOperator(pc int32, s *scratch) bool {
	o := &e.prog[pc]
	switch o.kind {
	case opAnd:
		for k := pc + 1; k < o.end; k = e.prog[k].end {
			if !e.eval(k, s) {
				return false
			}
		}
		return true
	case opOr:
		for k := pc + 1; k < o.end; k = e.prog[k].end {
			if e.eval(k, s) {
				return true
			}
		}
		return false
	case opNot:
		return !e.eval(pc+1, s)
	case opNear:
		return len(e.spans(pc, s)) > 0
	}
	return false
}

// spans returns where a leaf, OR or NEAR matches.
func (e *Engine) spans(pc int32, s *scratch) []span {
	o := &e.prog[pc]
	switch o.kind {
	case opWord, opPrefix, opLeaf:
		return e.leafSpans(o.leaf, s)
	case opOr:
		start := len(s.arena)
		for k := pc + 1; k < o.end; k = e.prog[k].end {
			sub := e.spans(k, s)
			s.arena = append(s.arena, sub...)
		}
		return s.arena[start:len(s.arena):len(s.arena)]
	case opNear:
		a := e.spans(pc+1, s)
		if len(a) == 0 {
			return nil
		}
		b := e.spans(e.prog[pc+1].end, s)
		return s.near(a, b, int(o.leaf))
	}
	return nil
}

// near returns the spans covering a span of a and one of b of the same
// field at most dist words apart, from the arena.
func (s *scratch) near(a, b []span, dist int) []span {
	start := len(s.arena)
	for _, x := range a {
		for _, y := range b {
			if x.field != y.field || len(s.arena)-start >= maxSpans {
				continue
			}
			var gap int32
			switch {
			case x.end <= y.start:
				gap = y.start - x.end
			case y.end <= x.start:
				gap = x.start - y.end
			default:
				continue // overlapping: the same words cannot be near themselves
			}
			if int(gap) <= dist {
				s.arena = append(s.arena, span{field: x.field,
					start: min(x.start, y.start), end: max(x.end, y.end),
					bs: min(x.bs, y.bs), be: max(x.be, y.be)})
			}
		}
	}
	return s.arena[start:len(s.arena):len(s.arena)]
}

// maxTerms bounds the terms reported for one match.
const maxTerms = 10

// termLeaves appends the leaves of n that can give a match its terms:
// every word, phrase, prefix and regex not under NOT, in query order,
// each once (dst[from:] are those found so far). A highlighter marks the
// query's words wherever they occur; so does this, without walking the
// query again for each match.
func termLeaves(n *node, dst []int32, from int) []int32 {
	switch n.kind {
	case nodeLeaf:
		if !slices.Contains(dst[from:], n.leaf) {
			dst = append(dst, n.leaf)
		}
	case nodeAnd, nodeOr, nodeNear:
		for _, k := range n.kids {
			dst = termLeaves(k, dst, from)
		}
	}
	return dst
}

// terms gathers the terms of a match of the target of entry en: the text
// of the first place each of its term leaves occurs in the item, up to
// maxTerms.
func (e *Engine) terms(en entry, s *scratch) {
	from := len(s.terms)
	ops := e.prog[en.terms:en.end]
	for i := range ops {
		if t := e.term(&ops[i], s); t != "" {
			s.addTerm(t, from)
			if len(s.terms)-from >= maxTerms {
				return
			}
		}
	}
}

// term returns the text of the first place a leaf matches, as a term is
// shown ("" if it does not match). That of a phrase or regex is computed
// at most once per item: the aliases of a topic are looked for by every
// rule that uses it.
func (e *Engine) term(o *op, s *scratch) string {
	switch o.kind {
	case opWord:
		return s.wordTerm(o.arg, o.mask)
	case opPrefix:
		return s.prefixTerm(o.arg, o.mask)
	}
	ts := &s.leafTerms[o.leaf]
	if ts.gen != s.gen {
		*ts = leafTerm{gen: s.gen, term: e.leafTerm(o.leaf, s)}
	}
	return ts.term
}

// addTerm adds a term to those of the current match, s.terms[from:].
func (s *scratch) addTerm(t string, from int) {
	for _, have := range s.terms[from:] {
		// Equal lengths first: it rejects most pairs without a call.
		// (It also keeps apart the rare letters whose case forms differ
		// in length, as the Kelvin sign and k: shown twice, harmlessly.)
		if len(have) == len(t) && strings.EqualFold(have, t) {
			return
		}
	}
	s.terms = append(s.terms, t)
}

// hasPrefixed reports whether the item has a token with indexed prefix p
// in a field of mask.
func (s *scratch) hasPrefixed(p int32, mask fieldMask) bool {
	if s.prefixGen[p] != s.gen {
		return false
	}
	return slices.ContainsFunc(s.prefixTok[p], func(t int32) bool { return s.ids[t].where&mask != 0 })
}
