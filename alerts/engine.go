package alerts

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"wirewatch/model"
)

// Engine matches items against the compiled topics and rules of one
// config. It is immutable and safe for concurrent use.
type Engine struct {
	leaves  []leaf
	targets []target // topics first, then rules, in config order
	nTopics int
	nMemo   int     // operator memo slots (node.memo)
	entryAt []int32 // per target, and one past the last: where its entry starts in entries
	entries []int32 // per target: its entry (see entry), then its must groups (see mustGroups)
	prog    []op    // the queries of all targets, each followed by its term ops (see op, termLeaves)

	exact          map[string][]int32 // folded word → targets it may trigger
	prefixID       map[string]int32   // folded prefix (trigger or phrase anchor) → id
	prefixTargets  [][]int32          // per prefix id: targets it triggers
	prefixLens     []int              // distinct prefix lengths in bytes, ascending
	prefixStart    startSet           // first two bytes of every prefix
	lits           *acMatcher         // regex literals of ASCII letters and digits, searched in tokens
	litTargets     [][]int32          // per literal id
	textLits       *acMatcher         // other regex literals, searched in the text
	textLitTargets [][]int32
	litMask        fieldMask  // fields regexes look at
	always         []int32    // targets with nothing to index (e.g. NOT x alone)
	leading        *acMatcher // leading literals of regexes (leaf.leading), searched in tokens
	leadingText    []string   // per leading literal id

	// Every distinct folded token an item brings is looked up once in a
	// cache that gives it an id; per-item state is then kept in arrays
	// indexed by id instead of maps. base holds the words of the rules
	// (ids 0..len(base.infos)-1, fixed, so a leaf knows its words' ids);
	// the cache starts as a copy of it and is started afresh when it
	// reaches maxCachedTokens.
	base  *tokenCache
	cache atomic.Pointer[tokenCache]

	pool sync.Pool // *scratch
}

// entry is where a target's parts are: its query starts at prog[pc] and is
// followed by its term ops, prog[terms:end]. The term ops of a match are
// then read from the cache lines of the query just evaluated. The entry is
// followed by the target's must groups: checking a candidate reads one
// place in memory, not two.
type entry struct {
	pc, terms, end int32
}

const entryLen = 3 // int32s

// entry returns the entry of target id and its must groups.
func (e *Engine) entry(id int32) (entry, []int32) {
	at := e.entryAt[id : id+2 : id+2]
	x := e.entries[at[0]:at[1]:at[1]]
	return entry{pc: x[0], terms: x[1], end: x[2]}, x[entryLen:]
}

// target is a compiled topic or rule.
type target struct {
	name     string
	root     *node
	severity model.Severity
	channels []string
	mentions []string
}

// tokenCache maps folded tokens to ids. News repeats its vocabulary, so
// almost every token of an item is found here under a read lock.
type tokenCache struct {
	mu    sync.RWMutex
	ids   *tokenTable // -1: the index knows nothing of the token
	infos tokenInfos  // per id
}

func (c *tokenCache) clone() *tokenCache {
	return &tokenCache{ids: c.ids.clone(), infos: c.infos.clip()}
}

// scratch is the per-item working memory of one evaluation.
type scratch struct {
	d   *doc
	gen uint32

	// per token of the item
	tid  []int32 // token id, or -1
	next []int32 // next token with the same id, or -1
	rel  []int32 // the tokens with an id

	ids  []idState // per token id
	uniq []int32   // ids present, in order of first occurrence

	infos  tokenInfos // the cache's infos for this item
	extra  tokenInfos // ids past infos: tokens the full cache did not take
	misses []int32
	late   []int32 // slots of the keys found past the first slot of their bucket (see tokenTable.promote)

	prefixGen []uint32  // per prefix id: == gen when prefixTok is for this item
	prefixTok [][]int32 // per prefix id: ids of the item's tokens that start with it
	leadToks  []int32   // ids of the item's tokens that contain a leading regex literal
	leadPos   []litPos

	// candidate targets, a bit each: read in config order, and cleared,
	// by evaluate
	cands []uint64

	memo      []uint32 // per memo slot: gen<<1 | result, when computed for this item
	leafGen   []uint32 // per leaf: == gen when leafSp is computed for this item
	leafSp    [][]span
	leafTerms []leafTerm // per leaf: its term, when computed for this item
	arena     []span
	terms     []string // of every hit, one after the other
	hits      []hit
}

