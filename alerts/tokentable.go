package alerts

import (
	"bytes"
	"encoding/binary"
	"hash/maphash"
	"math"
	"math/bits"
	"slices"
)

// tokenTable is an open-addressing hash table from folded tokens to ids.
// It is looked up once for every token of every item, where a Go map with
// string keys costs about twice as much; keys are kept in one arena.
//
// Keys are folded tokens, without a NUL byte (NUL is not a letter or
// digit); one can be empty (a run of combining marks folds to nothing).
// Most are at most eight bytes long, and such a key, zero-padded to a
// word, is its own slot's w0: finding it is one multiply to hash it and
// one compare with the first slot of its bucket, where the table moves the
// keys items bring most (see promote), with no call and no byte loop. The
// first slots are also kept packed, in head, so that those of the common
// words share cache lines. A slot is 16 bytes (the table is read for every
// token and its size is what costs), so the place of a longer key in the
// arena is kept aside, in long. Probing is linear from the start of the
// key's bucket; keys are never removed, but promote swaps them.
type tokenTable struct {
	seed  uint64 // random per table, so that feed text cannot aim collisions
	mseed maphash.Seed
	slots []tokenSlot // power of two, at most half full
	long  []longKey   // per slot of a key longer than eight bytes
	// The first slot of every bucket again, packed: findShort reads only
	// these, 16 bytes a bucket instead of a cache line, so the first slots
	// of a table of thousands of words share cache lines.
	head  []headSlot
	late  []uint8 // per slot: its key's look-ups not answered by the first slot of its bucket, since it last moved (see promote)
	keys  []byte
	n     int
	moves uint64 // changes of where keys are: a position recorded before one is stale
}

type tokenSlot struct {
	w0   uint64 // the key's first eight bytes, zero-padded
	hash uint32 // 0: empty; longBit set: the key is longer than eight bytes
	id   int32
}

// headSlot is the first slot of a bucket as findShort reads it: the w0 of
// its key when that is at most eight bytes long (noShortKey otherwise),
// and its id.
type headSlot struct {
	w0 uint64
	id int32
}

// noShortKey is a head that no key of at most eight bytes has: its first
// byte is zero and another is not, and keys hold no NUL byte.
const noShortKey = 1 << 63

// longKey is where a key longer than eight bytes is in the arena, and its
// last eight bytes: a key of up to 16 bytes is then compared without
// reading the arena.
type longKey struct {
	off, len uint32
	w1       uint64
}

const longBit = 2

const hashMul = 0x9E3779B97F4A7C15 // 2^64 / the golden ratio

// hashShort hashes a key of at most eight bytes, w0, with a table's seed.
// It is a function of the seed, not a method, so that the per-token loops
// keep the seed in a register.
func hashShort(w0, seed uint64) uint32 {
	hi, lo := bits.Mul64(w0^seed, hashMul)
	return (uint32(hi^lo) | 1) &^ longBit
}

// hashLong hashes a key longer than eight bytes.
func (t *tokenTable) hashLong(w []byte) uint32 {
	if len(w) <= 16 { // the last eight bytes, overlapping the first word
		return hashMid(binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[len(w)-8:]), len(w), t.seed)
	}
	return hashMid(binary.LittleEndian.Uint64(w), maphash.Bytes(t.mseed, w[8:]), len(w), t.seed)
}

// hashMid hashes a long key of n bytes from its first word and rest, the
// hash of what follows (for 9 to 16 bytes, its last eight bytes).
func hashMid(w0, rest uint64, n int, seed uint64) uint32 {
	hi, lo := bits.Mul64(w0^seed, rest^uint64(n)^hashMul)
	return uint32(hi^lo) | 1 | longBit
}

func newTokenTable() *tokenTable {
	ms := maphash.MakeSeed()
	return &tokenTable{
		seed:  maphash.Comparable(ms, 0) | 1,
		mseed: ms,
		slots: make([]tokenSlot, 1024),
		long:  make([]longKey, 1024),
		late:  make([]uint8, 1024),
		head:  newHeads(1024 / bucket),
	}
}

// newHeads returns the heads of n empty buckets.
func newHeads(n int) []headSlot {
	h := make([]headSlot, n)
	for i := range h {
		h[i].w0 = noShortKey
	}
	return h
}

