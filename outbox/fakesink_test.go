package outbox_test

import (
	"context"
	"fmt"
	"sync"
	"time"

	"wirewatch/model"
	"wirewatch/outbox"
)

// scriptSink is a Sink that behaves like a Discord channel list: it keeps the
// messages it created (each marked with its post's id, as a real sink marks
// them), dedupes nonces within a window like Discord, and answers each call
// with the next scripted step of its channel (success when the script is
// empty).
type scriptSink struct {
	mu          sync.Mutex
	clock       func() time.Time
	nonceWindow time.Duration // 0: no dedupe, as if every nonce had expired
	msgs        map[string][]*fakeMsg
	script      map[string][]step
	calls       []call
	block       map[string]chan struct{} // Send to that channel waits until closed or ctx ends
	yielding    bool                     // a blocked Send gives up on outbox.Yield, as a rate limiter's wait does
	nextID      int
}

type step struct {
	err  error
	lose bool // create the message, then report err (a response lost in transit)
}

type call struct {
	op        string // send, edit, recent
	channel   string
	nonce     string
	messageID string
	post      model.Post
	at        time.Time // real time
	since     time.Time // a recent call's lower bound (sink clock)
}

// markedAs is the post a call's message is marked as: the post sent, or
// the original an edit replaces.
func (c call) markedAs() string {
	if c.op == "edit" {
		return c.post.ReplaceOf
	}
	return c.post.ID
}

type fakeMsg struct {
	id     string
	nonce  string
	postID string     // the post the message was sent for: its mark
	post   model.Post // the post whose content it shows (an update's after an edit)
	at     time.Time  // sink clock
}

func newScriptSink(clock func() time.Time) *scriptSink {
	return &scriptSink{
		clock:  clock,
		msgs:   make(map[string][]*fakeMsg),
		script: make(map[string][]step),
		block:  make(map[string]chan struct{}),
	}
}

func (s *scriptSink) push(channelID string, steps ...step) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.script[channelID] = append(s.script[channelID], steps...)
}

func (s *scriptSink) next(channelID string) step {
	if len(s.script[channelID]) == 0 {
		return step{}
	}
	st := s.script[channelID][0]
	s.script[channelID] = s.script[channelID][1:]
	return st
}

func (s *scriptSink) Send(ctx context.Context, channelID string, p model.Post, nonce string) (string, error) {
	s.mu.Lock()
	s.calls = append(s.calls, call{op: "send", channel: channelID, nonce: nonce, post: p, at: time.Now()})
	block := s.block[channelID]
	var yield <-chan struct{}
	if s.yielding {
		yield = outbox.Yield(ctx)
	}
	s.mu.Unlock()
	if block != nil {
		select {
		case <-block:
		case <-ctx.Done():
			return "", ctx.Err()
		case <-yield:
			return "", &outbox.DeliveryError{Err: fmt.Errorf("waiting for the window: %w", outbox.ErrYielded)}
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.next(channelID)
	if st.err != nil && !st.lose {
		return "", st.err
	}
	now := s.clock()
	if nonce != "" && s.nonceWindow > 0 {
		for _, m := range s.msgs[channelID] {
			if m.nonce == nonce && now.Sub(m.at) <= s.nonceWindow {
				return m.id, st.err
			}
		}
	}
	s.nextID++
	m := &fakeMsg{id: fmt.Sprintf("m%d", s.nextID), nonce: nonce, postID: p.ID, post: p, at: now}
	s.msgs[channelID] = append(s.msgs[channelID], m)
	return m.id, st.err
}

func (s *scriptSink) Edit(ctx context.Context, channelID, messageID string, p model.Post) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, call{op: "edit", channel: channelID, messageID: messageID, post: p, at: time.Now()})
	if st := s.next(channelID); st.err != nil {
		return st.err
	}
	for _, m := range s.msgs[channelID] {
		if m.id == messageID {
			m.post, m.postID = p, p.ReplaceOf
			return nil
		}
	}
	return &outbox.DeliveryError{Status: 404, Code: 10008, Permanent: true, Err: fmt.Errorf("unknown message %s", messageID)}
}

// Recent reports what the bot's Recent must report: the message id and the
// post it is marked as; Discord does not return nonces there.
func (s *scriptSink) Recent(ctx context.Context, channelID string, since time.Time) ([]outbox.Sent, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.calls = append(s.calls, call{op: "recent", channel: channelID, at: time.Now(), since: since})
	if st := s.next(channelID); st.err != nil {
		return nil, st.err
	}
	var out []outbox.Sent
	for _, m := range s.msgs[channelID] {
		if !m.at.Before(since) {
			out = append(out, outbox.Sent{MessageID: m.id, PostID: m.postID})
		}
	}
	return out, nil
}

// messages returns a copy of a channel's messages, oldest first.
func (s *scriptSink) messages(channelID string) []fakeMsg {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []fakeMsg
	for _, m := range s.msgs[channelID] {
		out = append(out, *m)
	}
	return out
}

// callsOf returns the calls of one kind to one channel ("" for any).
func (s *scriptSink) callsOf(op, channelID string) []call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []call
	for _, c := range s.calls {
		if c.op == op && (channelID == "" || c.channel == channelID) {
			out = append(out, c)
		}
	}
	return out
}

// blockChannel makes Sends to channelID wait until the returned func is called.
func (s *scriptSink) blockChannel(channelID string) (release func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := make(chan struct{})
	s.block[channelID] = c
	return sync.OnceFunc(func() { close(c) })
}

// seed adds a message for p as if an earlier run had posted it.
func (s *scriptSink) seed(channelID string, p model.Post, nonce string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	m := &fakeMsg{id: fmt.Sprintf("m%d", s.nextID), nonce: nonce, postID: p.ID, post: p, at: s.clock()}
	s.msgs[channelID] = append(s.msgs[channelID], m)
	return m.id
}

// fakeClock is a settable clock for Options.Clock.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// markersOf lists the posts the messages are marked as, "ref:<post id>".
func markersOf(msgs []fakeMsg) []string {
	var out []string
	for _, m := range msgs {
		out = append(out, marker(m.postID))
	}
	return out
}

// marker is how markersOf shows a post id.
func marker(postID string) string { return "ref:" + postID }
