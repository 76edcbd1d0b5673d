package alerts

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"wirewatch/model"
)

// Engine matches items against the compiled topics and rules of one
// config. It is immutable and safe for concurrent use.
type Engine struct {
	leaves  []leaf
	targets []target // topics first, then rules, in config order
	nTopics int

	exact          map[string][]int32 // folded token → targets it may trigger
	prefixID       map[string]int32   // folded prefix (trigger or phrase anchor) → id
	prefixTargets  [][]int32          // per prefix id: targets it triggers
	prefixLens     []int              // distinct prefix lengths in bytes, ascending
	prefixStart    startSet           // first two bytes of every prefix
	lits           *acMatcher         // regex literals of ASCII letters and digits, searched in tokens
	litTargets     [][]int32          // per literal id
	textLits       *acMatcher         // other regex literals, searched in the text
	textLitTargets [][]int32
	litMask        fieldMask // fields regexes look at
	always         []int32   // targets with nothing to index (e.g. NOT x alone)

	// tokens caches what the index says about a folded token. News repeats
	// its vocabulary, so most look-ups cost one map access; the cache stops
	// growing at maxCachedTokens.
	mu     sync.RWMutex
	tokens map[string]*tokenInfo

	pool sync.Pool // *scratch
}

// target is a compiled topic or rule.
type target struct {
	name     string
	root     *node
	severity model.Severity
	channels []string
	mentions []string
}

// scratch is the per-item working memory of one Match call.
type scratch struct {
	d         *doc
	prefixGen []uint32   // per prefix id: == gen when prefixToks is for this item
	prefixTok [][]string // per prefix id: the item's tokens that start with it
	gen       uint32
	mark      []uint32 // per target: == gen when already a candidate
	cands     []int32
	misses    []string
	leafGen   []uint32 // per leaf: == gen when leafSp is computed for this item
	leafSp    [][]span
	arena     []span
	terms     []string
}

func (e *Engine) getScratch() *scratch {
	s, _ := e.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{
			d:       newDoc(),
			mark:    make([]uint32, len(e.targets)),
			leafGen: make([]uint32, len(e.leaves)),
			leafSp:  make([][]span, len(e.leaves)),
		}
		s.prefixGen = make([]uint32, len(e.prefixTargets))
		s.prefixTok = make([][]string, len(e.prefixTargets))
	}
	s.gen++
	if s.gen == 0 { // wrapped: old stamps could collide
		clear(s.mark)
		clear(s.leafGen)
		clear(s.prefixGen)
		s.gen = 1
	}
	s.cands = s.cands[:0]
	s.arena = s.arena[:0]
	return s
}

// itemFields lays out the searchable fields of an item.
func itemFields(it model.Item) [numFields]string {
	return [numFields]string{
		fieldTitle:    it.Title,
		fieldText:     it.Text,
		fieldSummary:  strings.Join(it.Summary, "\n"),
		fieldFeed:     it.Feed,
		fieldLink:     it.Link,
		fieldAuthor:   it.Author,
		fieldCategory: strings.Join(it.Categories, "\n"),
	}
}

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
	s.d.reset(itemFields(it))
	e.candidates(s)
	for _, id := range s.cands {
		isTopic := int(id) < e.nTopics
		if isTopic && !wantTopics || !isTopic && !wantMatches {
			continue
		}
		t := &e.targets[id]
		if !e.eval(t.root, s) {
			continue
		}
		if isTopic {
			topics = append(topics, t.name)
			continue
		}
		s.terms = s.terms[:0]
		e.collect(t.root, s)
		matches = append(matches, model.Match{
			Rule:     t.name,
			Severity: t.severity,
			Channels: slices.Clone(t.channels),
			Mentions: slices.Clone(t.mentions),
			Terms:    slices.Clone(s.terms),
		})
	}
	return topics, matches
}

// tokenInfo is what the index says about one folded token.
type tokenInfo struct {
	targets  []int32 // targets the token may set off
	prefixes []int32 // ids of the indexed prefixes it starts with
}

const maxCachedTokens = 100_000

// lookUp computes what the index says about a token.
func (e *Engine) lookUp(t string) *tokenInfo {
	ti := &tokenInfo{}
	seen := map[int32]bool{}
	add := func(ids []int32) {
		for _, id := range ids {
			if !seen[id] {
				seen[id] = true
				ti.targets = append(ti.targets, id)
			}
		}
	}
	add(e.exact[t])
	if t != "" && e.prefixStart.has(t) {
		for _, n := range e.prefixLens {
			if n > len(t) {
				break
			}
			if n < len(t) && !utf8.RuneStart(t[n]) {
				continue
			}
			if id, ok := e.prefixID[t[:n]]; ok {
				ti.prefixes = append(ti.prefixes, id)
				add(e.prefixTargets[id])
			}
		}
	}
	if e.lits != nil {
		e.lits.scan(t, func(lit int32) { add(e.litTargets[lit]) })
	}
	return ti
}

