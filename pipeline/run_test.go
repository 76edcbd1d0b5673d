package pipeline_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/pipeline"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

// hangingServer accepts connections on 127.0.0.1 and never answers them.
func hangingServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + ln.Addr().String()
}

// runPipeline builds a pipeline on the real clock over a fresh SQLite file
// and runs it until the test ends.
func runPipeline(t *testing.T, cfg *config.Config, states []model.FeedState, notify func(...string)) storage.Store {
	t.Helper()
	rt, err := pipeline.NewRuntime(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range states {
		if err := store.SaveFeedState(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	p, err := pipeline.New(ctx, store, rt, pipeline.Options{Notify: notify})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
		store.Close()
	})
	return store
}

// TestHangingFeedDelaysOnlyItself: a feed whose server never answers is
// still being polled when another feed's urgent item is stored and the
// outbox told, well within the hanging poll's timeout.
func TestHangingFeedDelaysOnlyItself(t *testing.T) {
	site := &feedSite{}
	site.add("launch", "North Korea fires ballistic missile", "North Korea launched a ballistic missile, Seoul said.", time.Now().Add(-time.Minute))
	srv := httptest.NewServer(site)
	defer srv.Close()
	hang := hangingServer(t)
	cfg := loadConfig(t, "testdata/stream.toml", "{{BASE}}", srv.URL, "{{HANG}}", hang, "{{TIMEOUT}}", "10s", "{{INTERVAL}}", "1m")
	known := []model.FeedState{
		{Feed: "Hanging", URL: hang + "/feed", Initialized: true},
		{Feed: "Good Wire", URL: srv.URL + "/good", Initialized: true},
	}
	notified := make(chan time.Time, 16)
	start := time.Now()
	store := runPipeline(t, cfg, known, func(...string) { notified <- time.Now() })

	var at time.Time
	select {
	case at = <-notified:
	case <-time.After(15 * time.Second):
		t.Fatal("the good feed's alert was never handed to the outbox")
	}
	posts := assertPending(t, store, 1)
	if posts[0].Kind != model.PostAlert {
		t.Errorf("post kind %s, want an alert", posts[0].Kind)
	}
	if st := feedStates(t, store)["Hanging"]; !st.LastPoll.IsZero() {
		t.Fatalf("the hanging feed's poll ended (%+v) before the good feed was notified: the test did not overlap them", st)
	}
	if d := at.Sub(start); d > 2*time.Second {
		t.Errorf("the urgent item reached the outbox %v after the start, behind a feed with a 10s timeout", d)
	}
}

// TestFeedPolledWhenDue: a feed due in 3 seconds is polled within a second
// of that, not at the next minute's tick.
func TestFeedPolledWhenDue(t *testing.T) {
	site := &feedSite{}
	site.add("old", "Seoul stocks close higher", "The index rose.", time.Now().Add(-time.Hour))
	polled := make(chan time.Time, 16)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/good" {
			polled <- time.Now()
		}
		site.ServeHTTP(w, r)
	}))
	defer srv.Close()
	hang := hangingServer(t)
	cfg := loadConfig(t, "testdata/stream.toml", "{{BASE}}", srv.URL, "{{HANG}}", hang, "{{TIMEOUT}}", "10s", "{{INTERVAL}}", "1m")
	due := time.Now().Add(3 * time.Second)
	states := []model.FeedState{{Feed: "Good Wire", URL: srv.URL + "/good", Initialized: true, NextPoll: due, LastPoll: time.Now().Add(-time.Minute)}}
	runPipeline(t, cfg, states, nil)

	select {
	case at := <-polled:
		if early := due.Sub(at); early > 50*time.Millisecond {
			t.Fatalf("polled %v before it was due", early)
		}
		if late := at.Sub(due); late > time.Second {
			t.Errorf("polled %v after it was due, want within 1s", late)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the feed due in 3s was not polled within 10s")
	}
}
