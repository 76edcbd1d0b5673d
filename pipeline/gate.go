package pipeline

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"wirewatch/model"
)

// DefaultUrgentHold is how long, at most, bulk work waits for one urgent
// alert in hand, and how long one wait lasts at most (Options.UrgentHold).
// An urgent alert is stored and sent within tens of milliseconds when
// nothing else writes; one that takes longer waits for Discord (a 5xx
// retry, the rate limit), not for the database or the CPU, and holding
// a flood back longer would only slow it.
const DefaultUrgentHold = 250 * time.Millisecond

// urgentGate holds bulk work (a large poll's later batches, article pages,
// summarizing a large poll) back while an urgent alert is in hand: from
// the moment a poll finds an item an urgent rule matches, through its
// commit, until the outbox reports the alert sent (Pipeline.Delivered).
// The urgent path then has the database's one write connection (the
// outbox's lease and attempt records, the commit itself) and a core to
// itself: a flood's batch written meanwhile held an urgent send up to
// 85 ms, and its grouping took the CPU.
//
// Each hold ends after hold at the latest, even when the alert is never
// reported sent (another replica sent it, it failed, no outbox runs). And
// bulk work waits at most as long as its last step worked (a batch, a
// chunk of summarizing), and hold at most, so however many urgent alerts
// come it keeps at least half its pace: a flood is slowed, never stopped.
// (A wait of a whole hold per batch let a flood stored in batches cut
// short by waiting polls store 4,470 of its 5,000 items in 40 s.)
type urgentGate struct {
	hold time.Duration

	live atomic.Int32 // entries in holds, expired or not: the fast path of wait
	mu   sync.Mutex
	// holds maps what is in hand (a poll's feed, or an urgent post's id)
	// to when its hold ends at the latest.
	holds map[string]time.Time
	freed chan struct{} // closed, and replaced, when an entry is let go
}

func newUrgentGate(hold time.Duration) *urgentGate {
	if hold <= 0 {
		return nil
	}
	return &urgentGate{hold: hold, holds: map[string]time.Time{}, freed: make(chan struct{})}
}

// pollHold is the gate's key of a feed's poll; a feed is never polled
// twice at once (Pipeline.claim).
func pollHold(feed string) string { return "poll\x00" + feed }

// begin holds bulk work back for key until end(key) or for the hold.
// A nil gate holds nothing.
func (g *urgentGate) begin(key string) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, ok := g.holds[key]; !ok {
		g.live.Add(1)
	}
	g.holds[key] = time.Now().Add(g.hold)
}

// end lets key's hold go; ending a key not held does nothing.
func (g *urgentGate) end(key string) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if _, ok := g.holds[key]; ok {
		g.drop(key)
	}
}

// stored holds bulk work back for the urgent alerts among posts, just
// stored, until each is reported sent.
func (g *urgentGate) stored(posts []model.Post) {
	for _, post := range posts {
		if post.Kind == model.PostAlert && post.Priority == model.PriorityUrgent {
			g.begin(post.ID)
		}
	}
}

// drop removes key and wakes the waiters; mu is held.
func (g *urgentGate) drop(key string) {
	delete(g.holds, key)
	g.live.Add(-1)
	close(g.freed)
	g.freed = make(chan struct{})
}

// waitHold is wait for work that is short and few (an article page): one
// hold at most.
func (g *urgentGate) waitHold(ctx context.Context) {
	if g != nil {
		g.wait(ctx, g.hold)
	}
}

// wait returns when nothing urgent is in hand, or after most (the time the
// waiter's last step of bulk work took) or the hold, or when ctx ends. A
// nil gate never waits.
func (g *urgentGate) wait(ctx context.Context, most time.Duration) {
	if g == nil || g.live.Load() == 0 {
		return
	}
	limit := time.Now().Add(min(most, g.hold))
	for {
		g.mu.Lock()
		now := time.Now()
		var next time.Time // the earliest end of a hold still in force
		for key, until := range g.holds {
			switch {
			case !until.After(now):
				g.drop(key)
			case next.IsZero() || until.Before(next):
				next = until
			}
		}
		freed := g.freed
		g.mu.Unlock()
		if next.IsZero() || !now.Before(limit) {
			return
		}
		t := time.NewTimer(min(next.Sub(now), limit.Sub(now)))
		select {
		case <-ctx.Done():
		case <-freed:
		case <-t.C:
		}
		t.Stop()
		if ctx.Err() != nil {
			return
		}
	}
}
