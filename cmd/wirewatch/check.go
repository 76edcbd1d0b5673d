package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"

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
// "FILE: ok" on standard output.
func runCheck(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("check", out)
	path := fs.String("config", "wirewatch.toml", "config file to check")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if _, err := loadRuntime(*path); err != nil {
		fmt.Fprintln(logOutput(ctx), err)
		return errFound
	}
	fmt.Fprintf(out, "%s: ok\n", *path)
	return nil
}

// loadRuntime reads, validates and compiles a config. Its error lists every
// mistake (config, rule syntax and channel ids alike) as file:line:col
// lines.
func loadRuntime(path string) (*pipeline.Runtime, error) {
	cfg, err := config.Load(path)
	return validRuntime(path, cfg, err)
}

// validRuntime checks and compiles a config loaded from path (at start-up
// or on a reload): config.Load's mistakes, the rules' and each channel's id
// as its platform sees it, all reported at once, sorted by position.
func validRuntime(path string, cfg *config.Config, err error) (*pipeline.Runtime, error) {
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
	if len(list) > 0 {
		sort.SliceStable(list, func(i, j int) bool {
			a, b := list[i].Pos, list[j].Pos
			return a.Line < b.Line || (a.Line == b.Line && a.Col < b.Col)
		})
		return nil, list
	}
	return rt, nil
}
