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
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wirewatch/bot"
	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/pipeline"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

// Options tune the demo.
type Options struct {
	// Dir is where the SQLite file and config go, created if missing; a
	// temporary directory, removed after, when "". A previous demo's
	// database in it is replaced, so every run starts clean.
	Dir    string
	Logger *slog.Logger // nil: discard logs
}

// Result is what the demo did, for tests.
type Result struct {
	First, Second pipeline.Stats
	// Alerts and Updates are the posts the second poll wrote: first
	// reports of a story, and updates that edit one.
	Alerts, Updates int
	// Messages and Edits are what Discord received.
	Messages, Edits int
	Channels        map[string][]string // channel name → rendered messages, in order
	Restarted       bool                // a previous demo's database in Dir was replaced
}

// configHeader starts the config the demo writes; a demo.toml that starts
// with it is a previous demo's, whose database may be replaced.
const configHeader = "# The demo's configuration:"

// Run runs the demo and writes what a user would see to out.
func Run(ctx context.Context, out io.Writer, opts Options) (*Result, error) {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	dir := opts.Dir
	res := &Result{}
	if dir == "" {
		tmp, err := os.MkdirTemp("", "wirewatch-demo-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	} else {
		var err error
		if res.Restarted, err = prepareDir(dir); err != nil {
			return nil, err
		}
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
	fmt.Fprintf(out, "wirewatch demo: %d sample outlets served on %s, an in-process Discord with channels %s.\n", len(rt.Config.Feeds), feedsrv.base, channelNames(rt.Config.Channels))
	switch {
	case opts.Dir == "":
		fmt.Fprintf(out, "Database: a temporary file, removed at the end (--dir DIR keeps it).\n\n")
	case res.Restarted:
		fmt.Fprintf(out, "Database: %s, new: the previous demo run's database there was replaced, so this run starts clean.\n\n", rt.Config.Bot.Database)
	default:
		fmt.Fprintf(out, "Database: %s, new.\n\n", rt.Config.Bot.Database)
	}

	if res.First, err = p.Cycle(ctx); err != nil {
		return nil, fmt.Errorf("first poll: %w", err)
	}
	fmt.Fprintf(out, "Poll 1: %s polled, %s already in them recorded as backlog; nothing posted (a new feed's backlog is never posted).\n",
		plural(res.First.Polled, "feed"), plural(res.First.Backlog, "item"))

	feedsrv.phase.Store(2)
	if err := makeDue(ctx, store); err != nil {
		return nil, err
	}
	if res.Second, err = p.Cycle(ctx); err != nil {
		return nil, fmt.Errorf("second poll: %w", err)
	}
	posts, err := pendingPosts(ctx, store)
	if err != nil {
		return nil, err
	}
	why := explainPosts(posts)
	res.Alerts, res.Updates = why.alerts, why.outlets+why.fullText
	fmt.Fprintf(out, "Poll 2, after the outlets published more: %s, and %s written to the outbox:\n", plural(res.Second.NewItems, "new item"), plural(len(posts), "post"))
	fmt.Fprintf(out, "  %s: the first report of a story, one per rule and channel it matches;\n", plural(why.alerts, "alert"))
	fmt.Fprintf(out, "  %s, each to edit its alert: %d for another outlet reporting a story already\n  alerted (%s, in %s), %d for an article's full text, which made a better summary.\n",
		plural(res.Updates, "update"), why.outlets, plural(len(why.newOutlets), "outlet"), plural(len(why.channels), "channel"), why.fullText)
	if err := box.Flush(ctx); err != nil {
		return nil, fmt.Errorf("deliver: %w", err)
	}
	res.Messages, res.Edits = discord.counts(rt.Config.Channels)
	fmt.Fprintf(out, "Delivered: %s and %s. The outbox merges the updates waiting for one message\ninto a single edit: %s made %s.\n",
		plural(res.Messages, "message"), plural(res.Edits, "edit"), plural(res.Updates, "update"), plural(res.Edits, "edit"))

	res.Channels = discord.show(out, rt.Config.Channels, rt.Config.Location())
	if err := printTimeline(ctx, out, store, rt.Config, "north-korea"); err != nil {
		return nil, err
	}
	printNext(out, opts.Dir, filepath.Join(dir, "demo.toml"))
	return res, nil
}

// prepareDir creates dir, and removes a previous demo run's database from
// it so that the run starts clean (the sample outlets' items would all be
// known already, on a new port). A database the demo did not write is
// never touched: the demo refuses that folder.
func prepareDir(dir string) (restarted bool, err error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return false, fmt.Errorf("demo folder: %w", err)
	}
	db := filepath.Join(dir, "wirewatch.db")
	if _, err := os.Stat(db); errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	cfg, err := os.ReadFile(filepath.Join(dir, "demo.toml"))
	if err != nil || !strings.HasPrefix(string(cfg), configHeader) {
		return false, fmt.Errorf("%s exists and is not a demo's database; give --dir a new or empty folder", db)
	}
	for _, f := range []string{db, db + "-wal", db + "-shm"} {
		if err := os.Remove(f); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return false, fmt.Errorf("replace the previous demo's database: %w", err)
		}
	}
	return true, nil
}

