package alerts

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type trigKind uint8

const (
	trigExact  trigKind = iota // a folded token
	trigPrefix                 // a folded token prefix
	trigLit                    // a literal inside a regex, found by substring search
)

// trigger is a key of the index: if none of a target's triggers occurs in
// an item, the target cannot match it.
type trigger struct {
	kind  trigKind
	s     string
	topic bool // an alias of a topic: the desk's subject, so frequent
}

func triggerCost(ts []trigger) int {
	c := 0
	for _, t := range ts {
		// Longer words are rarer, so they make fewer false candidates.
		switch t.kind {
		case trigExact:
			c += 1
			if len(t.s) < 6 {
				c++
			}
			if len(t.s) < 4 {
				c++
			}
		case trigPrefix:
			c += 3
			if len(t.s) < 4 {
				c += 2
			}
		case trigLit:
			c += 4
		}
		if t.topic {
			c += 2
		}
	}
	return c
}

// triggers returns a set of keys one of which every item matching n
// contains; ok is false when there is none (e.g. NOT x).
func (e *Engine) triggers(n *node) (ts []trigger, ok bool) {
	switch n.kind {
	case nodeNever:
		return nil, true // matches nothing: needs no key
	case nodeLeaf:
		l := &e.leaves[n.leaf]
		if l.kind == leafRegex {
			if len(l.lits) == 0 {
				return nil, false
			}
			for _, s := range l.lits {
				ts = append(ts, trigger{kind: trigLit, s: s})
			}
			return ts, true
		}
		best := -1
		for i, t := range l.toks {
			if best < 0 || l.toks[best].prefix && !t.prefix ||
				l.toks[best].prefix == t.prefix && len(t.text) > len(l.toks[best].text) {
				best = i
			}
		}
		t := l.toks[best]
		if t.prefix {
			return []trigger{{trigPrefix, t.text, l.topic}}, true
		}
		return []trigger{{trigExact, t.text, l.topic}}, true
	case nodeOr:
		for _, k := range n.kids {
			kt, ok := e.triggers(k)
			if !ok {
				return nil, false
			}
			ts = append(ts, kt...)
		}
		return ts, true
	case nodeAnd, nodeNear:
		// Every operand must match, so any one operand's keys will do:
		// take the cheapest.
		found := false
		for _, k := range n.kids {
			kt, ok := e.triggers(k)
			if ok && (!found || triggerCost(kt) < triggerCost(ts)) {
				ts, found = kt, true
			}
		}
		return ts, found
	}
	return nil, false // NOT
}