// setHead copies slot k to the packed heads when it is the first of its
// bucket.
func (t *tokenTable) setHead(k uint32) {
	if k%bucket != 0 {
		return
	}
	sl := &t.slots[k]
	b := k / bucket
	t.head[b] = headSlot{w0: noShortKey, id: sl.id}
	if sl.hash != 0 && sl.hash&longBit == 0 {
		t.head[b].w0 = sl.w0
	}
}

// findAll sets ids[i] to the id of every token toks[i], whose folded text
// is folded[fs:fe], sets *misses to the indexes of the tokens the table
// does not hold, and *late to the slots of the keys found past the first
// slot of their bucket (see promote). It is the per-token loop of
// matching.
func (t *tokenTable) findAll(folded []byte, toks []token, ids []int32, misses, late *[]int32) {
	buf := folded[:cap(folded)] // a word can be read eight bytes at a time
	rest := slices.Grow((*misses)[:0], len(toks))[:len(toks)]
	rest = rest[:t.findShort(buf, toks, ids, rest)]
	rest = rest[:t.findMid(folded, toks, ids, rest)]
	lt := slices.Grow((*late)[:0], len(rest))[:len(rest)]
	nr, nl := t.findLate(buf, toks, ids, rest, lt)
	rest, *late = rest[:nr], lt[:nl]
	// The tokens set aside: misses, keys not in their bucket, and keys
	// longer than 16 bytes, looked up here. The misses are compacted into
	// the same array; keys found past the first slot of their bucket are
	// listed late too.
	out := rest[:0]
	mask := uint32(len(t.slots) - 1)
	for _, i := range rest {
		fs, fe := int(toks[i].fs), int(toks[i].fe)
		k, ok := uint32(0), false
		switch n := fe - fs; {
		case n > 8 && n <= 16:
			k, ok = t.slotMid(folded[fs:fe])
		default:
			k, ok = t.slot(folded[fs:fe])
		}
		if !ok {
			out = append(out, i)
			continue
		}
		ids[i] = t.slots[k].id
		if k != bucketStart(t.slots[k].hash, mask) {
			*late = append(*late, int32(k))
		}
	}
	*misses = out
}

// findShort sets ids[i] for every token of at most eight bytes found in
// the first slot of its bucket, where promote moves the words items bring
// most, and lists the indexes of the other tokens in rest, returning how
// many. It is written out for that common case, a key that is its own
// first word: one multiply to hash it and one compare with the bucket's
// head, a single one since a head holds only keys of that length. The loop
// makes no call and has no other path: with either, the compiler reloaded
// the loop's values from the stack for every token.
func (t *tokenTable) findShort(buf []byte, toks []token, ids, rest []int32) int {
	bmask, seed, head := uint32(len(t.head)-1), t.seed, t.head
	k := 0
	for i := range toks {
		fs, n := uint(toks[i].fs), uint(toks[i].fe-toks[i].fs)
		found := false
		if n <= 8 && fs+8 <= uint(len(buf)) {
			w0 := binary.LittleEndian.Uint64(buf[fs:fs+8]) & shortMask[n]
			b := hashShort(w0, seed) / bucket & bmask
			hs := &head[b]
			ids[i] = hs.id
			found = hs.w0 == w0
		}
		rest[k] = int32(i)
		if !found {
			k++
		}
	}
	return k
}

// findLate sets ids[i] for the tokens listed in rest of at most eight
// bytes that are in the other slots of their bucket, comparing the three
// at once, without a branch: which one holds the key is too random to
// predict. It keeps the other tokens in rest, lists the slots where it
// found keys in late, and returns how many of each.
func (t *tokenTable) findLate(buf []byte, toks []token, ids, rest, late []int32) (nr, nl int) {
	mask, seed, slots := uint32(len(t.slots)-1), t.seed, t.slots
	for _, i := range rest {
		fs, n := uint(toks[i].fs), uint(toks[i].fe-toks[i].fs)
		id := int32(notFound)
		if n <= 8 && fs+8 <= uint(len(buf)) {
			w0 := binary.LittleEndian.Uint64(buf[fs:fs+8]) & shortMask[n]
			h := hashShort(w0, seed)
			j := bucketStart(h, mask)
			b := (*[bucket]tokenSlot)(slots[j : j+bucket])
			m1, m2, m3 := slotMask(&b[1], w0, h), slotMask(&b[2], w0, h), slotMask(&b[3], w0, h)
			id = b[1].id&m1 | b[2].id&m2 | b[3].id&m3 | notFound&^(m1|m2|m3)
			ids[i] = id
			late[nl] = int32(j | uint32(1&m1|2&m2|3&m3))
		}
		rest[nr] = i
		if id == notFound {
			nr++
		} else {
			nl++
		}
	}
	return nr, nl
}

