package main

import (
	"context"
	"io"

	"wirewatch/demo"
)

func init() {
	registerCommand("demo", command{
		summary:  "the whole pipeline on sample news, offline: feeds on 127.0.0.1, SQLite, an in-process Discord",
		examples: []string{"demo", "demo --dir /tmp/ww-demo"},
		run:      runDemo,
		graceful: true,
	})
}

func runDemo(ctx context.Context, args []string, out io.Writer) error {
	fs := newFlags("demo", out)
	dir := fs.String("dir", "", "keep the demo's database and config in this folder, created if missing; a previous demo's database there is replaced (default: a temporary folder, removed after)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	_, err := demo.Run(ctx, out, demo.Options{Dir: *dir})
	return err
}
