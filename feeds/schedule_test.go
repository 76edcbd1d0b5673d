package feeds

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

var testPolling = config.Polling{DefaultInterval: 10 * time.Minute, MinInterval: 2 * time.Minute, MaxInterval: time.Hour}

func within(t *testing.T, what string, got, want time.Duration, share float64) {
	t.Helper()
	lo, hi := time.Duration(float64(want)*(1-share)), time.Duration(float64(want)*(1+share))
	if got < lo || got > hi {
		t.Errorf("%s: %v, want %v ±%.0f%%", what, got, want, share*100)
	}
}

func TestScheduleIntervals(t *testing.T) {
	feed := config.Feed{Name: "f"}
	cases := []struct {
		name string
		feed config.Feed
		st   model.FeedState
		res  *Result
		want time.Duration
	}{
		{"default for a new feed", feed, model.FeedState{}, &Result{}, 10 * time.Minute},
		{"configured interval wins", config.Feed{Name: "f", Interval: 45 * time.Minute}, model.FeedState{}, &Result{Gap: time.Minute}, 45 * time.Minute},
		{"busy feed clamps to min", feed, model.FeedState{}, &Result{Gap: 20 * time.Second}, 2 * time.Minute},
		{"quiet feed clamps to max", feed, model.FeedState{}, &Result{Gap: 7 * 24 * time.Hour}, time.Hour},
		{"gap within bounds", feed, model.FeedState{}, &Result{Gap: 25 * time.Minute}, 25 * time.Minute},
		{"304 keeps the learned interval", feed, model.FeedState{Interval: 30 * time.Minute}, &Result{NotModified: true}, 30 * time.Minute},
		{"TTL is a floor", feed, model.FeedState{}, &Result{Gap: 5 * time.Minute, TTL: 3 * time.Hour}, 3 * time.Hour},
		{"TTL over a day is capped", feed, model.FeedState{}, &Result{TTL: 72 * time.Hour}, 24 * time.Hour},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, tr := Schedule(c.st, c.feed, testPolling, c.res, nil, testNow)
			if tr != NoTransition || st.Failures != 0 || st.LastError != "" || !st.LastSuccess.Equal(testNow) || !st.LastPoll.Equal(testNow) {
				t.Fatalf("state %+v, transition %q", st, tr)
			}
			wait := st.NextPoll.Sub(testNow)
			if c.res != nil && c.res.TTL > 0 && wait < min(c.res.TTL, 24*time.Hour) {
				t.Errorf("next poll in %v, sooner than TTL %v", wait, c.res.TTL)
			}
			within(t, "wait", wait, c.want, 0.10)
		})
	}
}

func TestScheduleJitterSpreads(t *testing.T) {
	seen := map[time.Time]bool{}
	for range 50 {
		st, _ := Schedule(model.FeedState{}, config.Feed{Name: "f"}, testPolling, &Result{}, nil, testNow)
		seen[st.NextPoll] = true
	}
	if len(seen) < 10 {
		t.Errorf("only %d distinct next polls in 50: no jitter", len(seen))
	}
}