// bucket is how many slots make a bucket: four slots are one cache line.
// findShort compares a key with the first, findLate with the other three
// at once, findMid with all four. A key is placed in the first free slot
// from the start of its bucket on, so one not in its bucket is looked for
// again by slot, which goes on past it.
const bucket = 4

// bucketStart is the first slot of the bucket of a key of hash h, in a
// table of mask+1 slots. (The hash's two low bits are flags, which the
// bucket's slot bits drop.)
func bucketStart(h, mask uint32) uint32 { return h & mask &^ (bucket - 1) }

// findMid sets ids[i] for the tokens listed in rest of 9 to 16 bytes the
// table holds, as findShort does for shorter ones, and keeps in rest the
// others, returning how many. Such a key is two words, the first in its
// slot and the last in long: most tokens of that length are names and
// longer words of the news, an eighth of an article's.
func (t *tokenTable) findMid(folded []byte, toks []token, ids, rest []int32) int {
	mask, seed, slots, long := uint32(len(t.slots)-1), t.seed, t.slots, t.long
	k := 0
	for _, i := range rest {
		fs, fe := uint(toks[i].fs), uint(toks[i].fe)
		id := int32(notFound)
		if n := fe - fs; n > 8 && n <= 16 && fe <= uint(len(folded)) {
			w0, w1 := binary.LittleEndian.Uint64(folded[fs:]), binary.LittleEndian.Uint64(folded[fe-8:])
			h := hashMid(w0, w1, int(n), seed)
			j := bucketStart(h, mask)
			b := (*[bucket]tokenSlot)(slots[j : j+bucket])
			m0, m1, m2, m3 := slotMask(&b[0], w0, h), slotMask(&b[1], w0, h), slotMask(&b[2], w0, h), slotMask(&b[3], w0, h)
			id = b[0].id&m0 | b[1].id&m1 | b[2].id&m2 | b[3].id&m3 | notFound&^(m0|m1|m2|m3)
			// Keys sharing their first word can share a hash too: when
			// more than one slot answers, slotMid tells them apart.
			if lk := &long[j+uint32(1&m1|2&m2|3&m3)]; lk.w1 != w1 || uint(lk.len) != n || m0+m1+m2+m3 < -1 {
				id = notFound
			}
			ids[i] = id
		}
		rest[k] = i
		if id == notFound {
			k++
		}
	}
	return k
}

// slotMask returns ones if slot sl holds the key whose first word is w0
// and hash h, and zeros otherwise.
func slotMask(sl *tokenSlot, w0 uint64, h uint32) int32 {
	d := sl.w0 ^ w0 | uint64(sl.hash^h)
	return int32((d|-d)>>63) - 1 // -1 when d == 0
}

// notFound is an id no key has.
const notFound = math.MinInt32

// shortMask[n] keeps the first n bytes of a little-endian word.
var shortMask = [9]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xff_ffffffff, 0xffff_ffffffff, 0xffffff_ffffffff, 0xffffffff_ffffffff}

// slotMid returns the slot of w, of 9 to 16 bytes.
func (t *tokenTable) slotMid(w []byte) (uint32, bool) {
	w0, w1 := binary.LittleEndian.Uint64(w), binary.LittleEndian.Uint64(w[len(w)-8:])
	h := hashMid(w0, w1, len(w), t.seed)
	mask := uint32(len(t.slots) - 1)
	for k := bucketStart(h, mask); ; k = (k + 1) & mask {
		sl := &t.slots[k]
		if sl.hash == 0 {
			return 0, false
		}
		if sl.hash == h && sl.w0 == w0 {
			if lk := &t.long[k]; lk.w1 == w1 && int(lk.len) == len(w) {
				return k, true
			}
		}
	}
}

// lookup returns the id of w.
func (t *tokenTable) lookup(w []byte) (int32, bool) {
	k, ok := t.slot(w)
	return t.slots[k].id, ok
}

// slot returns the slot of w.
func (t *tokenTable) slot(w []byte) (uint32, bool) {
	w0, h := t.key(w)
	mask := uint32(len(t.slots) - 1)
	for k := bucketStart(h, mask); ; k = (k + 1) & mask {
		sl := &t.slots[k]
		if sl.hash == 0 {
			return 0, false
		}
		if sl.hash == h && sl.w0 == w0 && (len(w) <= 8 || t.longEqual(k, w)) {
			return k, true
		}
	}
}

