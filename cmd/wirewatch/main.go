// Command wirewatch is the one binary of wirewatch: the bot (run), the demo,
// config checking, and the lookups admins and scripts use from a shell.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"wirewatch/config"
	"wirewatch/redact"
)

// command is one subcommand: it parses its own flags from args, with a
// flag set from newFlags, before it does anything else (help and shell
// completion learn its flags by running it with -h). Only summary and run
// are required; args and examples make its help (help CMD, CMD -h) and
// verbs its shell completion.
type command struct {
	summary string // one line, for the list of commands
	// args are the positional arguments as a usage line shows them, e.g.
	// "TOPIC" or "[list] | test NAME" ("" for none).
	args string
	// verbs are the words the first positional argument can be (feeds
	// list|import|export), offered by shell completion.
	verbs []string
	// examples are command lines without the leading "wirewatch ".
	examples []string
	run      func(ctx context.Context, args []string, out io.Writer) error
	// graceful commands watch ctx and wind down when it is cancelled by
	// SIGINT or SIGTERM; the others keep the default and end at once.
	graceful bool
}

var commands = map[string]command{}

// registerCommand adds a subcommand; each command's file registers itself.
func registerCommand(name string, c command) {
	if c.summary == "" || c.run == nil {
		panic("wirewatch: command " + name + " needs a summary and a run function")
	}
	commands[name] = c
}

// register adds a subcommand with no positional arguments or examples.
func register(name, summary string, run func(ctx context.Context, args []string, out io.Writer) error) {
	registerCommand(name, command{summary: summary, run: run})
}

// registerGraceful adds a subcommand that shuts down cleanly on a signal.
func registerGraceful(name, summary string, run func(ctx context.Context, args []string, out io.Writer) error) {
	registerCommand(name, command{summary: summary, run: run, graceful: true})
}

// errUsage marks a mistake in the command line (exit status 2).
var errUsage = errors.New("usage")

// errFound marks a run that worked but found problems (exit status 1), such
// as a config with mistakes; what they are was already printed.
var errFound = errors.New("problems found")

func main() {
	ctx := context.Background()
	if len(os.Args) > 1 && commands[os.Args[1]].graceful {
		var stop context.CancelFunc
		ctx, stop = signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
		defer stop()
		go func() {
			<-ctx.Done()
			stop() // a second signal ends the process at once
		}()
	}
	os.Exit(runMain(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func runMain(ctx context.Context, args []string, out, errOut io.Writer) int {
	if len(args) == 0 || isHelp(args[0]) {
		usage(out)
		return 0
	}
	if args[0] == "--version" || args[0] == "-version" {
		args = []string{"version"}
	}
	if args[0] == "help" && len(args) == 1 {
		usage(out)
		return 0
	}
	if args[0] == "help" {
		if len(args) > 2 {
			fmt.Fprintf(errOut, "wirewatch help: one command at a time\n")
			return 2
		}
		if _, ok := commands[args[1]]; !ok {
			fmt.Fprintf(errOut, "wirewatch help: unknown command %q\n\n", args[1])
			usage(errOut)
			return 2
		}
		commandUsage(ctx, out, args[1])
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		if near := config.Suggest(args[0], commandNames()); near != "" {
			fmt.Fprintf(errOut, "wirewatch: unknown command %q; did you mean %s?\n\n", args[0], near)
		} else {
			fmt.Fprintf(errOut, "wirewatch: unknown command %q\n\n", args[0])
		}
		usage(errOut)
		return 2
	}
	err := cmd.run(context.WithValue(ctx, logOutputKey{}, errOut), args[1:], out)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		commandUsage(ctx, out, args[0])
		return 0
	case errors.Is(err, errUsage):
		msg := strings.TrimPrefix(err.Error(), errUsage.Error()+": ")
		fmt.Fprintf(errOut, "wirewatch %s: %s\nRun 'wirewatch help %s' for usage.\n", args[0], redact.Text(msg), args[0])
		return 2
	case errors.Is(err, errFound):
		return 1
	default:
		fmt.Fprintf(errOut, "wirewatch %s: %s\n", args[0], redact.Text(err.Error()))
		return 1
	}
}

func isHelp(arg string) bool {
	return arg == "-h" || arg == "--help" || arg == "-help"
}

type logOutputKey struct{}

// logOutput is where a command logs: the error output runMain was given
// (standard error when run from a shell).
func logOutput(ctx context.Context) io.Writer {
	if w, ok := ctx.Value(logOutputKey{}).(io.Writer); ok {
		return w
	}
	return os.Stderr
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "wirewatch %s: news alerts and summaries for Discord team channels\n\nUsage: wirewatch <command> [arguments] [flags]\n\nCommands:\n", buildVersion())
	width := 0
	for _, n := range commandNames() {
		width = max(width, len(n))
	}
	for _, n := range commandNames() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, n, commands[n].summary)
	}
	fmt.Fprintf(w, "\nRun 'wirewatch help <command>' (or 'wirewatch <command> -h') for its arguments, flags and examples.\n")
}

