package metrics_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	pmodel "github.com/prometheus/common/model"

	"wirewatch/metrics"
	"wirewatch/model"
	"wirewatch/storage/postgres"
	"wirewatch/storage/sqlite"
	"wirewatch/storage/storagetest"
)

// serve starts srv on a loopback port until the test ends and returns its
// base URL. The test fails if Serve does not return once its context ends.
func serve(t *testing.T, srv *metrics.Server) string {
	t.Helper()
	srv.Addr = "127.0.0.1:0"
	if srv.Logger == nil {
		srv.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	ln, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("Serve did not return within 10 s of its context ending")
		}
	})
	return "http://" + ln.Addr().String()
}

func get(t *testing.T, u string) (int, string) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(b)
}

// scrape reads /metrics with the Prometheus text parser.
func scrape(t *testing.T, base string) map[string]*dto.MetricFamily {
	t.Helper()
	status, body := get(t, base+"/metrics")
	if status != http.StatusOK {
		t.Fatalf("/metrics answered %d:\n%s", status, body)
	}
	p := expfmt.NewTextParser(pmodel.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(body))
	if err != nil {
		t.Fatalf("/metrics is not in the Prometheus text format: %v\n%s", err, body)
	}
	return fams
}

// value is the value of the series of a family with the given labels
// (name=value pairs); ok is false when there is none.
func value(fams map[string]*dto.MetricFamily, name string, labels ...string) (float64, bool) {
	f := fams[name]
	if f == nil {
		return 0, false
	}
next:
	for _, m := range f.Metric {
		for i := 0; i+1 < len(labels); i += 2 {
			found := false
			for _, lp := range m.Label {
				if lp.GetName() == labels[i] && lp.GetValue() == labels[i+1] {
					found = true
				}
			}
			if !found {
				continue next
			}
		}
		switch {
		case m.Counter != nil:
			return m.Counter.GetValue(), true
		case m.Gauge != nil:
			return m.Gauge.GetValue(), true
		case m.Histogram != nil:
			return float64(m.Histogram.GetSampleCount()), true
		}
	}
	return 0, false
}

func openSQLite(t *testing.T) *sqlite.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestHealthAndRoles: /healthz always answers; /readyz names the role and
// each check, and a standby whose database answers is ready.
func TestHealthAndRoles(t *testing.T) {
	st := openSQLite(t)
	tests := []struct {
		name            string
		leading, shared bool
		checks          []metrics.Check
		status          int
		lines           []string
	}{
		{"single process", true, false, []metrics.Check{{Name: "database", Run: st.Ping}}, 200,
			[]string{"role: leader", "database: ok"}},
		{"standby", false, true, []metrics.Check{{Name: "database", Run: st.Ping}}, 200,
			[]string{"role: standby (another replica leads; this one takes over when it stops)", "database: ok"}},
		{"leader, gateway down", true, true, []metrics.Check{
			{Name: "database", Run: st.Ping},
			{Name: "discord gateway", Run: func(context.Context) error { return errGateway }},
		}, 503, []string{"role: leader", "database: ok", "discord gateway: failed: not connected"}},
		{"a secret in an error is redacted", true, false, []metrics.Check{
			{Name: "database", Run: func(context.Context) error { return errSecret }},
		}, 503, []string{"role: leader", "database: failed: dial postgres://db:5432/wirewatch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := &metrics.Server{Metrics: metrics.New("test")}
			srv.SetRole(tt.leading, tt.shared)
			srv.SetChecks(tt.checks...)
			base := serve(t, srv)
			if status, body := get(t, base+"/healthz"); status != 200 || body != "ok: alive\n" {
				t.Errorf("/healthz = %d %q", status, body)
			}
			status, body := get(t, base+"/readyz")
			if status != tt.status {
				t.Errorf("/readyz = %d, want %d:\n%s", status, tt.status, body)
			}
			if got := strings.Split(strings.TrimSpace(body), "\n"); strings.Join(got, "\n") != strings.Join(tt.lines, "\n") {
				t.Errorf("/readyz body:\n%s\nwant:\n%s", body, strings.Join(tt.lines, "\n"))
			}
			leader, _ := value(scrape(t, base), "wirewatch_leader")
			if want := map[bool]float64{true: 1, false: 0}[tt.leading]; leader != want {
				t.Errorf("wirewatch_leader = %v, want %v", leader, want)
			}
		})
	}
}

