package alerts

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestTokenTable checks that keys of every length class (one word, eight
// bytes exactly, two overlapping words, hashed tails) are told apart, by
// the per-token loop and by lookup, across growth and cloning.
func TestTokenTable(t *testing.T) {
	keys := []string{
		"", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefgha",
		"abcdefghijklmnop", "abcdefghijklmnopq", "abcdefghijklmnopr",
		"북한", "북한이", strings.Repeat("x", 100), strings.Repeat("x", 101),
	}
	for i := range 3000 { // enough to grow the table several times
		keys = append(keys, fmt.Sprintf("w%dz", i), fmt.Sprintf("longer-word-%d", i))
	}
	tab := newTokenTable()
	for i, k := range keys {
		tab.put([]byte(k), int32(i))
	}
	clone := tab.clone()
	clone.put([]byte("only-in-clone"), 1)

	// The per-token loop reads words from one folded buffer, as the
	// tokenizer leaves them; the last ones sit at its very end.
	queries := append(append([]string(nil), keys...), "abcdefgi", "abcdefghij", "b", "only-in-clone", "x", "zq")
	var folded []byte
	var toks []token
	for _, q := range queries {
		toks = append(toks, token{fs: int32(len(folded)), fe: int32(len(folded) + len(q))})
		folded = append(folded, q...)
	}
	folded = folded[:len(folded):len(folded)]
	ids := make([]int32, len(toks))
	var misses, late []int32
	tab.findAll(folded, toks, ids, &misses, &late)
	missed := map[int32]bool{}
	for _, m := range misses {
		missed[m] = true
	}
	for i, q := range queries {
		id, ok := tab.lookup([]byte(q))
		want := i < len(keys)
		if ok != want || missed[int32(i)] == want {
			t.Fatalf("%q: lookup found %v, findAll found %v, want %v", q, ok, !missed[int32(i)], want)
		}
		if want && (id != int32(i) || ids[i] != int32(i)) {
			t.Fatalf("%q: lookup id %d, findAll id %d, want %d", q, id, ids[i], i)
		}
	}
	checkHeads(t, tab)
	checkHeads(t, clone)
	if _, ok := clone.lookup([]byte("only-in-clone")); !ok {
		t.Fatal("clone lost its own key")
	}
	if _, ok := clone.lookup([]byte("abcdefghi")); !ok {
		t.Fatal("clone lost a key of the original")
	}
}

func TestTokenTableRefusesNUL(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("put of a key with a NUL byte did not panic")
		}
	}()
	newTokenTable().put([]byte("a\x00"), 0)
}

// TestTokenTableHashCollision puts two short keys whose hashes are equal
// (found by the birthday bound) and two long ones, which also share their
// first eight bytes, and checks that each keeps its own id: equal hashes
// must not make equal keys.
func TestTokenTableHashCollision(t *testing.T) {
	tab := newTokenTable()
	find := func(hash func(string) uint32, format string) (string, string) {
		seen := map[uint32]string{}
		for i := range 1 << 20 {
			k := fmt.Sprintf(format, i)
			h := hash(k)
			if prev, ok := seen[h]; ok {
				return prev, k
			}
			seen[h] = k
		}
		t.Fatal("no collision found")
		return "", ""
	}
	short := func(k string) uint32 { _, h := tab.key([]byte(k)); return h }
	a, b := find(short, "s%d")
	c, d := find(short, "long-key-%d")
	// Ids of distinct bits: a look-up that mixed two slots' ids would
	// give neither.
	for i, k := range []string{a, b, c, d} {
		tab.put([]byte(k), int32(1)<<i)
	}
	folded := []byte(a + b + c + d + "padding.")
	toks := []token{{fs: 0, fe: int32(len(a))}, {fs: int32(len(a)), fe: int32(len(a + b))},
		{fs: int32(len(a + b)), fe: int32(len(a + b + c))}, {fs: int32(len(a + b + c)), fe: int32(len(a + b + c + d))}}
	ids := make([]int32, 4)
	var misses, late []int32
	tab.findAll(folded, toks, ids, &misses, &late)
	for i, k := range []string{a, b, c, d} {
		if id, ok := tab.lookup([]byte(k)); !ok || id != int32(1)<<i || ids[i] != int32(1)<<i {
			t.Errorf("%q (colliding hash): lookup %d %v, findAll %d, want %d", k, id, ok, ids[i], 1<<i)
		}
	}
}

