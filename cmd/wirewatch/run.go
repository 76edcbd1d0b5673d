package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"
	"unicode/utf8"

	"golang.org/x/sync/errgroup"

	"wirewatch/bot"
	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/pipeline"
	"wirewatch/redact"
	"wirewatch/rules"
	"wirewatch/storage"
	"wirewatch/stories"
)

func init() {
	registerCommand("run", command{
		summary:  "run the bot: poll feeds, post alerts and digests, answer slash commands",
		examples: []string{"run", "run --config /etc/wirewatch/wirewatch.toml", "run --console"},
		run:      runBot,
		graceful: true,
	})
}

func runBot(ctx context.Context, args []string, out io.Writer) (err error) {
	fs := newFlags("run", out)
	path := fs.String("config", "wirewatch.toml", "config file (reloaded when it changes or on SIGHUP)")
	console := fs.Bool("console", false, "print posts to standard output instead of sending them to Discord, even with a [discord] table")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	rt, err := loadRunnable(*path)
	if err != nil {
		return fmt.Errorf("config refused:\n%w", err)
	}
	if rt.Config.Discord.Enabled && !*console && os.Getenv("DISCORD_TOKEN") == "" {
		return fmt.Errorf("%s has a [discord] table but DISCORD_TOKEN is not set: set it to the bot's token, or run with --console to print posts to standard output instead", *path)
	}
	log := newLogger(rt.Config.Bot.LogLevel, logOutput(ctx))
	store, elect, err := openReplica(ctx, rt.Config.Bot.Database)
	if err != nil {
		return err
	}
	defer store.Close()
	parent := ctx
	// The logger redacts every field: the database address loses its password.
	role := "leader" // a SQLite file has one process, which leads at once
	if elect != nil {
		role = "standby" // until it wins the election below
	}
	log.Info("wirewatch starting", "version", buildVersion(), "config", *path, "database", databaseKind(rt.Config.Bot.Database),
		"dsn", rt.Config.Bot.Database, "role", role, "pid", os.Getpid())
	started := time.Now()
	defer func() {
		// Deferred first, so it runs last: after the outbox, the pipeline
		// and the sinks have stopped. The error itself is printed by main.
		reason := "signal"
		switch {
		case err != nil:
			reason = "error"
		case parent.Err() == nil:
			reason = "done"
		}
		log.Info("wirewatch stopped", "reason", reason, "uptime", time.Since(started).Round(time.Second))
	}()
	obs, err := observe(ctx, rt.Config, store, elect != nil, log)
	if err != nil {
		return err
	}
	defer obs.stop()
	ctx, release, err := lead(ctx, elect, log)
	if err != nil {
		return err
	}
	defer release()
	obs.leading(store)

	// The pipeline is made first: the Discord commands and the outbox's
	// quiet hours read its runtime, which a reload swaps. The outbox exists
	// before anything runs, so Notify never sees it nil.
	var box *outbox.Outbox
	p, err := pipeline.New(ctx, store, rt, pipeline.Options{Logger: log, Notify: func(channels ...string) { box.Notify(channels...) }, SplitDigest: bot.SplitDigest, Observer: obs.metrics})
	if err != nil {
		return err
	}
	runtime := func() (*config.Config, *rules.Engine) {
		r := p.Runtime()
		return r.Config, r.Rules
	}
	sinks, closeSinks, err := openSinks(ctx, wiring{cfg: rt.Config, store: store, runtime: runtime, out: out, log: log, console: *console,
		hooks: bot.Hooks{Answered: obs.metrics.DiscordAnswered, Looked: obs.metrics.Looked}})
	if err != nil {
		return err
	}
	defer closeSinks()
	obs.connected(store, sinks)
	// Posts carry their channel's id from the config in force when they
	// were written, so the outbox needs no channel map of its own; it asks
	// the config in force which platform's sink a channel's posts go to.
	box = outbox.New(store, sinks, outbox.Options{
		Logger:       log,
		Platform:     channelPlatform(runtime),
		EditInterval: editInterval(rt.Config),
		Hold: func(post model.Post, now time.Time) (time.Time, bool) {
			return pipeline.QuietHold(p.Runtime().Config, post, now)
		},
		Delivered: obs.metrics.Delivered,
		ChannelChanged: func(st model.ChannelState) {
			tellChannelState(ctx, store, box, p.Runtime().Config, st, log)
		},
	})
	obs.watchDelivery(box)
	var reloading sync.Mutex // the file watcher and SIGHUP may reload at once
	reload := func(cfg *config.Config, err error) {
		reloading.Lock()
		defer reloading.Unlock()
		next, cerr := validRuntime(*path, cfg, err, true)
		obs.metrics.Reloaded(cerr == nil)
		if cerr != nil {
			mistakes := refusedReload(log, *path, cerr)
			notifyAdmins(ctx, store, box, p.Runtime().Config, "Config reload refused; the running config stays. "+mistakeCount(len(mistakes))+":", mistakes, log)
			return
		}
		if keys := restartNeeded(p.Runtime().Config, next.Config); len(keys) > 0 {
			log.Warn("config reloaded, but these settings take effect only after a restart", "keys", strings.Join(keys, ", "))
		}
		p.SetRuntime(next)
		obs.metrics.RetainFeeds(feedNames(next.Config))
		log.Info("config reloaded", "path", *path, "feeds", len(next.Config.Feeds), "rules", len(next.Config.Rules))
		logVocabularyFindings(log, *path, next.Config)
	}
	logVocabularyFindings(log, *path, rt.Config)
	log.Info("wirewatch running", "feeds", len(rt.Config.Feeds), "channels", len(rt.Config.Channels), "rules", len(rt.Config.Rules), "digests", len(rt.Config.Digests))
	err = runAll(ctx,
		box.Run,
		p.Run,
		func(ctx context.Context) error { config.Watch(ctx, *path, 2*time.Second, reload); return nil },
		func(ctx context.Context) error { return reloadOnHUP(ctx, *path, reload) },
	)
	if ctx.Err() != nil && parent.Err() == nil {
		return lostLead(ctx, err)
	}
	return err
}

