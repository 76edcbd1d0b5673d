package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"wirewatch/bot"
	"wirewatch/config"
	"wirewatch/pipeline"
	"wirewatch/stories"
)

func init() {
	registerCommand("check", command{
		summary: "validate a config file, or a desk's vocabulary file alone; prints file:line:col for each mistake and warning (on standard error)",
		examples: []string{"check", "check --config /etc/wirewatch/wirewatch.toml",
			"check --vocabulary stories/testdata/latam.toml"},
		run: runCheck,
	})
}

// runCheck prints the mistakes and warnings on standard error (they are
// diagnostics) and "FILE: ok" on standard output when there are no
// mistakes. It checks what run checks: a config check passes is one run
// starts with. It also reads the vocabulary as the grouper will
// (stories.CheckVocabulary): an entry that can never apply is a mistake
// (exit status 1), one that applies otherwise than written a warning.
// Run does not refuse a config for them: grouping with them is what it
// always was. With --vocabulary the file is a desk's vocabulary
// ([stories.vocabulary], and [[topics]] as the desks write them),
// checked whole as a config but needing no feeds or channels.
func runCheck(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("check", out)
	path := fs.String("config", "wirewatch.toml", "config file to check")
	vocabulary := fs.String("vocabulary", "", "a desk's vocabulary file to check alone ([stories.vocabulary], optionally [[topics]]; no feeds or channels needed)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("%w: unexpected argument %q (name the file with --config or --vocabulary)", errUsage, fs.Arg(0))
	}
	file, toRun := *path, true
	if *vocabulary != "" {
		if flagGiven(fs, "config") {
			return fmt.Errorf("%w: --config or --vocabulary, not both", errUsage)
		}
		file, toRun = *vocabulary, false
	}
	mistakes, warnings, err := checkFile(file, toRun)
	if err != nil {
		fmt.Fprintln(logOutput(ctx), err)
		return errFound
	}
	for _, e := range append(mistakes, warnings...).Sorted() {
		fmt.Fprintln(logOutput(ctx), e)
	}
	if len(mistakes) > 0 {
		return errFound
	}
	fmt.Fprintf(out, "%s: ok\n", file)
	return nil
}

// checkFile checks a config (toRun: one the bot can run) or a desk's
// vocabulary file: its mistakes, and the vocabulary's warnings. err is a
// file that could not be read or parsed at all.
func checkFile(path string, toRun bool) (mistakes, warnings config.Errors, err error) {
	cfg, err := config.Load(path)
	if _, err := validRuntime(path, cfg, err, toRun); err != nil && !errors.As(err, &mistakes) {
		return nil, nil, err
	}
	if cfg == nil {
		return mistakes, nil, nil // not TOML: nothing more to read
	}
	voc := cfg.Stories.Vocabulary
	if !toRun && !voc.Set {
		mistakes = append(mistakes, config.Error{Pos: config.Pos{File: path, Line: 1, Col: 1},
			Msg: "no [stories.vocabulary]: a desk's vocabulary file holds [stories.vocabulary] (and its [[topics]]); check a whole config with --config"})
	}
	vocMistakes, warnings := stories.CheckVocabulary(voc)
	return append(mistakes, vocMistakes...), warnings, nil
}

// flagGiven tells whether the command line set the flag name.
func flagGiven(fs *flag.FlagSet, name string) bool {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == name })
	return given
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
		return nil, list.Sorted()
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
