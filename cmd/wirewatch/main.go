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
	"syscall"

	"wirewatch/redact"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// command is one subcommand: it parses its own flags from args.
type command struct {
	summary string
	run     func(ctx context.Context, args []string, out io.Writer) error
	// graceful commands watch ctx and wind down when it is cancelled by
	// SIGINT or SIGTERM; the others keep the default and end at once.
	graceful bool
}

var commands = map[string]command{}

// register adds a subcommand; each command's file registers itself.
func register(name, summary string, run func(ctx context.Context, args []string, out io.Writer) error) {
	commands[name] = command{summary: summary, run: run}
}

// registerGraceful adds a subcommand that shuts down cleanly on a signal.
func registerGraceful(name, summary string, run func(ctx context.Context, args []string, out io.Writer) error) {
	commands[name] = command{summary: summary, run: run, graceful: true}
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
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(out)
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(errOut, "wirewatch: unknown command %q\n\n", args[0])
		usage(errOut)
		return 2
	}
	err := cmd.run(context.WithValue(ctx, logOutputKey{}, errOut), args[1:], out)
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintf(errOut, "wirewatch %s: %s\n", args[0], redact.Text(err.Error()))
		return 2
	case errors.Is(err, errFound):
		return 1
	default:
		fmt.Fprintf(errOut, "wirewatch %s: %s\n", args[0], redact.Text(err.Error()))
		return 1
	}
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
	fmt.Fprintf(w, "wirewatch %s: news alerts and summaries for Discord team channels\n\nUsage: wirewatch <command> [flags]\n\nCommands:\n", version)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintf(w, "\nRun 'wirewatch <command> -h' for a command's flags.\n")
}

// newFlags returns a flag set whose errors go to the caller, not os.Exit.
func newFlags(name string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("wirewatch "+name, flag.ContinueOnError)
	fs.SetOutput(out)
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
	register("version", "print the version", func(_ context.Context, _ []string, out io.Writer) error {
		_, err := fmt.Fprintln(out, "wirewatch", version)
		return err
	})
}
