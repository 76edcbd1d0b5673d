package outbox_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

var t0 = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

// fixture is one outbox test: a real SQLite store, a scripted sink and a
// fake clock starting at t0.
type fixture struct {
	t     *testing.T
	store *sqlite.Store
	sink  *scriptSink
	clock *fakeClock
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "outbox.db"))
	if err != nil {
		t.Fatalf("open sqlite: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	clock := &fakeClock{t: t0}
	return &fixture{t: t, store: st, sink: newScriptSink(clock.Now), clock: clock}
}

// options are fast defaults for tests: millisecond backoffs, no jitter.
func (f *fixture) options() outbox.Options {
	return outbox.Options{
		BackoffMin:       time.Millisecond,
		BackoffMax:       20 * time.Millisecond,
		Jitter:           -1,
		NonceWindow:      2 * time.Minute,
		BrokenBackoffMin: time.Hour,
		CallTimeout:      5 * time.Second,
		Rescan:           time.Hour, // only Notify wakes Run, unless a test says otherwise
		Batch:            4,
		Logger:           slog.New(slog.NewTextHandler(io.Discard, nil)),
		Clock:            f.clock.Now,
		// Edits go at once unless a test is about their interval.
		EditInterval: -1,
	}
}

func (f *fixture) newOutbox(store outbox.Store, opts outbox.Options) *outbox.Outbox {
	if store == nil {
		store = f.store
	}
	return outbox.New(store, outbox.Sinks{"discord": f.sink}, opts)
}

// add stores posts created at the clock's time plus i ms.
func (f *fixture) add(posts ...model.Post) {
	f.t.Helper()
	if err := f.store.AddPosts(context.Background(), posts); err != nil {
		f.t.Fatalf("add posts: %v", err)
	}
}

func (f *fixture) post(id string) model.Post {
	f.t.Helper()
	p, err := f.store.Post(context.Background(), id)
	if err != nil {
		f.t.Fatalf("post %s: %v", id, err)
	}
	return p
}

func (f *fixture) flush(ob *outbox.Outbox) error {
	f.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return ob.Flush(ctx)
}

// run starts ob.Run; the func it returns stops it and waits for it, and
// fails the test unless Run returned nil.
func (f *fixture) run(ob *outbox.Outbox) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ob.Run(ctx) }()
	return func() {
		cancel()
		if err := <-done; err != nil {
			f.t.Errorf("Run returned %v, want nil after cancel", err)
		}
	}
}

// alert returns a pending alert for channel ch, created n ms after created.
func alert(ch string, n int, created time.Time) model.Post {
	id := fmt.Sprintf("%s-%03d", ch, n)
	return model.Post{
		ID:        id,
		Kind:      model.PostAlert,
		Channel:   ch,
		ChannelID: "id-" + ch,
		StoryID:   "story-" + id,
		Rule:      "launches",
		Nonce:     outbox.Nonce("story-"+id, "launches", ch),
		Content: model.Content{
			Headline: "KCNA reports launch " + id,
			Link:     "https://example.org/" + id,
			Feed:     "Yonhap",
			Sources:  []model.Source{{Feed: "Yonhap"}},
		},
		CreatedAt: created.Add(time.Duration(n) * time.Millisecond),
	}
}

func sentNonces(calls []call) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.nonce)
	}
	return out
}

func TestFlushKeepsFIFOPerChannel(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	var want = map[string][]string{}
	for _, ch := range []string{"alerts", "drills", "kcna"} {
		for n := range 10 { // more than one batch
			p := alert(ch, n, t0)
			f.add(p)
			want[ch] = append(want[ch], marker(p.ID))
		}
	}
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	for ch, markers := range want {
		msgs := f.sink.messages("id-" + ch)
		if got := markersOf(msgs); !slices.Equal(got, markers) {
			t.Errorf("%s: messages in order %v, want %v", ch, got, markers)
		}
		for i, m := range msgs {
			p := f.post(fmt.Sprintf("%s-%03d", ch, i))
			if p.State != model.PostSent || p.MessageID != m.id {
				t.Errorf("%s: state %s message %q, want sent %q", p.ID, p.State, p.MessageID, m.id)
			}
			if m.nonce != p.Nonce {
				t.Errorf("%s: sent with nonce %q, want %q", p.ID, m.nonce, p.Nonce)
			}
			if !p.SentAt.Equal(t0) {
				t.Errorf("%s: sent at %v, want the clock's %v", p.ID, p.SentAt, t0)
			}
		}
	}
	if chans, _ := f.store.PendingChannels(context.Background()); len(chans) != 0 {
		t.Errorf("still pending: %v", chans)
	}
}

