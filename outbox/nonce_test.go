package outbox_test

import (
	"regexp"
	"strings"
	"testing"

	"wirewatch/outbox"
)

func TestNonce(t *testing.T) {
	a := outbox.Nonce("story-1", "nk-launch", "urgent")
	if a != outbox.Nonce("story-1", "nk-launch", "urgent") {
		t.Error("nonce is not stable")
	}
	if !regexp.MustCompile(`^w[0-9a-v]{13}$`).MatchString(a) || len(a) > 25 {
		t.Errorf("nonce %q: want w + 13 base-32 characters, at most 25", a)
	}
	// Pinned: a nonce must not change between releases, or a retry after an
	// upgrade would post twice.
	if got := outbox.Nonce("story-1", "nk-launch", "urgent"); got != a {
		t.Errorf("nonce changed: %q", got)
	}
	distinct := map[string]bool{}
	for _, parts := range [][]string{
		{"story-1", "nk-launch", "urgent"}, {"story-1", "nk-launch", "desk"}, {"story-2", "nk-launch", "urgent"},
		{"ab", "c"}, {"a", "bc"}, {"abc"}, {}, {""}, {"", ""},
	} {
		n := outbox.Nonce(parts...)
		if distinct[n] {
			t.Errorf("nonce %q repeats for %q", n, parts)
		}
		distinct[n] = true
	}
	if long := outbox.Nonce(strings.Repeat("x", 10000)); len(long) != 14 {
		t.Errorf("long input nonce %q", long)
	}
}

func TestNoncePinned(t *testing.T) {
	const want = "w0fdgpin119t44"
	if got := outbox.Nonce("story-1", "nk-launch", "urgent"); got != want {
		t.Errorf("Nonce = %q, want %q (changing it re-posts alerts pending during an upgrade)", got, want)
	}
}
