package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"

	"wirewatch/bot"
	"wirewatch/config"
	"wirewatch/pipeline"
)

func init() {
	registerCommand("check", command{
		summary:  "validate a config file; prints file:line:col for each mistake (on standard error)",
		examples: []string{"check", "check --config /etc/wirewatch/wirewatch.toml"},
		run:      runCheck,
	})
}

// runCheck prints the mistakes on standard error (they are diagnostics) and
// "FILE: ok" on standard output. It checks what run checks: a config check
// passes is one run starts with.
func runCheck(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("check", out)
	path := fs.String("config", "wirewatch.toml", "config file to check")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if _, err := loadRunnable(*path); err != nil {
		fmt.Fprintln(logOutput(ctx), err)
		return errFound
	}
	fmt.Fprintf(out, "%s: ok\n", *path)
	return nil
}

// loadRuntime reads, validates and compiles a config for the lookups,
// which read it for its rules, topics and database. Its error lists every
// mistake (config, rule syntax and channel ids alike) as file:line:col
// lines.
func loadRuntime(path string) (*pipeline.Runtime, error) {
	cfg, err := config.Load(path)
	return validRuntime(path, cfg, err, false)
}

// loadRunnable is loadRuntime for check and run: the config must also be
// one the bot can run (see runnable).
func loadRunnable(path string) (*pipeline.Runtime, error) {
	cfg, err := config.Load(path)
	return validRuntime(path, cfg, err, true)
}

// validRuntime checks and compiles a config loaded from path (at start-up
// or on a reload): config.Load's mistakes, the rules' and each channel's id
// as its platform sees it, and with toRun what keeps the bot from running
// it (runnable), all reported at once, sorted by position.
func validRuntime(path string, cfg *config.Config, err error, toRun bool) (*pipeline.Runtime, error) {
	if cfg == nil {
		return nil, err // unreadable, or not TOML at all
	}
	var list config.Errors
	if err != nil && !errors.As(err, &list) {
		return nil, err
	}
	// Rules are compiled even when the rest has mistakes, so one run of
	// check reports every mistake in the file.
	rt, rerr := pipeline.NewRuntime(cfg)
	var rlist config.Errors
	if errors.As(rerr, &rlist) {
		list = append(list, rlist...)
	} else if rerr != nil {
		return nil, fmt.Errorf("%s: %w", path, rerr)
	}
	list = append(list, checkChannels(cfg)...)
	if toRun {
		list = append(list, runnable(path, cfg)...)
	}
	if len(list) > 0 {
		sort.SliceStable(list, func(i, j int) bool {
			a, b := list[i].Pos, list[j].Pos
			return a.Line < b.Line || (a.Line == b.Line && a.Col < b.Col)
		})
		return nil, list
	}
	return rt, nil
}

// runnable reports what keeps a valid config from being run: nothing to
// poll or nowhere to post (an empty file, say), and ids left as the
// example's placeholders, each at its file:line:col. Lookups read such a
// config; check and run refuse it.
func runnable(path string, cfg *config.Config) config.Errors {
	var errs config.Errors
	top := config.Pos{File: path, Line: 1, Col: 1}
	switch {
	case len(cfg.Feeds) == 0 && len(cfg.Channels) == 0 && len(cfg.Rules) == 0 && len(cfg.Topics) == 0 && len(cfg.Digests) == 0:
		errs = append(errs, config.Error{Pos: top, Msg: "the config has no feeds, channels or rules: start from config.example.toml (wirewatch check lists what to fill in)"})
	default:
		if len(cfg.Feeds) == 0 {
			errs = append(errs, config.Error{Pos: top, Msg: "no [[feeds]]: the bot has nothing to poll; add a [[feeds]] table with a name and a url"})
		}
		if len(cfg.Channels) == 0 {
			errs = append(errs, config.Error{Pos: top, Msg: "no [[channels]]: alerts and digests have nowhere to go; add a [[channels]] table with a name and an id"})
		}
	}
	for _, c := range cfg.Channels {
		if p, ok := platforms[c.Platform]; ok && p.placeholder != nil && p.placeholder(c.ID) {
			errs = append(errs, config.Error{Pos: c.IDPos, Msg: fmt.Sprintf("channels.id: %q is a placeholder: replace it with the id of channel %q (Discord: Developer Mode on, right-click the channel, Copy Channel ID)", c.ID, c.Name)})
		}
	}
	for _, ref := range cfg.DiscordIDs {
		if bot.PlaceholderID(ref.ID) {
			errs = append(errs, config.Error{Pos: ref.Pos, Msg: fmt.Sprintf("%s: %q is a placeholder: replace it with %s", ref.Key, ref.ID, placeholderHint[ref.Key])})
		}
	}
	return errs
}

// placeholderHint says where the real id of each kind is found.
var placeholderHint = map[string]string{
	"discord.application_id": "your application's id (Developer Portal, General Information)",
	"discord.guild_ids":      "your server's id (Developer Mode on, right-click the server, Copy Server ID)",
	"rules.mentions":         "the id of the role to ping (Server Settings, Roles, right-click the role, Copy Role ID)",
}