// lostLead is the error of a run whose leadership ended under it: polling
// and posting stopped when it did; the process exits non-zero so that a
// supervisor restarts it as a standby.
func lostLead(ctx context.Context, err error) error {
	msg := fmt.Sprintf("lost leadership: %v; stopped polling and posting, exiting so that a supervisor restarts this replica as a standby", context.Cause(ctx))
	if err != nil && !errors.Is(err, context.Canceled) {
		msg += fmt.Sprintf(" (while stopping: %v)", err)
	}
	return errors.New(msg)
}

// lead waits until this replica may run the bot, when several share a
// database: the returned context ends if leadership is lost (its cause says
// why), and the process then exits so that a supervisor restarts it as a
// standby. A store that cannot be shared (SQLite, elect nil) leads at once.
func lead(ctx context.Context, elect leadFunc, log *slog.Logger) (context.Context, func(), error) {
	if elect == nil {
		return ctx, func() {}, nil
	}
	log.Info("waiting to lead: another replica may be running; this one is a standby until it stops")
	lctx, release, err := elect(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("become leader: %w", err)
	}
	log.Info("leading: this replica polls, posts and answers commands", "role", "leader")
	return lctx, release, nil
}

// restartNeeded lists the settings that changed between two configs but
// are read only at start-up: the database, the log level, the Discord
// connection and the outbox's edit interval. Everything else is applied by
// the reload.
func restartNeeded(old, next *config.Config) []string {
	var keys []string
	if old.Bot.Database != next.Bot.Database {
		keys = append(keys, "bot.database")
	}
	if old.Bot.LogLevel != next.Bot.LogLevel {
		keys = append(keys, "bot.log_level")
	}
	if old.Discord.Enabled != next.Discord.Enabled || old.Discord.ApplicationID != next.Discord.ApplicationID ||
		!slices.Equal(old.Discord.GuildIDs, next.Discord.GuildIDs) || old.Discord.APIBase != next.Discord.APIBase {
		keys = append(keys, "discord")
	}
	if old.Stories.EditInterval != next.Stories.EditInterval {
		keys = append(keys, "stories.edit_interval")
	}
	if !slices.Equal(platformsInUse(old), platformsInUse(next)) {
		keys = append(keys, "channels.platform") // each platform's sink is opened at start-up
	}
	return keys
}

// editInterval is the outbox's EditInterval for a config: its
// stories.edit_interval, where 0 means edits wait for nothing.
func editInterval(cfg *config.Config) time.Duration {
	if cfg.Stories.EditInterval == 0 {
		return -1
	}
	return cfg.Stories.EditInterval
}

// reloadOnHUP reloads the config whenever the process receives SIGHUP.
func reloadOnHUP(ctx context.Context, path string, reload func(*config.Config, error)) error {
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP)
	defer signal.Stop(hup)
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-hup:
			reload(config.Load(path))
		}
	}
}

// runAll runs each function in its own goroutine until ctx ends or one
// fails; then it cancels the rest, waits for all of them and returns the
// first failure. Ending because ctx ended (context.Canceled) is no failure.
func runAll(ctx context.Context, fns ...func(context.Context) error) error {
	g, ctx := errgroup.WithContext(ctx)
	for _, fn := range fns {
		g.Go(func() error {
			if err := fn(ctx); !errors.Is(err, context.Canceled) {
				return err
			}
			return nil
		})
	}
	return g.Wait()
}

