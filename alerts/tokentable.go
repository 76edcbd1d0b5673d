package alerts

import (
	"encoding/binary"
	"hash/maphash"
	"math/bits"
)

// tokenTable is an open-addressing hash table from folded tokens to ids.
// It is looked up once for every token of every item, where a Go map with
// string keys costs about twice as much; keys are kept in one arena.
//
// Most words are at most eight bytes long, so a slot holds a key's first
// eight bytes as one word: finding such a key is one multiply to hash it
// and one comparison, with no call and no byte loop.
type tokenTable struct {
	seed  uint64 // random per table, so that feed text cannot aim collisions
	mseed maphash.Seed
	slots []tokenSlot // power of two, at most half full
	keys  []byte
	n     int
}

type tokenSlot struct {
	hash uint32 // 0: empty
	len  uint32
	w0   uint64 // the key's first eight bytes, zero-padded
	off  uint32 // the key in keys
	id   int32
}

// tableKey is a token prepared for the table: its length, first word and
// hash.
type tableKey struct {
	len  int
	w0   uint64
	hash uint32
}

func newTokenTable() *tokenTable {
	ms := maphash.MakeSeed()
	return &tokenTable{
		seed:  maphash.Comparable(ms, 0) | 1,
		mseed: ms,
		slots: make([]tokenSlot, 1024),
	}
}

// key prepares w for lookup. pad is w with at least eight bytes readable
// from its start (w's own backing array, up to its capacity); when it is
// shorter, w's bytes are read one by one.
func (t *tokenTable) key(w, pad []byte) tableKey {
	var w0 uint64
	switch {
	case len(w) >= 8:
		w0 = binary.LittleEndian.Uint64(w)
	case len(pad) >= 8:
		w0 = binary.LittleEndian.Uint64(pad) & (1<<(8*uint(len(w))) - 1)
	default:
		for i := len(w) - 1; i >= 0; i-- {
			w0 = w0<<8 | uint64(w[i])
		}
	}
	var rest uint64
	switch {
	case len(w) <= 8:
	case len(w) <= 16: // the last eight bytes, overlapping the first word
		rest = binary.LittleEndian.Uint64(w[len(w)-8:])
	default:
		rest = maphash.Bytes(t.mseed, w[8:])
	}
	hi, lo := bits.Mul64(w0^t.seed, rest^uint64(len(w))^0x9E3779B97F4A7C15)
	return tableKey{len: len(w), w0: w0, hash: uint32(hi^lo) | 1}
}

// findAll sets ids[i] to the id of every token toks[i], whose folded text
// is folded[fs:fe], and appends to misses the index of each token the
// table does not hold. It is the per-token loop of matching, written out
// for the common case: no call, no byte loop.
func (t *tokenTable) findAll(folded []byte, toks []token, ids []int32, misses *[]int32) {
	buf := folded[:cap(folded)] // a word can be read eight bytes at a time
	mask := uint32(len(t.slots) - 1)
	slots := t.slots
	for i := range toks {
		fs, fe := int(toks[i].fs), int(toks[i].fe)
		n := fe - fs
		id, ok := int32(0), false
		if n <= 8 && n > 0 && fs+8 <= len(buf) {
			w0 := binary.LittleEndian.Uint64(buf[fs:]) & (1<<(8*uint(n)) - 1)
			hi, lo := bits.Mul64(w0^t.seed, uint64(n)^0x9E3779B97F4A7C15)
			h := uint32(hi^lo) | 1
			for k := h & mask; ; k = (k + 1) & mask {
				sl := &slots[k]
				if sl.hash == h && sl.w0 == w0 && int(sl.len) == n {
					id, ok = sl.id, true
					break
				}
				if sl.hash == 0 {
					break
				}
			}
		} else {
			w := folded[fs:fe]
			id, ok = t.get(w, t.key(w, buf[fs:]))
		}
		ids[i] = id
		if !ok {
			*misses = append(*misses, int32(i))
		}
	}
}

// get returns the id of w, prepared as k.
func (t *tokenTable) get(w []byte, k tableKey) (int32, bool) {
	mask := uint32(len(t.slots) - 1)
	for i := k.hash & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.hash == 0 {
			return 0, false
		}
		if sl.hash == k.hash && sl.w0 == k.w0 && int(sl.len) == k.len &&
			(k.len <= 8 || string(t.keys[sl.off+8:sl.off+sl.len]) == string(w[8:])) {
			return sl.id, true
		}
	}
}

// lookup returns the id of w.
func (t *tokenTable) lookup(w []byte) (int32, bool) {
	return t.get(w, t.key(w, nil))
}

// put adds w, which must not be in the table.
func (t *tokenTable) put(w []byte, id int32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	k := t.key(w, nil)
	t.place(tokenSlot{hash: k.hash, len: uint32(len(w)), w0: k.w0, off: uint32(len(t.keys)), id: id})
	t.keys = append(t.keys, w...)
	t.n++
}

func (t *tokenTable) place(s tokenSlot) {
	mask := uint32(len(t.slots) - 1)
	i := s.hash & mask
	for t.slots[i].hash != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

func (t *tokenTable) grow() {
	old := t.slots
	t.slots = make([]tokenSlot, 2*len(old))
	for _, s := range old {
		if s.hash != 0 {
			t.place(s)
		}
	}
}

func (t *tokenTable) clone() *tokenTable {
	return &tokenTable{
		seed:  t.seed,
		mseed: t.mseed,
		slots: append([]tokenSlot(nil), t.slots...),
		keys:  append([]byte(nil), t.keys...),
		n:     t.n,
	}
}
