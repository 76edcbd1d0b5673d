package bot_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/model"
	"wirewatch/outbox"
)

// shortWindows scales Discord's 5 messages per 5 s down to 5 per window,
// in both the fake and the limiter.
func shortWindows(window time.Duration) (discordtest.Options, bot.LimiterOptions) {
	return discordtest.Options{MessageWindow: window, GlobalLimit: 500, GlobalWindow: time.Second},
		bot.LimiterOptions{ChannelWindow: window, GlobalRate: 400, GlobalBurst: 10}
}

func count429(srv *discordtest.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Status == http.StatusTooManyRequests {
			n++
		}
	}
	return n
}

// 100 sends to one channel: no 429, no violation, and no faster than the
// channel's limit allows.
func TestLimiterOneChannelNo429(t *testing.T) {
	t.Parallel()
	const window = 100 * time.Millisecond
	fo, lo := shortWindows(window)
	srv, sink, lim := newSink(t, fo, lo)
	ctx := context.Background()
	start := time.Now()
	for i := range 100 {
		if _, err := sink.Send(ctx, alertsID, textPost(fmt.Sprintf("alert %d", i)), ""); err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
	}
	elapsed := time.Since(start)
	if n := count429(srv); n != 0 {
		t.Fatalf("%d answers were 429", n)
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
	if min := 19 * window; elapsed < min {
		t.Fatalf("100 sends in %s, faster than 5 per %s allows (%s)", elapsed, window, min)
	}
	if got := len(srv.Messages(alertsID)); got != 100 {
		t.Fatalf("%d messages", got)
	}
	if st := lim.Stats(); st.Requests < 100 || st.Status429 != 0 {
		t.Fatalf("limiter stats %+v", st)
	}
}

// Many goroutines sending to a few channels at once get no 429 either:
// the limiter, not discordgo's per-URL lock, holds the limit.
func TestLimiterConcurrentChannels(t *testing.T) {
	t.Parallel()
	const window = 100 * time.Millisecond
	fo, lo := shortWindows(window)
	srv, sink, _ := newSink(t, fo, lo)
	var wg sync.WaitGroup
	errs := make(chan error, 60)
	for i := range 60 {
		ch := alertsID
		if i%2 == 1 {
			ch = digestID
		}
		wg.Go(func() {
			if _, err := sink.Send(context.Background(), ch, textPost("x"), ""); err != nil {
				errs <- err
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if n := count429(srv); n != 0 || len(srv.Violations()) != 0 {
		t.Fatalf("%d 429s, violations %q", n, srv.Violations())
	}
}

// A channel limit lower than the pre-emptive default is learned from
// Discord's headers before it is exceeded.
func TestLimiterLearnsLimitFromHeaders(t *testing.T) {
	t.Parallel()
	const window = 100 * time.Millisecond
	fo, lo := shortWindows(window)
	fo.MessageLimit = 2
	srv, sink, _ := newSink(t, fo, lo)
	for i := range 12 {
		if _, err := sink.Send(context.Background(), alertsID, textPost(fmt.Sprint(i)), ""); err != nil {
			t.Fatal(err)
		}
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
}

// After a global 429 every request waits out retry_after, not just the one
// that got it (discordgo alone lets the others through).
func TestLimiterHonoursGlobal429(t *testing.T) {
	t.Parallel()
	srv, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{})
	const pause = 300 * time.Millisecond
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultGlobalRateLimit, RetryAfter: pause})
	start := time.Now()
	_, err := sink.Send(context.Background(), alertsID, textPost("x"), "")
	if outbox.RetryAfter(err) != pause {
		t.Fatalf("error %v, want a 429 with retry after %s", err, pause)
	}
	if _, err := sink.Send(context.Background(), digestID, textPost("y"), ""); err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d < pause {
		t.Fatalf("a request to another channel went out %s after a global 429 of %s", d, pause)
	}
}

// A run of 403s trips the breaker: later calls fail at once with a clear
// error and never reach Discord.
func TestLimiterBreaker(t *testing.T) {
	t.Parallel()
	srv, sink, lim := newSink(t, discordtest.Options{}, bot.LimiterOptions{InvalidLimit: 5, InvalidWindow: time.Minute})
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultForbidden, Times: discordtest.Always})
	for i := range 5 {
		_, err := sink.Send(context.Background(), alertsID, textPost("x"), "")
		if !outbox.IsPermanent(err) {
			t.Fatalf("send %d: %v, want a permanent 403", i, err)
		}
	}
	_, err := sink.Send(context.Background(), alertsID, textPost("x"), "")
	if !errors.Is(err, bot.ErrTooManyInvalid) || outbox.IsPermanent(err) {
		t.Fatalf("sixth send: %v, want the breaker's transient error", err)
	}
	if outbox.RetryAfter(err) <= 0 || outbox.RetryAfter(err) > time.Minute {
		t.Fatalf("breaker retry after %s", outbox.RetryAfter(err))
	}
	if n := len(srv.Requests()); n != 5 {
		t.Fatalf("Discord saw %d requests, want 5", n)
	}
	if st := lim.Stats(); st.Invalid != 5 || st.Refused != 1 {
		t.Fatalf("stats %+v", st)
	}
}

// The global token bucket holds a burst of requests to many routes under
// Discord's global limit.
func TestLimiterGlobalBucket(t *testing.T) {
	t.Parallel()
	srv, sink, _ := newSink(t, discordtest.Options{GlobalLimit: 10, GlobalWindow: 200 * time.Millisecond},
		bot.LimiterOptions{GlobalRate: 35, GlobalBurst: 2})
	var wg sync.WaitGroup
	for range 30 {
		wg.Go(func() {
			_, _ = sink.Recent(context.Background(), alertsID, time.Time{})
		})
	}
	wg.Wait()
	if v := srv.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
}

func TestLimiterContextCancelWhileWaiting(t *testing.T) {
	t.Parallel()
	fo, lo := shortWindows(5 * time.Second)
	_, sink, _ := newSink(t, fo, lo)
	// A new Limiter holds its first window back, so this send must wait 5.5 s.
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := sink.Send(ctx, alertsID, textPost("x"), "")
	if !errors.Is(err, context.DeadlineExceeded) || outbox.IsPermanent(err) {
		t.Fatalf("error %v, want a transient deadline error", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("waited %s past the deadline", d)
	}
}

// Requests below urgent leave the global bucket's last GlobalReserve tokens
// to urgent alerts: after a burst of other requests, an urgent alert goes
// at once, and the others wait for the bucket to refill. Without the
// reserve the burst takes every token and the urgent alert waits for one.
func TestLimiterGlobalUrgentReserve(t *testing.T) {
	t.Parallel()
	const perToken = 500 * time.Millisecond // GlobalRate 2 per second
	for _, tc := range []struct {
		name        string
		reserve     int
		quick       int  // requests below urgent sent at once, of 5
		urgentQuick bool // the urgent alert after them goes at once
	}{
		{name: "reserve", reserve: 0, quick: 3, urgentQuick: true}, // the default, 2
		{name: "none", reserve: -1, quick: 5, urgentQuick: false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{
				GlobalRate: float64(time.Second / perToken), GlobalBurst: 5, GlobalReserve: tc.reserve, FreshStart: true})
			var wg sync.WaitGroup
			quick := make(chan time.Duration, 5)
			for range 5 {
				wg.Go(func() {
					start := time.Now()
					if _, err := sink.Send(context.Background(), digestID, textPost("low"), ""); err != nil {
						t.Error(err)
					}
					quick <- time.Since(start)
				})
			}
			time.Sleep(perToken / 5) // the quick ones are done, the others wait
			d := sendTimed(t, sink, alertsID, urgentPost("urgent"))
			wg.Wait()
			close(quick)
			n := 0
			for q := range quick {
				if q < perToken/2 {
					n++
				}
			}
			if n != tc.quick {
				t.Errorf("%d of 5 requests below urgent went at once, want %d", n, tc.quick)
			}
			if got := d < perToken/2; got != tc.urgentQuick {
				t.Errorf("the urgent alert after them took %s; want at once: %v", d, tc.urgentQuick)
			}
			if v := srv.Violations(); len(v) != 0 {
				t.Fatalf("violations %q", v)
			}
		})
	}
}