// leafTerm is the term of one leaf for one item (see Engine.term).
type leafTerm struct {
	gen  uint32
	term string
}

// idState is what an item has of one token id. The fields are read
// together, so they share a cache line.
type idState struct {
	gen        uint32 // the rest is valid when gen == scratch.gen
	head, tail int32  // first and last token with the id
	where      fieldMask
	count      uint16 // tokens with the id, up to 65535
}

func (e *Engine) getScratch() *scratch {
	s, _ := e.pool.Get().(*scratch)
	if s == nil {
		s = &scratch{
			d:         newDoc(),
			cands:     make([]uint64, (len(e.targets)+63)/64),
			leafGen:   make([]uint32, len(e.leaves)),
			memo:      make([]uint32, e.nMemo),
			leafSp:    make([][]span, len(e.leaves)),
			leafTerms: make([]leafTerm, len(e.leaves)),
			prefixGen: make([]uint32, len(e.prefixTargets)),
			prefixTok: make([][]int32, len(e.prefixTargets)),
		}
	}
	s.gen++
	if s.gen >= 1<<31 { // memo keeps gen<<1
		s.resetStamps()
	}
	s.arena = s.arena[:0]
	s.uniq = s.uniq[:0]
	s.leadToks = s.leadToks[:0]
	s.extra.reset()
	return s
}

// resetStamps clears every generation stamp when gen has wrapped, as old
// stamps could collide with new ones.
func (s *scratch) resetStamps() {
	clear(s.leafGen)
	clear(s.leafTerms)
	clear(s.prefixGen)
	clear(s.ids)
	clear(s.memo)
	s.gen = 1
}

// info returns what the index says about token id.
func (s *scratch) info(id int32) tokenInfo {
	return unpack(s.record(id))
}

// record returns the packed record of token id (see tokenInfos).
func (s *scratch) record(id int32) []int32 {
	if n := int32(len(s.infos.off)); id >= n {
		return s.extra.data[s.extra.off[id-n]:]
	}
	return s.infos.data[s.infos.off[id]:]
}

