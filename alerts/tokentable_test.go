package alerts

import (
	"fmt"
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
	var misses []int32
	tab.findAll(folded, toks, ids, &misses)
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
	var misses []int32
	tab.findAll(folded, toks, ids, &misses)
	for i, k := range []string{a, b, c, d} {
		if id, ok := tab.lookup([]byte(k)); !ok || id != int32(1)<<i || ids[i] != int32(1)<<i {
			t.Errorf("%q (colliding hash): lookup %d %v, findAll %d, want %d", k, id, ok, ids[i], 1<<i)
		}
	}
}
