package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"wirewatch/lookup"
)

// runSplit runs wirewatch and returns standard output and standard error
// apart, for the tests of what goes where.
func runSplit(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = runMain(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), code
}

// TestHelpAndVersion: help, -h and --version answer on standard output with
// exit status 0; a command's help shows its positional arguments, flags and
// examples; mistakes go to standard error with exit status 2.
func TestHelpAndVersion(t *testing.T) {
	tests := []struct {
		args     []string
		code     int
		stdout   []string // each must appear on standard output
		stderr   string   // must appear on standard error ("" : nothing there)
		noStdout bool
	}{
		{[]string{"--version"}, 0, []string{"wirewatch " + buildVersion() + "\n"}, "", false},
		{[]string{"version"}, 0, []string{"wirewatch " + buildVersion() + "\n"}, "", false},
		{[]string{"help"}, 0, []string{"Commands:", "timeline", "wirewatch help <command>"}, "", false},
		{[]string{"--help"}, 0, []string{"Commands:"}, "", false},
		{[]string{"help", "timeline"}, 0, []string{"wirewatch timeline TOPIC [flags]", "--days int", "Examples:\n  wirewatch timeline north-korea"}, "", false},
		{[]string{"timeline", "-h"}, 0, []string{"wirewatch timeline TOPIC [flags]", "--days int"}, "", false},
		{[]string{"timeline", "north-korea", "--help"}, 0, []string{"wirewatch timeline TOPIC [flags]"}, "", false},
		{[]string{"help", "run"}, 0, []string{"wirewatch run [flags]", "--config string", "(default wirewatch.toml)"}, "", false},
		{[]string{"help", "rules"}, 0, []string{"wirewatch rules [list] [flags]\n  wirewatch rules test NAME [flags]"}, "", false},
		{[]string{"stories", "-h"}, 0, []string{"wirewatch stories replay [FILE|-] [flags]", "--zone string"}, "", false},
		{[]string{"check", "--config", "testdata/platforms.toml"}, 1, nil, "testdata/platforms.toml:11:6: channels.id", true},
		{[]string{"check", "--config", "testdata/startup/ok.toml"}, 0, []string{"testdata/startup/ok.toml: ok\n"}, "", false},
		{[]string{"check", "--config", "../../config.example.toml"}, 1, nil, `../../config.example.toml:30:18: discord.application_id: "000000000000000000" is a placeholder`, true},
		{[]string{"help", "nosuch"}, 2, nil, `unknown command "nosuch"`, true},
		{[]string{"help", "run", "demo"}, 2, nil, "one command at a time", true},
		{[]string{"nosuch"}, 2, nil, `unknown command "nosuch"`, true},
		{[]string{"timline", "north-korea"}, 2, nil, `unknown command "timline"; did you mean timeline?`, true},
		{[]string{"timeline", "--nosuch"}, 2, nil, "wirewatch timeline: flag provided but not defined: -nosuch\nRun 'wirewatch help timeline' for usage.\n", true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runSplit(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, stdout, stderr)
			}
			for _, w := range tt.stdout {
				if !strings.Contains(stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout)
				}
			}
			if tt.stderr == "" && stderr != "" || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q, want %q", stderr, tt.stderr)
			}
			if tt.noStdout && stdout != "" {
				t.Errorf("stdout should be empty, got:\n%s", stdout)
			}
		})
	}
}

// TestEveryCommandHasHelp: every registered command answers help CMD and
// CMD -h alike, with its usage line first, and lists every flag it parses.
func TestEveryCommandHasHelp(t *testing.T) {
	for _, name := range commandNames() {
		t.Run(name, func(t *testing.T) {
			help, stderr, code := runSplit(t, "help", name)
			if code != 0 || stderr != "" || !strings.HasPrefix(help, "Usage:\n  wirewatch "+name) {
				t.Fatalf("help %s: exit %d, stderr %q, stdout:\n%s", name, code, stderr, help)
			}
			dashH, _, code := runSplit(t, name, "-h")
			if code != 0 || dashH != help {
				t.Errorf("%s -h: exit %d, output differs from help %s:\n%s", name, code, name, dashH)
			}
			if fs := commandFlags(context.Background(), name); fs != nil {
				for _, f := range flagNames(fs) {
					if !strings.Contains(help, "--"+f) {
						t.Errorf("help %s lacks --%s:\n%s", name, f, help)
					}
				}
			}
		})
	}
}