// mustHold reports whether the item has a key of every must group.
func (s *scratch) mustHold(m []int32) bool {
	for i := 0; i < len(m); {
		n := int(m[i])
		g := m[i+1 : i+1+2*n]
		i += 1 + 2*n
		found := false
		for j := 0; j+1 < len(g); j += 2 {
			if k := g[j]; k >= 0 && s.has(k, fieldMask(g[j+1])) || k < 0 && s.prefixGen[-k-1] == s.gen {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// has reports whether the item has token id in a field of mask.
func (s *scratch) has(id int32, mask fieldMask) bool {
	st := &s.ids[id]
	return st.gen == s.gen && st.where&mask != 0
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
	s.d.tokenize(itemFields(it))
	e.index(s)
	e.candidates(s)
	s.hits, s.terms = s.hits[:0], s.terms[:0]
	for wi, w := range s.cands {
		if w == 0 {
			continue
		}
		s.cands[wi] = 0
		for ; w != 0; w &= w - 1 {
			id := int32(wi*64 + bits.TrailingZeros64(w))
			isTopic := int(id) < e.nTopics
			if isTopic && !wantTopics || !isTopic && !wantMatches {
				continue
			}
			en, must := e.entry(id)
			if !s.mustHold(must) || !e.eval(en.pc, s) {
				continue
			}
			if isTopic {
				topics = append(topics, e.targets[id].name)
				continue
			}
			from := len(s.terms)
			e.terms(en, s)
			s.hits = append(s.hits, hit{target: id, from: int32(from), to: int32(len(s.terms))})
		}
	}
	return topics, e.matches(s)
}

// hit is a rule that matched the current item, with its terms,
// s.terms[from:to].
type hit struct {
	target, from, to int32
}

// matches builds the Match of every hit with two allocations: the slice
// and one array that the terms of every match are cut from (capped, so
// that appending to one cannot overwrite another). Channels and mentions
// are the engine's own, shared, also capped.
func (e *Engine) matches(s *scratch) []model.Match {
	if len(s.hits) == 0 {
		return nil
	}
	strs := slices.Clone(s.terms)
	out := make([]model.Match, len(s.hits))
	for i, h := range s.hits {
		t := &e.targets[h.target]
		var terms []string
		if h.from < h.to {
			terms = strs[h.from:h.to:h.to]
		}
		out[i] = model.Match{
			Rule:     t.name,
			Severity: t.severity,
			Channels: t.channels,
			Mentions: t.mentions,
			Terms:    terms,
		}
	}
	return out
}

// tokenInfo is what the index says about one folded token.
type tokenInfo struct {
	targets  []int32 // targets the token may set off
	prefixes []int32 // ids of the indexed prefixes it starts with
	leading  []int32 // ids of the leading regex literals it contains
}

// tokenInfos holds the tokenInfo of every id in one array. Matching reads
// it for every distinct token of every item, and a heap object per token
// costs a cache miss each; packed, the records of an item's tokens share
// cache lines. Records are only appended, so a copy of the slices taken
// under the cache's read lock stays valid while others add to it.
type tokenInfos struct {
	off  []uint32 // per id: where its record starts in data
	data []int32  // per record: the three lengths, then the three lists
}

func (t *tokenInfos) len() int { return len(t.off) }

func (t *tokenInfos) reset() { t.off, t.data = t.off[:0], t.data[:0] }

// clip returns a copy that appends to new arrays, leaving t's to t.
func (t tokenInfos) clip() tokenInfos {
	return tokenInfos{off: slices.Clip(t.off), data: slices.Clip(t.data)}
}

// add appends the record of the next id.
func (t *tokenInfos) add(ti tokenInfo) {
	if len(t.data) == 0 {
		t.data = append(t.data, 0, 0, 0) // the record with no lists
	}
	if len(ti.targets)+len(ti.prefixes)+len(ti.leading) == 0 {
		// A word only a phrase or a must group looks for: all such share
		// the first record, which stays in the processor's cache.
		t.off = append(t.off, 0)
		return
	}
	t.off = append(t.off, uint32(len(t.data)))
	t.data = append(t.data, int32(len(ti.targets)), int32(len(ti.prefixes)), int32(len(ti.leading)))
	t.data = append(t.data, ti.targets...)
	t.data = append(t.data, ti.prefixes...)
	t.data = append(t.data, ti.leading...)
}

// unpack returns the lists of a record, as views of the array.
func unpack(rec []int32) tokenInfo {
	nt, np := int(rec[0]), int(rec[1])
	rec = rec[3 : 3+nt+np+int(rec[2])]
	return tokenInfo{targets: rec[:nt:nt], prefixes: rec[nt : nt+np : nt+np], leading: rec[nt+np:]}
}

const maxCachedTokens = 100_000

// lookUp computes what the index says about a token.
func (e *Engine) lookUp(t string) tokenInfo {
	ti := tokenInfo{targets: slices.Clone(e.exact[t])}
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
				ti.targets = append(ti.targets, e.prefixTargets[id]...)
			}
		}
	}
	if e.lits != nil {
		e.lits.scan(t, func(lit int32) { ti.targets = append(ti.targets, e.litTargets[lit]...) })
	}
	if e.leading != nil {
		e.leading.scan(t, func(lit int32) { ti.leading = append(ti.leading, lit) })
	}
	slices.Sort(ti.leading)
	ti.leading = slices.Clip(slices.Compact(ti.leading))
	slices.Sort(ti.targets)
	ti.targets = slices.Clip(slices.Compact(ti.targets))
	return ti
}

// relevant reports whether matching needs to see the token at all.
func (ti tokenInfo) relevant() bool {
	return len(ti.targets) > 0 || len(ti.prefixes) > 0 || len(ti.leading) > 0
}

// index gives every token of the item its id, then chains the tokens of
// each id in text order. The look-ups are one loop of their own: they do
// not depend on each other, and the processor overlaps them better than
// when each waits for the chaining of the one before.
func (e *Engine) index(s *scratch) {
	d := s.d
	n := len(d.toks)
	s.tid = slices.Grow(s.tid[:0], n)[:n]
	s.next = slices.Grow(s.next[:0], n)[:n]
	s.misses = s.misses[:0]
	c := e.cache.Load()
	c.mu.RLock()
	c.ids.findAll(d.folded, d.toks, s.tid, &s.misses, &s.late)
	moves := c.ids.moves
	s.infos = c.infos
	c.mu.RUnlock()
	if len(s.misses) > 0 {
		e.resolve(c, s)
	}
	if len(s.late) > 0 {
		promote(c, s.late, moves)
	}
	s.growIDs(s.infos.len() + s.extra.len())
	// Only the tokens the index knows of are chained, a third of an
	// article's: they are picked out first without a branch (whether a
	// token is known is too random to predict).
	rel := slices.Grow(s.rel[:0], n)[:n]
	k := 0
	for i, id := range s.tid {
		rel[k] = int32(i)
		k += int(uint32(^id) >> 31) // 1 when id >= 0
	}
	s.rel = rel
	for _, i := range rel[:k] {
		s.chain(i, s.tid[i], d.toks[i].field)
	}
}

// promote has the cache's table count the late look-ups of an item and
// move the keys counted most (see tokenTable.promote). It is only a
// matter of speed: it gives up when another goroutine holds the lock, or
// when keys have moved since the look-ups, as their slots are then stale.
func promote(c *tokenCache, late []int32, moves uint64) {
	if !c.mu.TryLock() {
		return
	}
	if c.ids.moves == moves {
		c.ids.promote(late)
	}
	c.mu.Unlock()
}

// growIDs makes room for token ids below n.
func (s *scratch) growIDs(n int) {
	if len(s.ids) < n {
		s.ids = append(s.ids, make([]idState, n-len(s.ids))...)
	}
}

// chain appends token i, of id in field f, to its id's chain.
func (s *scratch) chain(i, id int32, f field) {
	s.next[i] = -1
	st := &s.ids[id]
	if st.gen != s.gen {
		*st = idState{gen: s.gen, head: i, tail: i, where: 1 << f, count: 1}
		s.uniq = append(s.uniq, id)
		return
	}
	s.next[st.tail] = i
	st.tail = i
	st.where |= 1 << f
	if st.count < 1<<16-1 {
		st.count++
	}
}

// resolve looks up the tokens the cache did not know and adds them to it.
// A full cache is replaced by a fresh copy of the base for later items;
// this item keeps its new tokens in scratch.extra.
func (e *Engine) resolve(c *tokenCache, s *scratch) {
	d := s.d
	var local map[string]int32 // the item's tokens that the full cache did not take
	c.mu.Lock()
	full := c.ids.n >= maxCachedTokens
	for _, i := range s.misses {
		w := d.word(i)
		id, ok := c.ids.lookup(w)
		if !ok && full {
			id, ok = local[string(w)]
		}
		if !ok {
			key := string(w)
			ti := e.lookUp(key)
			id = -1
			switch {
			case !ti.relevant():
			case full:
				id = int32(c.infos.len() + s.extra.len())
				s.extra.add(ti)
			default:
				id = int32(c.infos.len())
				c.infos.add(ti)
			}
			if full {
				if local == nil {
					local = make(map[string]int32)
				}
				local[key] = id
			} else {
				c.ids.put(w, id)
			}
		}
		s.tid[i] = id
	}
	s.infos = c.infos
	c.mu.Unlock()
	if full {
		e.cache.CompareAndSwap(c, e.base.clone())
	}
}

// candidates marks, through the index, the targets that may match: the
// cost grows with the item's distinct tokens, not with the number of rules
// (but for reading the marks back, a word per 64 rules).
func (e *Engine) candidates(s *scratch) {
	add := func(ids []int32) {
		for _, id := range ids {
			s.cands[id>>6] |= 1 << (id & 63)
		}
	}
	for _, id := range s.uniq {
		ti := unpack(s.record(id))
		add(ti.targets)
		for _, p := range ti.prefixes {
			if s.prefixGen[p] != s.gen {
				s.prefixGen[p] = s.gen
				s.prefixTok[p] = s.prefixTok[p][:0]
			}
			s.prefixTok[p] = append(s.prefixTok[p], id)
		}
		if len(ti.leading) > 0 {
			s.leadToks = append(s.leadToks, id)
		}
	}
	if e.textLits != nil {
		for f := field(0); f < numFields; f++ {
			if e.litMask.has(f) {
				e.textLits.scan(s.d.fields[f], func(lit int32) { add(e.textLitTargets[lit]) })
			}
		}
	}
	add(e.always)
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
	switch {
	case l.kind == leafTokens:
		sp = matchTokens(l, s, sp)
	case l.atStart != nil:
		sp = e.matchRegexAt(l, s, sp)
	default:
		sp = matchRegex(l, s.d, sp)
	}
	s.leafSp[id], s.leafGen[id] = sp, s.gen
	return sp
}

// wordTerm returns the text of the first token with id in a field of
// mask, "" if there is none.
func (s *scratch) wordTerm(id int32, mask fieldMask) string {
	st := &s.ids[id]
	if st.gen != s.gen || st.where&mask == 0 {
		return ""
	}
	for p := st.head; p >= 0; p = s.next[p] {
		if mask.has(s.d.toks[p].field) {
			return s.tokenTerm(p)
		}
	}
	return ""
}

// prefixTerm returns the text of the first token with indexed prefix p in
// a field of mask, "" if there is none: the earliest in-scope token among
// those the index found with the prefix.
func (s *scratch) prefixTerm(p int32, mask fieldMask) string {
	if s.prefixGen[p] != s.gen {
		return ""
	}
	best := int32(-1)
	for _, t := range s.prefixTok[p] {
		for q := s.ids[t].head; q >= 0; q = s.next[q] {
			if mask.has(s.d.toks[q].field) {
				if best < 0 || q < best {
					best = q
				}
				break // a chain is in text order
			}
		}
	}
	if best < 0 {
		return ""
	}
	return s.tokenTerm(best)
}

// tokenTerm is the text of token p as a term: a token has no spaces.
func (s *scratch) tokenTerm(p int32) string {
	t := &s.d.toks[p]
	return capTerm(s.d.fields[t.field][t.start:t.end])
}

// capTerm shortens a term to 80 runes.
func capTerm(t string) string {
	if len(t) > 80 && utf8.RuneCountInString(t) > 80 {
		t = string([]rune(t)[:79]) + "…"
	}
	return t
}

// matchTokens finds a word or phrase: it follows the occurrences of one
// anchor token and checks their neighbours.
func matchTokens(l *leaf, s *scratch, sp []span) []span {
	if !l.toks[l.anchor].prefix {
		j, ok := s.rarestWord(l)
		if !ok {
			return sp
		}
		for p := s.ids[l.toks[j].id].head; p >= 0 && len(sp) < maxSpans; p = s.next[p] {
			if x, ok := phraseAt(l, s, j, p); ok {
				sp = append(sp, x)
			}
		}
		return sp
	}
	// The index listed, for this item, the tokens that start with every
	// anchor prefix.
	if s.prefixGen[l.anchorPrefix] != s.gen {
		return sp
	}
	for _, t := range s.prefixTok[l.anchorPrefix] {
		for p := s.ids[t].head; p >= 0 && len(sp) < maxSpans; p = s.next[p] {
			if x, ok := phraseAt(l, s, l.anchor, p); ok {
				sp = append(sp, x)
			}
		}
	}
	slices.SortFunc(sp, func(x, y span) int { return int(x.start - y.start) })
	return sp
}

// firstTokens is the first span matchTokens would find, found without
// looking further: all that a term, or knowing whether the leaf matches,
// needs.
func firstTokens(l *leaf, s *scratch) (span, bool) {
	if !l.toks[l.anchor].prefix {
		j, ok := s.rarestWord(l)
		if !ok {
			return span{}, false
		}
		for p := s.ids[l.toks[j].id].head; p >= 0; p = s.next[p] {
			if x, ok := phraseAt(l, s, j, p); ok {
				return x, true
			}
		}
		return span{}, false
	}
	if s.prefixGen[l.anchorPrefix] != s.gen {
		return span{}, false
	}
	var best span
	found := false
	for _, t := range s.prefixTok[l.anchorPrefix] {
		// A chain is in text order: its first match is its earliest.
		for p := s.ids[t].head; p >= 0 && (!found || p-int32(l.anchor) < best.start); p = s.next[p] {
			if x, ok := phraseAt(l, s, l.anchor, p); ok {
				best, found = x, true
				break
			}
		}
	}
	return best, found
}

// rarestWord returns the whole word of a word or phrase that the item has
// the fewest of, to follow its occurrences; ok is false when one of the
// words is not in the leaf's fields at all, so that it cannot match.
func (s *scratch) rarestWord(l *leaf) (j int, ok bool) {
	best := -1
	for k, q := range l.toks {
		if q.prefix {
			continue
		}
		st := &s.ids[q.id]
		if st.gen != s.gen || st.where&l.mask == 0 {
			return 0, false
		}
		if best < 0 || st.count < s.ids[l.toks[best].id].count {
			best = k
		}
	}
	return best, true
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
		if q.prefix && !hasPrefix(d.word(k), q.text) || !q.prefix && s.tid[k] != q.id {
			return span{}, false
		}
	}
	return d.tokenSpan(start, end), true
}

