package outbox_test

import (
	"context"
	"testing"
	"time"

	"wirewatch/model"
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
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan error, 1)
		go func() { done <- ob.Run(ctx) }()
		defer func() { cancel(); <-done }()
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
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ob.Run(ctx) }()
	defer func() { cancel(); <-done }()
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
