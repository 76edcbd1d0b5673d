package pipeline

import (
	"time"

	"wirewatch/model"
)

// Observer is told what polls did, for metrics. The pipeline calls it from
// its polling goroutines, so it must be safe for concurrent use and quick.
// It is defined here, where the events happen, so that the pipeline knows
// no metrics library.
type Observer interface {
	// Polled is one feed's poll: its result (PollOK, PollNotModified or
	// PollFailed), how long fetching and parsing its document took, and
	// the feed's consecutive failures after it (0 after a success).
	Polled(feed, result string, took time.Duration, failures int)
	// Stored is one stored batch of a feed's new items (not its first
	// poll's backlog): how many, the alerts they caused, and when the
	// poll that found them parsed its document.
	Stored(feed string, items int, alerts []model.Post, parsed time.Time)
}

// The results Observer.Polled reports.
const (
	PollOK          = "ok"
	PollNotModified = "not_modified"
	PollFailed      = "failed"
)

func pollResult(r polled) string {
	switch {
	case r.err != nil:
		return PollFailed
	case r.res.NotModified:
		return PollNotModified
	}
	return PollOK
}

// noObserver observes nothing.
type noObserver struct{}

func (noObserver) Polled(string, string, time.Duration, int)   {}
func (noObserver) Stored(string, int, []model.Post, time.Time) {}

func (p *Pipeline) observer() Observer {
	if p.opts.Observer == nil {
		return noObserver{}
	}
	return p.opts.Observer
}