// buildIndex maps every trigger to the targets it may set off.
func (e *Engine) buildIndex() {
	e.exact = make(map[string][]int32)
	e.prefixID = make(map[string]int32)
	lens := map[int]bool{}
	prefixID := func(p string) int32 {
		id, ok := e.prefixID[p]
		if !ok {
			id = int32(len(e.prefixTargets))
			e.prefixID[p] = id
			e.prefixTargets = append(e.prefixTargets, nil)
			lens[len(p)] = true
			e.prefixStart.add(p)
		}
		return id
	}
	// Every word or phrase that starts its look-up with a prefix gets its
	// prefix indexed, so the item's tokens with that prefix are at hand.
	for i := range e.leaves {
		l := &e.leaves[i]
		if l.kind != leafTokens {
			continue
		}
		l.anchor = 0
		for j, t := range l.toks {
			if !t.prefix {
				l.anchor = j
				break
			}
		}
		if a := l.toks[l.anchor]; a.prefix {
			l.anchorPrefix = prefixID(a.text)
		}
	}
	litID := make(map[string]int32)
	var lits []string // literals found in distinct tokens (ASCII letters and digits only)
	var textLits []string
	textLitID := make(map[string]int32)
	for id := range e.targets {
		ts, ok := e.triggers(e.targets[id].root)
		if !ok {
			e.always = append(e.always, int32(id))
			continue
		}
		for _, t := range ts {
			switch t.kind {
			case trigExact:
				e.exact[t.s] = appendOnce(e.exact[t.s], int32(id))
			case trigPrefix:
				p := prefixID(t.s)
				e.prefixTargets[p] = appendOnce(e.prefixTargets[p], int32(id))
			case trigLit:
				// A literal of ASCII letters and digits can only occur inside
				// one token, and folding keeps those characters (lower-cased):
				// searching the item's distinct tokens is enough, and cheaper
				// than searching its whole text.
				if isASCIIWord(t.s) {
					li, ok := litID[t.s]
					if !ok {
						li = int32(len(lits))
						litID[t.s] = li
						lits = append(lits, t.s)
						e.litTargets = append(e.litTargets, nil)
					}
					e.litTargets[li] = appendOnce(e.litTargets[li], int32(id))
					continue
				}
				li, ok := textLitID[t.s]
				if !ok {
					li = int32(len(textLits))
					textLitID[t.s] = li
					textLits = append(textLits, t.s)
					e.textLitTargets = append(e.textLitTargets, nil)
				}
				e.textLitTargets[li] = appendOnce(e.textLitTargets[li], int32(id))
			}
		}
	}
	for n := range lens {
		e.prefixLens = append(e.prefixLens, n)
	}
	slices.Sort(e.prefixLens)
	for _, l := range e.leaves {
		if l.kind == leafRegex {
			e.litMask |= l.mask
		}
	}
	if len(lits) > 0 {
		e.lits = newACMatcher(lits)
	}
	if len(textLits) > 0 {
		e.textLits = newACMatcher(textLits)
	}
	e.indexLeading()
	e.buildBase()
	memo := make(map[string]int32)
	for i := range e.targets {
		orderKids(e, e.targets[i].root)
		e.assignMemo(e.targets[i].root, memo)
	}
	e.nMemo = len(memo)
	var leaves []int32
	for i := range e.targets {
		root := e.targets[i].root
		pc := e.emit(root)
		terms := int32(len(e.prog))
		leaves = termLeaves(root, leaves[:0], 0)
		for _, l := range leaves {
			e.prog = append(e.prog, e.leafOp(l))
		}
		e.entryAt = append(e.entryAt, int32(len(e.entries)))
		e.entries = append(e.entries, pc, terms, int32(len(e.prog)))
		e.entries = appendMust(e.entries, e.mustGroups(root))
	}
	e.entryAt = append(e.entryAt, int32(len(e.entries)))
	e.prog = slices.Clip(e.prog)
}

// A must group is a set of keys one of which every item a target matches
// has: a key k >= 0 is the word with token id k, in a field of its mask;
// k < 0 the indexed prefix -k-1 (in any field). Checking a target's groups
// reads a few array entries and rejects most candidates before their
// query is evaluated.
const (
	maxMustGroups = 6
	maxMustGroup  = 16
)

type mustKey struct {
	k    int32
	mask fieldMask
}

// mustGroups returns must groups of n, the most selective first.
func (e *Engine) mustGroups(n *node) [][]mustKey {
	var gs [][]mustKey
	switch n.kind {
	case nodeLeaf:
		l := &e.leaves[n.leaf]
		if l.kind != leafTokens {
			return nil
		}
		// Every word of a phrase must be there; longer words are rarer.
		toks := slices.Clone(l.toks)
		slices.SortStableFunc(toks, func(a, b qtok) int {
			if a.prefix != b.prefix {
				if a.prefix {
					return 1
				}
				return -1
			}
			return len(b.text) - len(a.text)
		})
		for _, q := range toks {
			if !q.prefix {
				gs = append(gs, []mustKey{{q.id, l.mask}})
			} else if p, ok := e.prefixID[q.text]; ok {
				gs = append(gs, []mustKey{{-p - 1, 1<<numFields - 1}})
			}
		}
	case nodeAnd, nodeNear:
		for _, k := range n.kids {
			gs = append(gs, e.mustGroups(k)...)
		}
		slices.SortStableFunc(gs, func(a, b []mustKey) int { return len(a) - len(b) })
	case nodeOr:
		// Whichever operand matches, one of its keys is there.
		var g []mustKey
		for _, k := range n.kids {
			kg := e.mustGroups(k)
			if len(kg) == 0 {
				return nil
			}
			g = append(g, kg[0]...)
		}
		// One key with the masks of all its places.
		slices.SortStableFunc(g, func(a, b mustKey) int { return int(a.k - b.k) })
		out := g[:0]
		for _, x := range g {
			if len(out) > 0 && out[len(out)-1].k == x.k {
				out[len(out)-1].mask |= x.mask
				continue
			}
			out = append(out, x)
		}
		if len(out) > maxMustGroup {
			return nil
		}
		gs = [][]mustKey{out}
	}
	return gs
}

