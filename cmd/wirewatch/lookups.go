package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

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
		count:  intFlag(fs, "count", defCount, 1, lookup.MaxLimit, "how many results, at most "+strconv.Itoa(lookup.MaxLimit)),
	}
	if withDays {
		lf.days = intFlag(fs, "days", 30, 1, lookup.MaxDays, "how many days back, today included")
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

// printItems prints a lookup's items as text or JSON, or its error; none
// is said in words on standard error (noResults).
func (lf *lookupFlags) printItems(ctx context.Context, out io.Writer, cfg *config.Config, items []model.Item, err error, none string) error {
	if err != nil {
		return usageIfInput(err)
	}
	if *lf.asJSON {
		return writeJSON(out, newDeskTimes(cfg).items(items))
	}
	if len(items) == 0 {
		noResults(ctx, none)
		return nil
	}
	lookup.WriteItems(out, cfg, items)
	return nil
}

// noResults says that a lookup found nothing. It goes to standard error
// with exit status 0: standard output holds results only, so a script
// reading it sees none (or [] with --json, which says it without words).
func noResults(ctx context.Context, msg string) {
	fmt.Fprintln(logOutput(ctx), msg)
}

// inDays is "in the last N days" for a lookup's no-results message.
func inDays(days int) string {
	if days == 1 {
		return "today"
	}
	return fmt.Sprintf("in the last %d days", days)
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
		return writeJSON(out, newDeskTimes(cfg).timeline(entries))
	}
	if len(entries) == 0 {
		noResults(ctx, fmt.Sprintf("no stories of %s %s", pos[0], inDays(*lf.days)))
		return nil
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
	query := strings.Join(pos, " ")
	items, err := lookup.Search(ctx, st, cfg, query, *lf.topic, r, *lf.count, 0)
	none := fmt.Sprintf("no items match %q %s", query, inDays(*lf.days))
	if *lf.topic != "" {
		none = fmt.Sprintf("no items of %s match %q %s", *lf.topic, query, inDays(*lf.days))
	}
	return lf.printItems(ctx, out, cfg, items, err, none)
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
	none := "no items stored yet"
	if *lf.topic != "" {
		none = "no items of " + *lf.topic + " stored yet"
	}
	return lf.printItems(ctx, out, cfg, items, err, none)
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
			return writeJSON(out, rulesJSON(rt.Config.Rules))
		}
		if len(rt.Config.Rules) == 0 {
			noResults(ctx, "no rules in "+*lf.config)
			return nil
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
		return writeJSON(out, newDeskTimes(rt.Config).ruleHits(hits))
	}
	if len(hits) == 0 {
		noResults(ctx, fmt.Sprintf("rule %s matches none of the items stored %s", pos[1], inDays(*lf.days)))
		return nil
	}
	fmt.Fprintf(out, "rule %s would have matched %s %s:\n", pos[1], plural(len(hits), "stored item"), inDays(*lf.days))
	color := colorOutput(out)
	for _, h := range hits {
		lookup.WriteItems(out, rt.Config, []model.Item{h.Item})
		fmt.Fprintf(out, "  matched: %s\n", highlight(strings.Join(h.Terms, ", "), color))
	}
	return nil
}

// highlight makes matched terms stand out (bold yellow) when color is on.
func highlight(s string, color bool) string {
	if color {
		return "\x1b[1;33m" + s + "\x1b[0m"
	}
	return s
}

// colorOutput reports whether out takes colour: a terminal, with NO_COLOR
// unset or empty (no-color.org) and TERM not "dumb". A file, a pipe or a
// test's buffer gets plain text.
func colorOutput(out io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := out.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// plural is "1 item" or "3 items".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