type testError string

func (e testError) Error() string { return string(e) }

const (
	errGateway = testError("not connected")
	errSecret  = testError("dial postgres://wirewatch:hunter2@db:5432/wirewatch")
)

// TestReadyzDatabaseGone puts a TCP proxy between the server and a real
// PostgreSQL and cuts every connection through it (they go silent, as in
// a partition): /readyz fails within its check timeout, says why, and
// answers 200 again once the network is back.
func TestReadyzDatabaseGone(t *testing.T) {
	dsn := os.Getenv("WIREWATCH_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("WIREWATCH_TEST_POSTGRES is not set")
	}
	dsn = storagetest.PostgresSchema(t, dsn)
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	// Closed after the proxy (cleanups run last first): pgx gives a
	// connection it gave up on 15 s to say goodbye, unless it is gone.
	var st *postgres.Store
	t.Cleanup(func() {
		if st != nil {
			st.Close() // its leases are released through the closed proxy: an error
		}
	})
	proxy := storagetest.NewProxy(t, u.Host)
	u.Host = proxy.Addr()
	st, err = postgres.Open(context.Background(), u.String())
	if err != nil {
		t.Fatal(err)
	}
	srv := &metrics.Server{Metrics: metrics.New("test")}
	srv.SetRole(true, true)
	srv.SetChecks(metrics.Check{Name: "database", Run: st.Ping})
	base := serve(t, srv)

	if status, body := get(t, base+"/readyz"); status != 200 || !strings.Contains(body, "database: ok") {
		t.Fatalf("before: /readyz = %d\n%s", status, body)
	}
	proxy.Blackhole("") // every connection, open or new
	began := time.Now()
	status, body := get(t, base+"/readyz")
	took := time.Since(began)
	if status != http.StatusServiceUnavailable || !strings.Contains(body, "database: failed: no answer within 2s") {
		t.Fatalf("database gone: /readyz = %d\n%s", status, body)
	}
	t.Logf("database gone: /readyz answered 503 in %v", took.Round(time.Millisecond))
	if took > metrics.CheckTimeout+time.Second {
		t.Errorf("database gone: /readyz took %v, more than its %v check timeout", took, metrics.CheckTimeout)
	}
	proxy.Restore()
	restored := time.Now()
	deadline := time.Now().Add(15 * time.Second)
	for {
		status, body = get(t, base+"/readyz")
		if status == 200 && strings.Contains(body, "database: ok") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the network is back, but /readyz still answers %d after 15 s:\n%s", status, body)
		}
		time.Sleep(200 * time.Millisecond)
	}
	t.Logf("ready again %v after the network came back", time.Since(restored).Round(time.Millisecond))
}