// leafFirst returns the first place a leaf matches. A word or phrase
// whose spans are not known yet is searched only as far as its first
// match.
func (e *Engine) leafFirst(id int32, s *scratch) (span, bool) {
	if s.leafGen[id] != s.gen {
		if l := &e.leaves[id]; l.kind == leafTokens {
			return firstTokens(l, s)
		}
	}
	sp := e.leafSpans(id, s)
	if len(sp) == 0 {
		return span{}, false
	}
	return sp[0], true
}

// maxRegexMatches is how many matches of a regex are kept per field.
const maxRegexMatches = 64

// matchRegex runs a regex over the raw text of the fields in its scope.
func matchRegex(l *leaf, d *doc, sp []span) []span {
	for f := field(0); f < numFields; f++ {
		if !l.mask.has(f) || d.fields[f] == "" {
			continue
		}
		for _, loc := range l.re.FindAllStringIndex(d.fields[f], maxRegexMatches) {
			if len(sp) >= maxSpans {
				return sp
			}
			sp = append(sp, d.byteSpan(f, loc[0], loc[1]))
		}
	}
	return sp
}

// litPos is where a leading literal of a regex occurs in the raw text.
type litPos struct {
	field field
	off   int32
}

// matchRegexAt finds the same matches as matchRegex for a regex whose
// every match starts with one of its leading literals, trying the regex
// only where one occurs: the leftmost match at or after a position starts
// at the first occurrence from there where the anchored regex matches.
func (e *Engine) matchRegexAt(l *leaf, s *scratch, sp []span) []span {
	d := s.d
	pos := s.leadPos[:0]
	for _, id := range s.leadToks {
		if !intersects(s.info(id).leading, l.leadingID) || s.ids[id].where&l.mask == 0 {
			continue
		}
		for p := s.ids[id].head; p >= 0; p = s.next[p] {
			t := &d.toks[p]
			if !l.mask.has(t.field) {
				continue
			}
			raw := d.fields[t.field][t.start:t.end]
			for _, lit := range l.leading {
				canonIndexAll(raw, lit, func(off int) {
					pos = append(pos, litPos{t.field, t.start + int32(off)})
				})
			}
		}
	}
	slices.SortFunc(pos, func(a, b litPos) int {
		if a.field != b.field {
			return int(a.field) - int(b.field)
		}
		return int(a.off - b.off)
	})
	pos = slices.Compact(pos)
	s.leadPos = pos

	cur, curField, found := 0, field(numFields), 0
	for _, p := range pos {
		if p.field != curField {
			cur, curField, found = 0, p.field, 0
		}
		if int(p.off) < cur || found >= maxRegexMatches {
			continue
		}
		text := d.fields[p.field]
		at := int(p.off)
		var loc []int
		if at == 0 {
			loc = l.atStart.FindStringIndex(text)
		} else {
			// The rune before gives \b and ^ their context.
			_, w := utf8.DecodeLastRuneInString(text[:at])
			loc = l.afterRune.FindStringIndex(text[at-w:])
			if loc != nil {
				loc[1] += at - w
			}
		}
		if loc == nil {
			continue
		}
		if len(sp) >= maxSpans {
			return sp
		}
		sp = append(sp, d.byteSpan(p.field, at, loc[1]))
		cur = loc[1]
		found++
	}
	return sp
}

