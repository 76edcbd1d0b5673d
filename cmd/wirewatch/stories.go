package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"wirewatch/config"
	"wirewatch/pipeline"
)

func init() {
	registerCommand("stories", command{
		summary:  "group archived items into stories as the bot would (JSON lines in, JSON lines out)",
		args:     "replay [FILE|-]",
		verbs:    []string{"replay"},
		examples: []string{"stories replay archive.jsonl", "stories replay --zone Asia/Seoul < archive.jsonl"},
		run:      runStories,
	})
}

func runStories(ctx context.Context, args []string, out io.Writer) error {
	if len(args) > 0 && isHelp(args[0]) {
		return runReplay(ctx, args, out)
	}
	if len(args) == 0 || args[0] != "replay" {
		return fmt.Errorf("%w: stories replay [-config FILE] [--zone Z] [FILE|-]", errUsage)
	}
	return runReplay(ctx, args[1:], out)
}

// runReplay reads {"id","feed","timezone","published","title","text"} lines
// and writes {"id","story","date"} lines: a desk checks its vocabulary on
// its own archive with it.
func runReplay(_ context.Context, args []string, out io.Writer) error {
	fs := newFlags("stories replay", out)
	path := fs.String("config", "", "config whose stories settings, topics and vocabulary to use (default wirewatch.toml when it exists, else the defaults)")
	zoneName := fs.String("zone", "", "zone of the output dates (default the config's [bot] timezone)")
	pos, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 1 {
		return fmt.Errorf("%w: one input at a time (FILE or -)", errUsage)
	}
	rt, err := replayRuntime(*path)
	if err != nil {
		return err
	}
	var zone *time.Location
	if *zoneName != "" {
		if zone, err = time.LoadLocation(*zoneName); err != nil {
			return fmt.Errorf("%w: --zone: %v", errUsage, err)
		}
	}
	src := ""
	if len(pos) == 1 {
		src = pos[0]
	}
	in, closeIn, err := openInput(src)
	if err != nil {
		return err
	}
	defer closeIn()
	return pipeline.Replay(rt, in, out, zone)
}

// replayRuntime loads the config at path; with no path, wirewatch.toml when
// it exists, else a config of defaults with no feeds or rules.
func replayRuntime(path string) (*pipeline.Runtime, error) {
	if path == "" {
		if _, err := os.Stat("wirewatch.toml"); err == nil {
			path = "wirewatch.toml"
		}
	}
	if path == "" {
		cfg, err := config.Parse("(defaults)", nil)
		if err != nil {
			return nil, err
		}
		return pipeline.NewRuntime(cfg)
	}
	rt, err := loadRuntime(path)
	var list config.Errors
	if errors.As(err, &list) {
		return nil, fmt.Errorf("%s has mistakes (run wirewatch check):\n%w", path, err)
	}
	return rt, err
}
