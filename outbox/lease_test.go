package outbox_test

import (
	"context"
	"sync"
	"testing"

	"wirewatch/model"
	"wirewatch/outbox"
)

// leasedStore is a store whose channel leases another replica may hold.
// Channels are served in parallel, so mu guards asked.
type leasedStore struct {
	outbox.Store
	heldElsewhere map[string]bool
	mu            sync.Mutex
	asked         []string
}

func (s *leasedStore) LeaseChannel(_ context.Context, channel string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.asked = append(s.asked, channel)
	return !s.heldElsewhere[channel], nil
}

// The outbox sends a channel's posts only while it holds the channel's
// lease, and takes it before every read of the channel's posts.
func TestSendsOnlyLeasedChannels(t *testing.T) {
	f := newFixture(t)
	store := &leasedStore{Store: f.store, heldElsewhere: map[string]bool{"drills": true}}
	ob := f.newOutbox(store, f.options())
	f.add(alert("alerts", 0, t0), alert("drills", 0, t0))
	if err := f.flush(ob); err != nil {
		t.Fatal(err)
	}
	if got := f.post("alerts-000").State; got != model.PostSent {
		t.Fatalf("alerts-000 is %s, want sent", got)
	}
	if got := f.post("drills-000").State; got != model.PostPending {
		t.Fatalf("drills-000 is %s while another replica holds the lease, want pending", got)
	}
	if len(store.asked) < 2 {
		t.Fatalf("leases asked for %v, want both channels", store.asked)
	}
	store.heldElsewhere["drills"] = false // the other replica's lease lapsed
	if err := f.flush(ob); err != nil {
		t.Fatal(err)
	}
	if got := f.post("drills-000").State; got != model.PostSent {
		t.Fatalf("drills-000 is %s after the lease came free, want sent", got)
	}
}
