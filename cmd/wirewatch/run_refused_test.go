package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/bot/discordtest"
)

// refusedRun is `wirewatch run` against a loopback Discord with an alerts
// and an admin channel and [bot] listen, whose feed publishes on demand.
type refusedRun struct {
	t        *testing.T
	srv      *discordtest.Server
	path     string
	listen   string
	out      *syncBuffer
	done     chan int
	cancel   context.CancelFunc
	mu       sync.Mutex
	items    []string
	alerts   string
	admin    string
	logLevel string
}

func startRefusedRun(t *testing.T, logLevel string, before func(*refusedRun)) *refusedRun {
	t.Helper()
	r := &refusedRun{t: t, alerts: "100000000000000001", admin: "100000000000000002", logLevel: logLevel, out: &syncBuffer{}, done: make(chan int, 1)}
	r.srv = discordtest.New(t, discordtest.Options{})
	const guild = "100000000000000010"
	r.srv.AddGuild(guild, "Korea Desk")
	r.srv.AddChannel(guild, r.alerts, "alerts")
	r.srv.AddChannel(guild, r.admin, "admin")
	r.items = []string{item("old", "North Korea fires missile in last week's news", time.Now().Add(-time.Hour))}
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		r.mu.Lock()
		defer r.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>%s</channel></rss>`, strings.Join(r.items, ""))
	}))
	t.Cleanup(feed.Close)
	dir := t.TempDir()
	r.path = filepath.Join(dir, "wirewatch.toml")
	r.listen = freeAddr(t)
	cfg := fmt.Sprintf(`[bot]
database = %q
log_level = %q
listen = %q

[polling]
tick = "@every 1s"
min_interval = "1s"

[discord]
application_id = %q
guild_ids = [%q]
api_base = %q
admin_channel = "admin"

[[feeds]]
name = "Wire"
url = %q
interval = "1s"
allow_private = true
full_text = "false"

[[channels]]
name = "alerts"
id = %q

[[channels]]
name = "admin"
id = %q

[[rules]]
name = "watch"
query = 'missile AND (fire* OR launch*)'
channels = ["alerts"]
`, filepath.Join(dir, "w.db"), logLevel, r.listen, r.srv.ApplicationID(), guild, r.srv.URL()+"/api/", feed.URL, r.alerts, r.admin)
	if err := os.WriteFile(r.path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DISCORD_TOKEN", "test-token")
	if before != nil {
		before(r)
	}
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	go func() { r.done <- runMain(ctx, []string{"run", "-config", r.path}, r.out, r.out) }()
	t.Cleanup(r.stop)
	time.Sleep(2 * time.Second) // the first poll records the backlog
	return r
}

func (r *refusedRun) publish(guid, title string) {
	r.mu.Lock()
	r.items = append(r.items, item(guid, title, time.Now()))
	r.mu.Unlock()
}

func (r *refusedRun) stop() {
	r.cancel()
	select {
	case <-r.done:
	case <-time.After(15 * time.Second):
		r.t.Error("run did not stop within 15 s of its context ending")
	}
}

// waitUntil polls cond every 100 ms until it holds or within ends.
func (r *refusedRun) waitUntil(what string, within time.Duration, cond func() bool) {
	r.t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			r.t.Fatalf("within %s: %s never happened; output:\n%s", within, what, r.out)
		}
		select {
		case code := <-r.done:
			r.t.Fatalf("run exited %d while waiting for %s:\n%s", code, what, r.out)
		case <-time.After(100 * time.Millisecond):
		}
	}
}

func (r *refusedRun) readyz() (int, string) {
	r.t.Helper()
	code, body, err := httpGet("http://" + r.listen + "/readyz")
	if err != nil {
		r.t.Fatal(err)
	}
	return code, body
}

// TestChannelLosesPermissionAndGetsItBack: the alerts channel answers 403
// while two alerts are written: both stay pending, the admin channel is
// told once, /readyz warns (200) and `wirewatch feeds` names the channel;
// when the permission comes back, both alerts are delivered once each,
// without a restart, and the admin channel hears that it works again.
// (TestForbiddenKeepsPostsPendingUntilPermissionReturns in outbox runs the
// backoff over its whole range; here the default 30 s first retry runs.)
func TestChannelLosesPermissionAndGetsItBack(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the bot for about 40 s")
	}
	var r *refusedRun
	r = startRefusedRun(t, "info", func(r *refusedRun) {
		r.srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultForbidden, Channel: r.alerts, Times: discordtest.Always})
	})
	const first, second = "North Korea fires ballistic missile into East Sea", "Houthi rebels fire anti-ship missile at tanker in Red Sea"
	r.publish("new-1", first)
	notices := func() (n int, text string) {
		for _, m := range r.srv.Messages(r.admin) {
			if t := messageText(m); strings.Contains(t, `"alerts"`) {
				n++
				text += t + "\n"
			}
		}
		return n, text
	}
	r.waitUntil("the admin channel told that alerts refuses the bot", 15*time.Second, func() bool { n, _ := notices(); return n == 1 })
	if _, text := notices(); !strings.Contains(text, "refuses the bot") || !strings.Contains(text, "403") {
		t.Errorf("admin notice = %q, want it to say alerts refuses the bot with 403", text)
	}
	r.publish("new-2", second)
	time.Sleep(3 * time.Second) // the second alert is written and waits behind the first
	if got := len(r.srv.Messages(r.alerts)); got != 0 {
		t.Fatalf("alerts shows %d messages while refused", got)
	}
	code, body := r.readyz()
	if code != http.StatusOK || !strings.Contains(body, "channels: warning: alerts refuses the bot (403, code 50013)") {
		t.Errorf("/readyz = %d %q, want 200 with a warning naming alerts", code, body)
	}
	var feedsOut bytes.Buffer
	if rc := runMain(context.Background(), []string{"feeds", "-config", r.path}, &feedsOut, &feedsOut); rc != 0 ||
		!strings.Contains(feedsOut.String(), "channel alerts  [REFUSES THE BOT]") {
		t.Errorf("wirewatch feeds (exit %d) = %q, want the channel named as refusing the bot", rc, feedsOut.String())
	}

	r.srv.ClearFaults() // the permission comes back
	r.waitUntil("both alerts delivered once the permission came back", 45*time.Second, func() bool {
		msgs := r.srv.Messages(r.alerts)
		return channelShows(msgs, first) && channelShows(msgs, second)
	})
	r.waitUntil("the admin channel told that alerts works again", 10*time.Second, func() bool { n, _ := notices(); return n == 2 })
	time.Sleep(2 * time.Second)
	if n, text := notices(); n != 2 || !strings.Contains(text, "works again") {
		t.Errorf("admin notices about alerts = %d:\n%s\nwant 2 (refused, then works again)", n, text)
	}
	for _, title := range []string{first, second} {
		n := 0
		for _, m := range r.srv.Messages(r.alerts) {
			if strings.Contains(messageText(m), title) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%q shown %d times in alerts, want 1", title, n)
		}
	}
	if code, body := r.readyz(); code != http.StatusOK || strings.Contains(body, "warning") {
		t.Errorf("/readyz after recovery = %d %q, want 200 without a warning", code, body)
	}
}

// TestUnauthorizedStopsAllDelivery: Discord refuses the token (401) on the
// first alert: an ERROR says so, /readyz fails, nothing reaches any
// channel (the admin channel included), and the alert stays pending.
func TestUnauthorizedStopsAllDelivery(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the bot for several seconds")
	}
	r := startRefusedRun(t, "info", func(r *refusedRun) {
		r.srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultUnauthorized, Method: "POST", Path: "/channels/*/messages", Times: discordtest.Always})
	})
	r.publish("new-1", "North Korea fires ballistic missile into East Sea")
	r.waitUntil("the ERROR that the token was refused", 15*time.Second, func() bool {
		return strings.Contains(r.out.String(), "level=ERROR msg=\"the platform refused the bot's token (401 Unauthorized)")
	})
	code, body := r.readyz()
	if code != http.StatusServiceUnavailable || !strings.Contains(body, "token: failed: refused (401) by discord") {
		t.Errorf("/readyz = %d %q, want 503 naming the refused token", code, body)
	}
	time.Sleep(2 * time.Second)
	for _, ch := range []string{r.alerts, r.admin} {
		if n := len(r.srv.Messages(ch)); n != 0 {
			t.Errorf("channel %s shows %d messages after the token was refused", ch, n)
		}
	}
	refusals := 0
	for _, req := range r.srv.Requests() {
		if req.Method == http.MethodPost && strings.HasSuffix(req.Path, "/messages") {
			refusals++
		}
	}
	if refusals != 1 {
		t.Errorf("%d message calls after the refusal, want 1 (delivery stops)", refusals)
	}
	if n := strings.Count(r.out.String(), "level=ERROR msg=\"the platform refused"); n != 1 {
		t.Errorf("%d ERROR lines about the token, want 1:\n%s", n, r.out)
	}
}
