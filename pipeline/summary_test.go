package pipeline_test

import (
	"bytes"
	"context"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/pipeline"
	"wirewatch/storage/sqlite"
)

// logBuffer is a log the pipeline's goroutines write while the test reads.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) lines(msg string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, l := range strings.Split(b.buf.String(), "\n") {
		if strings.Contains(l, " msg="+msg+" ") {
			out = append(out, l)
		}
	}
	return out
}

var logField = regexp.MustCompile(`(\w+)=("[^"]*"|\S+)`)

// fields reads a text log line's fields (quoted values unquoted).
func fields(line string) map[string]string {
	m := map[string]string{}
	for _, f := range logField.FindAllStringSubmatch(line, -1) {
		v := f[2]
		if u, err := strconv.Unquote(v); err == nil {
			v = u
		}
		m[f[1]] = v
	}
	return m
}

// TestPollSummary: Run logs one INFO line per stretch of polls with what
// they added up to (polled, not modified, failed, new, posts, failing
// feeds, time), and the poll of a 2-item feed counts both of its items,
// whether they were new or seen before.
func TestPollSummary(t *testing.T) {
	site := &feedSite{}
	site.add("talks", "Seoul and Tokyo hold talks on trade", "The ministers met in Tokyo.", time.Now().Add(-2*time.Minute))
	srv := httptest.NewServer(site)
	defer srv.Close()
	cfg := loadConfig(t, "testdata/summary.toml", "{{BASE}}", srv.URL)
	rt, err := pipeline.NewRuntime(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	// Known to the bot already, without its item: the item is new.
	if err := store.SaveFeedState(ctx, model.FeedState{Feed: "Good Wire", URL: srv.URL + "/good", Initialized: true}); err != nil {
		t.Fatal(err)
	}
	logs := &logBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	p, err := pipeline.New(ctx, store, rt, pipeline.Options{Logger: log, SummaryEvery: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	}()

	// The feed's first poll; then it publishes a second item, which its
	// next poll finds beside the first, unchanged one.
	waitLines(t, logs, "polled", 1)
	site.add("launch", "North Korea fires ballistic missile", "North Korea launched a ballistic missile, Seoul said.", time.Now().Add(-time.Minute))
	waitLines(t, logs, "polled", 2)
	waitLines(t, logs, "polls", 2)
	polled := logs.lines("polled")
	first, second := fields(polled[0]), fields(polled[1])
	if first["level"] != "INFO" || first["items"] != "1" || first["new"] != "1" || first["posts"] != "0" || first["first_poll"] != "false" {
		t.Errorf("first poll logged %s, want INFO items=1 new=1 posts=0 first_poll=false", polled[0])
	}
	if second["level"] != "INFO" || second["items"] != "2" || second["new"] != "1" || second["posts"] != "1" {
		t.Errorf("second poll logged %s, want INFO items=2 new=1 posts=1", polled[1])
	}

	// The summaries add up to every poll made so far: the good feed's and
	// the broken one's, which fails each time.
	sum := map[string]int{}
	summaries := logs.lines("polls")
	for _, l := range summaries {
		f := fields(l)
		if f["level"] != "INFO" {
			t.Errorf("summary not at INFO: %s", l)
		}
		for _, k := range []string{"polled", "not_modified", "failed", "new", "backlog", "posts"} {
			n, err := strconv.Atoi(f[k])
			if err != nil {
				t.Fatalf("summary's %s: %v in %s", k, err, l)
			}
			sum[k] += n
		}
		if _, err := time.ParseDuration(f["duration"]); err != nil {
			t.Errorf("summary's duration: %v in %s", err, l)
		}
	}
	if sum["new"] != 2 || sum["posts"] != 1 || sum["backlog"] != 0 {
		t.Errorf("summaries add up to new=%d posts=%d backlog=%d, want 2, 1 and 0:\n%s", sum["new"], sum["posts"], sum["backlog"], strings.Join(summaries, "\n"))
	}
	if sum["failed"] < 1 || sum["polled"] < 3 || sum["polled"] < sum["failed"]+2 {
		t.Errorf("summaries add up to polled=%d failed=%d, want the broken feed's failures and the good feed's 2 polls:\n%s",
			sum["polled"], sum["failed"], strings.Join(summaries, "\n"))
	}
	// The failed poll's line names the feed and URL once, in their fields.
	failedLines := logs.lines(`"poll failed"`)
	if len(failedLines) == 0 {
		t.Error("no poll failed line for the broken feed")
	}
	for _, l := range failedLines {
		f := fields(l)
		if f["feed"] != "Broken Wire" || f["url"] != srv.URL+"/500" || f["err"] == "" ||
			strings.Contains(f["err"], "Broken Wire") || strings.Contains(f["err"], srv.URL) {
			t.Errorf("poll failed line repeats a field inside err, or lacks one: %s", l)
		}
	}
	if last := fields(summaries[len(summaries)-1]); last["failing"] != "1" {
		t.Errorf("last summary says failing=%s, want 1 (the broken feed): %s", last["failing"], summaries[len(summaries)-1])
	}
}

func waitLines(t *testing.T, logs *logBuffer, msg string, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for len(logs.lines(msg)) < n {
		if time.Now().After(deadline) {
			got := len(logs.lines(msg))
			logs.mu.Lock()
			defer logs.mu.Unlock()
			t.Fatalf("%d %q lines within 20 s, want %d:\n%s", got, msg, n, logs.buf.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
