package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"wirewatch/config"
	"wirewatch/lookup"
	"wirewatch/model"
	"wirewatch/storage"
)

func init() {
	registerCommand("timeline", command{
		summary:  "a topic's stories by event date, newest first",
		args:     "TOPIC",
		examples: []string{"timeline north-korea", "timeline north-korea --days 7 --json"},
		run:      runTimeline,
	})
	registerCommand("search", command{
		summary:  "full-text search over stored items, best match first",
		args:     "WORDS...",
		examples: []string{"search ballistic missile", `search '"joint drills"' --topic north-korea --days 7`, "search sanctions --json"},
		run:      runSearch,
	})
	registerCommand("latest", command{
		summary:  "the newest items with their summaries",
		examples: []string{"latest", "latest --topic north-korea --count 5 --json"},
		run:      runLatest,
	})
	registerCommand("rules", command{
		summary:  "list the rules, or test one on stored items",
		args:     "[list] | test NAME",
		verbs:    []string{"list", "test"},
		examples: []string{"rules", "rules test trilateral-drills --days 7", "rules list --json"},
		run:      runRules,
	})
}

// lookupFlags are the flags of the lookups; each lookup has only those
// that mean something to it.
type lookupFlags struct {
	fs     *flag.FlagSet
	config *string
	asJSON *bool
	count  *int
	days   *int    // nil where the lookup takes no range
	topic  *string // nil where the lookup takes no topic
}

func newLookupFlags(name string, out io.Writer, defCount int, withDays, withTopic bool) *lookupFlags {
	fs := newFlags(name, out)
	lf := &lookupFlags{
		fs:     fs,
		config: fs.String("config", "wirewatch.toml", "config file (names the database)"),
		asJSON: fs.Bool("json", false, "print JSON"),
		count:  fs.Int("count", defCount, "how many results"),
	}
	if withDays {
		lf.days = fs.Int("days", 30, "how many days back, today included")
	}
	if withTopic {
		lf.topic = fs.String("topic", "", "only this topic")
	}
	return lf
}

// parse reads flags that may come before or after positional arguments
// (wirewatch timeline north-korea --days 7) and returns the positional ones.
func (lf *lookupFlags) parse(args []string) ([]string, error) {
	return parseInterleaved(lf.fs, args)
}

// open loads the config, opens its store and works out the day range.
func (lf *lookupFlags) open(ctx context.Context) (*config.Config, storage.Store, lookup.Range, error) {
	cfg, err := config.Load(*lf.config)
	if err != nil {
		return nil, nil, lookup.Range{}, err
	}
	var r lookup.Range
	if lf.days != nil {
		if r, err = lookup.DaysRange(*lf.days, time.Now(), cfg.Location()); err != nil {
			return nil, nil, lookup.Range{}, fmt.Errorf("%w: %v", errUsage, err)
		}
	}
	st, err := openStore(ctx, cfg.Bot.Database)
	if err != nil {
		return nil, nil, lookup.Range{}, err
	}
	return cfg, st, r, nil
}

// printItems prints a lookup's items as text or JSON, or its error.
func (lf *lookupFlags) printItems(out io.Writer, cfg *config.Config, items []model.Item, err error) error {
	if err != nil {
		return usageIfInput(err)
	}
	if *lf.asJSON {
		return writeJSON(out, items)
	}
	lookup.WriteItems(out, cfg, items)
	return nil
}

// usageIfInput turns a lookup's complaint about its input into a usage error.
func usageIfInput(err error) error {
	if err != nil && lookup.IsInput(err) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return err
}

func runTimeline(ctx context.Context, args []string, out io.Writer) error {
	lf := newLookupFlags("timeline", out, 50, true, false)
	pos, err := lf.parse(args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return fmt.Errorf("%w: want one topic, e.g. wirewatch timeline north-korea --days 30", errUsage)
	}
	cfg, st, r, err := lf.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	entries, err := lookup.Timeline(ctx, st, cfg, pos[0], r, *lf.count, 0)
	if err != nil {
		return usageIfInput(err)
	}
	if *lf.asJSON {
		return writeJSON(out, entries)
	}
	lookup.WriteTimeline(out, cfg, entries)
	return nil
}

func runSearch(ctx context.Context, args []string, out io.Writer) error {
	lf := newLookupFlags("search", out, 20, true, true)
	pos, err := lf.parse(args)
	if err != nil {
		return err
	}
	cfg, st, r, err := lf.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	items, err := lookup.Search(ctx, st, cfg, strings.Join(pos, " "), *lf.topic, r, *lf.count, 0)
	return lf.printItems(out, cfg, items, err)
}

func runLatest(ctx context.Context, args []string, out io.Writer) error {
	lf := newLookupFlags("latest", out, 10, false, true)
	if _, err := lf.parse(args); err != nil {
		return err
	}
	cfg, st, _, err := lf.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	items, err := lookup.Latest(ctx, st, cfg, *lf.topic, *lf.count)
	return lf.printItems(out, cfg, items, err)
}

func runRules(ctx context.Context, args []string, out io.Writer) error {
	lf := newLookupFlags("rules", out, 20, true, false)
	pos, err := lf.parse(args)
	if err != nil {
		return err
	}
	if len(pos) == 0 || pos[0] == "list" {
		rt, err := loadRuntime(*lf.config)
		if err != nil {
			return err
		}
		if *lf.asJSON {
			return writeJSON(out, rt.Config.Rules)
		}
		for _, r := range rt.Config.Rules {
			fmt.Fprintf(out, "%s  [%s → %s]\n  %s\n", r.Name, r.Severity, strings.Join(r.Channels, ", "), r.Query)
		}
		return nil
	}
	if pos[0] != "test" || len(pos) != 2 {
		return fmt.Errorf("%w: rules [list] | rules test NAME [--days N]", errUsage)
	}
	rt, err := loadRuntime(*lf.config)
	if err != nil {
		return err
	}
	_, st, r, err := lf.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := lookup.RuleTest(ctx, st, rt.Config, rt.Rules, pos[1], r, *lf.count)
	if err != nil {
		return usageIfInput(err)
	}
	if *lf.asJSON {
		return writeJSON(out, hits)
	}
	fmt.Fprintf(out, "rule %s would have matched %d stored items in the last %d days:\n", pos[1], len(hits), *lf.days)
	for _, h := range hits {
		lookup.WriteItems(out, rt.Config, []model.Item{h.Item})
		fmt.Fprintf(out, "  matched: %s\n", highlight(strings.Join(h.Terms, ", ")))
	}
	return nil
}

// highlight makes matched terms stand out on a terminal, and leaves them
// plain when output goes to a file or a pipe.
func highlight(s string) string {
	if fi, err := os.Stdout.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
		return "\x1b[1;33m" + s + "\x1b[0m"
	}
	return s
}

func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
