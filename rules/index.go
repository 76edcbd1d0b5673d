package rules

import "slices"

// The index is built from key groups: sets of keys one of which every item
// a query matches contains. A target's cheapest group indexes it, so that
// only the items with one of its keys make it a candidate, and a few of
// its groups are checked before its query is evaluated, which rejects
// most candidates for the price of a few array reads.

type keyKind uint8

const (
	keyWord   keyKind = iota // a folded whole word
	keyPrefix                // a folded word prefix
	keyLit                   // a regex literal, found inside tokens
	numKeyKinds
)

// keyTable gives the words, prefixes or regex literals of the leaves ids,
// and lists the targets each sets off.
type keyTable struct {
	ids     map[string]int32
	text    []string  // by id
	targets [][]int32 // by id, ascending
}

// intern returns the id of s, giving it one if it has none.
func (t *keyTable) intern(s string) int32 {
	id, ok := t.ids[s]
	if !ok {
		id = int32(len(t.text))
		t.ids[s] = id
		t.text = append(t.text, s)
		t.targets = append(t.targets, nil)
	}
	return id
}

// key is a word, prefix or literal an item must hold in a field of mask.
type key struct {
	id    int32 // word, prefix or literal id
	kind  keyKind
	mask  fieldMask
	n     uint8 // bytes of the word or prefix, up to 255
	topic bool  // an alias of a topic: the desk's subject, so frequent
}

// Must groups checked per candidate, and keys per group.
const (
	maxMustGroups = 6
	maxMustGroup  = 16
)

// cost estimates how many items have a key of g: longer words are rarer.
func cost(g []key) int {
	c := 0
	for _, k := range g {
		switch {
		case k.kind == keyWord:
			c += 1 + b2i(k.n < 6) + b2i(k.n < 4)
		case k.kind == keyPrefix:
			c += 3 + 2*b2i(k.n < 4)
		default:
			c += 4
		}
		c += 2 * b2i(k.topic)
	}
	return c
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// keyGroups returns the key groups of n, cheapest first: none for NOT
// (nothing is certain of what it matches), and an empty group for a term
// that matches nothing.
func (e *Engine) keyGroups(n *node) [][]key {
	var gs [][]key
	switch n.kind {
	case nodeNever:
		return [][]key{{}}
	case nodeLeaf:
		l := &e.leaves[n.leaf]
		if l.re != nil {
			if len(l.lits) == 0 {
				return nil
			}
			var g []key
			for _, s := range l.lits {
				g = append(g, key{id: e.keys[keyLit].intern(s), kind: keyLit, mask: l.mask})
			}
			return [][]key{g}
		}
		for _, q := range l.toks { // every word of a phrase is there
			k := q.key(l.mask)
			k.n, k.topic = uint8(min(len(q.text), 255)), l.topic
			gs = append(gs, []key{k})
		}
	case nodeAnd, nodeNear:
		for _, k := range n.kids {
			gs = append(gs, e.keyGroups(k)...)
		}
	case nodeOr:
		// Whichever operand matches, a key of its cheapest group is there.
		var g []key
		for _, k := range n.kids {
			kg := e.keyGroups(k)
			if len(kg) == 0 {
				return nil
			}
			g = append(g, kg[0]...)
		}
		return [][]key{g}
	}
	slices.SortStableFunc(gs, func(a, b []key) int { return cost(a) - cost(b) })
	return gs
}

// buildIndex gives the words, prefixes and literals of the leaves their
// ids, maps every target's cheapest key group to it, sets up its must
// groups and starts an empty token cache.
func (e *Engine) buildIndex() {
	for k := range e.keys {
		e.keys[k].ids = make(map[string]int32)
	}
	// A word or phrase is followed from its first whole word or, when it
	// has none, from its first prefix, whose tokens the index then lists.
	for i := range e.leaves {
		switch l := &e.leaves[i]; {
		case l.re == nil:
			for j, q := range l.toks {
				l.toks[j].id = e.keys[q.kind()].intern(q.text)
			}
			l.anchor = max(0, slices.IndexFunc(l.toks, func(t qtok) bool { return !t.prefix }))
		default:
			prepareLeading(l, e.keys[keyLit].intern)
		}
	}
	for id := range e.targets {
		t := &e.targets[id]
		gs := e.keyGroups(t.root)
		if len(gs) == 0 {
			e.always = append(e.always, int32(id))
		}
		for gi, g := range gs {
			if gi == 0 {
				for _, k := range g {
					l := &e.keys[k.kind].targets[k.id]
					if len(*l) == 0 || (*l)[len(*l)-1] != int32(id) {
						*l = append(*l, int32(id)) // once: ids come in order
					}
				}
			}
			if len(g) <= maxMustGroup && len(t.must) < maxMustGroups {
				t.must = append(t.must, g)
			}
		}
		t.terms = termLeaves(t.root, nil)
	}
	for p := range e.keys[keyPrefix].ids {
		e.prefixLens = append(e.prefixLens, len(p))
	}
	slices.Sort(e.prefixLens)
	e.prefixLens = slices.Compact(e.prefixLens)
	e.cache.Store(newTokenCache(nil))
}

// termLeaves appends the leaves of n that can give a match its terms:
// every word, phrase, prefix and regex not under NOT, in query order,
// each once. A highlighter marks the query's words wherever they occur;
// so does this.
func termLeaves(n *node, dst []int32) []int32 {
	switch n.kind {
	case nodeLeaf:
		if !slices.Contains(dst, n.leaf) {
			dst = append(dst, n.leaf)
		}
	case nodeAnd, nodeOr, nodeNear:
		for _, k := range n.kids {
			dst = termLeaves(k, dst)
		}
	}
	return dst
}
