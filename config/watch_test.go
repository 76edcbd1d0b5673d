package config

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"
)

const oneFeed = `[[feeds]]
name = "NK News"
url = "https://www.nknews.org/feed/"
`

const twoFeeds = oneFeed + `
[[feeds]]
name = "38 North"
url = "https://www.38north.org/feed/"
`

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

type reload struct {
	cfg *Config
	err error
}

func TestWatch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wirewatch.toml")
	writeFile(t, path, oneFeed)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	reloads := make(chan reload, 16)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		Watch(ctx, path, 10*time.Millisecond, func(cfg *Config, err error) { reloads <- reload{cfg, err} })
	}()

	// Watch reports changes after it starts; rewrite until it has seen one,
	// so the test does not depend on when the goroutine got to run.
	var got reload
	deadline := time.After(10 * time.Second)
wait:
	for i := 0; ; i++ {
		// Saved atomically: a plain rewrite truncates first, and on a busy
		// machine the watcher may see the empty file hold still for a tick.
		writeFile(t, path+".tmp", twoFeeds+"# save "+string(rune('a'+i%26))+"\n")
		if err := os.Rename(path+".tmp", path); err != nil {
			t.Fatal(err)
		}
		select {
		case got = <-reloads:
			break wait
		case <-time.After(200 * time.Millisecond):
		case <-deadline:
			t.Fatal("no reload after a good change")
		}
	}
	if got.err != nil || got.cfg == nil || len(got.cfg.Feeds) != 2 {
		t.Fatalf("good change: cfg %v, err %v; want 2 feeds", got.cfg, got.err)
	}

	// An atomic save (write a temporary file, rename it over) with a mistake.
	tmp := path + ".tmp"
	writeFile(t, tmp, twoFeeds+"[[rules]]\nname = \"r\"\nquery = \"x\"\nchannels = [\"nowhere\"]\n")
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	// Skip reloads of earlier good saves still in flight on a slow machine.
	for got = next(t, reloads); got.err == nil; got = next(t, reloads) {
	}
	var errs Errors
	if !errors.As(got.err, &errs) || len(errs) != 1 || errs[0].Pos.Line != 11 {
		t.Fatalf("bad change: err %v; want one error at line 11", got.err)
	}
	if got.cfg == nil || len(got.cfg.Rules) != 1 {
		t.Errorf("bad change: config %v, want the file's, for the caller's own checks", got.cfg)
	}

	// Touching the file without changing it reports nothing.
	later := time.Now().Add(time.Minute)
	if err := os.Chtimes(path, later, later); err != nil {
		t.Fatal(err)
	}
	select {
	case got := <-reloads:
		t.Fatalf("touch reported %v, %v", got.cfg, got.err)
	case <-time.After(150 * time.Millisecond):
	}

	cancel()
	select {
	case <-stopped:
	case <-time.After(5 * time.Second):
		t.Fatal("Watch did not return after cancel")
	}
}

func next(t *testing.T, reloads <-chan reload) reload {
	t.Helper()
	select {
	case r := <-reloads:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("no reload")
	}
	return reload{}
}

// TestWatcherDebounce drives the poller step by step: a save in two writes is
// parsed once, complete; a removed file is reported once, and so is its return.
func TestWatcherDebounce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wirewatch.toml")
	writeFile(t, path, oneFeed)
	w := &watcher{path: path}
	w.seen, w.reported = w.stat(), w.hash()

	poll := func(step string, wantChanged bool) reload {
		t.Helper()
		cfg, changed, err := w.poll()
		if changed != wantChanged {
			t.Fatalf("%s: changed = %v, want %v (err %v)", step, changed, wantChanged, err)
		}
		return reload{cfg, err}
	}
	poll("unchanged", false)
	writeFile(t, path, twoFeeds[:len(oneFeed)+12]) // half-written: not valid TOML
	poll("first write", false)
	writeFile(t, path, twoFeeds)
	poll("second write", false)
	if r := poll("settled", true); r.err != nil || len(r.cfg.Feeds) != 2 {
		t.Fatalf("settled: %v, %v", r.cfg, r.err)
	}
	poll("after report", false)

	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	poll("removed", false)
	if r := poll("removed, settled", true); r.cfg != nil || !errors.Is(r.err, os.ErrNotExist) {
		t.Fatalf("removed: %v, %v", r.cfg, r.err)
	}
	poll("still removed", false)
	writeFile(t, path, twoFeeds)
	poll("restored", false)
	if r := poll("restored, settled", true); r.err != nil || len(r.cfg.Feeds) != 2 {
		t.Fatalf("restored: %v, %v", r.cfg, r.err)
	}
}