func TestRunBrokenChannelDoesNotBlockOthers(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	release := f.sink.blockChannel("id-stuck")
	defer release()
	f.add(alert("stuck", 0, t0), alert("stuck", 1, t0))
	for n := range 3 {
		f.add(alert("fine", n, t0))
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ob.Run(ctx) }()

	waitFor(t, "stuck channel's first send in flight", func() bool { return len(f.sink.callsOf("send", "id-stuck")) == 1 })
	waitFor(t, "fine channel delivered", func() bool { return len(f.sink.messages("id-fine")) == 3 })
	// Posts written while Run runs go out after Notify, not at the hourly rescan.
	f.add(alert("fine", 3, t0))
	ob.Notify()
	waitFor(t, "post after Notify delivered", func() bool { return len(f.sink.messages("id-fine")) == 4 })
	if got := f.sink.callsOf("send", "id-stuck"); len(got) != 1 {
		t.Errorf("stuck channel: %d sends, want exactly 1 in flight (FIFO)", len(got))
	}

	release()
	waitFor(t, "stuck channel delivered once released", func() bool { return len(f.sink.messages("id-stuck")) == 2 })
	if got := markersOf(f.sink.messages("id-stuck")); !slices.Equal(got, []string{"ref:stuck-000", "ref:stuck-001"}) {
		t.Errorf("stuck channel order %v", got)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Run returned %v, want nil after cancel", err)
	}
}

func TestRetryKeepsNonceAndPostsOnce(t *testing.T) {
	f := newFixture(t)
	f.sink.nonceWindow = 2 * time.Minute // Discord dedupes the lost attempt
	ob := f.newOutbox(nil, f.options())
	p := alert("alerts", 0, t0)
	f.add(p, alert("alerts", 1, t0))
	f.sink.push("id-alerts",
		step{err: &outbox.DeliveryError{Status: 503, Err: errors.New("service unavailable")}},
		step{err: errors.New("read tcp: connection reset by peer"), lose: true}, // created, answer lost
		step{err: &outbox.DeliveryError{Status: 429, RetryAfter: 5 * time.Millisecond, Err: errors.New("rate limited")}},
	)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	sends := f.sink.callsOf("send", "id-alerts")
	if got, want := sentNonces(sends), []string{p.Nonce, p.Nonce, p.Nonce, p.Nonce, alert("alerts", 1, t0).Nonce}; !slices.Equal(got, want) {
		t.Errorf("nonces sent %v, want %v (same nonce on every retry, then the next post)", got, want)
	}
	msgs := f.sink.messages("id-alerts")
	if got := markersOf(msgs); !slices.Equal(got, []string{"ref:alerts-000", "ref:alerts-001"}) {
		t.Fatalf("channel shows %v, want each post once", got)
	}
	got := f.post(p.ID)
	if got.State != model.PostSent || got.MessageID != msgs[0].id {
		t.Errorf("post %s: %s %q, want sent %q", p.ID, got.State, got.MessageID, msgs[0].id)
	}
	if got.Attempts != 4 || got.LastError == "" {
		t.Errorf("attempts %d last error %q, want 4 recorded attempts and the last error", got.Attempts, got.LastError)
	}
}

func TestRetryAfterHonoured(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	f.add(alert("alerts", 0, t0))
	const wait = 80 * time.Millisecond
	f.sink.push("id-alerts", step{err: &outbox.DeliveryError{Status: 429, RetryAfter: wait, Err: errors.New("rate limited")}})
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	sends := f.sink.callsOf("send", "id-alerts")
	if len(sends) != 2 {
		t.Fatalf("%d sends, want 2", len(sends))
	}
	if gap := sends[1].at.Sub(sends[0].at); gap < wait {
		t.Errorf("retried after %v, before retry_after %v (backoff alone would be 1ms)", gap, wait)
	}
}

func TestPermanentFailureMarksFailedAndMovesOn(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	f.add(alert("alerts", 0, t0), alert("alerts", 1, t0))
	f.sink.push("id-alerts", step{err: &outbox.DeliveryError{Status: 400, Code: 50035, Permanent: true, Err: errors.New("invalid form body")}})
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if p := f.post("alerts-000"); p.State != model.PostFailed || p.LastError == "" {
		t.Errorf("refused post: %s %q, want failed with the error", p.State, p.LastError)
	}
	if p := f.post("alerts-001"); p.State != model.PostSent {
		t.Errorf("next post: %s, want sent (a 400 does not park the channel)", p.State)
	}
	if n := len(f.sink.callsOf("send", "")); n != 2 {
		t.Errorf("%d sends, want 2 (no retry of a 400)", n)
	}
}

