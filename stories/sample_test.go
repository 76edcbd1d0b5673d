package stories

import "testing"

// TestScoredMembers: a story up to scoreSample is compared whole; a larger
// one through scoreSample distinct members in order, its first and newest
// reports among them.
func TestScoredMembers(t *testing.T) {
	for _, n := range []int{0, 1, 2, 63, 64, 65, 66, 100, 5000} {
		got := scoredMembers(n)
		if want := min(n, scoreSample); len(got) != want {
			t.Fatalf("n=%d: %d members, want %d", n, len(got), want)
		}
		for k, i := range got {
			if i < 0 || i >= n || (k > 0 && i <= got[k-1]) {
				t.Fatalf("n=%d: members %v are not distinct, in order and in range", n, got)
			}
		}
		if n > 0 && (got[0] != 0 || got[len(got)-1] != n-1) {
			t.Errorf("n=%d: first %d and last %d, want the first and the newest report", n, got[0], got[len(got)-1])
		}
	}
}
