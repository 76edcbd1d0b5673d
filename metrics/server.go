package metrics

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"wirewatch/redact"
)

// CheckTimeout bounds each readiness check (a database ping): a database
// that does not answer within it is not ready, and /readyz answers well
// within a prober's usual timeout (Docker's and Kubernetes' default to
// 30 s and 1 s; set the latter to 3 s or more).
const CheckTimeout = 2 * time.Second

// Check is one condition of readiness: Run returns nil when it holds.
type Check struct {
	Name string
	Run  func(ctx context.Context) error
}

// Warning is what a Check returns for a condition an operator should see
// that does not make the process unready: /readyz shows it and still
// answers 200 (a broken channel: the others work, and a restart would not
// mend it).
type Warning struct{ Msg string }

func (w *Warning) Error() string { return w.Msg }

// Server answers /metrics, /healthz and /readyz.
//
// /healthz answers 200 while the process serves HTTP at all: a liveness
// probe that restarts only a wedged process.
//
// /readyz answers 200 when every check passes, else 503, with one line
// per check either way; a check that warns (Warning) is shown and does not
// fail it. A standby replica (another one leads; this one
// takes over when it stops) is ready when its own checks pass, and its
// first line says "standby": it is healthy and able to take over, so a
// supervisor must not restart it and a rolling update may proceed past
// it. Nothing routes traffic to wirewatch, so readiness says "working as
// it should", not "send me requests". Use wirewatch_leader to tell the
// leader apart.
type Server struct {
	Addr    string
	Metrics *Metrics
	Logger  *slog.Logger

	checks  atomic.Pointer[[]Check]
	leading atomic.Bool
	standby atomic.Bool // several replicas share the database
}

// SetChecks replaces the readiness checks (the gateway joins them once
// this replica leads and has connected).
func (s *Server) SetChecks(checks ...Check) {
	s.checks.Store(&checks)
}

// SetRole records whether this replica leads; shared says whether
// replicas share the database (else there is no standby to speak of).
func (s *Server) SetRole(leading, shared bool) {
	s.leading.Store(leading)
	s.standby.Store(shared && !leading)
	if s.Metrics != nil {
		s.Metrics.SetLeader(leading)
	}
}

// Handler is the server's mux.
func (s *Server) Handler() http.Handler {
	log := s.logger()
	mux := http.NewServeMux()
	if s.Metrics != nil {
		mux.Handle("GET /metrics", s.Metrics.Handler(log))
	}
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok: alive")
	})
	mux.HandleFunc("GET /readyz", s.ready)
	return mux
}

func (s *Server) logger() *slog.Logger {
	if s.Logger == nil {
		return slog.Default()
	}
	return s.Logger
}

// ready runs the checks, each within CheckTimeout, and says how each went.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	var checks []Check
	if p := s.checks.Load(); p != nil {
		checks = *p
	}
	var b strings.Builder
	switch {
	case s.standby.Load():
		b.WriteString("role: standby (another replica leads; this one takes over when it stops)\n")
	case s.leading.Load():
		b.WriteString("role: leader\n")
	default:
		b.WriteString("role: starting\n")
	}
	ok := true
	for _, c := range checks {
		ctx, cancel := context.WithTimeout(r.Context(), CheckTimeout)
		err := c.Run(ctx)
		cancel()
		var warn *Warning
		if errors.As(err, &warn) {
			fmt.Fprintf(&b, "%s: warning: %s\n", c.Name, redact.Text(warn.Msg))
			continue
		}
		if err != nil {
			ok = false
			if errors.Is(err, context.DeadlineExceeded) {
				err = fmt.Errorf("no answer within %s: %w", CheckTimeout, err)
			}
			fmt.Fprintf(&b, "%s: failed: %s\n", c.Name, redact.Text(err.Error()))
			continue
		}
		fmt.Fprintf(&b, "%s: ok\n", c.Name)
	}
	status := http.StatusOK
	if !ok {
		status = http.StatusServiceUnavailable
		s.logger().Warn("not ready", "checks", strings.TrimSpace(b.String()))
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprint(w, b.String())
}

// Listen opens the server's address, so that a port in use fails the
// start-up rather than a goroutine later.
func (s *Server) Listen() (net.Listener, error) {
	ln, err := net.Listen("tcp", s.Addr)
	if err != nil {
		return nil, fmt.Errorf("bot.listen %s: %w", s.Addr, err)
	}
	return ln, nil
}

// Serve answers on ln until ctx ends, then shuts down, letting requests in
// flight finish for a few seconds.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       time.Minute,
		ErrorLog:          slog.NewLogLogger(s.logger().Handler(), slog.LevelWarn),
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	s.logger().Info("metrics and health endpoints listening", "addr", ln.Addr().String())
	select {
	case err := <-done:
		return fmt.Errorf("metrics server: %w", err)
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := srv.Shutdown(shut)
	<-done
	return err
}