// TestNumbersAndNoResults: a number out of range or not a number is a
// usage error (exit status 2, the allowed range on standard error, nothing
// on standard output); a lookup that finds nothing says so on standard
// error with exit status 0 and leaves standard output empty, or prints []
// with --json.
func TestNumbersAndNoResults(t *testing.T) {
	cfg := goldenDesk(t)
	tests := []struct {
		args   []string
		code   int
		stdout string // exact
		stderr string // contained ("" : none at all)
	}{
		{[]string{"latest", "--config", cfg, "--count", "0"}, 2, "", `invalid value "0" for flag -count: must be between 1 and 200`},
		{[]string{"latest", "--config", cfg, "--count", "-1"}, 2, "", `invalid value "-1" for flag -count: must be between 1 and 200`},
		{[]string{"latest", "--config", cfg, "--count", "201"}, 2, "", "must be between 1 and 200"},
		{[]string{"latest", "--config", cfg, "--count", "ten"}, 2, "", `invalid value "ten" for flag -count: not a whole number (1 to 200)`},
		{[]string{"search", "missile", "--config", cfg, "--count", "1.5"}, 2, "", "not a whole number"},
		{[]string{"timeline", "north-korea", "--config", cfg, "--days", "0"}, 2, "", "flag -days: must be between 1 and 3660"},
		{[]string{"timeline", "north-korea", "--config", cfg, "--days", "3661"}, 2, "", "must be between 1 and 3660"},
		{[]string{"rules", "test", "nk-launch", "--config", cfg, "--count", "0"}, 2, "", "must be between 1 and 200"},
		{[]string{"summarize", "-n", "0", "README.md"}, 2, "", `invalid value "0" for flag -n: must be between 1 and 50`},
		{[]string{"summarize", "-n", "51", "README.md"}, 2, "", "must be between 1 and 50"},
		{[]string{"eval", "--bbc", "-1"}, 2, "", "must be between 0 and"},
		{[]string{"latest", "--config", cfg, "--count", "1"}, 0, "", ""}, // stdout checked below
		{[]string{"search", "zeppelin", "--config", cfg}, 0, "", `no items match "zeppelin" in the last 30 days`},
		{[]string{"search", "zeppelin", "--config", cfg, "--topic", "north-korea", "--days", "1"}, 0, "", `no items of north-korea match "zeppelin" today`},
		{[]string{"search", "zeppelin", "--config", cfg, "--json"}, 0, "[]\n", ""},
		{[]string{"timeline", "north-korea", "--config", cfg, "--days", "2"}, 0, "", "no stories of north-korea in the last 2 days"},
		{[]string{"timeline", "north-korea", "--config", cfg, "--days", "2", "--json"}, 0, "[]\n", ""},
		{[]string{"rules", "test", "nk-launch", "--config", cfg, "--days", "2"}, 0, "", "rule nk-launch matches none of the items stored in the last 2 days"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			stdout, stderr, code := runSplit(t, tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if tt.args[0] == "latest" && tt.code == 0 {
				if !strings.Contains(stdout, "Pyongyang launches missile") {
					t.Errorf("latest printed:\n%s", stdout)
				}
			} else if stdout != tt.stdout {
				t.Errorf("stdout %q, want %q", stdout, tt.stdout)
			}
			if tt.stderr == "" && stderr != "" || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q, want %q", stderr, tt.stderr)
			}
		})
	}
}

