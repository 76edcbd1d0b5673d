package pipeline

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"wirewatch/config"
	"wirewatch/feeds"
	"wirewatch/model"
)

// retryAfter is how long the scheduler waits before trying again when it
// could not read the feeds' states (the database is unreachable).
const retryAfter = 5 * time.Second

// Run polls each feed when it is due and posts digests until ctx ends.
//
// Feeds are scheduled to the second: a timer waits for the earliest next
// poll time among the feeds not being polled, and a reload, or a poll
// finishing, wakes it early. At most polling.concurrency feeds are polled at
// once; each commits its items as soon as it is done (see pollFeed), so one
// slow feed holds up only its own slot. Feeds never polled are due at once,
// so a restart catches up without waiting. Digests are checked on the cron
// spec polling.tick, which no longer paces feeds.
func (p *Pipeline) Run(ctx context.Context) error {
	digestTicks := make(chan struct{}, 1)
	var (
		sched *cron.Cron
		spec  string
	)
	defer func() {
		if sched != nil {
			<-sched.Stop().Done()
		}
	}()

	type finished struct {
		feed  string
		state model.FeedState
		stats Stats
		took  time.Duration
	}
	summary := pollSummary{since: time.Now()}
	summaryTicks := time.NewTicker(p.opts.SummaryEvery)
	defer summaryTicks.Stop()
	done := make(chan finished)
	var workers sync.WaitGroup
	defer p.pagesRunning.Wait() // after the polls that start them
	defer workers.Wait()

	var (
		cfg      *config.Config // the config the states below were prepared for
		states   map[string]model.FeedState
		inflight int
		retry    time.Time // when to try preparing again after a failure
	)
	// Stopped and reset each turn: since Go 1.23 a stopped timer never
	// delivers a stale tick.
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	p.digests(ctx)
	for {
		rt := p.runtime.Load()
		if want := rt.Config.Polling.Tick; want != spec {
			next, err := startTicker(rt.Config.Polling, digestTicks)
			if err != nil {
				return err
			}
			if sched != nil {
				sched.Stop()
			}
			sched, spec = next, want
		}
		now := p.opts.Clock()
		if rt.Config != cfg && !now.Before(retry) {
			if fresh, err := p.prepared(ctx, rt); err != nil {
				if ctx.Err() != nil {
					return nil
				}
				p.log.Error("feed scheduling failed; retrying", "err", err, "in", retryAfter)
				retry = now.Add(retryAfter)
			} else {
				states, cfg = fresh, rt.Config
			}
		}
		var at time.Time // when to look again; zero for not until woken
		if cfg != nil {
			limit := max(1, cfg.Polling.Concurrency)
			for _, f := range feeds.Due(cfg.Feeds, states, now) {
				if inflight >= limit {
					break
				}
				if !p.claim(f.Name) {
					continue
				}
				inflight++
				workers.Add(1)
				prev, had := states[f.Name]
				go func() {
					defer workers.Done()
					start := time.Now()
					st, state, err := p.pollFeed(ctx, rt, f, prev, had, nil)
					p.release(f.Name)
					if err != nil && ctx.Err() == nil {
						p.log.Error("storing a poll failed", "feed", f.Name, "err", err)
					}
					select {
					case done <- finished{f.Name, state, st, time.Since(start)}:
					case <-ctx.Done():
					}
				}()
			}
			if inflight < limit {
				if next, ok := feeds.NextDue(cfg.Feeds, states, p.polling); ok {
					at = next
					if at.Before(now) { // also a never polled feed's zero time
						at = now
					}
				}
			}
		}
		if rt.Config != cfg && (at.IsZero() || retry.Before(at)) {
			at = retry
		}
		var wait <-chan time.Time
		if !at.IsZero() {
			timer.Reset(max(0, at.Sub(now)))
			wait = timer.C
		}
		select {
		case <-ctx.Done():
			return nil
		case f := <-done:
			inflight--
			states[f.feed] = f.state
			summary.add(f.feed, f.stats, f.took)
		case <-summaryTicks.C:
			summary.log(p.log, cfg, states)
		case <-wait:
		case <-p.wake:
		case <-digestTicks:
			p.digests(ctx)
		}
		timer.Stop()
	}
}

// prepared readies the pipeline for rt and returns the feeds' states.
func (p *Pipeline) prepared(ctx context.Context, rt *Runtime) (map[string]model.FeedState, error) {
	states, err := p.feedStates(ctx)
	if err != nil {
		return nil, err
	}
	if err := p.prepare(ctx, rt, states); err != nil {
		return nil, err
	}
	return states, nil
}

// startTicker starts a cron schedule that signals ticks without ever
// blocking: a tick that arrives while digests run is merged into one.
func startTicker(p config.Polling, ticks chan<- struct{}) (*cron.Cron, error) {
	sched, err := p.TickSchedule()
	if err != nil {
		return nil, err
	}
	c := cron.New()
	c.Schedule(sched, cron.FuncJob(func() {
		select {
		case ticks <- struct{}{}:
		default:
		}
	}))
	c.Start()
	return c, nil
}

func (p *Pipeline) digests(ctx context.Context) {
	if _, err := p.Digests(ctx); err != nil && ctx.Err() == nil {
		p.log.Error("digests failed", "err", err)
	}
}

// pollSummary adds up the polls Run finished since it last logged them:
// with feeds polled each on its own schedule there is no poll cycle, so
// Run sums up every Options.SummaryEvery (a minute) instead, in one INFO
// line, and says nothing for a stretch that polled nothing.
type pollSummary struct {
	Stats
	busy     time.Duration // the polls' durations added up (they overlap)
	slowest  time.Duration
	slowFeed string
	since    time.Time // the start of the stretch summed up
}

func (s *pollSummary) add(feed string, st Stats, took time.Duration) {
	s.Stats.add(st)
	s.busy += took
	if took > s.slowest {
		s.slowest, s.slowFeed = took, feed
	}
}

// log writes the summary, if any poll finished, and starts a new stretch.
// failing counts the configured feeds whose last poll failed.
func (s *pollSummary) log(log *slog.Logger, cfg *config.Config, states map[string]model.FeedState) {
	if s.Polled == 0 {
		return
	}
	failing := 0
	if cfg != nil {
		for _, f := range cfg.Feeds {
			if states[f.Name].Failures > 0 {
				failing++
			}
		}
	}
	now := time.Now()
	log.Info("polls", "polled", s.Polled, "not_modified", s.NotModified, "failed", s.Failed, "new", s.NewItems, "backlog", s.Backlog,
		"posts", s.Posts, "failing", failing, "duration", s.busy.Round(time.Millisecond),
		"slowest", s.slowest.Round(time.Millisecond), "slowest_feed", s.slowFeed, "over", now.Sub(s.since).Round(time.Second))
	*s = pollSummary{since: now}
}
