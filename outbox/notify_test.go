package outbox_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/outbox"
)

// loadCounter counts the loads of each channel's pending posts.
type loadCounter struct {
	outbox.Store
	mu    sync.Mutex
	loads map[string]int
}

func (s *loadCounter) PendingPosts(ctx context.Context, channel string, limit int) ([]model.Post, error) {
	s.mu.Lock()
	s.loads[channel]++
	s.mu.Unlock()
	return s.Store.PendingPosts(ctx, channel, limit)
}

func (s *loadCounter) count(channel string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.loads[channel]
}

// A Notify naming channels wakes those alone: a channel whose update waits
// for its edit interval is not read again for every alert written to
// another channel, and a Notify naming none wakes every channel.
func TestNotifyWakesTheChannelsItNames(t *testing.T) {
	f := newFixture(t)
	store := &loadCounter{Store: f.store, loads: map[string]int{}}
	opts := f.options()
	opts.EditInterval = time.Hour
	ob := f.newOutbox(store, opts)
	orig := alert("folds", 0, t0)
	f.add(orig)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ob.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("Run returned %v, want nil after cancel", err)
		}
	}()
	waitFor(t, "the fold channel's first post sent", func() bool { return len(f.sink.messages("id-folds")) == 1 })

	loads := store.count("folds")
	f.add(update(orig, 1))
	ob.Notify("folds")
	waitFor(t, "the fold channel's update loaded", func() bool { return store.count("folds") > loads })
	time.Sleep(50 * time.Millisecond) // the pass ends with the update waiting
	loads = store.count("folds")

	for n := range 5 {
		f.add(alert("alerts", n, t0))
		ob.Notify("alerts")
		waitFor(t, "an alert of another channel sent", func() bool { return len(f.sink.messages("id-alerts")) == n+1 })
	}
	if got := store.count("folds"); got != loads {
		t.Errorf("the fold channel's posts were loaded %d times for 5 alerts written to another channel; want none", got-loads)
	}
	if p := f.post(update(orig, 1).ID); p.State != model.PostPending {
		t.Errorf("the update is %s, want pending for its edit interval", p.State)
	}

	ob.Notify()
	waitFor(t, "the fold channel loaded after a Notify naming no channel", func() bool { return store.count("folds") > loads })
}
