package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync/atomic"
	"time"

	"wirewatch/config"
	"wirewatch/metrics"
	"wirewatch/outbox"
	"wirewatch/storage"
)

// observed is a run's metrics and, with [bot] listen set, the server that
// answers /metrics, /healthz and /readyz.
type observed struct {
	metrics *metrics.Metrics
	server  *metrics.Server // nil without [bot] listen
	shared  bool            // replicas share the database (PostgreSQL)
	stop    func()          // stops the server and waits for it
	// delivery reports refused tokens and broken channels once the
	// outbox exists (watchDelivery).
	delivery atomic.Pointer[func() outbox.Health]
}

// observe makes a run's metrics and starts its server on [bot] listen,
// before this replica leads, so that a standby answers too. The server
// runs until stop is called; a port that cannot be opened fails the run.
func observe(ctx context.Context, cfg *config.Config, store storage.Store, shared bool, log *slog.Logger) (*observed, error) {
	o := &observed{metrics: metrics.New(buildVersion()), shared: shared, stop: func() {}}
	o.metrics.WatchOutbox(store.Backlog, metrics.CheckTimeout)
	if cfg.Bot.Listen == "" {
		return o, nil
	}
	o.server = &metrics.Server{Addr: cfg.Bot.Listen, Metrics: o.metrics, Logger: log}
	o.setChecks(store)
	o.server.SetRole(!shared, shared)
	ln, err := o.server.Listen()
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := o.server.Serve(ctx, ln); err != nil {
			log.Error("metrics server stopped", "err", err)
		}
	}()
	o.stop = func() {
		cancel()
		<-done
	}
	return o, nil
}

// leading records that this replica now leads: it is not ready again
// until its sinks are open (connected).
func (o *observed) leading(store storage.Store) {
	o.metrics.SetLeader(true)
	if o.server != nil {
		o.server.SetRole(true, o.shared)
		o.setChecks(store, metrics.Check{Name: "sinks", Run: func(context.Context) error {
			return errConnecting
		}})
	}
}

// connected makes the gateway of the Discord sink, when one is open, a
// condition of readiness (and a metric); the console needs none.
func (o *observed) connected(store storage.Store, sinks outbox.Sinks) {
	gw, ok := sinks[config.DefaultPlatform].(interface{ Connected() bool })
	if !ok {
		o.setChecks(store)
		return
	}
	o.metrics.WatchGateway(gw.Connected)
	o.setChecks(store, metrics.Check{Name: "discord gateway", Run: func(context.Context) error {
		if !gw.Connected() {
			return errGatewayDown
		}
		return nil
	}})
}

// watchDelivery makes the outbox's health part of readiness: a refused
// token fails /readyz (nothing can be delivered; a person must act), a
// broken channel is a warning (the other channels work, and a restart
// would not give the permission back).
func (o *observed) watchDelivery(box *outbox.Outbox) {
	health := box.Health
	o.delivery.Store(&health)
}

// setChecks sets the readiness checks: the database, extra, then the
// delivery checks, which ask the outbox at each probe.
func (o *observed) setChecks(store storage.Store, extra ...metrics.Check) {
	if o.server == nil {
		return
	}
	checks := append([]metrics.Check{databaseCheck(store)}, extra...)
	checks = append(checks,
		metrics.Check{Name: "token", Run: func(context.Context) error {
			if h := o.health(); len(h.Refused) > 0 {
				return fmt.Errorf("refused (401) by %s: delivery stopped; set a valid token and restart", strings.Join(h.Refused, ", "))
			}
			return nil
		}},
		metrics.Check{Name: "channels", Run: func(context.Context) error {
			h := o.health()
			if len(h.Broken) == 0 {
				return nil
			}
			var b strings.Builder
			for i, st := range h.Broken {
				if i > 0 {
					b.WriteString("; ")
				}
				fmt.Fprintf(&b, "%s refuses the bot (%d, code %d) since %s", st.Channel, st.Status, st.Code, st.Since.UTC().Format(time.RFC3339))
			}
			return &metrics.Warning{Msg: b.String() + "; their posts are kept and retried"}
		}},
	)
	o.server.SetChecks(checks...)
}

// health is the outbox's health; none before the outbox exists.
func (o *observed) health() outbox.Health {
	if f := o.delivery.Load(); f != nil {
		return (*f)()
	}
	return outbox.Health{}
}

var (
	errConnecting  = errors.New("opening (connecting to Discord)")
	errGatewayDown = errors.New("not connected (reconnecting)")
)

func databaseCheck(store storage.Store) metrics.Check {
	return metrics.Check{Name: "database", Run: store.Ping}
}