// TestOutboxBacklogMetrics: each scrape reads the outbox of a real SQLite
// store: pending posts and the oldest one's age per channel, and a channel
// whose posts all went out has no series.
func TestOutboxBacklogMetrics(t *testing.T) {
	st := openSQLite(t)
	ctx := context.Background()
	now := time.Now()
	posts := []model.Post{
		{ID: "a1", Kind: model.PostAlert, Channel: "alerts", ChannelID: "1", CreatedAt: now.Add(-90 * time.Second), Content: model.Content{Notice: "x"}},
		{ID: "a2", Kind: model.PostAlert, Channel: "alerts", ChannelID: "1", CreatedAt: now.Add(-10 * time.Second), Content: model.Content{Notice: "x"}},
		{ID: "d1", Kind: model.PostDigest, Channel: "digest", ChannelID: "2", CreatedAt: now.Add(-time.Second), Content: model.Content{Notice: "x"}},
	}
	if err := st.AddPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
	m := metrics.New("test")
	m.WatchOutbox(st.Backlog, time.Second)
	base := serve(t, &metrics.Server{Metrics: m})

	fams := scrape(t, base)
	for _, tt := range []struct {
		channel        string
		pending        float64
		minAge, maxAge float64
	}{
		{"alerts", 2, 90, 120},
		{"digest", 1, 1, 30},
	} {
		if got, _ := value(fams, "wirewatch_outbox_pending_posts", "channel", tt.channel); got != tt.pending {
			t.Errorf("%s: pending = %v, want %v", tt.channel, got, tt.pending)
		}
		if age, _ := value(fams, "wirewatch_outbox_oldest_pending_age_seconds", "channel", tt.channel); age < tt.minAge || age > tt.maxAge {
			t.Errorf("%s: oldest age = %v s, want %v to %v", tt.channel, age, tt.minAge, tt.maxAge)
		}
	}
	for _, id := range []string{"a1", "d1"} {
		if err := st.MarkSent(ctx, id, "m-"+id, now); err != nil {
			t.Fatal(err)
		}
	}
	fams = scrape(t, base)
	if got, _ := value(fams, "wirewatch_outbox_pending_posts", "channel", "alerts"); got != 1 {
		t.Errorf("after a1 was sent: alerts pending = %v, want 1", got)
	}
	if age, _ := value(fams, "wirewatch_outbox_oldest_pending_age_seconds", "channel", "alerts"); age < 10 || age > 40 {
		t.Errorf("after a1 was sent: alerts oldest age = %v s, want a2's 10 s", age)
	}
	if _, ok := value(fams, "wirewatch_outbox_pending_posts", "channel", "digest"); ok {
		t.Error("digest has nothing pending but still has a series")
	}

	// A database that does not answer fails the outbox part of the
	// scrape, says so, and serves the rest.
	st.Close()
	status, body := get(t, base+"/metrics")
	if status != http.StatusOK || !strings.Contains(body, "wirewatch_build_info") || strings.Contains(body, "wirewatch_outbox_pending_posts{") {
		t.Errorf("closed store: /metrics = %d\n%s", status, body)
	}
	if n, _ := value(scrape(t, base), "promhttp_metric_handler_errors_total", "cause", "gathering"); n < 1 {
		t.Errorf("closed store: promhttp_metric_handler_errors_total{cause=gathering} = %v, want ≥ 1", n)
	}
}

// TestAlertLatency: an alert is timed from its poll's parse when this
// run stored it, else from its creation in the outbox; other posts are
// counted, not timed.
func TestAlertLatency(t *testing.T) {
	m := metrics.New("test")
	base := serve(t, &metrics.Server{Metrics: m})
	now := time.Now()
	seen := model.Post{ID: "seen", Kind: model.PostAlert, CreatedAt: now}
	m.Stored("Wire", 3, []model.Post{seen}, now.Add(-3*time.Second))
	m.Delivered(seen)
	m.Delivered(model.Post{ID: "restart", Kind: model.PostAlert, CreatedAt: now.Add(-40 * time.Second)})
	m.Delivered(model.Post{ID: "digest", Kind: model.PostDigest, CreatedAt: now.Add(-time.Hour)})
	m.Delivered(seen) // delivered again (another replica's report): timed from its creation

	h := scrape(t, base)["wirewatch_alert_latency_seconds"].Metric[0].Histogram
	if h.GetSampleCount() != 3 {
		t.Fatalf("latency count = %d, want 3", h.GetSampleCount())
	}
	if sum := h.GetSampleSum(); sum < 43 || sum > 50 {
		t.Errorf("latency sum = %v s, want 3 + 40 + ~0", sum)
	}
	buckets := map[float64]uint64{}
	for _, b := range h.Bucket {
		buckets[b.GetUpperBound()] = b.GetCumulativeCount()
	}
	if buckets[0.05] != 1 || buckets[2.5] != 1 || buckets[5] != 2 || buckets[30] != 2 || buckets[60] != 3 {
		t.Errorf("latency buckets = %v; want ~0 s, 3 s and 40 s in theirs", buckets)
	}
	fams := scrape(t, base)
	if n, _ := value(fams, "wirewatch_posts_sent_total", "kind", "digest"); n != 1 {
		t.Errorf("digests sent = %v, want 1", n)
	}
	if n, _ := value(fams, "wirewatch_items_new_total", "feed", "Wire"); n != 3 {
		t.Errorf("new items = %v, want 3", n)
	}
}

