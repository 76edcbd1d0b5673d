package pipeline

import (
	"sync"
	"sync/atomic"
)

// commitLock serializes grouping, planning and storing (the commit). Its
// holders are of two kinds. A poll's commit (its first batch of new items,
// its state) is short and may carry an urgent alert. Bulk work (the later
// batches of a poll with many new items, an article page) is long or can
// wait: it takes the lock only when no poll waits for it, so a flood
// stored batch after batch, or a stream of article pages, holds another
// feed's poll back by the one batch in hand at most. sync.Mutex would let
// the flood take the lock again the moment it let go, ahead of a poll that
// had waited a whole batch for it.
type commitLock struct {
	mu    sync.Mutex
	freed sync.Cond // signalled when the lock is let go
	held  bool
	polls int // polls waiting

	// waiting counts every holder waiting, for a batch that cuts itself
	// short when another waits (storeBatch).
	waiting atomic.Int32
}

func (c *commitLock) lock(bulk bool) {
	c.waiting.Add(1)
	c.mu.Lock()
	if c.freed.L == nil {
		c.freed.L = &c.mu
	}
	if !bulk {
		c.polls++
	}
	for c.held || (bulk && c.polls > 0) {
		c.freed.Wait()
	}
	if !bulk {
		c.polls--
	}
	c.held = true
	c.mu.Unlock()
	c.waiting.Add(-1)
}

func (c *commitLock) unlock() {
	c.mu.Lock()
	c.held = false
	c.mu.Unlock()
	// Every waiter looks again: a poll goes first, and bulk work waits on
	// while a poll is waiting.
	c.freed.Broadcast()
}

// lockCommit takes the commit lock for a poll's commit.
func (p *Pipeline) lockCommit() { p.commit.lock(false) }

// lockCommitBulk takes the commit lock for bulk work, after every poll
// that waits for it.
func (p *Pipeline) lockCommitBulk() { p.commit.lock(true) }

func (p *Pipeline) unlockCommit() { p.commit.unlock() }

// commitWaiting reports whether anyone waits for the commit lock.
func (p *Pipeline) commitWaiting() bool { return p.commit.waiting.Load() > 0 }
