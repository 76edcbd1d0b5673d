package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

	"wirewatch/config"
	"wirewatch/lookup"
	"wirewatch/model"
	"wirewatch/storage"
)

func init() {
	for _, lc := range lookup.Commands {
		if !ownCommand[lc.Name] {
			registerCommand(lc.Name, lookupCommand(lc))
		}
	}
	registerCommand("rules", command{
		summary:  "list the rules, or test one on stored items",
		args:     "[list] | test NAME",
		verbs:    []string{"list", "test"},
		examples: []string{"rules", "rules test trilateral-drills --days 7", "rules list --json"},
		run:      runRules,
	})
}

// ownCommand are the lookups whose command does more than the lookup and
// registers itself: feeds (import, export; feeds list is the lookup).
var ownCommand = map[string]bool{"feeds": true}

// lookupCommand is the subcommand of a lookup: its positional parameters
// are its arguments, the others flags, next to --config and --json.
func lookupCommand(lc lookup.Command) command {
	var args []string
	for _, p := range lc.Params {
		switch {
		case !p.Positional || !p.In(lookup.CommandLine):
		case p.Type == lookup.Text:
			args = append(args, "WORDS...")
		default:
			args = append(args, strings.ToUpper(p.Name))
		}
	}
	return command{
		summary: lc.Summary, args: strings.Join(args, " "), examples: lc.Examples,
		run: func(ctx context.Context, args []string, out io.Writer) error { return runLookup(ctx, lc, args, out) },
	}
}

func runLookup(ctx context.Context, lc lookup.Command, args []string, out io.Writer) error {
	lf := newLookupFlags(lc.Name, out, lc.Params)
	pos, err := lf.parse(args)
	if err != nil {
		return err
	}
	a, err := lf.args(lc, pos)
	if err != nil {
		return err
	}
	cfg, st, err := lf.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	res, err := lc.Run(ctx, lookup.Env{Store: st, Config: cfg, Now: time.Now()}, a)
	if err != nil {
		return usageIfInput(err)
	}
	none := ""
	if lc.None != nil {
		none = lc.None(a)
	}
	return printResult(ctx, out, cfg, *lf.asJSON, res, none)
}

// printResult prints a lookup's result as text or JSON, by its type; an
// empty one is said in words (none) on standard error (noResults).
func printResult(ctx context.Context, out io.Writer, cfg *config.Config, asJSON bool, res any, none string) error {
	d := newDeskTimes(cfg)
	switch r := res.(type) {
	case lookup.TimelinePage:
		return printList(ctx, out, asJSON, d.timeline(r.Entries), len(r.Entries), none, func() { lookup.WriteTimeline(out, cfg, r.Entries) })
	case lookup.ItemPage:
		return printList(ctx, out, asJSON, d.items(r.Items), len(r.Items), none, func() { lookup.WriteItems(out, cfg, r.Items) })
	case lookup.FeedReport:
		return printList(ctx, out, asJSON, d.feeds(r.Feeds), len(r.Feeds), none, func() {
			lookup.WriteFeeds(out, cfg, r.Feeds, time.Now())
			lookup.WriteBrokenChannels(out, cfg, r.Channels)
		})
	}
	return fmt.Errorf("wirewatch cannot print a %T", res)
}

// printList prints v as JSON, or none when n is 0, or the text.
func printList(ctx context.Context, out io.Writer, asJSON bool, v any, n int, none string, text func()) error {
	switch {
	case asJSON:
		return writeJSON(out, v)
	case n == 0:
		noResults(ctx, none)
	default:
		text()
	}
	return nil
}

// lookupFlags are the flags of a lookup: --config, --json and its
// parameters that are not positional.
type lookupFlags struct {
	fs      *flag.FlagSet
	config  *string
	asJSON  *bool
	texts   map[string]*string
	numbers map[string]*int
}

func newLookupFlags(name string, out io.Writer, params []lookup.Param) *lookupFlags {
	fs := newFlags(name, out)
	lf := &lookupFlags{
		fs:      fs,
		config:  fs.String("config", "wirewatch.toml", "config file (names the database)"),
		asJSON:  fs.Bool("json", false, "print JSON"),
		texts:   map[string]*string{},
		numbers: map[string]*int{},
	}
	for _, p := range params {
		switch {
		case p.Positional || !p.In(lookup.CommandLine):
		case p.Type == lookup.Number:
			lf.numbers[p.Name] = intFlag(fs, p.Name, p.Default, p.Min, p.Max, p.Help)
		default:
			lf.texts[p.Name] = fs.String(p.Name, "", p.Help)
		}
	}
	return lf
}

// parse reads flags that may come before or after positional arguments
// (wirewatch timeline north-korea --days 7) and returns the positional ones.
func (lf *lookupFlags) parse(args []string) ([]string, error) {
	return parseInterleaved(lf.fs, args)
}

// args are the flags' values and the positional arguments: a Text
// parameter takes them all, another one exactly one.
func (lf *lookupFlags) args(lc lookup.Command, pos []string) (lookup.Args, error) {
	a := lookup.Args{Texts: map[string]string{}, Numbers: map[string]int{}}
	for name, v := range lf.texts {
		a.Texts[name] = *v
	}
	for name, v := range lf.numbers {
		a.Numbers[name] = *v
	}
	for _, p := range lc.Params {
		switch {
		case !p.Positional || !p.In(lookup.CommandLine):
		case p.Type == lookup.Text:
			a.Texts[p.Name] = strings.Join(pos, " ")
		case len(pos) != 1:
			return a, fmt.Errorf("%w: want one %s, e.g. wirewatch %s", errUsage, p.Name, lc.Examples[0])
		default:
			a.Texts[p.Name] = pos[0]
		}
	}
	return a, nil
}

// open loads the config and opens its store.
func (lf *lookupFlags) open(ctx context.Context) (*config.Config, storage.Store, error) {
	cfg, err := config.Load(*lf.config)
	if err != nil {
		return nil, nil, err
	}
	st, err := openStore(ctx, cfg.Bot.Database)
	if err != nil {
		return nil, nil, err
	}
	return cfg, st, nil
}

// noResults says that a lookup found nothing. It goes to standard error
// with exit status 0: standard output holds results only, so a script
// reading it sees none (or [] with --json, which says it without words).
func noResults(ctx context.Context, msg string) {
	fmt.Fprintln(logOutput(ctx), msg)
}

// usageIfInput turns a lookup's complaint about its input into a usage error.
func usageIfInput(err error) error {
	if err != nil && lookup.IsInput(err) {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return err
}

func runRules(ctx context.Context, args []string, out io.Writer) error {
	lf := newLookupFlags("rules", out, []lookup.Param{lookup.CountParam(20), lookup.DaysParam(30, 30)})
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
	days := *lf.numbers["days"]
	r, err := lookup.DaysRange(days, time.Now(), rt.Config.Location())
	if err != nil {
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	_, st, err := lf.open(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	hits, err := lookup.RuleTest(ctx, st, rt.Config, rt.Rules, pos[1], r, *lf.numbers["count"])
	if err != nil {
		return usageIfInput(err)
	}
	if *lf.asJSON {
		return writeJSON(out, newDeskTimes(rt.Config).ruleHits(hits))
	}
	if len(hits) == 0 {
		noResults(ctx, fmt.Sprintf("rule %s matches none of the items stored %s", pos[1], lookup.InDays(days)))
		return nil
	}
	fmt.Fprintf(out, "rule %s would have matched %s %s:\n", pos[1], plural(len(hits), "stored item"), lookup.InDays(days))
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
