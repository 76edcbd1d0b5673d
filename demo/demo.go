// Package demo runs wirewatch's whole pipeline on sample news, offline: it
// serves four sample outlets' feeds and article pages on 127.0.0.1, polls them
// twice through the real pipeline into a temporary SQLite file, delivers the
// alerts through the real outbox and Discord client into a Discord that runs
// inside the process, and prints what each channel shows and a timeline.
//
// Rules: no network beyond loopback, no token, no set-up; the sample content
// is embedded and written for the demo (it copies no real article).
package demo

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"time"

	"wirewatch/bot"
	"wirewatch/config"
	"wirewatch/outbox"
	"wirewatch/pipeline"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

// Options tune the demo.
type Options struct {
	Dir    string       // where the SQLite file and config go; a temporary directory when ""
	Logger *slog.Logger // nil: discard logs
}

// Result is what the demo did, for tests.
type Result struct {
	First, Second pipeline.Stats
	Channels      map[string][]string // channel name → rendered messages, in order
}

// Run runs the demo and writes what a user would see to out.
func Run(ctx context.Context, out io.Writer, opts Options) (*Result, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	dir := opts.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "wirewatch-demo-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	now := time.Now()
	feedsrv, err := startFeedServer(now)
	if err != nil {
		return nil, err
	}
	defer feedsrv.Close()

	rt, err := demoRuntime(feedsrv, dir)
	if err != nil {
		return nil, err
	}
	store, err := sqlite.Open(ctx, rt.Config.Bot.Database)
	if err != nil {
		return nil, err
	}
	defer store.Close()

	discord, err := startDiscord(ctx, rt.Config)
	if err != nil {
		return nil, err
	}
	defer discord.Close()
	// A short edit interval: the real 5 s would only make the demo wait
	// before it edits the launch alert with the sources of the second poll.
	box := outbox.New(store, outbox.Sinks{"discord": discord.sink}, outbox.Options{Logger: opts.Logger, EditInterval: 200 * time.Millisecond})

	p, err := pipeline.New(ctx, store, rt, pipeline.Options{Logger: opts.Logger, SplitDigest: bot.SplitDigest})
	if err != nil {
		return nil, err
	}
	res := &Result{}
	fmt.Fprintf(out, "wirewatch demo: %d sample feeds on %s, database %s\n\n", len(rt.Config.Feeds), feedsrv.base, rt.Config.Bot.Database)

	if res.First, err = p.Cycle(ctx); err != nil {
		return nil, fmt.Errorf("first poll: %w", err)
	}
	fmt.Fprintf(out, "Poll 1: %d feeds, %d backlog items recorded, %d posts (a new feed's backlog is never posted).\n", res.First.Polled, res.First.Backlog, res.First.Posts)

	feedsrv.phase.Store(2)
	if err := makeDue(ctx, store); err != nil {
		return nil, err
	}
	if res.Second, err = p.Cycle(ctx); err != nil {
		return nil, fmt.Errorf("second poll: %w", err)
	}
	fmt.Fprintf(out, "Poll 2: %d new items, %d posts written to the outbox.\n", res.Second.NewItems, res.Second.Posts)
	if err := box.Flush(ctx); err != nil {
		return nil, fmt.Errorf("deliver: %w", err)
	}

	res.Channels = discord.show(out, rt.Config.Channels)
	if err := printTimeline(ctx, out, store, rt.Config, "north-korea"); err != nil {
		return nil, err
	}
	return res, nil
}

func demoRuntime(feedsrv *feedServer, dir string) (*pipeline.Runtime, error) {
	text, err := feedsrv.configText(filepath.Join(dir, "wirewatch.db"))
	if err != nil {
		return nil, err
	}
	path := filepath.Join(dir, "demo.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		return nil, err
	}
	cfg, err := config.Load(path)
	if err != nil {
		return nil, fmt.Errorf("demo config: %w", err)
	}
	return pipeline.NewRuntime(cfg)
}

// makeDue marks every feed as due, as if its next poll time had come.
func makeDue(ctx context.Context, store storage.Store) error {
	states, err := store.FeedStates(ctx)
	if err != nil {
		return err
	}
	for _, st := range states {
		st.NextPoll = time.Now().Add(-time.Second)
		if err := store.SaveFeedState(ctx, st); err != nil {
			return err
		}
	}
	return nil
}