// appendMust appends up to maxMustGroups groups, each as its length and
// its keys, each key followed by its mask.
func appendMust(dst []int32, gs [][]mustKey) []int32 {
	for _, g := range gs[:min(len(gs), maxMustGroups)] {
		dst = append(dst, int32(len(g)))
		for _, x := range g {
			dst = append(dst, x.k, int32(x.mask))
		}
	}
	return dst
}

// assignMemo gives every operator under n the memo slot of its structure,
// so that a topic or sub-query used by many rules is evaluated once per
// item; it returns n's structural key.
func (e *Engine) assignMemo(n *node, memo map[string]int32) string {
	if n.kind == nodeLeaf {
		return strconv.Itoa(int(n.leaf))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "(%d/%d", n.kind, n.dist)
	for _, k := range n.kids {
		b.WriteByte(' ')
		b.WriteString(e.assignMemo(k, memo))
	}
	b.WriteByte(')')
	key := b.String()
	id, ok := memo[key]
	if !ok {
		id = int32(len(memo))
		memo[key] = id
	}
	n.memo = id
	return key
}

// indexLeading prepares the regexes that can be run only where one of
// their leading literals occurs.
func (e *Engine) indexLeading() {
	ids := make(map[string]int32)
	for i := range e.leaves {
		l := &e.leaves[i]
		if l.kind != leafRegex {
			continue
		}
		lead := leadingLiterals(l.re.String())
		if lead == nil {
			continue
		}
		// The wrapped regexes must mean the same as the original; \Q...\E
		// could swallow the closing parenthesis, so such a regex is left
		// whole.
		src := l.re.String()
		if strings.Contains(src, `\Q`) {
			continue
		}
		atStart, err1 := regexp.Compile(`^(?:` + src + `)`)
		afterRune, err2 := regexp.Compile(`^(?s:.)(?:` + src + `)`)
		if err1 != nil || err2 != nil {
			continue
		}
		l.leading, l.atStart, l.afterRune = lead, atStart, afterRune
		l.leadingID = nil
		for _, lit := range lead {
			id, ok := ids[lit]
			if !ok {
				id = int32(len(e.leadingText))
				ids[lit] = id
				e.leadingText = append(e.leadingText, lit)
			}
			l.leadingID = append(l.leadingID, id)
		}
		slices.Sort(l.leadingID)
	}
	if len(e.leadingText) > 0 {
		e.leading = newACMatcher(e.leadingText)
	}
}

// buildBase gives every whole word of every leaf a fixed token id and
// starts the token cache with them.
func (e *Engine) buildBase() {
	base := &tokenCache{ids: newTokenTable()}
	for i := range e.leaves {
		l := &e.leaves[i]
		for j := range l.toks {
			q := &l.toks[j]
			if q.prefix {
				continue
			}
			w := []byte(q.text)
			id, ok := base.ids.lookup(w)
			if !ok {
				id = int32(base.infos.len())
				base.ids.put(w, id)
				base.infos.add(e.lookUp(q.text))
			}
			q.id = id
		}
	}
	e.base = base
	e.cache.Store(base.clone())
}

// evalCost estimates how much evaluating a node costs, to try cheap
// operands of AND and OR first. The result does not depend on the order.
func evalCost(e *Engine, n *node) int {
	switch n.kind {
	case nodeLeaf:
		l := &e.leaves[n.leaf]
		switch {
		case l.kind == leafRegex && l.atStart != nil:
			return 20
		case l.kind == leafRegex:
			return 100
		case len(l.toks) == 1 && !l.toks[0].prefix:
			return 1
		case len(l.toks) == 1:
			return 3
		}
		return 2 + len(l.toks)
	case nodeNear:
		c := 5
		for _, k := range n.kids {
			c += evalCost(e, k)
		}
		return c
	case nodeAnd, nodeOr, nodeNot:
		c := 0
		for _, k := range n.kids {
			c += evalCost(e, k)
		}
		return c
	}
	return 0
}