// A 403 keeps the channel's posts pending (the permission may come back),
// tells ChannelChanged once, tries again after a doubling backoff, and when
// a post goes through, the channel works again and ChannelChanged hears it.
func TestForbiddenKeepsPostsPendingUntilPermissionReturns(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	// The check "still parked before the doubled backoff ended" has
	// BrokenBackoffMax-BrokenBackoffMin of slack for the flushes between:
	// 50 ms was too little under -race on a loaded machine.
	opts.BrokenBackoffMin = 250 * time.Millisecond
	opts.BrokenBackoffMax = 400 * time.Millisecond
	var changes []model.ChannelState
	opts.ChannelChanged = func(st model.ChannelState) { changes = append(changes, st) }
	ob := f.newOutbox(nil, opts)
	f.add(alert("locked", 0, t0), alert("locked", 1, t0), alert("open", 0, t0))
	forbidden := step{err: &outbox.DeliveryError{Status: 403, Code: 50013, Permanent: true, Err: errors.New("missing permissions")}}
	f.sink.push("id-locked", forbidden, forbidden)

	err := f.flush(ob)
	if !errors.Is(err, outbox.ErrParked) {
		t.Fatalf("flush: %v, want ErrParked", err)
	}
	for _, id := range []string{"locked-000", "locked-001"} {
		if p := f.post(id); p.State != model.PostPending {
			t.Errorf("%s of the refused channel: %s, want pending (never lose)", id, p.State)
		}
	}
	if p := f.post("locked-000"); p.Attempts != 1 || p.LastError == "" {
		t.Errorf("refused post: %d attempts, error %q; want 1 with the error", p.Attempts, p.LastError)
	}
	if p := f.post("open-000"); p.State != model.PostSent {
		t.Errorf("other channel: %s, want sent", p.State)
	}
	h := ob.Health()
	if len(h.Broken) != 1 || h.Broken[0].Channel != "locked" || h.Broken[0].Status != 403 || h.Broken[0].Code != 50013 {
		t.Errorf("health = %+v, want locked broken with 403/50013", h)
	}
	stored, err := f.store.ChannelStates(context.Background())
	if err != nil || len(stored) != 1 || stored[0].Channel != "locked" {
		t.Errorf("stored channel states = %+v, %v; want locked", stored, err)
	}
	// Not hammered: a second flush within the backoff makes no call.
	if err := f.flush(ob); !errors.Is(err, outbox.ErrParked) {
		t.Errorf("second flush: %v, want ErrParked", err)
	}
	if n := len(f.sink.callsOf("send", "id-locked")); n != 1 {
		t.Errorf("%d sends to the refused channel, want 1", n)
	}
	time.Sleep(opts.BrokenBackoffMin)
	if err := f.flush(ob); !errors.Is(err, outbox.ErrParked) {
		t.Fatalf("flush after the first backoff: %v, want ErrParked (still refused)", err)
	}
	if n := len(f.sink.callsOf("send", "id-locked")); n != 2 {
		t.Errorf("%d sends to the refused channel, want 2", n)
	}
	time.Sleep(opts.BrokenBackoffMin) // the backoff doubled, capped at 400 ms
	if err := f.flush(ob); !errors.Is(err, outbox.ErrParked) {
		t.Errorf("flush before the doubled backoff ended: %v, want ErrParked", err)
	}
	time.Sleep(opts.BrokenBackoffMax - opts.BrokenBackoffMin)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush once the permission is back: %v", err)
	}
	for _, id := range []string{"locked-000", "locked-001"} {
		if p := f.post(id); p.State != model.PostSent {
			t.Errorf("%s after the permission came back: %s, want sent", id, p.State)
		}
	}
	if got := markersOf(f.sink.messages("id-locked")); !slices.Equal(got, []string{"ref:locked-000", "ref:locked-001"}) {
		t.Errorf("locked shows %v, want each post once, in order", got)
	}
	if len(changes) != 2 || !changes[0].Broken || changes[1].Broken || changes[1].Channel != "locked" {
		t.Errorf("ChannelChanged calls = %+v, want broken then working", changes)
	}
	if h := ob.Health(); len(h.Broken) != 0 {
		t.Errorf("health after recovery = %+v, want no broken channel", h)
	}
	if stored, _ := f.store.ChannelStates(context.Background()); len(stored) != 0 {
		t.Errorf("stored channel states after recovery = %+v, want none", stored)
	}
}

// A channel recorded broken by an earlier run is not announced again when
// it is still refused, and is announced working when it takes a post.
func TestBrokenChannelSurvivesRestart(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	var changes []model.ChannelState
	opts.ChannelChanged = func(st model.ChannelState) { changes = append(changes, st) }
	f.add(alert("locked", 0, t0))
	forbidden := step{err: &outbox.DeliveryError{Status: 403, Code: 50001, Permanent: true, Err: errors.New("missing access")}}
	f.sink.push("id-locked", forbidden, forbidden)
	if err := f.flush(f.newOutbox(nil, opts)); !errors.Is(err, outbox.ErrParked) {
		t.Fatalf("flush: %v, want ErrParked", err)
	}
	if err := f.flush(f.newOutbox(nil, opts)); !errors.Is(err, outbox.ErrParked) { // a restart, still refused
		t.Fatalf("flush after restart: %v, want ErrParked", err)
	}
	if len(changes) != 1 {
		t.Fatalf("ChannelChanged calls = %+v, want one (told once across the restart)", changes)
	}
	restarted := f.newOutbox(nil, opts)
	if err := f.flush(restarted); err != nil {
		t.Fatalf("flush once permitted: %v", err)
	}
	if len(changes) != 2 || changes[1].Broken {
		t.Errorf("ChannelChanged calls = %+v, want broken, then working", changes)
	}
}