// TestColorOutput: matched terms are highlighted only on a terminal (a
// pseudo-terminal here) with NO_COLOR unset or empty and TERM not dumb;
// files, /dev/null and buffers get plain text.
func TestColorOutput(t *testing.T) {
	tty := openPTY(t)
	file, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	tests := []struct {
		name    string
		out     io.Writer
		noColor string
		term    string
		want    bool
	}{
		{"buffer", &bytes.Buffer{}, "", "xterm", false},
		{"file", file, "", "xterm", false},
		{"dev null", mustOpen(t, os.DevNull), "", "xterm", false},
		{"terminal", tty, "", "xterm", true},
		{"terminal, NO_COLOR=1", tty, "1", "xterm", false},
		{"terminal, TERM=dumb", tty, "", "dumb", false},
	}
	for _, tt := range tests {
		t.Setenv("NO_COLOR", tt.noColor)
		t.Setenv("TERM", tt.term)
		if got := colorOutput(tt.out); got != tt.want {
			t.Errorf("%s: colorOutput %v, want %v", tt.name, got, tt.want)
		}
	}
	if highlight("drill", false) != "drill" || highlight("drill", true) != "\x1b[1;33mdrill\x1b[0m" {
		t.Error("highlight")
	}
}

func mustOpen(t *testing.T, path string) *os.File {
	t.Helper()
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestFeedsImportSaysWhatAFileIs: feeds import of a file that is not OPML
// fails (exit status 1) naming the file and what it is, on standard error;
// an OPML file prints [[feeds]] tables on standard output.
func TestFeedsImportSaysWhatAFileIs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"page.html":  "<!doctype html><html><head><title>Reader login</title></head><body></body></html>",
		"feed.xml":   `<?xml version="1.0"?><rss version="2.0"><channel/></rss>`,
		"empty.opml": "",
		"subs.json":  `{"feeds": []}`,
		"subs.opml":  `<opml version="2.0"><body><outline text="Harbor Wire" xmlUrl="https://harbor.example/feed.xml"/></body></opml>`,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		file   string
		code   int
		stdout string
		stderr string
	}{
		{"page.html", 1, "", `page.html: not an OPML subscription list: an HTML page ("Reader login")`},
		{"feed.xml", 1, "", "feed.xml: not an OPML subscription list: an RSS feed"},
		{"empty.opml", 1, "", "empty.opml: not an OPML subscription list: the file is empty"},
		{"subs.json", 1, "", "subs.json: not an OPML subscription list: JSON"},
		{"subs.opml", 0, "[[feeds]]\nname = \"Harbor Wire\"\nurl = \"https://harbor.example/feed.xml\"\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			stdout, stderr, code := runSplit(t, "feeds", "import", filepath.Join(dir, tt.file))
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || tt.stdout == "" && stdout != "" {
				t.Errorf("exit %d, stdout:\n%s", code, stdout)
			}
			if tt.stderr == "" && stderr != "" || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("stderr %q, want %q", stderr, tt.stderr)
			}
		})
	}
}

// TestEveryLookupRuns runs each subcommand made from lookup.Commands with
// its required arguments (a configured topic or feed, words), as text
// and as JSON: a lookup whose result type this command cannot print
// fails, so a new lookup is tested here without a test of its own.
func TestEveryLookupRuns(t *testing.T) {
	cfg := goldenDesk(t)
	for _, lc := range lookup.Commands {
		if ownCommand[lc.Name] {
			continue
		}
		args := []string{lc.Name, "--config", cfg}
		for _, p := range lc.Params {
			if p.Positional {
				value := map[lookup.ParamType]string{lookup.Topic: "north-korea", lookup.Feed: "Harbor Wire", lookup.Text: "missile"}[p.Type]
				if value == "" {
					t.Fatalf("%s: no value for an argument of type %d", lc.Name, p.Type)
				}
				args = append(args, value)
			}
			if p.Name == "days" && p.In(lookup.CommandLine) {
				args = append(args, "--days", "3660") // the desk's items are of 2026
			}
		}
		stdout, stderr, code := runSplit(t, args...)
		if code != 0 || stdout == "" {
			t.Errorf("wirewatch %s: exit %d, standard output %q, error %q", strings.Join(args, " "), code, stdout, stderr)
		}
		stdout, stderr, code = runSplit(t, append(args, "--json")...)
		var list []map[string]any
		if err := json.Unmarshal([]byte(stdout), &list); code != 0 || err != nil || len(list) == 0 {
			t.Errorf("wirewatch %s --json: exit %d, %v, %d elements; error %q", strings.Join(args, " "), code, err, len(list), stderr)
		}
	}
}