// refusedReload logs a refused reload: one ERROR line per mistake, each as
// check prints it (file:line:col: what is wrong), after one that says the
// running config stays. It returns the mistakes' lines.
func refusedReload(log *slog.Logger, path string, err error) []string {
	var lines []string
	var list config.Errors
	if errors.As(err, &list) {
		for _, e := range list {
			lines = append(lines, e.Error())
		}
	} else {
		lines = []string{err.Error()}
	}
	log.Error("config reload refused; the running config stays", "config", path, "mistakes", len(lines))
	for _, l := range lines {
		log.Error("config mistake", "err", l)
	}
	return lines
}

// logVocabularyFindings logs what check says of the config's vocabulary
// (stories.CheckVocabulary): one WARN line with the counts, then one per
// finding as check prints it. The config runs all the same: a vocabulary
// that ran before still runs, and grouping is the same either way.
func logVocabularyFindings(log *slog.Logger, path string, cfg *config.Config) {
	mistakes, warnings := stories.CheckVocabulary(cfg.Stories.Vocabulary)
	if len(mistakes)+len(warnings) == 0 {
		return
	}
	log.Warn("vocabulary entries that never apply or apply otherwise than written; the config runs as it is", "config", path, "mistakes", len(mistakes), "warnings", len(warnings))
	for _, e := range mistakes {
		log.Warn("vocabulary mistake", "finding", e.Error())
	}
	for _, e := range warnings {
		log.Warn("vocabulary warning", "finding", e.Error())
	}
}

func mistakeCount(n int) string {
	if n == 1 {
		return "1 mistake"
	}
	return fmt.Sprintf("%d mistakes", n)
}

// noticeBudget is the most text one notice takes, in runes: a Discord
// message holds 2000, and the notice's Markdown escaping adds some.
const noticeBudget = 1500

// notifyAdmins posts an operational notice to the admin channel, if any
// (NoticePost redacts its text): head, then lines, one to a line. Lines
// that do not fit one message go on in further notices, so that none is
// lost to the message's length limit.
func notifyAdmins(ctx context.Context, store storage.Store, box *outbox.Outbox, cfg *config.Config, head string, lines []string, log *slog.Logger) {
	ch := cfg.Channel(cfg.Discord.AdminChannel)
	if cfg.Discord.AdminChannel == "" || ch == nil {
		return
	}
	now := time.Now()
	var posts []model.Post
	for _, text := range noticeTexts(head, lines, noticeBudget) {
		posts = append(posts, pipeline.NoticePost(*ch, text, now))
	}
	if err := store.AddPosts(ctx, posts); err != nil {
		log.Error("notify admins", "channel", ch.Name, "err", err)
		return
	}
	box.Notify()
}

// tellChannelState tells the admin channel that a channel refuses the bot
// or works again (the outbox calls it once each way). A broken admin
// channel is told nothing: the log and /readyz say it.
func tellChannelState(ctx context.Context, store storage.Store, box *outbox.Outbox, cfg *config.Config, st model.ChannelState, log *slog.Logger) {
	if st.Channel == cfg.Discord.AdminChannel {
		return
	}
	text := fmt.Sprintf("Channel %q works again after %s; its kept posts are being delivered.", st.Channel, time.Since(st.Since).Round(time.Second))
	if st.Broken {
		text = fmt.Sprintf("Channel %q refuses the bot: %d, code %d (%s). Its posts are kept and tried again, at least every %s; "+
			"give the bot View Channel, Send Messages and Embed Links there, or fix the channel's id in the config.", st.Channel, st.Status, st.Code, st.Reason, outbox.DefaultBrokenBackoffMax)
	}
	notifyAdmins(ctx, store, box, cfg, text, nil, log)
}

// noticeTexts splits head and lines into texts of at most budget runes,
// cutting only between lines (a line longer than budget is a text of its
// own; the message's renderer shortens it). Texts after the first say they
// go on.
func noticeTexts(head string, lines []string, budget int) []string {
	var texts []string
	cur := head
	for _, l := range lines {
		if utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(l) > budget && cur != "" {
			texts = append(texts, cur)
			cur = "(continued)"
		}
		cur += "\n" + l
	}
	return append(texts, cur)
}

// newLogger logs text lines to w at level, every field redacted.
func newLogger(level string, w io.Writer) *slog.Logger {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		l = slog.LevelInfo
	}
	return slog.New(redact.Handler(slog.NewTextHandler(w, &slog.HandlerOptions{Level: l})))
}

func feedNames(cfg *config.Config) []string {
	names := make([]string, len(cfg.Feeds))
	for i, f := range cfg.Feeds {
		names[i] = f.Name
	}
	return names
}
