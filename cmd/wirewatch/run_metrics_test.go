package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"
	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"
	pmodel "github.com/prometheus/common/model"

	"wirewatch/bot/discordtest"
	"wirewatch/storage/storagetest"
)

// TestRunMetrics runs `wirewatch run` with [bot] listen against two
// loopback feeds (one answers, one fails) and the loopback Discord, and
// scrapes /metrics while it runs: polls by feed and result, failing
// feeds, new items, the alert latency histogram (one alert, held up by a
// 429 that is counted too), the outbox, a slash command's lookup time, an
// invalid request, a refused reload and leadership. /readyz and wirewatch
// health say it is ready; when the run ends, the port closes.
func TestRunMetrics(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the bot for several seconds")
	}
	srv := discordtest.New(t, discordtest.Options{})
	const guild, channel = "100000000000000010", "100000000000000001"
	srv.AddGuild(guild, "Korea Desk")
	srv.AddChannel(guild, channel, "alerts")

	var mu sync.Mutex
	items := []string{item("old", "North Korea fires missile in last week's news", time.Now().Add(-time.Hour))}
	feeds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/broken" {
			http.Error(w, "down for maintenance", http.StatusInternalServerError)
			return
		}
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>%s</channel></rss>`, strings.Join(items, ""))
	}))
	defer feeds.Close()

	dir := t.TempDir()
	path := filepath.Join(dir, "wirewatch.toml")
	listen := freeAddr(t)
	writeConfig := func(query string) {
		t.Helper()
		cfg := fmt.Sprintf(`[bot]
database = %q
log_level = "error"
listen = %q

[polling]
tick = "@every 1s"
min_interval = "1s"

[discord]
application_id = %q
guild_ids = [%q]
api_base = %q

[[feeds]]
name = "Wire"
url = %q
interval = "1s"
allow_private = true
full_text = "false"

[[feeds]]
name = "Broken"
url = %q
interval = "1s"
allow_private = true

[[channels]]
name = "alerts"
id = %q

