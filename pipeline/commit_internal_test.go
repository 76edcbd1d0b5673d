package pipeline

import (
	"testing"
	"time"
)

// A poll that waits for the commit lock takes it before bulk work: the
// flood that lets the lock go and asks for it again at once for its next
// batch, and an article page that waited longer than the poll, go after it.
func TestCommitLockPollsFirst(t *testing.T) {
	var c commitLock
	c.lock(false) // a flood's first batch
	order := make(chan string, 3)
	take := func(name string, bulk bool) {
		c.lock(bulk)
		order <- name
		c.unlock()
	}
	go take("page", true)
	waitWaiting(t, &c, 1, 0)
	go take("poll", false) // another feed's poll
	waitWaiting(t, &c, 2, 1)
	c.unlock()
	c.lock(true) // the flood's next batch
	order <- "flood"
	c.unlock()
	if first := <-order; first != "poll" {
		t.Errorf("the %s took the lock first, want the poll", first)
	}
	for range 2 {
		select {
		case <-order:
		case <-time.After(5 * time.Second):
			t.Fatal("bulk work never took the lock after the poll")
		}
	}
}

// waitWaiting waits until n holders, polls of them, wait for the lock.
func waitWaiting(t *testing.T, c *commitLock, n int32, polls int) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; {
		c.mu.Lock()
		ok := c.waiting.Load() >= n && c.polls >= polls
		c.mu.Unlock()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d waiting for the lock, want %d", c.waiting.Load(), n)
		}
		time.Sleep(time.Millisecond)
	}
}
