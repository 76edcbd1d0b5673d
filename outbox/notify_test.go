package outbox_test

import (
	"context"
	"sync"
	"sync/atomic"
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
	defer f.run(ob)()
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

// scanCounter counts Run's scans for channels with pending posts.
type scanCounter struct {
	outbox.Store
	scans atomic.Int32
}

func (s *scanCounter) PendingChannels(ctx context.Context) ([]string, error) {
	s.scans.Add(1)
	return s.Store.PendingChannels(ctx)
}

// A Notify naming a channel whose worker runs wakes that worker itself,
// without Run's scan (a read of the database and another goroutine's turn
// on the way to every alert); a channel without a worker, and a Notify
// naming none, still go through the scan.
func TestNotifyWakesRunningWorkerDirectly(t *testing.T) {
	f := newFixture(t)
	store := &scanCounter{Store: f.store}
	ob := f.newOutbox(store, f.options())
	f.add(alert("alerts", 0, t0))
	defer f.run(ob)()
	waitFor(t, "the first alert sent", func() bool { return len(f.sink.messages("id-alerts")) == 1 })

	scans := store.scans.Load()
	for n := 1; n <= 5; n++ {
		f.add(alert("alerts", n, t0))
		ob.Notify("alerts")
		waitFor(t, "an alert sent", func() bool { return len(f.sink.messages("id-alerts")) == n+1 })
	}
	if got := store.scans.Load() - scans; got != 0 {
		t.Errorf("%d scans for 5 alerts of a channel whose worker runs; want none", got)
	}

	f.add(alert("other", 0, t0))
	ob.Notify("other")
	waitFor(t, "the alert of a channel without a worker sent", func() bool { return len(f.sink.messages("id-other")) == 1 })
	if store.scans.Load() == scans {
		t.Error("a channel without a worker was not scanned for")
	}
	scans = store.scans.Load()
	ob.Notify()
	waitFor(t, "a scan after a Notify naming no channel", func() bool { return store.scans.Load() > scans })
}