// orderKids sets the evaluation order of every AND and OR under n.
func orderKids(e *Engine, n *node) {
	for _, k := range n.kids {
		orderKids(e, k)
	}
	if n.kind != nodeAnd && n.kind != nodeOr {
		return
	}
	n.order = slices.Clone(n.kids)
	slices.SortStableFunc(n.order, func(a, b *node) int { return evalCost(e, a) - evalCost(e, b) })
}

// leadingLiterals returns literals, in canonical case and of ASCII letters
// and digits, one of which every match of the regex starts with; nil when
// there is no such set of literals at least two bytes long.
func leadingLiterals(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	lits, ok := leading(re.Simplify())
	if !ok {
		return nil
	}
	for i, l := range lits {
		k := 0
		for k < len(l) && isASCIIWord(l[k:k+1]) {
			k++
		}
		if k < 2 {
			return nil
		}
		lits[i] = l[:k]
	}
	slices.Sort(lits)
	return slices.Compact(lits)
}

// leading returns strings one of which every match of re starts with.
func leading(re *syntax.Regexp) ([]string, bool) {
	if set, ok := exactSet(re); ok {
		return set, !slices.Contains(set, "")
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return leading(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return leading(re.Sub[0])
		}
	case syntax.OpConcat:
		// The elements that match one of a few fixed texts make up the
		// start of the match, then the leading literals of the next one.
		// Assertions match no text.
		acc := []string{""}
		for _, sub := range re.Sub {
			if isAssertion(sub.Op) {
				continue
			}
			if set, ok := exactSet(sub); ok {
				if acc = product(acc, set); acc == nil {
					break
				}
				continue
			}
			if set, ok := leading(sub); ok {
				if p := product(acc, set); p != nil {
					acc = p
				}
			}
			break
		}
		if acc == nil {
			return nil, false
		}
		return acc, !slices.Contains(acc, "")
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			l, ok := leading(sub)
			if !ok {
				return nil, false
			}
			all = append(all, l...)
		}
		return all, true
	}
	return nil, false
}

func isAssertion(op syntax.Op) bool {
	switch op {
	case syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true
	}
	return false
}

// maxLeading bounds the literal sets leading builds, maxClass the
// characters taken from one class.
const (
	maxLeading = 64
	maxClass   = 8
)

// exactSet returns every text re can match, in canonical case, when that
// is a small set of literals.
func exactSet(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []string{""}, true
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			b.WriteRune(canonRune(r))
		}
		return []string{b.String()}, true
	case syntax.OpCapture:
		return exactSet(re.Sub[0])
	case syntax.OpCharClass: // a few characters, such as [ae] or (?i)k
		var all []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] >= maxLeading {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				all = append(all, string(canonRune(r)))
			}
			if len(all) > maxLeading {
				return nil, false
			}
		}
		slices.Sort(all)
		all = slices.Compact(all)
		return all, len(all) <= maxClass
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			set, ok := exactSet(sub)
			if !ok || len(all)+len(set) > maxLeading {
				return nil, false
			}
			all = append(all, set...)
		}
		return all, true
	case syntax.OpConcat:
		acc := []string{""}
		for _, sub := range re.Sub {
			set, ok := exactSet(sub)
			if !ok {
				return nil, false
			}
			if acc = product(acc, set); acc == nil {
				return nil, false
			}
		}
		return acc, true
	}
	return nil, false
}

// product concatenates every string of a with every string of b; nil when
// that would make more than maxLeading strings.
func product(a, b []string) []string {
	if len(a)*len(b) > maxLeading {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

func isASCIIWord(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
			return false
		}
	}
	return s != ""
}

// startSet records the first two bytes of every indexed prefix, so that
// most tokens are rejected before any prefix look-up.
type startSet [1 << 16 / 64]uint64

func startKey(s string) uint32 {
	if len(s) < 2 {
		return uint32(s[0]) << 8
	}
	return uint32(s[0])<<8 | uint32(s[1])
}

func (b *startSet) add(s string) {
	k := startKey(s)
	b[k/64] |= 1 << (k % 64)
}

func (b *startSet) has(s string) bool {
	k := startKey(s)
	return b[k/64]&(1<<(k%64)) != 0
}

func appendOnce(ids []int32, id int32) []int32 {
	if len(ids) > 0 && ids[len(ids)-1] == id {
		return ids
	}
	return append(ids, id)
}

