package pipeline

import (
	"context"
	"fmt"

	"github.com/robfig/cron/v3"
)

// Run polls feeds and posts digests on the configured cron tick until ctx
// ends. It runs one cycle at once, so a restart catches up without waiting
// for the first tick. A reload that changes the tick takes effect at the
// next tick.
func (p *Pipeline) Run(ctx context.Context) error {
	ticks := make(chan struct{}, 1)
	var (
		sched *cron.Cron
		spec  string
	)
	defer func() {
		if sched != nil {
			<-sched.Stop().Done()
		}
	}()
	for {
		if want := p.runtime.Load().Config.Polling.Tick; want != spec {
			next, err := startTicker(want, ticks)
			if err != nil {
				return err
			}
			if sched != nil {
				sched.Stop()
			}
			sched, spec = next, want
		}
		p.tick(ctx)
		select {
		case <-ctx.Done():
			return nil
		case <-ticks:
		}
	}
}

// startTicker starts a cron schedule that signals ticks without ever
// blocking: a tick that arrives while a cycle runs is merged into one.
func startTicker(spec string, ticks chan<- struct{}) (*cron.Cron, error) {
	c := cron.New()
	if _, err := c.AddFunc(spec, func() {
		select {
		case ticks <- struct{}{}:
		default:
		}
	}); err != nil {
		return nil, fmt.Errorf("polling tick %q: %w", spec, err)
	}
	c.Start()
	return c, nil
}

func (p *Pipeline) tick(ctx context.Context) {
	st, err := p.Cycle(ctx)
	if err != nil && ctx.Err() == nil {
		p.log.Error("poll cycle failed", "err", err)
	}
	p.log.Debug("cycle", "polled", st.Polled, "failed", st.Failed, "not_modified", st.NotModified, "new", st.NewItems, "posts", st.Posts)
	if _, err := p.Digests(ctx); err != nil && ctx.Err() == nil {
		p.log.Error("digests failed", "err", err)
	}
}