func TestScheduleBackoffAndTransitions(t *testing.T) {
	feed := config.Feed{Name: "f"}
	st := model.FeedState{Feed: "f", Interval: 10 * time.Minute}
	now := testNow
	fail := fmt.Errorf("poll feed %q: %w", "f", &StatusError{Code: 500, Status: "500 Internal Server Error"})
	var broken int
	for i := 1; i <= 40; i++ {
		var tr Transition
		st, tr = Schedule(st, feed, testPolling, nil, fail, now)
		if st.Failures != i || st.LastError != fail.Error() {
			t.Fatalf("failure %d: %+v", i, st)
		}
		wait := st.NextPoll.Sub(now)
		switch {
		case i <= backoffAfter:
			within(t, fmt.Sprintf("wait after failure %d", i), wait, 10*time.Minute, 0.10)
		case i < backoffAfter+24:
			within(t, fmt.Sprintf("wait after failure %d", i), wait, time.Duration(i-backoffAfter)*time.Hour, 0.10)
		default:
			if wait > 24*time.Hour || wait < 21*time.Hour {
				t.Errorf("wait after failure %d: %v, want about a day and never more", i, wait)
			}
		}
		if tr == BecameBroken {
			broken++
			if i != brokenAfter {
				t.Errorf("became broken at failure %d, want %d", i, brokenAfter)
			}
		} else if tr != NoTransition {
			t.Errorf("failure %d: transition %q", i, tr)
		}
		if st.Broken != (i >= brokenAfter) {
			t.Errorf("failure %d: broken = %v", i, st.Broken)
		}
		now = st.NextPoll
	}
	if broken != 1 {
		t.Errorf("BecameBroken reported %d times, want once", broken)
	}
	st, tr := Schedule(st, feed, testPolling, &Result{}, nil, now)
	if tr != Recovered || st.Broken || st.Failures != 0 || st.LastError != "" || !st.LastSuccess.Equal(now) {
		t.Fatalf("recovery: transition %q, state %+v", tr, st)
	}
	within(t, "wait after recovery", st.NextPoll.Sub(now), 10*time.Minute, 0.10)
	if _, tr := Schedule(st, feed, testPolling, &Result{}, nil, now); tr != NoTransition {
		t.Errorf("second success: transition %q", tr)
	}
	// A failure short of the threshold after recovery is no transition.
	if _, tr := Schedule(st, feed, testPolling, nil, errors.New("x"), now); tr != NoTransition {
		t.Errorf("single failure: transition %q", tr)
	}
}

func TestScheduleRetryAfter(t *testing.T) {
	err := fmt.Errorf("poll: %w", &StatusError{Code: 429, Status: "429 Too Many Requests", RetryAfter: 2 * time.Hour})
	st, _ := Schedule(model.FeedState{}, config.Feed{Name: "f"}, testPolling, nil, err, testNow)
	if wait := st.NextPoll.Sub(testNow); wait < 2*time.Hour {
		t.Errorf("next poll in %v, Retry-After was 2h", wait)
	}
}

func TestDue(t *testing.T) {
	feeds := []config.Feed{{Name: "new"}, {Name: "later"}, {Name: "overdue"}, {Name: "just-due"}, {Name: "zero-next"}}
	states := map[string]model.FeedState{
		"later":     {Feed: "later", NextPoll: testNow.Add(time.Minute)},
		"overdue":   {Feed: "overdue", NextPoll: testNow.Add(-time.Hour)},
		"just-due":  {Feed: "just-due", NextPoll: testNow},
		"zero-next": {Feed: "zero-next"},
	}
	var names []string
	for _, f := range Due(feeds, states, testNow) {
		names = append(names, f.Name)
	}
	want := "[new zero-next overdue just-due]"
	if fmt.Sprint(names) != want {
		t.Errorf("due = %v, want %v", names, want)
	}
	if got := Due(nil, nil, testNow); len(got) != 0 {
		t.Errorf("no feeds: %v", got)
	}
}

func TestNextDue(t *testing.T) {
	states := map[string]model.FeedState{
		"later":  {Feed: "later", NextPoll: testNow.Add(time.Minute)},
		"sooner": {Feed: "sooner", NextPoll: testNow.Add(3 * time.Second)},
		"busy":   {Feed: "busy", NextPoll: testNow.Add(-time.Hour)},
	}
	busy := func(name string) bool { return name == "busy" || name == "new" }
	tests := []struct {
		name   string
		feeds  []string
		want   time.Time
		wantOK bool
	}{
		{"earliest of two", []string{"later", "sooner"}, testNow.Add(3 * time.Second), true},
		{"a busy feed is skipped", []string{"busy", "later"}, testNow.Add(time.Minute), true},
		{"a never polled feed is due at once", []string{"later", "fresh"}, time.Time{}, true},
		{"a busy never polled feed is skipped", []string{"new", "later"}, testNow.Add(time.Minute), true},
		{"nothing to wait for", []string{"busy"}, time.Time{}, false},
	}
	for _, tt := range tests {
		var list []config.Feed
		for _, n := range tt.feeds {
			list = append(list, config.Feed{Name: n})
		}
		at, ok := NextDue(list, states, busy)
		if !at.Equal(tt.want) || ok != tt.wantOK {
			t.Errorf("%s: NextDue = %v, %v; want %v, %v", tt.name, at, ok, tt.want, tt.wantOK)
		}
	}
}