// A request the global bucket could only let go after its deadline fails at
// once, as a deadline error (transient), like one whose deadline passes
// while it waits.
func TestLimiterGlobalWaitPastDeadline(t *testing.T) {
	t.Parallel()
	_, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{GlobalRate: 0.5, GlobalBurst: 1})
	_, _ = sink.Recent(context.Background(), alertsID, time.Time{}) // may take the one token
	for range 2 {
		ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
		_, err := sink.Recent(ctx, alertsID, time.Time{})
		cancel()
		if !errors.Is(err, context.DeadlineExceeded) || outbox.IsPermanent(err) {
			t.Fatalf("error %v, want a transient deadline error", err)
		}
	}
}

// A restarted process does not know what its predecessor sent in Discord's
// current window: its Limiter treats that window as used.
func TestLimiterRestartAssumesWindowUsed(t *testing.T) {
	t.Parallel()
	const window = 300 * time.Millisecond
	fo, lo := shortWindows(window)
	srv, sink, _ := newSink(t, fo, lo)
	for range 5 {
		if _, err := sink.Send(context.Background(), alertsID, textPost("before"), ""); err != nil {
			t.Fatal(err)
		}
	}
	dg, err := srv.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	dg.Client.Transport = bot.NewLimiter(srv.Transport(), lo)
	if _, err := bot.NewDiscord(dg).Send(context.Background(), alertsID, textPost("after"), ""); err != nil {
		t.Fatal(err)
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
}

// urgentPost is textPost at the urgent priority.
func urgentPost(text string) model.Post {
	p := textPost(text)
	p.Priority = model.PriorityUrgent
	return p
}

// sendTimed sends p and reports how long the call took.
func sendTimed(t *testing.T, sink *bot.Discord, channelID string, p model.Post) time.Duration {
	t.Helper()
	start := time.Now()
	if _, err := sink.Send(context.Background(), channelID, p, ""); err != nil {
		t.Fatal(err)
	}
	return time.Since(start)
}

// In a channel that takes urgent alerts, lower posts leave two of the
// window's five places free: the 4th lower post waits for the next window
// while two urgent alerts go at once. A channel without urgent alerts
// keeps its whole window for lower posts.
func TestLimiterUrgentReserve(t *testing.T) {
	t.Parallel()
	const window = 2 * time.Second
	fo, lo := shortWindows(window)
	lo.FreshStart = true
	lo.UrgentChannels = func(id string) bool { return id == alertsID }
	srv, sink, _ := newSink(t, fo, lo)
	for i := range 3 {
		if d := sendTimed(t, sink, alertsID, textPost("low")); d > window/2 {
			t.Fatalf("lower post %d took %s, want it sent at once", i, d)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), window/4)
	_, err := sink.Send(ctx, alertsID, textPost("4th low"), "")
	cancel()
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("4th lower post: error %v, want it held for the next window (deadline exceeded)", err)
	}
	for i := range 2 {
		if d := sendTimed(t, sink, alertsID, urgentPost("urgent")); d > window/2 {
			t.Fatalf("urgent alert %d took %s, want it sent at once from the reserve", i, d)
		}
	}
	for i := range 5 {
		if d := sendTimed(t, sink, digestID, textPost("low")); d > window/2 {
			t.Fatalf("lower post %d in a channel without urgent alerts took %s, want the whole window", i, d)
		}
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
}

// A lower post waiting for the window gives up when its context's
// outbox.Yield channel closes, without sending: the outbox then sends a
// newly written urgent alert first.
func TestLimiterYieldWhileWaiting(t *testing.T) {
	t.Parallel()
	fo, lo := shortWindows(5 * time.Second)
	lo.FreshStart = true
	srv, sink, _ := newSink(t, fo, lo)
	for range 5 {
		sendTimed(t, sink, alertsID, textPost("fill"))
	}
	wrote := make(chan struct{})
	time.AfterFunc(100*time.Millisecond, func() { close(wrote) })
	start := time.Now()
	_, err := sink.Send(outbox.WithYield(context.Background(), wrote), alertsID, textPost("waiting"), "")
	if !errors.Is(err, outbox.ErrYielded) || outbox.IsPermanent(err) {
		t.Fatalf("error %v, want outbox.ErrYielded", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("yielded after %s", d)
	}
	if n := len(srv.Messages(alertsID)); n != 5 {
		t.Fatalf("%d messages, want the 5 before the wait", n)
	}
}

// A send answered with a 5xx and no headers may or may not have taken a
// place; once a later answer's headers counted the places left, it holds
// none: the window's other places stay usable at once.
func TestLimiterForgets5xxOnceCounted(t *testing.T) {
	t.Parallel()
	const window = 2 * time.Second
	fo, lo := shortWindows(window)
	lo.FreshStart = true
	srv, sink, _ := newSink(t, fo, lo)
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultServerError, Method: "POST", Path: "/channels/*/messages", Status: http.StatusServiceUnavailable, Times: 1})
	if _, err := sink.Send(context.Background(), alertsID, textPost("503"), ""); err == nil {
		t.Fatal("the injected 503 was not reported")
	}
	for i := range 5 {
		if d := sendTimed(t, sink, alertsID, textPost("after")); d > window/2 {
			t.Fatalf("send %d after the 503 took %s, want the window's five places", i, d)
		}
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
}
