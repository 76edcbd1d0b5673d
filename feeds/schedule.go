package feeds

import (
	"errors"
	"math/rand/v2"
	"sort"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/redact"
)

// Transition tells the pipeline that a feed's health changed, so admins are
// told once, not at every poll.
type Transition string

// Transitions returned by Schedule.
const (
	NoTransition Transition = ""
	BecameBroken Transition = "broken"    // the feed just crossed brokenAfter failures
	Recovered    Transition = "recovered" // a broken feed answered again
)

// Failure handling: the first backoffAfter failures in a row keep the normal
// interval (servers hiccup), then the wait grows by an hour per failure up to
// a day; after brokenAfter failures the feed is marked broken (it is still
// polled, at the backed-off pace).
const (
	backoffAfter = 3
	backoffStep  = time.Hour
	maxBackoff   = 24 * time.Hour
	brokenAfter  = 10
	maxLastError = 1000
	jitterShare  = 0.10
)

// Defaults for a zero config.Polling.
const (
	defaultInterval = 10 * time.Minute
	defaultMin      = 2 * time.Minute
	defaultMax      = time.Hour
)

// Schedule records the outcome of a poll in st and sets the next poll.
// st is the state to update (Result.State after a success). res may be nil
// (after a failure). The interval is feed.Interval when configured, else
// adaptive: the feed's mean publishing gap (Result.Gap) within
// pol.MinInterval..pol.MaxInterval, kept from the last poll when a poll says
// nothing new about it. Every wait gets ±10% jitter and is never shorter
// than the publisher's TTL or Retry-After (up to a day).
func Schedule(st model.FeedState, feed config.Feed, pol config.Polling, res *Result, pollErr error, now time.Time) (model.FeedState, Transition) {
	pol = pollingDefaults(pol)
	if st.Feed == "" {
		st.Feed = feed.Name
	}
	st.LastPoll = now
	st.Interval = interval(st, feed, pol, res)
	wait := st.Interval
	var floor time.Duration
	transition := NoTransition

	if pollErr != nil {
		st.Failures++
		st.LastError = truncateBytes(redact.Text(pollErr.Error()), maxLastError)
		if st.Failures > backoffAfter {
			backoff := backoffStep * time.Duration(min(st.Failures-backoffAfter, int(maxBackoff/backoffStep)))
			wait = max(wait, backoff)
		}
		var se *StatusError
		if errors.As(pollErr, &se) {
			floor = se.RetryAfter
		}
		if !st.Broken && st.Failures >= brokenAfter {
			st.Broken = true
			transition = BecameBroken
		}
	} else {
		if st.Broken {
			transition = Recovered
		}
		st.Broken = false
		st.Failures = 0
		st.LastError = ""
		st.LastSuccess = now
	}
	if res != nil {
		floor = max(floor, res.TTL)
	}
	wait = jitter(wait)
	if pollErr != nil && st.Failures > backoffAfter {
		wait = min(wait, max(st.Interval, maxBackoff)) // jitter must not push a backoff past a day
	}
	wait = max(wait, min(floor, maxTTL))
	st.NextPoll = now.Add(wait)
	return st, transition
}

func pollingDefaults(pol config.Polling) config.Polling {
	if pol.MinInterval <= 0 {
		pol.MinInterval = defaultMin
	}
	if pol.MaxInterval <= 0 {
		pol.MaxInterval = defaultMax
	}
	if pol.MaxInterval < pol.MinInterval {
		pol.MaxInterval = pol.MinInterval
	}
	if pol.DefaultInterval <= 0 {
		pol.DefaultInterval = defaultInterval
	}
	return pol
}

func interval(st model.FeedState, feed config.Feed, pol config.Polling, res *Result) time.Duration {
	if feed.Interval > 0 {
		return feed.Interval
	}
	d := pol.DefaultInterval
	switch {
	case res != nil && res.Gap > 0:
		d = res.Gap
	case st.Interval > 0:
		d = st.Interval
	}
	return min(max(d, pol.MinInterval), pol.MaxInterval)
}

// jitter spreads d by ±10% so feeds added together drift apart.
func jitter(d time.Duration) time.Duration {
	spread := int64(float64(d) * jitterShare)
	if spread <= 0 {
		return d
	}
	return d + time.Duration(rand.Int64N(2*spread+1)-spread)
}

// Due returns the feeds to poll now: those never polled (no state, or no
// next poll time) first, then those whose next poll has come, most overdue
// first.
func Due(feeds []config.Feed, states map[string]model.FeedState, now time.Time) []config.Feed {
	type due struct {
		feed config.Feed
		at   time.Time
	}
	var list []due
	for _, f := range feeds {
		st, ok := states[f.Name]
		if !ok || st.NextPoll.IsZero() || !st.NextPoll.After(now) {
			list = append(list, due{f, st.NextPoll})
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].at.Before(list[j].at) })
	out := make([]config.Feed, len(list))
	for i, d := range list {
		out[i] = d.feed
	}
	return out
}

// NextDue returns when the earliest of feeds is due, skipping those busy
// says are being polled; a feed never polled is due at once (the zero time).
// ok is false when no feed is left to wait for.
func NextDue(feeds []config.Feed, states map[string]model.FeedState, busy func(name string) bool) (at time.Time, ok bool) {
	for _, f := range feeds {
		if busy != nil && busy(f.Name) {
			continue
		}
		st, known := states[f.Name]
		if !known || st.NextPoll.IsZero() {
			return time.Time{}, true
		}
		if !ok || st.NextPoll.Before(at) {
			at, ok = st.NextPoll, true
		}
	}
	return at, ok
}
