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
)

// syncBuffer is a bytes.Buffer the bot's goroutines may write while the
// test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestRunConsole runs `wirewatch run` without Discord against a loopback
// feed: the backlog is recorded silently, an item published while the bot
// runs is printed to the console once, and the bot stops cleanly when its
// context ends. A rule changed by editing the config file while it runs is
// applied to the next item; a config with a mistake is refused and the
// running rules stay.
func TestRunConsole(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the bot for several seconds")
	}
	var mu sync.Mutex
	items := []string{item("old", "North Korea fires missile in last week's news", time.Now().Add(-time.Hour))}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>%s</channel></rss>`, strings.Join(items, ""))
	}))
	defer srv.Close()
	publish := func(guid, title string) {
		mu.Lock()
		defer mu.Unlock()
		items = append(items, item(guid, title, time.Now()))
	}

	dir := t.TempDir()
	path := filepath.Join(dir, "wirewatch.toml")
	writeRunConfig(t, path, dir, srv.URL, `query = 'missile AND (fire* OR launch*)'`)

	ctx, cancel := context.WithCancel(context.Background())
	out := &syncBuffer{}
	done := make(chan int, 1)
	go func() { done <- runMain(ctx, []string{"run", "-config", path}, out, out) }()

	time.Sleep(2 * time.Second) // the first poll records the backlog
	publish("new-1", "North Korea fires ballistic missile into East Sea")
	waitFor(t, out, "North Korea fires ballistic missile into East Sea", 15*time.Second)

	writeRunConfig(t, path, dir, srv.URL, `query = 'missile OR drill*'`)
	time.Sleep(5 * time.Second) // the watcher notices, waits for the file to settle, reloads
	publish("new-2", "Allies hold naval drills south of Jeju")
	waitFor(t, out, "Allies hold naval drills south of Jeju", 15*time.Second)

	// A config with a mistake is refused; the running rules stay in force.
	writeRunConfig(t, path, dir, srv.URL, `query = 'drill* AND (missile'`)
	time.Sleep(5 * time.Second)
	publish("new-3", "Navy drill continues for a second day")
	waitFor(t, out, "Navy drill continues for a second day", 15*time.Second)

	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("run exited %d:\n%s", code, out)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not stop within 15 s of its context ending")
	}
	got := out.String()
	if strings.Contains(got, "last week's news") {
		t.Errorf("the backlog was posted:\n%s", got)
	}
	if n := strings.Count(got, "North Korea fires ballistic missile into East Sea"); n == 0 || strings.Count(got, "**North Korea fires ballistic missile into East Sea**") > 1 {
		t.Errorf("the new item was posted %d times:\n%s", n, got)
	}
}

func item(guid, title string, at time.Time) string {
	return fmt.Sprintf(`<item><guid>%s</guid><title>%s</title><link>http://news.example/%s</link><pubDate>%s</pubDate><description>%s, the military said.</description></item>`,
		guid, title, guid, at.Format(time.RFC1123Z), title)
}

func writeRunConfig(t *testing.T, path, dir, feedURL, query string) {
	t.Helper()
	writeRunConfigWith(t, path, dir, feedURL, query, "")
}

// writeRunConfigWith writes the config of writeRunConfig with extra TOML
// (such as a [discord] table) after the [polling] table.
func writeRunConfigWith(t *testing.T, path, dir, feedURL, query, extra string) {
	t.Helper()
	writeRunConfigDB(t, path, filepath.Join(dir, "w.db"), feedURL, query, extra)
}

// writeRunConfigDB writes the config of writeRunConfigWith with database
// as bot.database.
func writeRunConfigDB(t *testing.T, path, database, feedURL, query, extra string) {
	t.Helper()
	cfg := fmt.Sprintf(`[bot]
database = %q
log_level = "error"

[polling]
tick = "@every 1s"
min_interval = "1s"
%s
[[feeds]]
name = "Wire"
url = %q
interval = "1s"
allow_private = true
full_text = "false" # the items' links name hosts that do not exist; no DNS queries in tests

[[channels]]
name = "alerts"
id = "100000000000000001"

[[rules]]
name = "watch"
%s
channels = ["alerts"]
`, database, extra, feedURL, query)
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
}

func waitFor(t *testing.T, out *syncBuffer, want string, within time.Duration) {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if strings.Contains(out.String(), want) {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("within %s the console never showed %q:\n%s", within, want, out.String())
}
