package main

import (
	"context"
	"errors"
	"log/slog"

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
	o.server.SetChecks(databaseCheck(store))
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
		o.server.SetChecks(databaseCheck(store), metrics.Check{Name: "sinks", Run: func(context.Context) error {
			return errConnecting
		}})
	}
}

// connected makes the gateway of the Discord sink, when one is open, a
// condition of readiness (and a metric); the console needs none.
func (o *observed) connected(store storage.Store, sinks outbox.Sinks) {
	gw, ok := sinks[config.DefaultPlatform].(interface{ Connected() bool })
	if !ok {
		if o.server != nil {
			o.server.SetChecks(databaseCheck(store))
		}
		return
	}
	o.metrics.WatchGateway(gw.Connected)
	if o.server != nil {
		o.server.SetChecks(databaseCheck(store), metrics.Check{Name: "discord gateway", Run: func(context.Context) error {
			if !gw.Connected() {
				return errGatewayDown
			}
			return nil
		}})
	}
}

var (
	errConnecting  = errors.New("opening (connecting to Discord)")
	errGatewayDown = errors.New("not connected (reconnecting)")
)

func databaseCheck(store storage.Store) metrics.Check {
	return metrics.Check{Name: "database", Run: store.Ping}
}