func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// commandUsage prints a command's help: its usage line with positional
// arguments, what it does, its flags and examples.
func commandUsage(ctx context.Context, w io.Writer, name string) {
	c := commands[name]
	fs := commandFlags(ctx, name)
	// "[list] | test NAME" is two ways to call it: one usage line each.
	fmt.Fprintf(w, "Usage:\n")
	for _, a := range strings.Split(c.args, " | ") {
		line := "wirewatch " + name
		if a != "" {
			line += " " + a
		}
		if fs != nil && hasFlags(fs) {
			line += " [flags]"
		}
		fmt.Fprintf(w, "  %s\n", line)
	}
	fmt.Fprintf(w, "\n%s\n", c.summary)
	if fs != nil && hasFlags(fs) {
		fmt.Fprintf(w, "\nFlags:\n")
		fs.VisitAll(func(f *flag.Flag) {
			arg, help := flag.UnquoteUsage(f)
			if _, ok := f.Value.(*rangeInt); ok && arg == "value" {
				arg = "int"
			}
			head := "  --" + f.Name
			if arg != "" {
				head += " " + arg
			}
			if def := f.DefValue; def != "" && def != "false" && def != "0" {
				help += fmt.Sprintf(" (default %s)", def)
			}
			fmt.Fprintf(w, "%s\n      %s\n", head, help)
		})
	}
	if len(c.examples) > 0 {
		fmt.Fprintf(w, "\nExamples:\n")
		for _, e := range c.examples {
			fmt.Fprintf(w, "  wirewatch %s\n", e)
		}
	}
}

func hasFlags(fs *flag.FlagSet) bool { return len(flagNames(fs)) > 0 }

// flagNames lists a flag set's flags, sorted.
func flagNames(fs *flag.FlagSet) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	return names
}

// flagProbe is the output a command is run with to learn its flags: the
// command's newFlags hands it the flag set, and "-h" stops the command
// right after parsing, before it does anything.
type flagProbe struct {
	io.Writer
	fs *flag.FlagSet
}

// commandFlags returns the flag set a command parses (nil if it has none).
func commandFlags(ctx context.Context, name string) *flag.FlagSet {
	p := &flagProbe{Writer: io.Discard}
	_ = commands[name].run(context.WithValue(ctx, logOutputKey{}, io.Discard), []string{"-h"}, p)
	return p.fs
}

// newFlags returns a flag set whose errors go to the caller, not os.Exit.
// It prints nothing itself: runMain prints the error or the command's help.
func newFlags(name string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("wirewatch "+name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	if p, ok := out.(*flagProbe); ok && p.fs == nil {
		p.fs = fs
	}
	return fs
}

// parseFlags parses args and wraps mistakes as usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return fmt.Errorf("%w: %v", errUsage, err)
	}
	return nil
}

// parseInterleaved parses flags that may come before, between or after
// positional arguments, and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := parseFlags(fs, args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func init() {
	registerCommand("version", command{
		summary: "print the version (also wirewatch --version)",
		run: func(_ context.Context, args []string, out io.Writer) error {
			fs := newFlags("version", out)
			if err := parseFlags(fs, args); err != nil {
				return err
			}
			_, err := fmt.Fprintln(out, "wirewatch", buildVersion())
			return err
		},
	})
}

// rangeInt is an int flag that refuses values outside [min, max] when it
// is parsed, so that --count 0 or --count -1 is a usage error (exit status
// 2) with the allowed range, not silently replaced by a default.
type rangeInt struct {
	v        *int
	min, max int
}

// intFlag defines an int flag whose value must lie in [min, max].
func intFlag(fs *flag.FlagSet, name string, def, min, max int, usage string) *int {
	v := def
	fs.Var(&rangeInt{v: &v, min: min, max: max}, name, usage)
	return &v
}

func (r *rangeInt) String() string {
	if r == nil || r.v == nil {
		return "0"
	}
	return strconv.Itoa(*r.v)
}

func (r *rangeInt) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("not a whole number (%d to %d)", r.min, r.max)
	}
	if n < r.min || n > r.max {
		return fmt.Errorf("must be between %d and %d", r.min, r.max)
	}
	*r.v = n
	return nil
}