// regexLiterals returns strings, in canonical case, one of which occurs in
// every text the regex matches; nil when no such set is known (then the
// regex cannot be indexed on its own).
func regexLiterals(expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil
	}
	lits, ok := required(re.Simplify())
	if !ok {
		return nil
	}
	for _, l := range lits {
		if len(l) < 2 {
			return nil // a one-byte key would fire on almost every item
		}
	}
	slices.Sort(lits)
	return slices.Compact(lits)
}

func required(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			b.WriteRune(canonRune(r))
		}
		return []string{b.String()}, true
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		bestLen := 0
		for _, sub := range re.Sub {
			l, ok := required(sub)
			if !ok {
				continue
			}
			shortest := len(l[0])
			for _, s := range l {
				shortest = min(shortest, len(s))
			}
			if shortest > bestLen {
				best, bestLen = l, shortest
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			l, ok := required(sub)
			if !ok {
				return nil, false
			}
			all = append(all, l...)
		}
		return all, true
	}
	return nil, false
}

// canonRune maps every rune of a simple case-folding orbit to one member,
// so that substring search agrees with regexp's (?i).
func canonRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	if 'A' <= m && m <= 'Z' {
		m += 'a' - 'A'
	}
	return m
}

// acMatcher is an Aho-Corasick automaton over bytes, for finding every
// regex literal in one pass over an item's text.
type acMatcher struct {
	root  [256]int32
	edges [][]acEdge // per state, sorted by byte; state 0 uses root
	fail  []int32
	out   [][]int32 // literal ids ending at each state
	dict  []int32   // nearest state on the fail chain with output, or -1
}

type acEdge struct {
	b  byte
	to int32
}

func newACMatcher(pats []string) *acMatcher {
	m := &acMatcher{edges: [][]acEdge{nil}, fail: []int32{0}, out: [][]int32{nil}}
	for i := range m.root {
		m.root[i] = -1
	}
	for id, p := range pats {
		s := int32(0)
		for i := 0; i < len(p); i++ {
			nx := m.child(s, p[i])
			if nx < 0 {
				nx = int32(len(m.edges))
				m.edges = append(m.edges, nil)
				m.fail = append(m.fail, 0)
				m.out = append(m.out, nil)
				if s == 0 {
					m.root[p[i]] = nx
				} else {
					m.edges[s] = append(m.edges[s], acEdge{p[i], nx})
					slices.SortFunc(m.edges[s], func(a, b acEdge) int { return int(a.b) - int(b.b) })
				}
			}
			s = nx
		}
		m.out[s] = append(m.out[s], int32(id))
	}
	m.dict = make([]int32, len(m.edges))
	// breadth-first: fail links of depth-1 states point at the root
	var queue []int32
	for _, nx := range m.root {
		if nx >= 0 {
			queue = append(queue, nx)
			m.dict[nx] = -1
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		for _, e := range m.edges[s] {
			f := m.fail[s]
			for f != 0 && m.child(f, e.b) < 0 {
				f = m.fail[f]
			}
			if c := m.child(f, e.b); c >= 0 && c != e.to {
				m.fail[e.to] = c
			}
			if fo := m.fail[e.to]; len(m.out[fo]) > 0 {
				m.dict[e.to] = fo
			} else if fo != 0 {
				m.dict[e.to] = m.dict[fo]
			} else {
				m.dict[e.to] = -1
			}
			queue = append(queue, e.to)
		}
	}
	return m
}

func (m *acMatcher) child(s int32, b byte) int32 {
	if s == 0 {
		return m.root[b]
	}
	for _, e := range m.edges[s] {
		if e.b == b {
			return e.to
		}
		if e.b > b {
			break
		}
	}
	return -1
}

// scan reports the id of every literal that occurs in text, in canonical
// case (possibly more than once).
func (m *acMatcher) scan(text string, report func(int32)) {
	s := int32(0)
	var buf [utf8.UTFMax]byte
	step := func(b byte) {
		for {
			if c := m.child(s, b); c >= 0 {
				s = c
				break
			}
			if s == 0 {
				return
			}
			s = m.fail[s]
		}
		for o := s; o >= 0; o = m.dict[o] {
			for _, id := range m.out[o] {
				report(id)
			}
		}
	}
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			step(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		k := utf8.EncodeRune(buf[:], canonRune(r))
		for j := 0; j < k; j++ {
			step(buf[j])
		}
		i += n
	}
}
