package summarize

import (
	"slices"
	"unicode/utf8"

	"wirewatch/prefilter"
)

// literalScanner finds, in one pass over a text, which rules' required
// literals occur in it (Aho–Corasick over the case-folded text). Looking
// for each literal separately costs one substring search per literal per
// line; the scanner costs a few table steps per byte whatever the number
// of literals.
type literalScanner struct {
	root  [256]int32 // transitions from the root (state 0); 0 = none
	edges [][]edge   // transitions of the other states, sorted by byte
	fail  []int32    // longest proper suffix of the state that is a state
	out   []uint64   // rules with a literal ending here, fail chain included
}

type edge struct {
	b  byte
	to int32
}

// maxScannedRules is how many rules one scanner tells apart (bits of a
// uint64); later rules of a scope run without a prefilter.
const maxScannedRules = 64

// newLiteralScanner builds a scanner; lits[i] are the folded literals of
// rule i (bit 1<<i), at most maxScannedRules rules.
func newLiteralScanner(lits [][]string) *literalScanner {
	s := &literalScanner{edges: [][]edge{nil}, fail: []int32{0}, out: []uint64{0}}
	for i, rule := range lits {
		for _, l := range rule {
			s.out[s.insert(l)] |= 1 << i
		}
	}
	s.link()
	return s
}

// insert adds a literal to the trie and returns its final state.
func (s *literalScanner) insert(lit string) int32 {
	var state int32
	for i := 0; i < len(lit); i++ {
		next, ok := s.step(state, lit[i])
		if !ok {
			next = int32(len(s.edges))
			s.edges = append(s.edges, nil)
			s.fail = append(s.fail, 0)
			s.out = append(s.out, 0)
			if state == 0 {
				s.root[lit[i]] = next
			} else {
				e := s.edges[state]
				j, _ := slices.BinarySearchFunc(e, lit[i], func(e edge, b byte) int { return int(e.b) - int(b) })
				s.edges[state] = slices.Insert(e, j, edge{lit[i], next})
			}
		}
		state = next
	}
	return state
}

// step is the trie transition from state on b, if there is one.
func (s *literalScanner) step(state int32, b byte) (int32, bool) {
	if state == 0 {
		next := s.root[b]
		return next, next != 0
	}
	for _, e := range s.edges[state] {
		if e.b == b {
			return e.to, true
		}
		if e.b > b {
			break
		}
	}
	return 0, false
}

// link computes failure links and output sets breadth first.
func (s *literalScanner) link() {
	var queue []int32
	for b := range 256 {
		if next := s.root[b]; next != 0 {
			queue = append(queue, next) // fail stays the root
		}
	}
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		for _, e := range s.edges[u] {
			f := s.fail[u]
			for {
				if next, ok := s.step(f, e.b); ok {
					s.fail[e.to] = next
					break
				}
				if f == 0 {
					break
				}
				f = s.fail[f]
			}
			s.out[e.to] |= s.out[s.fail[e.to]]
			queue = append(queue, e.to)
		}
	}
}

// scan returns the bits of the rules one of whose literals occurs in text
// once folded (prefilter.FoldRune), without building the folded text.
func (s *literalScanner) scan(text string) uint64 {
	var found uint64
	var state int32
	var buf [utf8.UTFMax]byte
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			state = s.advance(state, c)
			found |= s.out[state]
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		n := utf8.EncodeRune(buf[:], prefilter.FoldRune(r))
		for _, c := range buf[:n] {
			state = s.advance(state, c)
			found |= s.out[state]
		}
		i += size
	}
	return found
}

// advance is the automaton's transition: follow failure links until b can
// be read.
func (s *literalScanner) advance(state int32, b byte) int32 {
	for state != 0 {
		if next, ok := s.step(state, b); ok {
			return next
		}
		state = s.fail[state]
	}
	return s.root[b]
}