[[rules]]
name = "watch"
query = %q
channels = ["alerts"]
`, filepath.Join(dir, "w.db"), listen, srv.ApplicationID(), guild, srv.URL()+"/api/", feeds.URL+"/wire", feeds.URL+"/broken", channel, query)
		if err := os.WriteFile(path+".tmp", []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			t.Fatal(err)
		}
	}
	writeConfig("missile AND (fire* OR launch*)")
	t.Setenv("DISCORD_TOKEN", "test-token")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &syncBuffer{}
	done := make(chan int, 1)
	go func() { done <- runMain(ctx, []string{"run", "-config", path}, out, out) }()
	base := "http://" + listen
	// until waits for cond on fresh scrapes, failing with what it saw.
	until := func(what string, within time.Duration, cond func(m metricsSnapshot) bool) metricsSnapshot {
		t.Helper()
		deadline := time.Now().Add(within)
		for {
			select {
			case code := <-done:
				t.Fatalf("run exited %d while waiting for %s:\n%s", code, what, out)
			default:
			}
			m, err := scrapeMetrics(base)
			if err == nil && cond(m) {
				return m
			}
			if time.Now().After(deadline) {
				t.Fatalf("within %v, never %s (scrape error %v); last scrape:\n%s\nrun output:\n%s", within, what, err, m.text, out)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	// Ready: the database answers and the gateway is connected.
	deadline := time.Now().Add(20 * time.Second)
	for {
		status, body, err := httpGet(base + "/readyz")
		if err == nil && status == http.StatusOK {
			for _, want := range []string{"role: leader\n", "database: ok\n", "discord gateway: ok\n"} {
				if !strings.Contains(body, want) {
					t.Errorf("/readyz says\n%s\nwithout %q", body, want)
				}
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/readyz never answered 200 within 20 s: %d %v\n%s\nrun output:\n%s", status, err, body, out)
		}
		time.Sleep(100 * time.Millisecond)
	}
	for _, args := range [][]string{{"health", "--url", base + "/readyz"}, {"health", "--config", path}} {
		var hout, herr strings.Builder
		if code := runMain(context.Background(), args, &hout, &herr); code != 0 || !strings.Contains(hout.String(), "database: ok") {
			t.Errorf("wirewatch %s exited %d:\n%s%s", strings.Join(args, " "), code, hout.String(), herr.String())
		}
	}

	// The first polls: the backlog is recorded, not counted as new; the
	// broken feed fails and is counted as failing.
	before := until("the first polls", 20*time.Second, func(m metricsSnapshot) bool {
		return m.value("wirewatch_polls_total", "feed", "Wire", "result", "ok") >= 1 &&
			m.value("wirewatch_polls_total", "feed", "Broken", "result", "failed") >= 1
	})
	for _, c := range []struct {
		name   string
		labels []string
		want   float64
	}{
		{"wirewatch_feeds_failing", nil, 1},
		{"wirewatch_items_new_total", []string{"feed", "Wire"}, 0},
		{"wirewatch_alert_latency_seconds", nil, 0},
		{"wirewatch_leader", nil, 1},
		{"wirewatch_discord_gateway_connected", nil, 1},
		{"wirewatch_build_info", []string{"version", buildVersion()}, 1},
	} {
		if got := before.value(c.name, c.labels...); got != c.want {
			t.Errorf("after the first polls: %s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if n := before.value("wirewatch_feed_consecutive_failures", "feed", "Broken"); n < 1 {
		t.Errorf("Broken's consecutive failures = %v, want ≥ 1", n)
	}

	// A new item: its alert meets one 429 and goes out after its wait.
	const retryAfter = 700 * time.Millisecond
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultRateLimit, Method: "POST", Path: "/channels/*/messages", RetryAfter: retryAfter})
	const title = "North Korea fires ballistic missile into East Sea"
	published := time.Now()
	mu.Lock()
	items = append(items, item("new-1", title, time.Now()))
	mu.Unlock()
	for !channelShows(srv.Messages(channel), title) {
		if time.Since(published) > 20*time.Second {
			t.Fatalf("within 20 s the channel never showed %q; output:\n%s", title, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
	shown := time.Since(published)
	after := until("the alert's latency observed", 10*time.Second, func(m metricsSnapshot) bool {
		return m.value("wirewatch_alert_latency_seconds") == 1
	})
	h := after.histogram("wirewatch_alert_latency_seconds")
	t.Logf("alert latency %.3f s (a %v 429 included); message shown %v after publishing", h.GetSampleSum(), retryAfter, shown.Round(time.Millisecond))
	if sum := h.GetSampleSum(); sum < retryAfter.Seconds() || sum > shown.Seconds() {
		t.Errorf("alert latency = %.3f s; want at least the 429's %v and at most the %v from publishing to the message", sum, retryAfter, shown)
	}
	for _, c := range []struct {
		name   string
		labels []string
		want   float64
	}{
		{"wirewatch_items_new_total", []string{"feed", "Wire"}, 1},
		{"wirewatch_posts_sent_total", []string{"kind", "alert"}, 1},
		{"wirewatch_discord_rate_limited_total", []string{"scope", "route"}, 1},
		{"wirewatch_discord_rate_limited_total", []string{"scope", "global"}, 0},
		{"wirewatch_outbox_pending_posts", []string{"channel", "alerts"}, 0}, // all sent: no series
	} {
		if got := after.value(c.name, c.labels...); got != c.want {
			t.Errorf("after the alert: %s%v = %v, want %v", c.name, c.labels, got, c.want)
		}
	}
	if a, b := after.value("wirewatch_polls_total", "feed", "Wire", "result", "ok")+after.value("wirewatch_polls_total", "feed", "Wire", "result", "not_modified"),
		before.value("wirewatch_polls_total", "feed", "Wire", "result", "ok"); a <= b {
		t.Errorf("Wire's polls did not grow: %v then %v", b, a)
	}
	if after.value("wirewatch_poll_duration_seconds", "result", "ok") < 1 {
		t.Error("no poll duration observed")
	}

	// A slash command's lookup is timed; a 404 to its answer is counted as
	// an invalid request.
	in := srv.DispatchInteraction(discordtest.InteractionSpec{
		Type: discordgo.InteractionApplicationCommand, GuildID: guild, ChannelID: channel,
		Data: discordgo.ApplicationCommandInteractionData{Name: "latest"},
	})
	wctx, wcancel := context.WithTimeout(ctx, 10*time.Second)
	defer wcancel()
	if _, err := in.Wait(wctx); err != nil {
		t.Fatalf("/latest was not answered: %v", err)
	}
	until("/latest's lookup timed", 5*time.Second, func(m metricsSnapshot) bool {
		return m.value("wirewatch_lookup_duration_seconds", "command", "latest") == 1
	})
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultUnknownChannel, Method: "POST", Path: "/interactions/*/*/callback"})
	srv.DispatchInteraction(discordtest.InteractionSpec{
		Type: discordgo.InteractionApplicationCommand, GuildID: guild, ChannelID: channel,
		Data: discordgo.ApplicationCommandInteractionData{Name: "latest"},
	})
	until("the 404 counted", 10*time.Second, func(m metricsSnapshot) bool {
		return m.value("wirewatch_discord_invalid_requests_total", "status", "404") == 1 &&
			m.value("wirewatch_lookup_duration_seconds", "command", "latest") == 2
	})

	// The gateway drops and discordgo reconnects at once (on loopback the
	// gap is too short to catch /readyz failing in it): once it has
	// resumed or identified again, /readyz says the gateway is up.
	gw := srv.GatewayStats()
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultGatewayClose, Status: 4000})
	until("the gateway back after it closed", 20*time.Second, func(m metricsSnapshot) bool {
		now := srv.GatewayStats()
		if now.Connections == gw.Connections || now.Resumes+now.Identifies == gw.Resumes+gw.Identifies {
			return false
		}
		status, body, err := httpGet(base + "/readyz")
		return err == nil && status == http.StatusOK && strings.Contains(body, "discord gateway: ok") &&
			m.value("wirewatch_discord_gateway_connected") == 1
	})

	// A config with a mistake is refused and counted.
	writeConfig("missile AND (fire*")
	until("the refused reload counted", 15*time.Second, func(m metricsSnapshot) bool {
		return m.value("wirewatch_config_reloads_total", "result", "refused") == 1 &&
			m.value("wirewatch_config_reloads_total", "result", "ok") == 0
	})

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("run exited %d:\n%s", code, out)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not stop within 15 s of its context ending")
	}
	if c, err := net.DialTimeout("tcp", listen, time.Second); err == nil {
		c.Close()
		t.Error("the metrics port still accepts connections after run returned")
	}
}

// freeAddr is a loopback address with a port free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func httpGet(u string) (int, string, error) {
	resp, err := http.Get(u)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), err
}

// metricsSnapshot is one scrape of /metrics, parsed by the Prometheus
// text parser.
type metricsSnapshot struct {
	fams map[string]*dto.MetricFamily
	text string
}

func scrapeMetrics(base string) (metricsSnapshot, error) {
	status, body, err := httpGet(base + "/metrics")
	if err != nil {
		return metricsSnapshot{}, err
	}
	if status != http.StatusOK {
		return metricsSnapshot{text: body}, fmt.Errorf("/metrics answered %d", status)
	}
	p := expfmt.NewTextParser(pmodel.UTF8Validation)
	fams, err := p.TextToMetricFamilies(strings.NewReader(body))
	return metricsSnapshot{fams: fams, text: body}, err
}

// value is the value of the series with the given labels (name, value
// pairs): a counter's or gauge's value, a histogram's count; 0 when there
// is no such series.
func (m metricsSnapshot) value(name string, labels ...string) float64 {
	if s := m.series(name, labels...); s != nil {
		switch {
		case s.Counter != nil:
			return s.Counter.GetValue()
		case s.Gauge != nil:
			return s.Gauge.GetValue()
		case s.Histogram != nil:
			return float64(s.Histogram.GetSampleCount())
		}
	}
	return 0
}

func (m metricsSnapshot) histogram(name string, labels ...string) *dto.Histogram {
	if s := m.series(name, labels...); s != nil {
		return s.Histogram
	}
	return nil
}

func (m metricsSnapshot) series(name string, labels ...string) *dto.Metric {
	f := m.fams[name]
	if f == nil {
		return nil
	}
next:
	for _, s := range f.Metric {
		for i := 0; i+1 < len(labels); i += 2 {
			found := false
			for _, lp := range s.Label {
				found = found || (lp.GetName() == labels[i] && lp.GetValue() == labels[i+1])
			}
			if !found {
				continue next
			}
		}
		return s
	}
	return nil
}

// TestRunStandbyHealth runs two replicas on one PostgreSQL schema, each
// with [bot] listen: the leader's /readyz says leader; the standby's
// answers 200 and says standby, its wirewatch_leader is 0 and wirewatch
// health passes; when the leader stops, the standby takes over and says so
// in both.
func TestRunStandbyHealth(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two replicas for several seconds")
	}
	pg := os.Getenv("WIREWATCH_TEST_POSTGRES")
	if pg == "" {
		t.Skip("WIREWATCH_TEST_POSTGRES is not set")
	}
	dsn := storagetest.PostgresSchema(t, pg)
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>`)
	}))
	defer feed.Close()
	dir := t.TempDir()
	type replica struct {
		base   string
		cancel context.CancelFunc
		done   chan int
		out    *syncBuffer
	}
	start := func(name string) *replica {
		listen := freeAddr(t)
		path := filepath.Join(dir, name+".toml")
		cfg := fmt.Sprintf(`[bot]
database = %q
log_level = "error"
listen = %q

[polling]
min_interval = "1s"

[[feeds]]
name = "Wire"
url = %q
interval = "1s"
allow_private = true

[[channels]]
name = "alerts"
id = "100000000000000001"

[[rules]]
name = "watch"
query = "missile"
channels = ["alerts"]
`, dsn, listen, feed.URL)
		if err := os.WriteFile(path, []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		r := &replica{base: "http://" + listen, cancel: cancel, done: make(chan int, 1), out: &syncBuffer{}}
		go func() { r.done <- runMain(ctx, []string{"run", "-config", path}, r.out, r.out) }()
		t.Cleanup(func() {
			cancel()
			select {
			case <-r.done:
			case <-time.After(15 * time.Second):
				t.Errorf("replica %s did not stop within 15 s", name)
			}
		})
		return r
	}
	// readyAs waits until r's /readyz answers 200 with role and its
	// wirewatch_leader is leader.
	readyAs := func(r *replica, role string, leader float64) string {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			status, body, err := httpGet(r.base + "/readyz")
			m, merr := scrapeMetrics(r.base)
			if err == nil && merr == nil && status == http.StatusOK && strings.HasPrefix(body, "role: "+role) && m.value("wirewatch_leader") == leader {
				return body
			}
			if time.Now().After(deadline) {
				t.Fatalf("within 20 s, /readyz never answered 200 as %s with wirewatch_leader %v: %d %v\n%s\nrun output:\n%s", role, leader, status, err, body, r.out)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	a := start("a")
	readyAs(a, "leader", 1)
	b := start("b")
	body := readyAs(b, "standby", 0)
	if !strings.Contains(body, "database: ok\n") || strings.Contains(body, "sinks") {
		t.Errorf("the standby's /readyz:\n%s", body)
	}
	var hout, herr strings.Builder
	if code := runMain(context.Background(), []string{"health", "--url", b.base + "/readyz"}, &hout, &herr); code != 0 || !strings.Contains(hout.String(), "role: standby") {
		t.Errorf("wirewatch health on the standby exited %d:\n%s%s", code, hout.String(), herr.String())
	}
	a.cancel()
	if code := <-a.done; code != 0 {
		t.Fatalf("the leader exited %d:\n%s", code, a.out)
	}
	a.done <- 0 // for its cleanup
	readyAs(b, "leader", 1)
}