// postReasons is why the outbox holds what it holds.
type postReasons struct {
	alerts     int
	outlets    int             // updates that add another outlet's report
	fullText   int             // updates that bring an article's full-text summary
	newOutlets map[string]bool // the items those outlets reported
	channels   map[string]bool // where those updates go
}

// explainPosts sorts posts by why they were written. An update's last item
// is the report that caused it: another outlet's, or (when it is the only
// one) the alerted item itself, whose page brought its full text.
func explainPosts(posts []model.Post) postReasons {
	r := postReasons{newOutlets: map[string]bool{}, channels: map[string]bool{}}
	for _, p := range posts {
		switch {
		case p.Kind == model.PostAlert:
			r.alerts++
		case p.Kind == model.PostUpdate && len(p.Content.Items) > 1:
			r.outlets++
			r.newOutlets[p.Content.Items[len(p.Content.Items)-1]] = true
			r.channels[p.Channel] = true
		case p.Kind == model.PostUpdate:
			r.fullText++
		}
	}
	return r
}

// pendingPosts lists the outbox's pending posts, every channel.
func pendingPosts(ctx context.Context, store storage.Store) ([]model.Post, error) {
	channels, err := store.PendingChannels(ctx)
	if err != nil {
		return nil, err
	}
	var posts []model.Post
	for _, ch := range channels {
		ps, err := store.PendingPosts(ctx, ch, 1000)
		if err != nil {
			return nil, err
		}
		posts = append(posts, ps...)
	}
	return posts, nil
}

// printNext ends the demo with the commands to try next: the lookups on
// the demo's database when it was kept, else how to keep it.
func printNext(out io.Writer, dir, config string) {
	fmt.Fprintf(out, "\nNext:\n")
	if dir == "" {
		fmt.Fprintf(out, "  wirewatch demo --dir /tmp/wirewatch-demo     # keep the database, to try the lookups on it\n")
		config = filepath.Join("/tmp/wirewatch-demo", "demo.toml")
	}
	for _, c := range []string{
		"search ballistic missile",
		"timeline north-korea --json",
		"rules test trilateral-drills",
		"feeds",
	} {
		fmt.Fprintf(out, "  wirewatch %s --config %s\n", c, config)
	}
	fmt.Fprintf(out, "  wirewatch help                                # every command; wirewatch help CMD for one\n")
	fmt.Fprintf(out, "Your own desk: copy config.example.toml to wirewatch.toml, edit it, then wirewatch check and wirewatch run (README, \"Run it for real\").\n")
}

func channelNames(chs []config.Channel) string {
	names := make([]string, 0, len(chs))
	for _, ch := range chs {
		names = append(names, "#"+ch.Name)
	}
	return strings.Join(names, " and ")
}

// plural is "1 item" or "3 items".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
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