// A 401 keeps the post pending and stops delivery to every channel of the
// platform, not only the one that heard it; Health names the platform.
func TestUnauthorizedStopsEveryChannel(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	opts.BrokenBackoffMax = time.Hour
	ob := f.newOutbox(nil, opts)
	f.add(alert("alerts", 0, t0))
	f.sink.push("id-alerts", step{err: &outbox.DeliveryError{Status: 401, Err: errors.New("401 Unauthorized")}})
	if err := f.flush(ob); !errors.Is(err, outbox.ErrParked) {
		t.Fatalf("flush: %v, want ErrParked", err)
	}
	if p := f.post("alerts-000"); p.State != model.PostPending || p.Attempts != 1 {
		t.Errorf("post after 401: %s, %d attempts; want pending with 1 attempt", p.State, p.Attempts)
	}
	f.add(alert("other", 0, t0))
	if err := f.flush(ob); !errors.Is(err, outbox.ErrParked) {
		t.Fatalf("second flush: %v, want every channel stopped", err)
	}
	if n := len(f.sink.callsOf("send", "id-other")); n != 0 {
		t.Errorf("%d sends to another channel after the token was refused, want 0", n)
	}
	if h := ob.Health(); !slices.Equal(h.Refused, []string{"discord"}) {
		t.Errorf("health = %+v, want discord's token refused", h)
	}
}

// A 400's payload is logged, redacted, with the refusal; the post fails.
func TestBadRequestLogsRedactedPayload(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	var log bytes.Buffer
	opts.Logger = slog.New(slog.NewTextHandler(&log, nil))
	ob := f.newOutbox(nil, opts)
	f.add(alert("alerts", 0, t0))
	f.sink.push("id-alerts", step{err: &outbox.DeliveryError{Status: 400, Code: 50035, Permanent: true,
		Payload: `{"content":"see https://user:hunter2@feeds.example/x?token=s3cret"}`, Err: errors.New("invalid form body")}})
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if p := f.post("alerts-000"); p.State != model.PostFailed {
		t.Errorf("post after 400: %s, want failed", p.State)
	}
	out := log.String()
	for _, want := range []string{"post refused for good", "status=400", "code=50035", "payload=", "feeds.example/x"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q:\n%s", want, out)
		}
	}
	for _, secret := range []string{"hunter2", "s3cret"} {
		if strings.Contains(out, secret) {
			t.Errorf("log holds the secret %q:\n%s", secret, out)
		}
	}
}

func TestMaxAttemptsGivesUp(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	opts.MaxAttempts = 3
	ob := f.newOutbox(nil, opts)
	f.add(alert("alerts", 0, t0), alert("alerts", 1, t0))
	for range 3 {
		f.sink.push("id-alerts", step{err: &outbox.DeliveryError{Status: 500, Err: errors.New("internal")}})
	}
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if p := f.post("alerts-000"); p.State != model.PostFailed || p.Attempts != 3 {
		t.Errorf("post: %s after %d attempts, want failed after 3", p.State, p.Attempts)
	}
	if p := f.post("alerts-001"); p.State != model.PostSent {
		t.Errorf("next post: %s, want sent", p.State)
	}
}

func TestUpdateEditsEarlierMessage(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	orig := alert("alerts", 0, t0)
	f.add(orig)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	upd := alert("alerts", 1, t0)
	upd.Kind, upd.ReplaceOf = model.PostUpdate, orig.ID
	upd.Content.Sources = append(upd.Content.Sources, model.Source{Feed: "Kyodo"})
	f.add(upd)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	msgs := f.sink.messages("id-alerts")
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want the one original, edited", len(msgs))
	}
	if got := msgs[0]; len(got.post.Content.Sources) != 2 || got.post.ID != upd.ID || marker(got.postID) != "ref:alerts-000" {
		t.Errorf("edited message shows post %s with %d sources, marked %q; want the update's with the original's marker",
			got.post.ID, len(got.post.Content.Sources), marker(got.postID))
	}
	if p := f.post(upd.ID); p.State != model.PostSent || p.MessageID != msgs[0].id {
		t.Errorf("update: %s %q, want sent as %q", p.State, p.MessageID, msgs[0].id)
	}
	if n := len(f.sink.callsOf("send", "")); n != 1 {
		t.Errorf("%d sends, want 1", n)
	}
}

func TestUpdateOfUnsentOriginal(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	orig := alert("alerts", 0, t0)
	upd := alert("alerts", 1, t0)
	upd.Kind, upd.ReplaceOf = model.PostUpdate, orig.ID
	missing := alert("alerts", 2, t0)
	missing.Kind, missing.ReplaceOf = model.PostUpdate, "no-such-post"
	f.add(orig, upd, missing)
	f.sink.push("id-alerts", step{err: &outbox.DeliveryError{Status: 400, Permanent: true, Err: errors.New("invalid form body")}})
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if got := markersOf(f.sink.messages("id-alerts")); !slices.Equal(got, []string{"ref:alerts-001", "ref:alerts-002"}) {
		t.Errorf("messages %v: updates of a failed or missing original are sent as new", got)
	}
	if n := len(f.sink.callsOf("edit", "")); n != 0 {
		t.Errorf("%d edits, want none", n)
	}
}

