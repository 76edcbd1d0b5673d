package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/bot/discordtest"
	"wirewatch/storage/storagetest"
)

// TestReplicaFencing runs two replicas of `wirewatch run` on one PostgreSQL
// schema, posting to the loopback Discord, while a feed publishes an item
// every 1.5 s (under Discord's 5 messages per 5 s in a channel and flood
// control's 30 alerts per channel and 10 minutes). The leader reaches the
// database through a loopback proxy, which then stops forwarding its lock
// connection without closing it (a partition that spares its other
// connections). The old leader must stop and exit non-zero within 10 s; the
// standby takes over and posts the rest; no item is posted twice and none
// is lost.
func TestReplicaFencing(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two replicas for about 30 s")
	}
	base := os.Getenv("WIREWATCH_TEST_POSTGRES")
	if base == "" {
		t.Skip("WIREWATCH_TEST_POSTGRES is not set")
	}
	direct := storagetest.PostgresSchema(t, base)
	u, err := url.Parse(direct)
	if err != nil {
		t.Fatal(err)
	}
	proxy := storagetest.NewProxy(t, u.Host)
	u.Host = proxy.Addr()
	proxied := u.String()

	srv := discordtest.New(t, discordtest.Options{})
	const guild, channel = "100000000000000010", "100000000000000001"
	srv.AddGuild(guild, "Korea Desk")
	srv.AddChannel(guild, channel, "alerts")

	// Titles of random letters, so that no two items group into one story.
	words := newWordGen(16)
	var mu sync.Mutex
	var items, titles []string
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>%s</channel></rss>`, strings.Join(items, ""))
	}))
	defer feed.Close()
	publish := func(n int) string {
		title := fmt.Sprintf("%s no%d", words.words(6), n)
		mu.Lock()
		defer mu.Unlock()
		items = append(items, fmt.Sprintf(`<item><guid>i%d</guid><title>%s</title><link>http://news.example/i%d</link><pubDate>%s</pubDate><description>%s missile.</description></item>`,
			n, title, n, time.Now().Format(time.RFC1123Z), words.words(20)))
		titles = append(titles, title)
		return title
	}
	publish(0) // the backlog: recorded by the first poll, never posted

	dir := t.TempDir()
	discord := fmt.Sprintf("\n[discord]\napplication_id = %q\nguild_ids = [%q]\napi_base = %q\n", srv.ApplicationID(), guild, srv.URL()+"/api/")
	pathA, pathB := filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml")
	writeRunConfigDB(t, pathA, proxied, feed.URL, `query = 'missile'`, discord)
	writeRunConfigDB(t, pathB, direct, feed.URL, `query = 'missile'`, discord)
	t.Setenv("DISCORD_TOKEN", "test-token")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outA, outB := &syncBuffer{}, &syncBuffer{}
	doneA, doneB := make(chan int, 1), make(chan int, 1)
	go func() { doneA <- runMain(ctx, []string{"run", "-config", pathA}, outA, outA) }()
	time.Sleep(3 * time.Second) // a leads; its first poll records the backlog
	first := publish(1)
	waitShown(t, srv, channel, first, 20*time.Second, outA)
	go func() { doneB <- runMain(ctx, []string{"run", "-config", pathB}, outB, outB) }()

	stopPublishing := make(chan struct{})
	published := make(chan struct{})
	go func() {
		defer close(published)
		for n := 2; ; n++ {
			select {
			case <-stopPublishing:
				return
			case <-time.After(1500 * time.Millisecond):
				publish(n)
			}
		}
	}()
	time.Sleep(3 * time.Second) // b waits as a standby while a posts

	proxy.Blackhole("pg_try_advisory_lock")
	cut := time.Now()
	select {
	case code := <-doneA:
		took := time.Since(cut)
		t.Logf("the old leader exited %d, %s after its lock connection went silent: %s", code, took.Round(time.Millisecond), lastLine(outA.String()))
		if code == 0 || !strings.Contains(outA.String(), "lost leadership") {
			t.Errorf("the old leader exited %d without saying it lost the lead:\n%s", code, outA)
		}
	case <-time.After(10 * time.Second):
		close(stopPublishing)
		t.Fatalf("the old leader still runs 10 s after its lock connection went silent:\n%s", outA)
	}

	// The standby takes over once the server ends the silent session.
	time.Sleep(3 * time.Second)
	after := publish(1000)
	waitShown(t, srv, channel, after, 30*time.Second, outB)
	close(stopPublishing)
	<-published
	mu.Lock()
	all := append([]string(nil), titles[1:]...)
	mu.Unlock()
	deadline := time.Now().Add(30 * time.Second)
	for _, title := range all {
		for !channelShows(srv.Messages(channel), title) && time.Now().Before(deadline) {
			time.Sleep(100 * time.Millisecond)
		}
	}
	msgs := srv.Messages(channel)
	for _, title := range all {
		n := 0
		for _, m := range msgs {
			if strings.Contains(messageText(m), title) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%q was posted %d times, want once", title, n)
		}
	}
	if channelShows(msgs, titles[0]) {
		t.Errorf("the backlog was posted")
	}
	t.Logf("%d items posted once each across the change of leader", len(all))

	select {
	case code := <-doneB:
		t.Fatalf("the new leader exited %d:\n%s", code, outB)
	default:
	}
	cancel()
	select {
	case code := <-doneB:
		if code != 0 {
			t.Errorf("the new leader exited %d on shutdown:\n%s", code, outB)
		}
	case <-time.After(15 * time.Second):
		t.Error("the new leader did not stop within 15 s of its context ending")
	}
}

// waitShown waits until the channel shows text.
func waitShown(t *testing.T, srv *discordtest.Server, channel, text string, within time.Duration, out *syncBuffer) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !channelShows(srv.Messages(channel), text) {
		if time.Now().After(deadline) {
			t.Fatalf("within %s the channel never showed %q; output:\n%s", within, text, out)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return s[i+1:]
	}
	return s
}
