package rules

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"wirewatch/model"
)

// Engine matches items against the compiled topics and rules of one
// config. It is safe for concurrent use; only its token cache changes.
type Engine struct {
	leaves  []leaf
	targets []target // topics first, then rules, in config order
	nTopics int

	// The index: the folded whole words, prefixes and regex literals
	// (see regexLiterals, leadingLiterals) of the leaves, each with an
	// id, and the targets each sets off.
	keys       [numKeyKinds]keyTable
	prefixLens []int   // distinct prefix lengths in bytes, ascending
	always     []int32 // targets with nothing to index (e.g. NOT x alone)

	// The current generation of the token cache (see tokenCache).
	cache atomic.Pointer[tokenCache]
	pool  sync.Pool // *scratch
}

// target is a compiled topic or rule.
type target struct {
	name     string
	root     *node
	must     [][]key // key groups checked before evaluating (see keyGroups)
	terms    []int32 // leaves a match takes its terms from (see termLeaves)
	severity model.Severity
	channels []string
	mentions []string
}

// tokenInfo is what the index says about one folded token.
type tokenInfo struct {
	word    int32   // its word id when a leaf has it as a whole word, else -1
	targets []int32 // targets it may set off
	keys    []key   // the indexed prefixes it starts with and regex literals it contains
}

// tokenCache remembers what the index says about the tokens of recent
// items, in two generations. News repeats its vocabulary, so almost every
// token of an item is found in ids, read under the read lock for every
// token; a word seen once (a name, a number, a typo) waits in once until
// it comes again, so that ids fills fewer cache lines. When a generation
// has taken maxGenTokens words it is retired, read only, and a new one
// starts: a word of the retired one that comes again is carried over into
// ids (it has come twice), and the words that did not come again within
// the two are dropped with it. So memory stays bounded however long the
// bot runs, and ids holds the words that recur from one day's news to the
// next, not every word seen twice since the bot started.
type tokenCache struct {
	mu      sync.RWMutex
	ids     map[string]int32 // folded token seen twice → index in infos, -1 when the index knows nothing of it
	once    map[string]int32 // folded token seen once, as ids
	infos   []tokenInfo      // only appended to
	prev    *tokenCache      // the retired generation before this one, or nil
	retired bool             // a newer generation is current: nothing changes any more
}

// maxGenTokens is how many distinct words a generation of the token cache
// takes: about a day of a desk's news. The 1,537 BBC News articles of the
// summarizing set (604,281 words) hold 25,390 distinct folded words, a
// number that grows about as the square root of the words read; a desk's
// day of 2,000 articles (about 800,000 words) would hold about 30,000.
const maxGenTokens = 32_768

func newTokenCache(prev *tokenCache) *tokenCache {
	return &tokenCache{ids: map[string]int32{}, once: map[string]int32{}, prev: prev}
}

// scratch is the working memory of one evaluation. Per-item state is
// stamped with the item's generation, so nothing is cleared between items.
type scratch struct {
	d      *doc
	gen    uint32
	info   []int32                  // per token: index in the cache's infos, or -1
	lists  [numKeyKinds][]tokenList // per key kind and id: the tokens that hold the key
	leaves []leafState              // per leaf
	cands  []uint64                 // candidate targets, a bit each; cleared by evaluate
	arena  []span
	pos    []litPos
	terms  []string // of every hit, one after the other
	hits   []hit
}

// tokenList lists tokens of the current item, in text order.
type tokenList struct {
	gen   uint32    // the rest is valid when gen == scratch.gen
	where fieldMask // fields of the tokens
	toks  []int32
}

// add adds token i, of field f, and reports whether it is the first.
func (l *tokenList) add(gen uint32, i int32, f field) bool {
	first := l.gen != gen
	if first {
		l.gen, l.where, l.toks = gen, 0, l.toks[:0]
	}
	l.where |= 1 << f
	l.toks = append(l.toks, i)
	return first
}

// leafState is where one leaf matches the current item.
type leafState struct {
	gen     uint32 // the rest is valid when gen == scratch.gen
	spans   []span
	hasTerm bool   // term is known: rules that share the leaf share it
	term    string // see Engine.term
}

func (e *Engine) getScratch() *scratch {
	s, _ := e.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{d: &doc{}, leaves: make([]leafState, len(e.leaves)), cands: make([]uint64, (len(e.targets)+63)/64)}
		for k := range s.lists {
			s.lists[k] = make([]tokenList, len(e.keys[k].text))
		}
	}
	s.gen++
	if s.gen == 0 { // wrapped: old stamps could pass for new ones
		for _, ls := range s.lists {
			clear(ls)
		}
		clear(s.leaves)
		s.gen = 1
	}
	s.arena = s.arena[:0]
	return s
}

