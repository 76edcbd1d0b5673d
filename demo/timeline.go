package demo

import (
	"context"
	"fmt"
	"io"
	"time"

	"wirewatch/config"
	"wirewatch/lookup"
	"wirewatch/storage"
)

// printTimeline prints a topic's last week as `wirewatch timeline` does.
func printTimeline(ctx context.Context, out io.Writer, store storage.Store, cfg *config.Config, topic string) error {
	r, err := lookup.DaysRange(7, time.Now(), cfg.Location())
	if err != nil {
		return err
	}
	entries, err := lookup.Timeline(ctx, store, cfg, topic, r, 20, 0)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\n$ wirewatch timeline %s --days 7\n", topic)
	if len(entries) == 0 {
		fmt.Fprintln(out, "(no stories)")
	}
	lookup.WriteTimeline(out, cfg, entries)
	return nil
}