func TestUpdateOfDeletedMessageFails(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	orig := alert("alerts", 0, t0)
	orig.State, orig.MessageID, orig.SentAt = model.PostSent, "deleted-by-a-moderator", t0
	upd := alert("alerts", 1, t0)
	upd.Kind, upd.ReplaceOf = model.PostUpdate, orig.ID
	f.add(orig, upd, alert("alerts", 2, t0))
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v (a deleted message must not park the channel)", err)
	}
	if p := f.post(upd.ID); p.State != model.PostFailed {
		t.Errorf("update of a deleted message: %s, want failed", p.State)
	}
	if p := f.post("alerts-002"); p.State != model.PostSent {
		t.Errorf("next post: %s, want sent", p.State)
	}
}

func TestUpdateWaitsForHeldOriginal(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	quietUntil := t0.Add(time.Hour)
	opts.Hold = func(p model.Post, now time.Time) (time.Time, bool) {
		return quietUntil, p.ID == "alerts-000" && now.Before(quietUntil)
	}
	ob := f.newOutbox(nil, opts)
	orig := alert("alerts", 0, t0)
	upd := alert("alerts", 1, t0)
	upd.Kind, upd.ReplaceOf = model.PostUpdate, orig.ID
	f.add(orig, upd)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if n := len(f.sink.callsOf("send", "")) + len(f.sink.callsOf("edit", "")); n != 0 {
		t.Fatalf("%d calls while the original is held, want 0", n)
	}
	f.clock.Advance(time.Hour)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if n, e := len(f.sink.messages("id-alerts")), len(f.sink.callsOf("edit", "")); n != 1 || e != 1 {
		t.Errorf("%d messages %d edits, want the original sent then edited", n, e)
	}
}

// A crash after Discord created the message but before MarkSent: the next
// run finds the message by its marker instead of posting again.
func TestRestartReconcilesInsteadOfDoublePosting(t *testing.T) {
	f := newFixture(t)
	// The first run's send creates the message, then the process dies
	// before it hears back.
	first := alert("alerts", 0, t0)
	f.add(first, alert("alerts", 1, t0))
	ctx, cancel := context.WithCancel(context.Background())
	ob1 := outbox.New(f.store, outbox.Sinks{"discord": crashSink{f.sink, cancel}}, f.options())
	_ = ob1.Flush(ctx)
	if p := f.post(first.ID); p.State != model.PostPending || p.Attempts != 0 {
		t.Fatalf("after the crash the post is %s with %d attempts, want pending, none recorded", p.State, p.Attempts)
	}
	if n := len(f.sink.messages("id-alerts")); n != 1 {
		t.Fatalf("%d messages after the crash, want 1", n)
	}

	// Long after the nonce window (the fake sink dedupes nothing), a new run.
	f.clock.Advance(time.Hour)
	ob2 := f.newOutbox(nil, f.options())
	if err := f.flush(ob2); err != nil {
		t.Fatalf("flush after restart: %v", err)
	}
	msgs := f.sink.messages("id-alerts")
	if got := markersOf(msgs); !slices.Equal(got, []string{"ref:alerts-000", "ref:alerts-001"}) {
		t.Fatalf("channel shows %v, want each post once", got)
	}
	if p := f.post(first.ID); p.State != model.PostSent || p.MessageID != msgs[0].id {
		t.Errorf("reconciled post: %s %q, want sent as %q", p.State, p.MessageID, msgs[0].id)
	}
	if n := len(f.sink.callsOf("recent", "id-alerts")); n != 1 {
		t.Errorf("%d Recent calls, want one for the channel's posts left pending", n)
	}
}

// Posts an earlier run left pending: one it tried is looked for from the
// time of its first attempt (less the allowance for clock skew) however many
// messages came after it; one it never tried cannot have a message, and is
// sent without a lookup.
func TestRestartLooksFromFirstAttempt(t *testing.T) {
	f := newFixture(t)
	tried := alert("alerts", 0, t0)
	tried.FirstAttemptAt = t0.Add(time.Minute)
	f.clock.Advance(time.Minute)
	f.sink.seed("id-alerts", tried, tried.Nonce)
	for n := range 200 {
		f.clock.Advance(time.Second)
		f.sink.seed("id-alerts", alert("other", n, t0), "")
	}
	f.add(tried, alert("alerts", 1, t0))
	f.clock.Advance(time.Hour)
	if err := f.flush(f.newOutbox(nil, f.options())); err != nil {
		t.Fatalf("flush: %v", err)
	}
	recent := f.sink.callsOf("recent", "id-alerts")
	if len(recent) != 1 || !recent[0].since.Equal(tried.FirstAttemptAt.Add(-time.Minute)) {
		t.Fatalf("lookups %+v, want one from the first attempt less a minute", recent)
	}
	if sends := f.sink.callsOf("send", ""); len(sends) != 1 || sends[0].post.ID != "alerts-001" {
		t.Errorf("sends %+v, want only the untried post", sends)
	}
	if p := f.post(tried.ID); p.State != model.PostSent {
		t.Errorf("tried post: %s, want sent (found)", p.State)
	}
}