// in reports whether l has a token in a field of mask.
func (s *scratch) in(l *tokenList, mask fieldMask) bool { return l.gen == s.gen && l.where&mask != 0 }

// mustHold reports whether the item has a key of every must group.
func (s *scratch) mustHold(groups [][]key) bool {
	for _, g := range groups {
		if !slices.ContainsFunc(g, func(k key) bool { return s.in(s.keyList(k), k.mask) }) {
			return false
		}
	}
	return true
}

// keyList returns the tokens of the item that hold key k.
func (s *scratch) keyList(k key) *tokenList { return &s.lists[k.kind][k.id] }

// Topics returns the names of the config topics the item mentions in its
// title, text or summary, in config order.
func (e *Engine) Topics(it model.Item) []string {
	topics, _ := e.evaluate(it, true, false)
	return topics
}

// Match returns every rule the item matches, in config order.
func (e *Engine) Match(it model.Item) []model.Match {
	_, matches := e.evaluate(it, false, true)
	return matches
}

// Analyze returns both the topics and the matches of an item, tokenizing
// it once.
func (e *Engine) Analyze(it model.Item) ([]string, []model.Match) {
	return e.evaluate(it, true, true)
}

func (e *Engine) evaluate(it model.Item, wantTopics, wantMatches bool) (topics []string, matches []model.Match) {
	s := e.getScratch()
	defer e.pool.Put(s)
	s.d.tokenize(itemFields(it))
	e.index(s)
	s.hits, s.terms = s.hits[:0], s.terms[:0]
	for wi, w := range s.cands {
		s.cands[wi] = 0
		for ; w != 0; w &= w - 1 {
			id := int32(wi*64 + bits.TrailingZeros64(w))
			t := &e.targets[id]
			isTopic := int(id) < e.nTopics
			if isTopic && !wantTopics || !isTopic && !wantMatches ||
				!s.mustHold(t.must) || !e.eval(t.root, s) {
				continue
			}
			if isTopic {
				topics = append(topics, t.name)
				continue
			}
			from := len(s.terms)
			e.addTerms(t, s)
			s.hits = append(s.hits, hit{target: id, from: int32(from), to: int32(len(s.terms))})
		}
	}
	return topics, e.matches(s)
}

// hit is a rule the current item matched, with its terms s.terms[from:to].
type hit struct{ target, from, to int32 }

// matches builds the Match of every hit. Their terms are cut from one
// copy of s.terms, capped so that appending to one cannot overwrite
// another; channels and mentions are the engine's own, shared, also capped.
func (e *Engine) matches(s *scratch) []model.Match {
	if len(s.hits) == 0 {
		return nil
	}
	out := make([]model.Match, 0, len(s.hits))
	strs := slices.Clone(s.terms)
	for _, h := range s.hits {
		t := &e.targets[h.target]
		var terms []string
		if h.from < h.to {
			terms = strs[h.from:h.to:h.to]
		}
		out = append(out, model.Match{Rule: t.name, Severity: t.severity, Channels: t.channels, Mentions: t.mentions, Terms: terms})
	}
	return out
}

// lookUp computes what the index says about a folded token and adds it to
// c.infos: its index there, or -1 when the index knows nothing of it.
func (e *Engine) lookUp(c *tokenCache, t string) int32 {
	ti := tokenInfo{word: -1}
	if id, ok := e.keys[keyWord].ids[t]; ok {
		ti.word, ti.targets = id, slices.Clone(e.keys[keyWord].targets[id])
	}
	for _, n := range e.prefixLens {
		if n > len(t) {
			break
		}
		if id, ok := e.keys[keyPrefix].ids[t[:n]]; ok && (n == len(t) || utf8.RuneStart(t[n])) {
			ti.keys = append(ti.keys, key{id: id, kind: keyPrefix})
		}
	}
	// A literal of ASCII letters and digits lies inside one token, and
	// folding keeps those characters (lower-cased).
	for i, lit := range e.keys[keyLit].text {
		if strings.Contains(t, lit) {
			ti.keys = append(ti.keys, key{id: int32(i), kind: keyLit})
		}
	}
	for _, k := range ti.keys {
		ti.targets = append(ti.targets, e.keys[k.kind].targets[k.id]...)
	}
	if ti.word < 0 && len(ti.keys) == 0 {
		return -1
	}
	slices.Sort(ti.targets)
	ti.targets = slices.Clip(slices.Compact(ti.targets))
	c.infos = append(c.infos, ti)
	return int32(len(c.infos) - 1)
}

// unknownToken marks a token the cache did not hold.
const unknownToken = -2

