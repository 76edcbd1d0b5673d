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
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage/storagetest"
)

// TestRunRedactsSecrets plants secrets where operators put them (user:pass@
// and ?api_key= in a feed URL, a password in the database address, both in
// a config reload that is refused) and runs the bot until the feed, failing
// for the tenth time, is reported broken and the reload is refused. Nothing
// the run wrote carries a secret: its log, the console (where the admin
// channel's notices go without Discord), its error output, the stored feed
// state and `wirewatch feeds`.
func TestRunRedactsSecrets(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the bot for several seconds")
	}
	secrets := []string{"PLANTED-FEED-PASSWORD", "PLANTED-API-KEY", "PLANTED-DB-PASSWORD", "PLANTED-RELOAD-PASSWORD", "PLANTED-RELOAD-TOKEN"}
	// The feed hangs up on every request: the client's error quotes the URL
	// it asked for, query included.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
	}))
	defer srv.Close()
	feedURL := strings.Replace(srv.URL, "http://", "http://wire:PLANTED-FEED-PASSWORD@", 1) + "/feed?api_key=PLANTED-API-KEY&cat=nk"

	dir := t.TempDir()
	database := filepath.Join(dir, "w.db")
	if base := os.Getenv("WIREWATCH_TEST_POSTGRES"); base != "" {
		database = postgresWithPassword(t, base, "PLANTED-DB-PASSWORD")
	} else {
		t.Log("WIREWATCH_TEST_POSTGRES is not set: the database password is not planted")
	}
	path := filepath.Join(dir, "wirewatch.toml")
	writeConfig := func(extraFeed string) {
		cfg := fmt.Sprintf(`[bot]
database = %q

[discord]
admin_channel = "ops"

[polling]
tick = "@every 1s"
min_interval = "1s"

[[feeds]]
name = "Secret Wire"
url = %q
interval = "1s"
allow_private = true
%s
[[channels]]
name = "ops"
id = "100000000000000009"
`, database, feedURL, extraFeed)
		if err := os.WriteFile(path+".tmp", []byte(cfg), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			t.Fatal(err)
		}
	}
	writeConfig("")

	// The feed has failed nine times: the next failure marks it broken and
	// tells the admin channel, quoting the error.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	store, err := openStore(ctx, database)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := store.SaveFeedState(ctx, model.FeedState{Feed: "Secret Wire", URL: feedURL, Failures: 9, LastPoll: now.Add(-time.Minute), NextPoll: now.Add(-time.Second), Interval: time.Second, Initialized: true}); err != nil {
		t.Fatal(err)
	}
	store.Close()

	t.Setenv("DISCORD_TOKEN", "")
	out, logs := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() { done <- runMain(ctx, []string{"run", "-config", path, "--console"}, out, logs) }()
	waitFor(t, out, "is broken after 10 failed polls", 15*time.Second)
	writeConfig(`
[[feeds]]
name = "Bad Wire"
url = "ftp://reload:PLANTED-RELOAD-PASSWORD@news.example/rss?token=PLANTED-RELOAD-TOKEN"
`)
	waitFor(t, out, "Config reload refused", 15*time.Second)
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("run exited %d:\n%s\n%s", code, out, logs)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("run did not stop within 15 s of its context ending")
	}

	refused := &syncBuffer{} // a lookup refuses the config with mistakes too
	if code := runMain(context.Background(), []string{"feeds", "-config", path}, refused, refused); code != 1 {
		t.Errorf("wirewatch feeds with a broken config exited %d, want 1:\n%s", code, refused)
	}
	writeConfig("")
	feeds := &syncBuffer{}
	if code := runMain(context.Background(), []string{"feeds", "-config", path}, feeds, feeds); code != 0 {
		t.Fatalf("wirewatch feeds exited %d:\n%s", code, feeds)
	}
	store, err = openStore(context.Background(), database)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	states, err := store.FeedStates(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var stored strings.Builder
	for _, st := range states {
		stored.WriteString(st.LastError + "\n")
	}

	written := map[string]string{"log": logs.String(), "console": out.String(), "feeds": feeds.String(), "stored errors": stored.String(), "refused lookup": refused.String()}
	for what, text := range written {
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("%s holds the secret %s:\n%s", what, s, text)
			}
		}
	}
	// What the run wrote is there, redacted: otherwise the greps prove nothing.
	for what, want := range map[string]string{
		"log":           "api_key=REDACTED",
		"console":       "key=REDACTED&cat=REDACTED): Get", // Markdown-escaped: api\_key
		"feeds":         "last error: poll feed",
		"stored errors": "api_key=REDACTED",
	} {
		if !strings.Contains(written[what], want) {
			t.Errorf("%s lacks %q:\n%s", what, want, written[what])
		}
	}
	if !strings.Contains(out.String(), "feeds.url: the URL must start with http:// or https://") {
		t.Errorf("the refused reload's notice lacks the mistake:\n%s", out)
	}
	if strings.HasPrefix(database, "postgres") && !strings.Contains(logs.String(), `dsn="postgres://127.0.0.1:5432/test?`) {
		t.Errorf("the start-up log lacks the redacted database address:\n%s", logs)
	}
}

// postgresWithPassword returns base with a password and a fresh schema as
// its search_path (dropped when the test ends). The test server trusts
// local connections, so any password is accepted.
func postgresWithPassword(t *testing.T, base, password string) string {
	t.Helper()
	u, err := url.Parse(storagetest.PostgresSchema(t, base))
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(u.User.Username(), password)
	return u.String()
}
