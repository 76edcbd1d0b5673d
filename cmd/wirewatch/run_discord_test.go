package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/bot/discordtest"
)

// TestRunAPIBase runs `wirewatch run` with a token and discord.api_base
// pointing at the loopback Discord, with nothing else redirected: the
// unmodified client asks the fake for the gateway, opens its websocket,
// registers the commands and posts a new item there. Without api_base the
// bot would address discord.com, which the fake never sees.
func TestRunAPIBase(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the bot for several seconds")
	}
	srv := discordtest.New(t, discordtest.Options{})
	const guild, channel = "100000000000000010", "100000000000000001" // channel: the id writeRunConfig routes to
	srv.AddGuild(guild, "Korea Desk")
	srv.AddChannel(guild, channel, "alerts")

	var mu sync.Mutex
	items := []string{item("old", "North Korea fires missile in last week's news", time.Now().Add(-time.Hour))}
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>%s</channel></rss>`, strings.Join(items, ""))
	}))
	defer feed.Close()

	dir := t.TempDir()
	path := filepath.Join(dir, "wirewatch.toml")
	discord := fmt.Sprintf("\n[discord]\napplication_id = %q\nguild_ids = [%q]\napi_base = %q\n", srv.ApplicationID(), guild, srv.URL()+"/api/")
	writeRunConfigWith(t, path, dir, feed.URL, `query = 'missile AND (fire* OR launch*)'`, discord)
	t.Setenv("DISCORD_TOKEN", "test-token")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &syncBuffer{}
	done := make(chan int, 1)
	go func() { done <- runMain(ctx, []string{"run", "-config", path}, out, out) }()

	time.Sleep(2 * time.Second) // the first poll records the backlog
	const title = "North Korea fires ballistic missile into East Sea"
	mu.Lock()
	items = append(items, item("new-1", title, time.Now()))
	mu.Unlock()

	deadline := time.Now().Add(15 * time.Second)
	for !channelShows(srv.Messages(channel), title) {
		if time.Now().After(deadline) {
			t.Fatalf("within 15 s the channel never showed %q; requests %v; output:\n%s", title, srv.Requests(), out)
		}
		select {
		case code := <-done:
			t.Fatalf("run exited %d before posting:\n%s", code, out)
		case <-time.After(100 * time.Millisecond):
		}
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("run exited %d:\n%s", code, out)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not stop within 15 s of its context ending")
	}

	seen := map[string]bool{}
	for _, r := range srv.Requests() {
		seen[r.Method+" "+r.Path] = true
	}
	for _, want := range []string{"GET /gateway", "PUT /applications/" + srv.ApplicationID() + "/guilds/" + guild + "/commands", "POST /channels/" + channel + "/messages"} {
		if !seen[want] {
			t.Errorf("the fake never answered %s; it answered %v", want, seen)
		}
	}
	if st := srv.GatewayStats(); st.Identifies == 0 {
		t.Errorf("no gateway session was identified: %+v", st)
	}
	for _, m := range srv.Messages(channel) {
		if strings.Contains(messageText(m), "last week's news") {
			t.Errorf("the backlog was posted: %+v", m)
		}
	}
}

func channelShows(msgs []discordtest.Message, text string) bool {
	for _, m := range msgs {
		if strings.Contains(messageText(m), text) {
			return true
		}
	}
	return false
}

// messageText is a message's content and its embeds' titles and text.
func messageText(m discordtest.Message) string {
	var b strings.Builder
	b.WriteString(m.Content)
	for _, e := range m.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.Description)
	}
	return b.String()
}
