package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"wirewatch/lookup"
)

func init() {
	registerCommand("why", command{
		summary: "an item's whole path: fetch, story, rules, quiet hours and caps, posts",
		args:    "LINK|KEY|GUID",
		examples: []string{"why https://news.example/2026/12/05/launch",
			"why guid:yonhap:AEN20261205000100315 --json"},
		run: runWhy,
	})
}

func runWhy(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("why", out)
	configPath := fs.String("config", "wirewatch.toml", "config file (names the database; its rules are explained)")
	asJSON := fs.Bool("json", false, "print JSON")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: want one item's link, key or GUID, e.g. wirewatch why https://news.example/2026/12/05/launch", errUsage)
	}
	rt, err := loadRuntime(*configPath)
	if err != nil {
		return err
	}
	st, err := openStore(ctx, rt.Config.Bot.Database)
	if err != nil {
		return err
	}
	defer st.Close()
	w, err := lookup.WhyItem(ctx, st, rt.Config, rt.Rules, pos[0], lookup.Guild(rt.Config))
	if err != nil {
		var none *lookup.NoItemError
		if errors.As(err, &none) {
			// Not found is an answer, not a usage mistake: said on
			// standard error, with exit status 1.
			noResults(ctx, err.Error())
			return errFound
		}
		return usageIfInput(err)
	}
	if *asJSON {
		return writeJSON(out, newDeskTimes(rt.Config).why(w))
	}
	lookup.WriteWhy(out, rt.Config, w)
	return nil
}
