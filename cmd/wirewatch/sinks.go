package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"slices"

	"wirewatch/bot"
	"wirewatch/config"
	"wirewatch/outbox"
	"wirewatch/rules"
	"wirewatch/storage"
)

// platform is a chat platform that channels can be on ([[channels]]
// platform = "..."): how its channel ids look, and how its sink is opened.
type platform struct {
	// checkID says what is wrong with a channel id on the platform, or nil.
	checkID func(id string) error
	// placeholder tells a stand-in id (the example config's) from a real
	// one: check and run refuse it, while lookups still read the config.
	placeholder func(id string) bool
	// open connects the platform's sink; closeSink releases it.
	open func(ctx context.Context, w wiring) (sink outbox.Sink, closeSink func(), err error)
}

// platforms are the platforms wirewatch posts to. Adding a sink (Slack, a
// webhook) is a package that implements outbox.Sink, rendering
// model.Content its own way, plus a line here.
var platforms = map[string]platform{
	config.DefaultPlatform: {checkID: bot.CheckChannelID, placeholder: bot.PlaceholderID, open: openDiscord},
}

// wiring is what a platform's sink may take from the running bot.
type wiring struct {
	cfg     *config.Config
	store   storage.Store
	runtime func() (*config.Config, *rules.Engine)
	out     io.Writer
	log     *slog.Logger
	console bool      // run --console: print posts instead of sending them
	hooks   bot.Hooks // metrics of the Discord connection
}

// checkChannels reports, at their positions, the channels whose platform
// wirewatch cannot post to and the ids their platform refuses.
func checkChannels(cfg *config.Config) config.Errors {
	var errs config.Errors
	for _, c := range cfg.Channels {
		p, ok := platforms[c.Platform]
		if !ok {
			errs = append(errs, config.Error{Pos: c.PlatformPos, Msg: fmt.Sprintf("channels.platform: %q is not a platform wirewatch posts to (%s)", c.Platform, platformNames())})
			continue
		}
		if err := p.checkID(c.ID); err != nil && c.ID != "" {
			errs = append(errs, config.Error{Pos: c.IDPos, Msg: "channels.id: " + err.Error()})
		}
	}
	return errs
}

func platformNames() string {
	var names []string
	for name := range platforms {
		names = append(names, name)
	}
	slices.Sort(names)
	return fmt.Sprint(names)
}

// platformsInUse lists the platforms of cfg's channels, sorted, with the
// default one always (Discord also answers slash commands).
func platformsInUse(cfg *config.Config) []string {
	names := []string{config.DefaultPlatform}
	for _, c := range cfg.Channels {
		if !slices.Contains(names, c.Platform) {
			names = append(names, c.Platform)
		}
	}
	slices.Sort(names)
	return names
}

// openSinks opens the sink of each platform in use. closeSinks closes
// every one opened.
func openSinks(ctx context.Context, w wiring) (sinks outbox.Sinks, closeSinks func(), err error) {
	sinks = outbox.Sinks{}
	var closers []func()
	closeSinks = func() {
		for _, c := range slices.Backward(closers) {
			c()
		}
	}
	for _, name := range platformsInUse(w.cfg) {
		p, ok := platforms[name]
		if !ok {
			closeSinks()
			return nil, nil, fmt.Errorf("no sink for platform %q", name)
		}
		sink, closeSink, err := p.open(ctx, w)
		if err != nil {
			closeSinks()
			return nil, nil, fmt.Errorf("platform %s: %w", name, err)
		}
		sinks[name] = sink
		closers = append(closers, closeSink)
	}
	return sinks, closeSinks, nil
}

// channelPlatform names the platform of a channel in the config in force,
// for the outbox; "" for a channel no longer configured.
func channelPlatform(runtime func() (*config.Config, *rules.Engine)) func(channel string) string {
	return func(channel string) string {
		cfg, _ := runtime()
		if c := cfg.Channel(channel); c != nil {
			return c.Platform
		}
		return ""
	}
}

// openDiscord connects to Discord when the config has a [discord] table,
// else (or with run --console) prints posts to the console instead. runBot
// has refused a [discord] table without DISCORD_TOKEN already.
func openDiscord(ctx context.Context, w wiring) (outbox.Sink, func(), error) {
	if !w.cfg.Discord.Enabled || w.console {
		why := "no [discord] table"
		if w.console {
			why = "run --console"
		}
		w.log.Info("posting to the console, not to Discord", "why", why)
		return bot.NewConsole(w.out, channelNames(w.cfg)), func() {}, nil
	}
	token := os.Getenv("DISCORD_TOKEN")
	if token == "" {
		return nil, nil, errors.New("DISCORD_TOKEN is not set")
	}
	conn, err := bot.Connect(ctx, token, w.store, w.runtime, w.log, w.hooks)
	if err != nil {
		return nil, nil, fmt.Errorf("connect to Discord: %w", err)
	}
	return conn, func() { conn.Close() }, nil
}

func channelNames(cfg *config.Config) map[string]string {
	m := make(map[string]string, len(cfg.Channels))
	for _, c := range cfg.Channels {
		m[c.ID] = c.Name
	}
	return m
}