// index looks every token of the item up in the token cache, lists the
// tokens of each word, prefix and regex literal of the rules, and marks
// the candidate targets: its cost grows with the item, not with the
// number of rules.
func (e *Engine) index(s *scratch) {
	d := s.d
	n := len(d.toks)
	s.info = slices.Grow(s.info[:0], n)[:n]
	var infos []tokenInfo
	for known := false; !known; { // until one generation has given every token
		c := e.cache.Load()
		c.mu.RLock()
		missed := false
		for i := range d.toks {
			id, ok := c.ids[string(d.word(int32(i)))]
			if !ok {
				id, missed = unknownToken, true
			}
			s.info[i] = id
		}
		infos, known = c.infos, true
		c.mu.RUnlock()
		if missed {
			infos, known = e.resolve(c, s)
		}
	}
	for i, id := range s.info {
		if id < 0 {
			continue
		}
		ti, f := &infos[id], d.toks[i].field
		if ti.word < 0 || s.lists[keyWord][ti.word].add(s.gen, int32(i), f) {
			s.mark(ti.targets)
		}
		for _, k := range ti.keys {
			s.keyList(k).add(s.gen, int32(i), f)
		}
	}
	s.mark(e.always)
}

// resolve looks up the tokens the cache did not hold and adds them to
// it; false when c was retired meanwhile (the caller starts again with the
// current generation). A generation grown full is retired.
func (e *Engine) resolve(c *tokenCache, s *scratch) ([]tokenInfo, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.retired {
		return nil, false
	}
	for i, id := range s.info {
		if id != unknownToken {
			continue
		}
		w := s.d.word(int32(i))
		id, ok := c.ids[string(w)]
		if !ok {
			key := string(w)
			if id, ok = c.once[key]; ok { // seen again
				delete(c.once, key)
				c.ids[key] = id
			} else if id, ok = c.carry(key); ok { // seen in the generation before
				c.ids[key] = id
			} else {
				id = e.lookUp(c, key)
				c.once[key] = id
			}
		}
		s.info[i] = id
	}
	if len(c.ids)+len(c.once) >= maxGenTokens {
		// Nothing writes c from now on, so the new generation reads it
		// without its lock; the one before c is dropped.
		c.retired = true
		e.cache.Store(newTokenCache(c))
		c.prev = nil
	}
	return c.infos, true
}

// carry copies what the generation before c knew of a token into c.
func (c *tokenCache) carry(key string) (int32, bool) {
	if c.prev == nil {
		return 0, false
	}
	id, ok := c.prev.ids[key]
	if !ok {
		id, ok = c.prev.once[key]
	}
	if ok && id >= 0 {
		c.infos = append(c.infos, c.prev.infos[id])
		id = int32(len(c.infos) - 1)
	}
	return id, ok
}

// mark makes targets candidates.
func (s *scratch) mark(targets []int32) {
	for _, id := range targets {
		s.cands[id>>6] |= 1 << (id & 63)
	}
}

// eval reports whether the query under n matches the current item.
func (e *Engine) eval(n *node, s *scratch) bool {
	switch n.kind {
	case nodeLeaf:
		// A single word or prefix, the most common leaf, is answered from
		// its token list.
		if l := &e.leaves[n.leaf]; len(l.toks) == 1 {
			return s.in(s.keyList(l.toks[0].key(l.mask)), l.mask)
		}
		return len(e.leafSpans(n.leaf, s)) > 0
	case nodeAnd:
		for _, k := range n.kids {
			if !e.eval(k, s) {
				return false
			}
		}
		return true
	case nodeOr:
		return slices.ContainsFunc(n.kids, func(k *node) bool { return e.eval(k, s) })
	case nodeNot:
		return !e.eval(n.kids[0], s)
	case nodeNear:
		return len(e.spans(n, s)) > 0
	}
	return false // nodeNever
}

// maxSpans bounds the places one term is recorded at, so that NEAR over
// very repetitive text stays cheap.
const maxSpans = 256

// leafSpans returns where leaf id matches the current item, computing it
// at most once per item.
func (e *Engine) leafSpans(id int32, s *scratch) []span {
	st := &s.leaves[id]
	if st.gen != s.gen {
		l := &e.leaves[id]
		switch {
		case l.re == nil:
			st.spans = matchTokens(l, s, st.spans[:0])
		case l.atStart != nil:
			st.spans = e.matchRegexAt(l, s, st.spans[:0])
		default:
			st.spans = matchRegex(l, s.d, st.spans[:0])
		}
		st.gen, st.hasTerm = s.gen, false
	}
	return st.spans
}