// candidates collects, through the index, the targets that may match: the
// cost grows with the item's distinct tokens, not with the number of rules.
func (e *Engine) candidates(s *scratch) {
	add := func(ids []int32) {
		for _, id := range ids {
			if s.mark[id] != s.gen {
				s.mark[id] = s.gen
				s.cands = append(s.cands, id)
			}
		}
	}
	use := func(t string, ti *tokenInfo) {
		add(ti.targets)
		for _, p := range ti.prefixes {
			if s.prefixGen[p] != s.gen {
				s.prefixGen[p] = s.gen
				s.prefixTok[p] = s.prefixTok[p][:0]
			}
			s.prefixTok[p] = append(s.prefixTok[p], t)
		}
	}
	s.misses = s.misses[:0]
	e.mu.RLock()
	for _, t := range s.d.uniq {
		if ti, ok := e.tokens[t]; ok {
			use(t, ti)
		} else {
			s.misses = append(s.misses, t)
		}
	}
	e.mu.RUnlock()
	if len(s.misses) > 0 {
		infos := make([]*tokenInfo, len(s.misses))
		for i, t := range s.misses {
			infos[i] = e.lookUp(t)
			use(t, infos[i])
		}
		e.mu.Lock()
		for i, t := range s.misses {
			if len(e.tokens) < maxCachedTokens {
				e.tokens[strings.Clone(t)] = infos[i]
			}
		}
		e.mu.Unlock()
	}
	if e.textLits != nil {
		for f := field(0); f < numFields; f++ {
			if e.litMask.has(f) {
				e.textLits.scan(s.d.fields[f], func(lit int32) { add(e.textLitTargets[lit]) })
			}
		}
	}
	add(e.always)
	slices.Sort(s.cands)
}

// maxSpans bounds the places one term is recorded at, so that NEAR over
// very repetitive text stays cheap.
const maxSpans = 256

// leafSpans returns where a leaf matches the current item, computing it at
// most once per item.
func (e *Engine) leafSpans(id int32, s *scratch) []span {
	if s.leafGen[id] == s.gen {
		return s.leafSp[id]
	}
	l := &e.leaves[id]
	sp := s.leafSp[id][:0]
	if l.kind == leafRegex {
		sp = matchRegex(l, s.d, sp)
	} else {
		sp = matchTokens(l, s, sp)
	}
	s.leafSp[id], s.leafGen[id] = sp, s.gen
	return sp
}

// matchTokens finds a word or phrase: it looks up one anchor token in the
// item's index and checks its neighbours.
func matchTokens(l *leaf, s *scratch, sp []span) []span {
	d := s.d
	anchor := l.anchor
	n := int32(len(l.toks))
	try := func(p int32) {
		start := p - int32(anchor)
		end := start + n
		if start < 0 || int(end) > len(d.toks) || len(sp) >= maxSpans {
			return
		}
		f := d.toks[p].field
		if !l.mask.has(f) || d.toks[start].field != f || d.toks[end-1].field != f {
			return
		}
		for j, q := range l.toks {
			got := d.toks[start+int32(j)].text
			if q.prefix && !strings.HasPrefix(got, q.text) || !q.prefix && got != q.text {
				return
			}
		}
		sp = append(sp, d.tokenSpan(start, end))
	}
	a := l.toks[anchor]
	if !a.prefix {
		if h, ok := d.head[a.text]; ok {
			for p := h; p >= 0; p = d.next[p] {
				try(p)
			}
		}
		return sp
	}
	// The index listed, for this item, the tokens that start with every
	// anchor prefix.
	if s.prefixGen[l.anchorPrefix] != s.gen {
		return sp
	}
	for _, tok := range s.prefixTok[l.anchorPrefix] {
		for p := d.head[tok]; p >= 0; p = d.next[p] {
			try(p)
		}
	}
	slices.SortFunc(sp, func(x, y span) int { return int(x.start - y.start) })
	return sp
}

// matchRegex runs a regex over the raw text of the fields in its scope.
func matchRegex(l *leaf, d *doc, sp []span) []span {
	for f := field(0); f < numFields; f++ {
		if !l.mask.has(f) || d.fields[f] == "" {
			continue
		}
		for _, loc := range l.re.FindAllStringIndex(d.fields[f], 64) {
			if len(sp) >= maxSpans {
				return sp
			}
			sp = append(sp, d.byteSpan(f, loc[0], loc[1]))
		}
	}
	return sp
}

// eval reports whether a node matches the current item.
func (e *Engine) eval(n *node, s *scratch) bool {
	switch n.kind {
	case nodeLeaf:
		return len(e.leafSpans(n.leaf, s)) > 0
	case nodeAnd:
		for _, k := range n.kids {
			if !e.eval(k, s) {
				return false
			}
		}
		return true
	case nodeOr:
		for _, k := range n.kids {
			if e.eval(k, s) {
				return true
			}
		}
		return false
	case nodeNot:
		return !e.eval(n.kids[0], s)
	case nodeNear:
		return len(e.spans(n, s)) > 0
	}
	return false
}

// spans returns where a leaf, OR or NEAR node matches.
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
		b := e.spans(n.kids[1], s)
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
				if int(gap) <= n.dist {
					s.arena = append(s.arena, span{field: x.field,
						start: min(x.start, y.start), end: max(x.end, y.end),
						bs: min(x.bs, y.bs), be: max(x.be, y.be)})
				}
			}
		}
		return s.arena[start:len(s.arena):len(s.arena)]
	}
	return nil
}

// maxTerms bounds the terms reported for one match.
const maxTerms = 10

// collect gathers the text that made a matching node true, skipping
// branches that did not match and anything under NOT.
func (e *Engine) collect(n *node, s *scratch) {
	switch n.kind {
	case nodeLeaf:
		sp := e.leafSpans(n.leaf, s)
		if len(sp) > 0 {
			s.addTerm(s.d.fields[sp[0].field][sp[0].bs:sp[0].be])
		}
	case nodeAnd, nodeOr, nodeNear:
		for _, k := range n.kids {
			if e.eval(k, s) {
				e.collect(k, s)
			}
		}
	}
}

func (s *scratch) addTerm(t string) {
	t = strings.Join(strings.Fields(t), " ")
	if utf8.RuneCountInString(t) > 80 {
		t = string([]rune(t)[:79]) + "…"
	}
	if t == "" || len(s.terms) >= maxTerms {
		return
	}
	for _, have := range s.terms {
		if strings.EqualFold(have, t) {
			return
		}
	}
	s.terms = append(s.terms, t)
}
