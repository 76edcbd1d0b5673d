package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
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
		{[]string{"check", "--config", "testdata/platforms.toml"}, 1, nil, "testdata/platforms.toml:7:6: channels.id", true},
		{[]string{"check", "--config", "../../config.example.toml"}, 0, []string{"../../config.example.toml: ok\n"}, "", false},
		{[]string{"help", "nosuch"}, 2, nil, `unknown command "nosuch"`, true},
		{[]string{"help", "run", "demo"}, 2, nil, "one command at a time", true},
		{[]string{"nosuch"}, 2, nil, `unknown command "nosuch"`, true},
		{[]string{"timeline", "--nosuch"}, 2, nil, "flag provided but not defined: -nosuch\nRun 'wirewatch help timeline' for usage.", true},
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
