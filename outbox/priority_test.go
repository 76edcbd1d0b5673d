package outbox_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/outbox"
)

// backlog returns n pending info alerts for a channel, oldest first.
func backlog(ch string, n int) []model.Post {
	var posts []model.Post
	for i := range n {
		p := alert(ch, i, t0)
		p.Priority = model.PriorityInfo
		posts = append(posts, p)
	}
	return posts
}

func urgentAlert(ch string, n int) model.Post {
	p := alert(ch, n, t0.Add(time.Minute))
	p.Priority = model.PriorityUrgent
	return p
}

// An urgent alert written behind 500 pending info alerts is the next
// message sent: first when the backlog waits (the store's order), then
// while the backlog is being sent (the outbox reloads after a Notify).
func TestUrgentOvertakesBacklog(t *testing.T) {
	t.Run("pending", func(t *testing.T) {
		f := newFixture(t)
		opts := f.options()
		opts.Batch = 50
		ob := f.newOutbox(nil, opts)
		f.add(backlog("desk", 500)...)
		urgent := urgentAlert("desk", 500)
		f.add(urgent)
		if err := f.flush(ob); err != nil {
			t.Fatalf("flush: %v", err)
		}
		sends := f.sink.callsOf("send", "id-desk")
		if len(sends) != 501 || sends[0].nonce != urgent.Nonce {
			t.Fatalf("%d sends, first %q; want 501, the urgent alert %q first", len(sends), sends[0].nonce, urgent.Nonce)
		}
	})
	t.Run("sending", func(t *testing.T) {
		f := newFixture(t)
		opts := f.options()
		opts.Batch = 50
		ob := f.newOutbox(nil, opts)
		f.add(backlog("desk", 500)...)
		release := f.sink.blockChannel("id-desk")
		defer release()
		defer f.run(ob)()
		ob.Notify()
		waitFor(t, "the first info alert in flight", func() bool { return len(f.sink.callsOf("send", "id-desk")) == 1 })
		urgent := urgentAlert("desk", 500)
		f.add(urgent)
		ob.Notify()
		release()
		waitFor(t, "a second send", func() bool { return len(f.sink.callsOf("send", "id-desk")) >= 2 })
		sends := f.sink.callsOf("send", "id-desk")
		if sends[1].nonce != urgent.Nonce {
			t.Fatalf("sends %q then %q; want the urgent alert %q right after the one in flight", sends[0].nonce, sends[1].nonce, urgent.Nonce)
		}
		waitFor(t, "the backlog sent", func() bool { return len(f.sink.callsOf("send", "id-desk")) == 501 })
		if p := f.post(urgent.ID); p.State != model.PostSent {
			t.Errorf("urgent alert: %s, want sent", p.State)
		}
	})
}

// A lower post waiting for the platform's rate limit (a blocked Send that
// honours outbox.Yield) gives up its wait when an urgent post is written:
// the urgent alert is sent next without waiting for the window, and the
// lower post, never sent, goes later with no attempt counted against it.
func TestLowerPostYieldsToUrgent(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	low := backlog("desk", 1)[0]
	f.add(low)
	f.sink.yielding = true
	release := f.sink.blockChannel("id-desk")
	defer release()
	defer f.run(ob)()
	// Run's first scan wakes the channel. A Notify here could land after
	// the info alert's send began and make it yield once to nothing new
	// (CI saw it under load), so the check below counts from the sends
	// made before the urgent alert was written.
	waitFor(t, "the info alert waiting", func() bool { return len(f.sink.callsOf("send", "id-desk")) >= 1 })
	before := len(f.sink.callsOf("send", "id-desk"))
	urgent := urgentAlert("desk", 1)
	f.add(urgent)
	ob.Notify()
	waitFor(t, "the urgent alert sent while the window is still closed", func() bool { return len(f.sink.callsOf("send", "id-desk")) > before })
	if sends := f.sink.callsOf("send", "id-desk"); sends[before].nonce != urgent.Nonce {
		t.Fatalf("send after the urgent alert was written %q, want the urgent alert %q", sends[before].nonce, urgent.Nonce)
	}
	release()
	waitFor(t, "both sent", func() bool {
		return f.post(low.ID).State == model.PostSent && f.post(urgent.ID).State == model.PostSent
	})
	if p := f.post(low.ID); p.Attempts != 1 || p.LastError != "" {
		t.Errorf("the yielded post: %d attempts, last error %q; want only the send that delivered it", p.Attempts, p.LastError)
	}
	if msgs := f.sink.messages("id-desk"); len(msgs) != 2 || msgs[0].postID != urgent.ID {
		t.Errorf("messages %+v, want the urgent alert's, then the info alert's", msgs)
	}
}

// readWhilePending counts the posts a channel's loads read while one post
// was still pending.
type readWhilePending struct {
	outbox.Store
	watched string // post id
	mu      sync.Mutex
	read    int
}

func (s *readWhilePending) PendingPosts(ctx context.Context, channel string, limit int) ([]model.Post, error) {
	posts, err := s.Store.PendingPosts(ctx, channel, limit)
	if p, perr := s.Store.Post(ctx, s.watched); perr == nil && p.State == model.PostPending {
		s.mu.Lock()
		s.read += len(posts)
		s.mu.Unlock()
	}
	return posts, err
}

// An urgent alert is read and sent on its own, before the channel's other
// posts are read, and so is its retry after a 5xx: a flood's channel
// holds a batch of fold updates listing hundreds of items each, whose
// reading held each send of an urgent alert there. Every post is still
// sent once, the urgent alert first.
func TestUrgentReadAlone(t *testing.T) {
	for _, tc := range []struct {
		name    string
		backlog int
		fails   int // 503s the urgent alert meets first
	}{
		{name: "alone", backlog: 0, fails: 0},
		{name: "behind backlog", backlog: 40, fails: 0},
		{name: "retried behind backlog", backlog: 40, fails: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			urgent := urgentAlert("desk", tc.backlog)
			store := &readWhilePending{Store: f.store, watched: urgent.ID}
			opts := f.options()
			opts.Batch = 50
			ob := f.newOutbox(store, opts)
			f.add(backlog("desk", tc.backlog)...)
			f.add(urgent)
			for range tc.fails {
				f.sink.push("id-desk", step{err: &outbox.DeliveryError{Status: 503, Err: errors.New("service unavailable")}})
			}
			if err := f.flush(ob); err != nil {
				t.Fatalf("flush: %v", err)
			}
			if want := tc.fails + 1; store.read != want {
				t.Errorf("%d posts read while the urgent alert was pending (%d attempts); want %d, the urgent alert once per attempt", store.read, want, want)
			}
			msgs := f.sink.messages("id-desk")
			if len(msgs) != tc.backlog+1 || msgs[0].postID != urgent.ID {
				t.Fatalf("%d messages, first %+v; want %d, the urgent alert's first", len(msgs), msgs[0], tc.backlog+1)
			}
			seen := map[string]bool{}
			for _, m := range msgs {
				if seen[m.postID] {
					t.Errorf("post %s sent twice", m.postID)
				}
				seen[m.postID] = true
			}
		})
	}
}
