package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"wirewatch/config"
	"wirewatch/feeds"
	"wirewatch/lookup"
)

func init() {
	registerCommand("feeds", command{
		summary:  "feed health (list), OPML import and export",
		args:     "[list] | import FILE.opml | export",
		verbs:    []string{"list", "import", "export"},
		examples: []string{"feeds", "feeds list --json", "feeds import subscriptions.opml >> wirewatch.toml", "feeds export > feeds.opml"},
		run:      runFeeds,
	})
}

func runFeeds(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("feeds", out)
	path := fs.String("config", "wirewatch.toml", "config file")
	asJSON := fs.Bool("json", false, "print JSON (list)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	verb := "list"
	if len(pos) > 0 {
		verb = pos[0]
	}
	switch verb {
	case "list":
		return listFeeds(ctx, *path, *asJSON, out)
	case "export":
		cfg, err := config.Load(*path)
		if err != nil {
			return err
		}
		return feeds.WriteOPML(out, cfg.Feeds)
	case "import":
		if len(pos) != 2 {
			return fmt.Errorf("%w: feeds import FILE.opml", errUsage)
		}
		return importOPML(pos[1], out)
	}
	return fmt.Errorf("%w: unknown feeds command %q (list, import, export)", errUsage, verb)
}

func listFeeds(ctx context.Context, path string, asJSON bool, out io.Writer) error {
	cfg, err := config.Load(path)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, cfg.Bot.Database)
	if err != nil {
		return err
	}
	defer st.Close()
	lc, _ := lookup.CommandNamed("feeds")
	res, err := lc.Run(ctx, lookup.Env{Store: st, Config: cfg, Now: time.Now()}, lookup.Args{})
	if err != nil {
		return err
	}
	return printResult(ctx, out, cfg, asJSON, res, "no feeds in "+path)
}

// importOPML prints [[feeds]] tables for the feeds of an OPML file, to be
// pasted into the config: the config stays the one source of truth.
func importOPML(file string, out io.Writer) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	list, err := feeds.ReadOPML(f)
	if err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	fmt.Fprintf(out, "# %d feeds from %s; paste into your config\n", len(list), file)
	for _, fd := range list {
		fmt.Fprintf(out, "\n[[feeds]]\nname = %q\nurl = %q\n", fd.Name, fd.URL)
	}
	return nil
}