func (t *tokenTable) longEqual(k uint32, w []byte) bool {
	lk := &t.long[k]
	if int(lk.len) != len(w) || lk.w1 != binary.LittleEndian.Uint64(w[len(w)-8:]) {
		return false
	}
	return len(w) <= 16 || string(t.keys[lk.off:lk.off+lk.len]) == string(w)
}

// key returns the first word and the hash of w.
func (t *tokenTable) key(w []byte) (uint64, uint32) {
	if len(w) > 8 {
		return binary.LittleEndian.Uint64(w), t.hashLong(w)
	}
	var w0 uint64
	for i := len(w) - 1; i >= 0; i-- {
		w0 = w0<<8 | uint64(w[i])
	}
	return w0, hashShort(w0, t.seed)
}

// put adds w, which must not be in the table.
func (t *tokenTable) put(w []byte, id int32) {
	if bytes.IndexByte(w, 0) >= 0 {
		panic("alerts: token table key holds a NUL byte")
	}
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	w0, h := t.key(w)
	lk := longKey{off: uint32(len(t.keys)), len: uint32(len(w))}
	if len(w) > 8 {
		lk.w1 = binary.LittleEndian.Uint64(w[len(w)-8:])
	}
	t.place(tokenSlot{w0: w0, hash: h, id: id}, lk)
	t.keys = append(t.keys, w...)
	t.n++
	t.moves++
}

func (t *tokenTable) place(s tokenSlot, lk longKey) {
	mask := uint32(len(t.slots) - 1)
	k := bucketStart(s.hash, mask)
	for t.slots[k].hash != 0 {
		k = (k + 1) & mask
	}
	t.slots[k] = s
	if s.hash&longBit != 0 {
		t.long[k] = lk
	}
	t.setHead(k)
}

func (t *tokenTable) grow() {
	old, oldLong := t.slots, t.long
	t.slots = make([]tokenSlot, 2*len(old))
	t.long = make([]longKey, 2*len(old))
	t.late = make([]uint8, 2*len(old))
	t.head = newHeads(2 * len(old) / bucket)
	// In slot order, so that the keys a bucket held first stay first.
	for k, s := range old {
		if s.hash != 0 {
			t.place(s, oldLong[k])
		}
	}
}

// promoteAfter is how many late look-ups move a key to the first slot of
// its bucket.
const promoteAfter = 8

// promote counts a late look-up of the key in each slot of late (as
// findAll lists them) and moves a key counted promoteAfter times to the
// first slot of its bucket, swapping it with the key there. Keys are
// placed in the order they come, and the words of the rules come before
// any item: without this, the first slot answered 37% of the look-ups
// of short tokens in the matching benchmark, and findShort's one compare
// was a coin toss for the branch predictor; with it, 88%. A word counted
// often is one that items bring often; two that share a bucket and are
// both common take turns, each swapped back after promoteAfter late
// look-ups.
//
// A swap keeps every key reachable: probing is linear from the start of
// a key's bucket and keys are never removed, so the slots from the first
// of the bucket to the late key's are all full, and the key moved out of
// the first slot is still found, further on the same run.
func (t *tokenTable) promote(late []int32) {
	mask := uint32(len(t.slots) - 1)
	for _, p := range late {
		if t.late[p]++; t.late[p] < promoteAfter {
			continue
		}
		t.late[p] = 0
		first := bucketStart(t.slots[p].hash, mask)
		if uint32(p) == first {
			continue // it moved there since it was listed
		}
		t.slots[p], t.slots[first] = t.slots[first], t.slots[p]
		t.long[p], t.long[first] = t.long[first], t.long[p]
		t.late[first] = 0
		t.setHead(first)
		t.setHead(uint32(p)) // it may be the first slot of the next bucket
		t.moves++
	}
}

func (t *tokenTable) clone() *tokenTable {
	return &tokenTable{
		seed:  t.seed,
		mseed: t.mseed,
		slots: slices.Clone(t.slots),
		long:  slices.Clone(t.long),
		late:  make([]uint8, len(t.late)),
		head:  slices.Clone(t.head),
		keys:  slices.Clone(t.keys),
		n:     t.n,
	}
}