// A send records the time of its first attempt before the call, and a retry
// keeps it.
func TestFirstAttemptRecordedBeforeSend(t *testing.T) {
	f := newFixture(t)
	p := alert("alerts", 0, t0)
	f.add(p)
	f.sink.push("id-alerts", step{err: &outbox.DeliveryError{Status: 503, Err: errors.New("unavailable")}})
	ob := f.newOutbox(nil, f.options())
	ctx, cancel := context.WithCancel(context.Background())
	_ = outbox.New(f.store, outbox.Sinks{"discord": crashSink{f.sink, cancel}}, f.options()).Flush(ctx)
	first := f.post(p.ID).FirstAttemptAt
	if first.IsZero() {
		t.Fatal("no first attempt recorded for a send cut short")
	}
	f.clock.Advance(time.Minute)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if got := f.post(p.ID); got.State != model.PostSent || !got.FirstAttemptAt.Equal(first) {
		t.Errorf("post: %s, first attempt %v; want sent, first attempt %v", got.State, got.FirstAttemptAt, first)
	}
}

// Many posts left pending by an earlier run, some of them already in the
// channel: one flush records those and sends the rest, each once, in order.
func TestRestartReconcilesAcrossBatches(t *testing.T) {
	f := newFixture(t)
	var want []string
	for n := range 7 { // Batch is 4
		p := alert("alerts", n, t0)
		if n < 3 { // tried, and in the channel; the rest never tried
			p.FirstAttemptAt = t0
			f.sink.seed("id-alerts", p, p.Nonce)
		}
		f.add(p)
		want = append(want, marker(p.ID))
	}
	f.clock.Advance(time.Hour)
	ob := f.newOutbox(nil, f.options())
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if got := markersOf(f.sink.messages("id-alerts")); !slices.Equal(got, want) {
		t.Errorf("channel shows %v, want %v", got, want)
	}
	if chans, _ := f.store.PendingChannels(context.Background()); len(chans) != 0 {
		t.Errorf("still pending after one flush: %v", chans)
	}
	if n := len(f.sink.callsOf("send", "")); n != 4 {
		t.Errorf("%d sends, want 4", n)
	}
}

// Discord cannot list the channel right after a restart: nothing is sent
// until the lookup succeeds. Without the permission to read history, the
// post goes out with its nonce rather than never.
func TestRestartLookupFailures(t *testing.T) {
	t.Run("transient", func(t *testing.T) {
		f := newFixture(t)
		p := alert("alerts", 0, t0)
		p.FirstAttemptAt = t0
		f.add(p)
		f.sink.seed("id-alerts", p, p.Nonce)
		f.sink.push("id-alerts",
			step{err: &outbox.DeliveryError{Status: 503, Err: errors.New("unavailable")}},
			step{err: errors.New("connection refused")})
		f.clock.Advance(time.Hour)
		if err := f.flush(f.newOutbox(nil, f.options())); err != nil {
			t.Fatalf("flush: %v", err)
		}
		if n, r := len(f.sink.callsOf("send", "")), len(f.sink.callsOf("recent", "")); n != 0 || r != 3 {
			t.Errorf("%d sends, %d lookups; want 0 sends and 3 lookups", n, r)
		}
		if got := f.post(p.ID); got.State != model.PostSent {
			t.Errorf("post: %s, want sent (found in the channel)", got.State)
		}
	})
	t.Run("permanent", func(t *testing.T) {
		f := newFixture(t)
		p := alert("alerts", 0, t0)
		p.FirstAttemptAt = t0
		f.add(p)
		f.sink.push("id-alerts", step{err: &outbox.DeliveryError{Status: 403, Code: 50001, Permanent: true, Err: errors.New("missing access")}})
		f.clock.Advance(time.Hour)
		if err := f.flush(f.newOutbox(nil, f.options())); err != nil {
			t.Fatalf("flush: %v", err)
		}
		if got := markersOf(f.sink.messages("id-alerts")); !slices.Equal(got, []string{"ref:alerts-000"}) {
			t.Errorf("channel shows %v, want the post once", got)
		}
	})
}