// spans returns where a leaf, OR or NEAR matches.
func (e *Engine) spans(n *node, s *scratch) []span {
	switch n.kind {
	case nodeLeaf:
		return e.leafSpans(n.leaf, s)
	case nodeOr:
		start := len(s.arena)
		for _, k := range n.kids {
			sub := e.spans(k, s)
			s.arena = append(s.arena, sub...)
		}
		return s.arena[start:len(s.arena):len(s.arena)]
	case nodeNear:
		a := e.spans(n.kids[0], s)
		if len(a) == 0 {
			return nil
		}
		return s.near(a, e.spans(n.kids[1], s), n.dist)
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
			// The words between them; negative when they overlap: the
			// same words cannot be near themselves.
			if gap := max(y.start-x.end, x.start-y.end); gap >= 0 && int(gap) <= dist {
				s.arena = append(s.arena, span{field: x.field,
					start: min(x.start, y.start), end: max(x.end, y.end),
					bs: min(x.bs, y.bs), be: max(x.be, y.be)})
			}
		}
	}
	return s.arena[start:len(s.arena):len(s.arena)]
}

// matchTokens finds a word or phrase: it follows the occurrences of one
// of its tokens and checks their neighbours.
func matchTokens(l *leaf, s *scratch, sp []span) []span {
	j, toks := s.anchor(l)
	for _, p := range toks {
		if len(sp) >= maxSpans {
			break
		}
		if x, ok := phraseAt(l, s, j, p); ok {
			sp = append(sp, x)
		}
	}
	return sp
}

// anchor returns which token j of a word or phrase to follow, and the
// item's tokens that may be it, in text order: the whole word the item
// has fewest of or, when all are prefixes, the indexed anchor prefix.
func (s *scratch) anchor(l *leaf) (j int, toks []int32) {
	for k, q := range l.toks {
		if q.prefix && k != l.anchor {
			continue // a prefix is followed only when no token is a whole word
		}
		st := s.keyList(q.key(l.mask))
		if !s.in(st, l.mask) {
			return 0, nil // a word is missing: no match
		}
		if toks == nil || len(st.toks) < len(toks) {
			j, toks = k, st.toks
		}
	}
	return j, toks
}

// phraseAt reports whether leaf l's words occur with its j-th at token p,
// in one field of its scope, and where.
func phraseAt(l *leaf, s *scratch, j int, p int32) (span, bool) {
	d := s.d
	start := p - int32(j)
	end := start + int32(len(l.toks))
	if start < 0 || int(end) > len(d.toks) {
		return span{}, false
	}
	f := d.toks[p].field
	if !l.mask.has(f) || d.toks[start].field != f || d.toks[end-1].field != f {
		return span{}, false
	}
	for i, q := range l.toks {
		k := start + int32(i)
		if w := d.word(k); q.prefix && !hasPrefix(w, q.text) || !q.prefix && string(w) != q.text {
			return span{}, false
		}
	}
	return span{field: f, start: start, end: end, bs: d.toks[start].start, be: d.toks[end-1].end}, true
}

// maxTerms bounds the terms reported for one match, maxTermRunes the
// text of each.
const (
	maxTerms     = 10
	maxTermRunes = 80
)

// addTerms gathers the terms of a match of t: the text of the first place
// each of its term leaves occurs in the item, up to maxTerms.
func (e *Engine) addTerms(t *target, s *scratch) {
	from := len(s.terms)
	for _, id := range t.terms {
		if term := e.term(id, s); term != "" {
			s.addTerm(term, from)
			if len(s.terms)-from >= maxTerms {
				return
			}
		}
	}
}

// term returns the text of the first place leaf id occurs in the item, as
// a term is shown, or "".
func (e *Engine) term(id int32, s *scratch) string {
	if l := &e.leaves[id]; len(l.toks) == 1 { // a word or prefix: its first token in scope
		_, toks := s.anchor(l)
		for _, i := range toks {
			if t := &s.d.toks[i]; l.mask.has(t.field) {
				return capRunes(s.d.fields[t.field][t.start:t.end], maxTermRunes) // a token has no spaces
			}
		}
		return ""
	}
	sp, st := e.leafSpans(id, s), &s.leaves[id]
	if len(sp) == 0 {
		return ""
	}
	if !st.hasTerm {
		st.term, st.hasTerm = s.d.fields[sp[0].field][sp[0].bs:sp[0].be], true
		if t := st.term; strings.Contains(t, "  ") || strings.Trim(t, " ") != t || // one space between words
			strings.ContainsFunc(t, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) }) {
			st.term = strings.Join(strings.Fields(t), " ")
		}
		st.term = capRunes(st.term, maxTermRunes)
	}
	return st.term
}

// addTerm adds a term to those of the current match, s.terms[from:].
func (s *scratch) addTerm(t string, from int) {
	for _, have := range s.terms[from:] {
		// (Letters whose case forms differ in length, as the Kelvin sign
		// and k, stay apart: shown twice, harmlessly.)
		if len(have) == len(t) && strings.EqualFold(have, t) {
			return
		}
	}
	s.terms = append(s.terms, t)
}

// capRunes shortens s to n runes, marking the cut.
func capRunes(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}