// TestFeedsAndDiscordCounters: failing feeds come and go with their polls
// and reloads; Discord's answers are sorted into 429s and other 4xx.
func TestFeedsAndDiscordCounters(t *testing.T) {
	m := metrics.New("test")
	base := serve(t, &metrics.Server{Metrics: m})
	m.Polled("A", "failed", time.Second, 1)
	m.Polled("A", "failed", time.Second, 2)
	m.Polled("B", "failed", time.Second, 1)
	m.Polled("C", "ok", time.Second/2, 0)
	m.Polled("B", "not_modified", time.Second/4, 0)
	for _, s := range []int{200, 204, 429, 400, 401, 403, 403, 404} {
		m.DiscordAnswered(s, false)
	}
	m.DiscordAnswered(429, true)
	m.Looked("latest", 20*time.Millisecond)
	m.Reloaded(false)
	m.Reloaded(true)
	m.Reloaded(true)

	fams := scrape(t, base)
	want := []struct {
		name   string
		labels []string
		value  float64
	}{
		{"wirewatch_feeds_failing", nil, 1},
		{"wirewatch_feed_consecutive_failures", []string{"feed", "A"}, 2},
		{"wirewatch_polls_total", []string{"feed", "A", "result", "failed"}, 2},
		{"wirewatch_polls_total", []string{"feed", "B", "result", "not_modified"}, 1},
		{"wirewatch_poll_seconds_total", []string{"feed", "A"}, 2},
		{"wirewatch_poll_duration_seconds", []string{"result", "failed"}, 3},
		{"wirewatch_discord_rate_limited_total", []string{"scope", "route"}, 1},
		{"wirewatch_discord_rate_limited_total", []string{"scope", "global"}, 1},
		{"wirewatch_discord_invalid_requests_total", []string{"status", "403"}, 2},
		{"wirewatch_discord_invalid_requests_total", []string{"status", "400"}, 1},
		{"wirewatch_lookup_duration_seconds", []string{"command", "latest"}, 1},
		{"wirewatch_config_reloads_total", []string{"result", "ok"}, 2},
		{"wirewatch_config_reloads_total", []string{"result", "refused"}, 1},
		{"wirewatch_build_info", []string{"version", "test"}, 1},
	}
	for _, w := range want {
		if got, ok := value(fams, w.name, w.labels...); !ok || got != w.value {
			t.Errorf("%s%v = %v (present %v), want %v", w.name, w.labels, got, ok, w.value)
		}
	}
	if _, ok := value(fams, "wirewatch_discord_invalid_requests_total", "status", "200"); ok {
		t.Error("a 200 was counted as an invalid request")
	}

	// A reload that removes feed A: it no longer counts as failing, and
	// its series leave.
	m.RetainFeeds([]string{"B", "C"})
	fams = scrape(t, base)
	if n, _ := value(fams, "wirewatch_feeds_failing"); n != 0 {
		t.Errorf("after A was removed: feeds failing = %v, want 0", n)
	}
	if _, ok := value(fams, "wirewatch_polls_total", "feed", "A"); ok {
		t.Error("after A was removed: it still has poll series")
	}
	if n, _ := value(fams, "wirewatch_polls_total", "feed", "C", "result", "ok"); n != 1 {
		t.Errorf("after A was removed: C's polls = %v, want 1", n)
	}
}

// TestServerStops: Serve returns once its context ends, and the port is
// closed.
func TestServerStops(t *testing.T) {
	srv := &metrics.Server{Addr: "127.0.0.1:0", Metrics: metrics.New("test"), Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}
	ln, err := srv.Listen()
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	if status, _ := get(t, "http://"+addr+"/healthz"); status != 200 {
		t.Fatalf("/healthz = %d", status)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return within 10 s")
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Fatal("the port still accepts connections after Serve returned")
	}
	// A port in use fails at Listen, where run reports it.
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	srv2 := &metrics.Server{Addr: busy.Addr().String()}
	if _, err := srv2.Listen(); err == nil || !strings.Contains(err.Error(), "bot.listen "+busy.Addr().String()) {
		t.Fatalf("Listen on a port in use: %v", err)
	}
}