// TestTokenTablePromote fills one bucket past its four slots with keys of
// every length class, looks one late key up often, and checks that promote
// moves it to the bucket's first slot while every key, moved or not, keeps
// its id for findAll and lookup.
func TestTokenTablePromote(t *testing.T) {
	tab := newTokenTable()
	mask := uint32(len(tab.slots) - 1)
	bucketOf := func(k string) uint32 { _, h := tab.key([]byte(k)); return bucketStart(h, mask) }
	// Keys of one bucket: two of 9-16 bytes first, then short ones, then
	// one longer than 16 bytes; the last ones overflow into the next
	// bucket.
	want := bucketOf("k0")
	var keys []string
	for _, format := range []string{"mid-key-%d", "mid-key-%d", "k%d", "k%d", "k%d", "a-key-longer-than-sixteen-%d"} {
		for i := 0; ; i++ {
			k := fmt.Sprintf(format, i)
			if bucketOf(k) == want && !slices.Contains(keys, k) {
				keys = append(keys, k)
				break
			}
		}
	}
	for i, k := range keys {
		tab.put([]byte(k), int32(i))
	}
	check := func(when string) {
		t.Helper()
		var folded []byte
		var toks []token
		for _, k := range keys {
			toks = append(toks, token{fs: int32(len(folded)), fe: int32(len(folded) + len(k))})
			folded = append(folded, k...)
		}
		ids := make([]int32, len(toks))
		var misses, late []int32
		tab.findAll(folded, toks, ids, &misses, &late)
		for i, k := range keys {
			if id, ok := tab.lookup([]byte(k)); !ok || id != int32(i) || ids[i] != int32(i) {
				t.Errorf("%s: %q: lookup %d %v, findAll %d, want %d", when, k, id, ok, ids[i], i)
			}
		}
		if len(misses) > 0 {
			t.Errorf("%s: findAll missed tokens %v", when, misses)
		}
		checkHeads(t, tab)
	}
	check("before")
	// keys[3], a short key in the bucket's last slot, and keys[4], one
	// that overflowed into the next bucket, each brought often.
	for _, often := range []int32{3, 4} {
		var folded []byte
		var toks []token
		for range promoteAfter {
			toks = append(toks, token{fs: int32(len(folded)), fe: int32(len(folded) + len(keys[often]))})
			folded = append(folded, keys[often]+"."...)
		}
		folded = append(folded, "padding"...) // so that every key can be read eight bytes at a time
		ids := make([]int32, len(toks))
		var misses, late []int32
		tab.findAll(folded, toks, ids, &misses, &late)
		if len(late) != promoteAfter {
			t.Fatalf("key %d: late look-ups %v, want %d", often, late, promoteAfter)
		}
		moves := tab.moves
		tab.promote(late)
		if tab.moves == moves {
			t.Fatalf("key %d: promote moved nothing", often)
		}
		if first := tab.slots[want]; first.id != often {
			t.Errorf("first slot of the bucket holds id %d, want %d", first.id, often)
		}
		check(fmt.Sprintf("after promoting key %d", often))
		// Once first, the key is no longer late.
		tab.findAll(folded, toks, ids, &misses, &late)
		if len(late) != 0 {
			t.Errorf("key %d: late look-ups after promotion: %v", often, late)
		}
	}
}

// checkHeads checks that the packed first slots findShort reads are those
// of the table's buckets.
func checkHeads(t *testing.T, tab *tokenTable) {
	t.Helper()
	if len(tab.head)*bucket != len(tab.slots) {
		t.Fatalf("%d heads for %d slots", len(tab.head), len(tab.slots))
	}
	for b, h := range tab.head {
		sl := tab.slots[b*bucket]
		want := headSlot{w0: noShortKey, id: sl.id}
		if sl.hash != 0 && sl.hash&longBit == 0 {
			want.w0 = sl.w0
		}
		if h != want {
			t.Fatalf("head of bucket %d is %+v, its first slot %+v", b, h, sl)
		}
	}
}
