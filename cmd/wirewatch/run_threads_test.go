package main

import (
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

// outletsRun is `wirewatch run` against a loopback Discord and four outlets
// (feeds /o0 .. /o3) that publish on demand, with stories.updates set.
type outletsRun struct {
	t       *testing.T
	srv     *discordtest.Server
	path    string
	channel string
	mu      sync.Mutex
	items   map[string][]string // outlet path → items
}

func newOutletsRun(t *testing.T, updates string) *outletsRun {
	t.Helper()
	r := &outletsRun{t: t, channel: "100000000000000001", items: map[string][]string{}}
	r.srv = discordtest.New(t, discordtest.Options{})
	const guild = "100000000000000010"
	r.srv.AddGuild(guild, "Korea Desk")
	r.srv.AddChannel(guild, r.channel, "alerts")
	feeds := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		r.mu.Lock()
		defer r.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title>%s</channel></rss>`, req.URL.Path, strings.Join(r.items[req.URL.Path], ""))
	}))
	t.Cleanup(feeds.Close)
	dir := t.TempDir()
	r.path = filepath.Join(dir, "wirewatch.toml")
	var outlets strings.Builder
	for i, name := range []string{"Yonhap", "Kyodo", "NK News", "Reuters"} {
		r.items[fmt.Sprintf("/o%d", i)] = []string{item(fmt.Sprintf("old-%d", i), "Weather report for the weekend", time.Now().Add(-time.Hour))}
		fmt.Fprintf(&outlets, "\n[[feeds]]\nname = %q\nurl = \"%s/o%d\"\ninterval = \"1s\"\nallow_private = true\nfull_text = \"false\"\n", name, feeds.URL, i)
	}
	cfg := fmt.Sprintf(`[bot]
database = %q
log_level = "info"

[polling]
tick = "@every 1s"
min_interval = "1s"

[discord]
application_id = %q
guild_ids = [%q]
api_base = %q

[stories]
updates = %q
edit_interval = "0s"
%s
[[channels]]
name = "alerts"
id = %q

[[rules]]
name = "launch"
query = 'missile AND (fire* OR launch*)'
channels = ["alerts"]
`, filepath.Join(dir, "w.db"), r.srv.ApplicationID(), guild, r.srv.URL()+"/api/", updates, outlets.String(), r.channel)
	if err := os.WriteFile(r.path, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Setenv("DISCORD_TOKEN", "test-token")
	return r
}

// start runs the bot until the returned stop is called; the first polls
// record each outlet's backlog.
func (r *outletsRun) start(out *syncBuffer) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	go func() { done <- runMain(ctx, []string{"run", "-config", r.path}, out, out) }()
	return func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				r.t.Errorf("run exited %d:\n%s", code, out)
			}
		case <-time.After(15 * time.Second):
			r.t.Error("run did not stop within 15 s of its context ending")
		}
	}
}

// report publishes outlet i's report of the launch.
func (r *outletsRun) report(i int, title string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := fmt.Sprintf("/o%d", i)
	r.items[p] = append(r.items[p], item(fmt.Sprintf("launch-%d", i), title, time.Now()))
}

func (r *outletsRun) waitUntil(out *syncBuffer, what string, cond func() bool) {
	r.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			r.t.Fatalf("within 20 s: %s never happened; requests %v; output:\n%s", what, r.srv.Requests(), out)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// launchReports are four outlets' reports of one launch.
var launchReports = []string{
	"North Korea fires ballistic missile into East Sea",
	"N. Korea fires ballistic missile into East Sea: JCS",
	"North Korea fires a ballistic missile into the East Sea, South Korea's military says",
	"North Korea fires ballistic missile toward East Sea, Seoul says",
}

// TestThreadUpdates: with stories.updates = "thread", the first report is
// an alert in the channel; each further outlet is one message in one
// thread started on the alert, also across a restart of the bot between
// the second and third outlet; the channel shows only the alert.
func TestThreadUpdates(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the bot twice for several seconds")
	}
	r := newOutletsRun(t, "thread")
	out := &syncBuffer{}
	stop := r.start(out)
	time.Sleep(2 * time.Second) // backlogs recorded
	r.report(0, launchReports[0])
	r.waitUntil(out, "the alert", func() bool { return len(r.srv.Messages(r.channel)) == 1 })
	alert := r.srv.Messages(r.channel)[0]
	r.report(1, launchReports[1])
	r.waitUntil(out, "the second outlet in the thread", func() bool { return len(r.srv.Messages(alert.ID)) == 1 })
	stop()

	out2 := &syncBuffer{}
	stop = r.start(out2)
	defer stop()
	time.Sleep(2 * time.Second)
	r.report(2, launchReports[2])
	r.waitUntil(out2, "the third outlet in the thread", func() bool { return len(r.srv.Messages(alert.ID)) == 2 })
	r.report(3, launchReports[3])
	r.waitUntil(out2, "the fourth outlet in the thread", func() bool { return len(r.srv.Messages(alert.ID)) == 3 })
	time.Sleep(3 * time.Second) // nothing more arrives

	if msgs := r.srv.Messages(r.channel); len(msgs) != 1 || msgs[0].ID != alert.ID {
		t.Errorf("the channel shows %d messages, want only the alert", len(msgs))
	}
	name, parent, ok := r.srv.Thread(alert.ID)
	if !ok || parent != r.channel || name != launchReports[0] {
		t.Errorf("thread on the alert: %q in %q (exists %v), want %q in the channel", name, parent, ok, launchReports[0])
	}
	thread := r.srv.Messages(alert.ID)
	if len(thread) != 3 {
		t.Fatalf("the thread holds %d messages, want 3 (one per further outlet)", len(thread))
	}
	for i, m := range thread {
		text := messageText(m)
		if want := fmt.Sprintf("**%d sources**", i+2); !strings.Contains(text, want) {
			t.Errorf("thread message %d = %q, want %q", i, text, want)
		}
		lines := strings.Split(strings.TrimSpace(text), "\n")
		if newest, outlet := lines[len(lines)-1], []string{"Kyodo", "NK News", "Reuters"}[i]; !strings.Contains(newest, outlet) {
			t.Errorf("thread message %d ends %q, want the new outlet %s last", i, newest, outlet)
		}
	}
	starts := 0
	for _, req := range r.srv.Requests() {
		if req.Method == http.MethodPost && strings.HasSuffix(req.Path, "/threads") {
			starts++
		}
	}
	if starts != 2 {
		t.Errorf("%d thread starts, want 2: one per run (the second run's is answered 160004 and uses the thread)", starts)
	}
	if v := r.srv.Violations(); len(v) != 0 {
		t.Errorf("Discord rules broken: %q", v)
	}
}

// TestReplyIsRealReply: with stories.updates = "reply", a further outlet is
// a reply to the alert (message_reference), not a bare channel message.
func TestReplyIsRealReply(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the bot for several seconds")
	}
	r := newOutletsRun(t, "reply")
	out := &syncBuffer{}
	stop := r.start(out)
	defer stop()
	time.Sleep(2 * time.Second)
	r.report(0, launchReports[0])
	r.waitUntil(out, "the alert", func() bool { return len(r.srv.Messages(r.channel)) == 1 })
	r.report(1, launchReports[1])
	r.report(2, launchReports[2])
	r.waitUntil(out, "two replies", func() bool { return len(r.srv.Messages(r.channel)) == 3 })
	msgs := r.srv.Messages(r.channel)
	for _, m := range msgs[1:] {
		if m.ReplyTo != msgs[0].ID {
			t.Errorf("update %q replies to %q, want the alert %s", messageText(m), m.ReplyTo, msgs[0].ID)
		}
	}
	if msgs[0].ReplyTo != "" {
		t.Errorf("the alert replies to %s", msgs[0].ReplyTo)
	}
}