func TestFlushStopsWithContext(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	f.add(alert("alerts", 0, t0))
	for range 1000 {
		f.sink.push("id-alerts", step{err: &outbox.DeliveryError{Status: 500, Err: errors.New("down")}})
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := ob.Flush(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("flush: %v, want the context's error", err)
	}
	if p := f.post("alerts-000"); p.State != model.PostPending || p.Attempts == 0 {
		t.Errorf("post: %s after %d attempts, want pending with attempts recorded", p.State, p.Attempts)
	}
}

// Posts written after the outbox started are not reconciled: no Recent call
// for a plain send.
func TestNoReconcileForNewPosts(t *testing.T) {
	f := newFixture(t)
	ob := f.newOutbox(nil, f.options())
	f.add(alert("alerts", 0, t0))
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if n := len(f.sink.callsOf("recent", "")); n != 0 {
		t.Errorf("%d Recent calls, want 0", n)
	}
}

// An attempt whose answer was lost, retried after the nonce window: the
// outbox looks in the channel first instead of trusting an expired nonce.
func TestRetryAfterNonceWindowReconciles(t *testing.T) {
	f := newFixture(t)
	f.sink.nonceWindow = time.Minute
	opts := f.options()
	opts.NonceWindow = time.Minute
	f.add(alert("alerts", 0, t0))
	f.sink.push("id-alerts",
		step{err: errors.New("context deadline exceeded"), lose: true},
		step{err: &outbox.DeliveryError{Status: 502, Err: errors.New("bad gateway")}},
	)
	// The clock moves 45 s per call: the third attempt is past the window.
	ob := outbox.New(f.store, outbox.Sinks{"discord": advancingSink{f.sink, f.clock, 45 * time.Second}}, opts)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	msgs := f.sink.messages("id-alerts")
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want 1", len(msgs))
	}
	if p := f.post("alerts-000"); p.State != model.PostSent || p.MessageID != msgs[0].id {
		t.Errorf("post: %s %q, want sent as %q", p.State, p.MessageID, msgs[0].id)
	}
	if n := len(f.sink.callsOf("recent", "")); n != 1 {
		t.Errorf("%d Recent calls, want 1", n)
	}
	if n := len(f.sink.callsOf("send", "")); n != 2 {
		t.Errorf("%d sends, want 2 (the third attempt was a lookup)", n)
	}
}

// crashSink posts the message, then ends the run before the answer arrives.
type crashSink struct {
	*scriptSink
	crash context.CancelFunc
}

func (s crashSink) Send(ctx context.Context, channelID string, p model.Post, nonce string) (string, error) {
	s.scriptSink.Send(ctx, channelID, p, nonce)
	s.crash()
	return "", ctx.Err()
}

// advancingSink moves the clock forward on every Send.
type advancingSink struct {
	*scriptSink
	clock *fakeClock
	step  time.Duration
}

func (s advancingSink) Send(ctx context.Context, channelID string, p model.Post, nonce string) (string, error) {
	id, err := s.scriptSink.Send(ctx, channelID, p, nonce)
	s.clock.Advance(s.step)
	return id, err
}

// flakyStore fails MarkSent a number of times.
type flakyStore struct {
	outbox.Store
	mu    sync.Mutex
	fails int
}

func (s *flakyStore) MarkSent(ctx context.Context, id, messageID string, at time.Time) error {
	s.mu.Lock()
	fail := s.fails > 0
	s.fails--
	s.mu.Unlock()
	if fail {
		return errors.New("database is locked")
	}
	return s.Store.MarkSent(ctx, id, messageID, at)
}

func TestMarkSentFailureDoesNotResend(t *testing.T) {
	f := newFixture(t)
	store := &flakyStore{Store: f.store, fails: 1}
	ob := f.newOutbox(store, f.options())
	f.add(alert("alerts", 0, t0))
	if err := f.flush(ob); err == nil {
		t.Fatal("flush hid a storage error")
	}
	if err := f.flush(ob); err != nil {
		t.Fatalf("second flush: %v", err)
	}
	if n := len(f.sink.callsOf("send", "")); n != 1 {
		t.Errorf("%d sends, want 1: the message id is recorded, not sent again", n)
	}
	if p := f.post("alerts-000"); p.State != model.PostSent {
		t.Errorf("post: %s, want sent", p.State)
	}
}

func TestQuietHoursHoldLetsUrgentThrough(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	end := t0.Add(8 * time.Hour)
	opts.Hold = func(p model.Post, now time.Time) (time.Time, bool) {
		return end, p.Rule != "urgent" && now.Before(end)
	}
	ob := f.newOutbox(nil, opts)
	var posts []model.Post
	for n := range 9 { // more than two batches held
		posts = append(posts, alert("night", n, t0))
	}
	urgent := alert("night", 9, t0)
	urgent.Rule = "urgent"
	f.add(append(posts, urgent)...)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if got := markersOf(f.sink.messages("id-night")); !slices.Equal(got, []string{"ref:night-009"}) {
		t.Fatalf("during quiet hours: %v, want only the urgent alert", got)
	}
	for _, p := range posts {
		if got := f.post(p.ID); got.State != model.PostPending {
			t.Errorf("held %s: %s, want pending", p.ID, got.State)
		}
	}
	f.clock.Advance(8 * time.Hour)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	want := []string{"ref:night-009"}
	for _, p := range posts {
		want = append(want, marker(p.ID))
	}
	if got := markersOf(f.sink.messages("id-night")); !slices.Equal(got, want) {
		t.Errorf("after quiet hours: %v, want %v", got, want)
	}
}

