package alerts

import "hash/maphash"

// tokenTable is an open-addressing hash table from folded tokens to ids.
// It is looked up once for every token of every item, where a Go map with
// string keys costs about twice as much; keys are kept in one arena.
type tokenTable struct {
	seed  maphash.Seed
	slots []tokenSlot // power of two, at most half full
	keys  []byte
	n     int
}

type tokenSlot struct {
	hash uint32 // 0: empty
	len  uint32
	off  uint32
	id   int32
}

func newTokenTable() *tokenTable {
	return &tokenTable{seed: maphash.MakeSeed(), slots: make([]tokenSlot, 1024)}
}

func (t *tokenTable) hash(w []byte) uint32 {
	return uint32(maphash.Bytes(t.seed, w)) | 1
}

// get returns the id of w, whose hash is h.
func (t *tokenTable) get(w []byte, h uint32) (int32, bool) {
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		sl := &t.slots[i]
		if sl.hash == 0 {
			return 0, false
		}
		if sl.hash == h && int(sl.len) == len(w) && string(t.keys[sl.off:sl.off+sl.len]) == string(w) {
			return sl.id, true
		}
	}
}

// put adds w, which must not be in the table.
func (t *tokenTable) put(w []byte, id int32) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	h := t.hash(w)
	t.place(tokenSlot{hash: h, len: uint32(len(w)), off: uint32(len(t.keys)), id: id})
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
		slots: append([]tokenSlot(nil), t.slots...),
		keys:  append([]byte(nil), t.keys...),
		n:     t.n,
	}
}
