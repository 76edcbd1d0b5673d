package outbox_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/outbox"
)

// update returns the n-th pending update of orig, showing n+1 sources.
func update(orig model.Post, n int) model.Post {
	p := alert(orig.Channel, 100+n, t0)
	p.ID = fmt.Sprintf("%s-update-%d", orig.ID, n)
	p.Kind, p.ReplaceOf, p.Priority = model.PostUpdate, orig.ID, model.PriorityLow
	for i := range n {
		p.Content.Sources = append(p.Content.Sources, model.Source{Feed: fmt.Sprintf("Outlet %d", i)})
	}
	return p
}

// Of several pending updates of one message only the newest is sent; the
// older are recorded as sent in that message, without a call.
func TestPendingUpdatesCoalesce(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	orig := alert("alerts", 0, t0)
	f.add(orig)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	var upds []model.Post
	for n := 1; n <= 6; n++ { // more than one batch of 4
		upds = append(upds, update(orig, n))
	}
	f.add(upds...)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	edits := f.sink.callsOf("edit", "id-alerts")
	if len(edits) > 2 {
		t.Fatalf("%d edits for 6 pending updates, want at most one per batch", len(edits))
	}
	msgs := f.sink.messages("id-alerts")
	if got := msgs[0]; len(got.post.Content.Sources) != 7 || marker(got.postID) != "ref:alerts-000" {
		t.Errorf("message shows %d sources, marked %q; want the newest update's state, the alert's marker", len(got.post.Content.Sources), marker(got.postID))
	}
	for _, u := range upds {
		if p := f.post(u.ID); p.State != model.PostSent || p.MessageID != msgs[0].id {
			t.Errorf("update %s: %s as %q, want sent as %s", u.ID, p.State, p.MessageID, msgs[0].id)
		}
	}
}

// A message changes at most once per EditInterval: an update waits for the
// interval since its alert was sent, then the newest pending one goes.
func TestEditWaitsForInterval(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	opts.EditInterval = 150 * time.Millisecond
	ob := f.newOutbox(nil, opts)
	orig := alert("alerts", 0, t0)
	other := alert("alerts", 1, t0)
	f.add(orig, other, update(orig, 1), update(other, 1), update(orig, 2))
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	sends, edits := f.sink.callsOf("send", "id-alerts"), f.sink.callsOf("edit", "id-alerts")
	if len(sends) != 2 || len(edits) != 2 {
		t.Fatalf("%d sends and %d edits, want 2 and 2 (one per message)", len(sends), len(edits))
	}
	for i, e := range edits {
		var sent call
		for _, s := range sends {
			if s.markedAs() == e.markedAs() {
				sent = s
			}
		}
		if sent.at.IsZero() {
			t.Fatalf("edit %d of a message never sent", i)
		}
		if gap := e.at.Sub(sent.at); gap < opts.EditInterval {
			t.Errorf("edit %d came %s after its message was sent, want at least %s", i, gap, opts.EditInterval)
		}
	}
	if got := f.sink.messages("id-alerts")[0]; len(got.post.Content.Sources) != 3 || marker(got.postID) != "ref:alerts-000" {
		t.Errorf("first alert shows %d sources, marked %q; want its newest update", len(got.post.Content.Sources), marker(got.postID))
	}
}

// writeCounter counts the outbox's writes that record posts sent.
type writeCounter struct {
	outbox.Store
	mu                   sync.Mutex
	marked, supersedings int
}

func (s *writeCounter) MarkSent(ctx context.Context, id, messageID string, at time.Time) error {
	s.mu.Lock()
	s.marked++
	s.mu.Unlock()
	return s.Store.MarkSent(ctx, id, messageID, at)
}

func (s *writeCounter) MarkSuperseded(ctx context.Context, ids []string, messageID string, at time.Time) error {
	s.mu.Lock()
	s.supersedings++
	s.mu.Unlock()
	return s.Store.MarkSuperseded(ctx, ids, messageID, at)
}

// The updates a newer one of the same message replaces are recorded in one
// write per message and load, not one each: a flood's fold gains an update
// per stored batch, and each write holds SQLite's one write connection.
func TestSupersededUpdatesOneWrite(t *testing.T) {
	f := newFixture(t)
	store := &writeCounter{Store: f.store}
	opts := f.options()
	opts.Batch = 50
	ob := f.newOutbox(store, opts)
	fold, other := alert("alerts", 0, t0), alert("alerts", 1, t0)
	f.add(fold, other)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	var upds []model.Post
	for n := 1; n <= 40; n++ {
		upds = append(upds, update(fold, n))
	}
	upds = append(upds, update(other, 1), update(other, 2))
	f.add(upds...)
	store.marked, store.supersedings = 0, 0
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if store.supersedings != 2 || store.marked != 2 {
		t.Errorf("%d writes of superseded updates and %d of sent posts, want 2 (one per message) and 2 (its edit)", store.supersedings, store.marked)
	}
	edits := f.sink.callsOf("edit", "id-alerts")
	if len(edits) != 2 {
		t.Fatalf("%d edits, want 2, one per message", len(edits))
	}
	msgs := f.sink.messages("id-alerts")
	for _, u := range upds {
		p := f.post(u.ID)
		want := msgs[0].id
		if u.ReplaceOf == other.ID {
			want = msgs[1].id
		}
		if p.State != model.PostSent || p.MessageID != want {
			t.Errorf("update %s: %s as %q, want sent as %s", u.ID, p.State, p.MessageID, want)
		}
	}
	if got := msgs[0]; len(got.post.Content.Sources) != 41 || got.postID != fold.ID {
		t.Errorf("the fold's message shows %d sources, marked %q; want the newest update's 41, the alert's marker", len(got.post.Content.Sources), got.postID)
	}
}