// Run wakes itself when quiet hours end (the hold's deadline), without a
// Notify or a rescan.
func TestRunReleasesHeldPostsAtDeadline(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	var mu sync.Mutex
	released := false
	opts.Hold = func(p model.Post, now time.Time) (time.Time, bool) {
		mu.Lock()
		defer mu.Unlock()
		if released {
			return time.Time{}, false
		}
		return now.Add(50 * time.Millisecond), true
	}
	ob := f.newOutbox(nil, opts)
	f.add(alert("night", 0, t0))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- ob.Run(ctx) }()
	time.Sleep(20 * time.Millisecond)
	mu.Lock()
	released = true
	mu.Unlock()
	waitFor(t, "held post sent at its deadline", func() bool { return len(f.sink.messages("id-night")) == 1 })
	cancel()
	<-done
}

func TestChannelsOptionOverridesStoredID(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	opts.Channels = map[string]string{"alerts": "moved-id"}
	ob := f.newOutbox(nil, opts)
	f.add(alert("alerts", 0, t0))
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	if n := len(f.sink.messages("moved-id")); n != 1 {
		t.Errorf("%d messages in the configured channel, want 1", n)
	}
}

func TestCancelStopsEveryGoroutine(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	opts.Rescan = 5 * time.Millisecond
	ob := f.newOutbox(nil, opts)
	release := f.sink.blockChannel("id-stuck")
	defer release()
	f.add(alert("stuck", 0, t0))
	for n := range 5 {
		f.add(alert(fmt.Sprintf("ch%d", n), 0, t0))
		f.sink.push(fmt.Sprintf("id-ch%d", n), step{err: &outbox.DeliveryError{Status: 500, Err: errors.New("down")}})
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ob.Run(ctx) }()
	waitFor(t, "every channel delivered but the stuck one", func() bool {
		chans, _ := f.store.PendingChannels(context.Background())
		return slices.Equal(chans, []string{"stuck"})
	})
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	waitFor(t, "every outbox goroutine stopped", func() bool { return !outboxGoroutines() })
	if p := f.post("stuck-000"); p.State != model.PostPending || p.Attempts != 0 {
		t.Errorf("post in flight at cancel: %s, %d attempts; want pending, attempt not counted", p.State, p.Attempts)
	}
}

func TestStoreSatisfiesInterface(t *testing.T) {
	var _ outbox.Store = storage.Store(nil)
}

// outboxGoroutines reports whether any goroutine runs outbox code.
func outboxGoroutines() bool {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	return bytes.Contains(buf, []byte("wirewatch/outbox.(*Outbox)"))
}

// waitFor polls cond for up to 20 s: generous, since 500 sends under -race
// on a busy 2-core machine take seconds; no test measures speed with it.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting: %s", what)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

// An urgent post answered 5xx is retried from UrgentBackoffMin, doubling,
// not from BackoffMin; a post below urgent backs off from BackoffMin, and a
// 429's Retry-After is honoured whatever the priority.
func TestUrgentServerErrorRetriedSooner(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	opts.BackoffMin, opts.BackoffMax, opts.UrgentBackoffMin = 200*time.Millisecond, time.Second, 20*time.Millisecond
	ob := f.newOutbox(nil, opts)
	urgent := alert("desk", 0, t0)
	urgent.Priority = model.PriorityUrgent
	f.add(urgent)
	lower := alert("other", 0, t0)
	lower.Priority = model.PriorityAlert
	f.add(lower)
	unavailable := step{err: &outbox.DeliveryError{Status: 503, Err: errors.New("service unavailable")}}
	limited := step{err: &outbox.DeliveryError{Status: 429, RetryAfter: 300 * time.Millisecond, Err: errors.New("rate limited")}}
	f.sink.push("id-desk", unavailable, unavailable, limited)
	f.sink.push("id-other", unavailable, unavailable)
	if err := f.flush(ob); err != nil {
		t.Fatalf("flush: %v", err)
	}
	gaps := func(channelID string) []time.Duration {
		var out []time.Duration
		sends := f.sink.callsOf("send", channelID)
		for i := 1; i < len(sends); i++ {
			out = append(out, sends[i].at.Sub(sends[i-1].at))
		}
		return out
	}
	u, l := gaps("id-desk"), gaps("id-other")
	t.Logf("urgent post retried after %v; alert after %v", u, l)
	if len(u) != 3 || u[0] < 20*time.Millisecond || u[0] >= 150*time.Millisecond || u[1] < 40*time.Millisecond || u[1] >= 150*time.Millisecond || u[2] < 300*time.Millisecond {
		t.Errorf("urgent post retried after %v, want about 20 ms and 40 ms after its 503s, then the 429's 300 ms", u)
	}
	if len(l) != 2 || l[0] < 200*time.Millisecond || l[1] < 400*time.Millisecond {
		t.Errorf("alert retried after %v, want 200 ms and 400 ms", l)
	}
}