// intersects reports whether two sorted lists share an element.
func intersects(a, b []int32) bool {
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] == b[j]:
			return true
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return false
}

// canonIndexAll calls fn with the offset of every place in s where lit (of
// ASCII letters and digits) occurs under simple case folding, as (?i)
// would find it.
func canonIndexAll(s, lit string, fn func(off int)) {
	for i := 0; i < len(s); {
		if canonHasPrefix(s[i:], lit) {
			fn(i)
		}
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, n := utf8.DecodeRuneInString(s[i:])
			i += n
		}
	}
}

func canonHasPrefix(s, lit string) bool {
	i := 0
	for j := 0; j < len(lit); j++ {
		if i >= len(s) {
			return false
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			i++
		} else {
			r, n := utf8.DecodeRuneInString(s[i:])
			cr := canonRune(r)
			if cr >= utf8.RuneSelf {
				return false
			}
			c = byte(cr)
			i += n
		}
		if c != lit[j] {
			return false
		}
	}
	return true
}

// leafTerm returns the text of the first place a phrase or regex leaf
// matches, as a term is shown, or "".
func (e *Engine) leafTerm(id int32, s *scratch) string {
	t := ""
	if sp, ok := e.leafFirst(id, s); ok {
		t = s.d.fields[sp.field][sp.bs:sp.be]
		if !spaced(t) {
			t = strings.Join(strings.Fields(t), " ")
		}
		t = capTerm(t)
	}
	return t
}

// spaced reports whether t is already in the form strings.Fields and a
// join with single spaces would give it.
func spaced(t string) bool {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf {
			return false // Unicode spaces: take the slow path
		}
		if asciiSpace(c) && (c != ' ' || i == 0 || i == len(t)-1 || t[i+1] == ' ') {
			return false
		}
	}
	return true
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}
