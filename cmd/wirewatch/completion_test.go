package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// completionScript writes wirewatch's completion script for shell to a
// file and returns its path.
func completionScript(t *testing.T, shell string) string {
	t.Helper()
	stdout, stderr, code := runSplit(t, "completion", shell)
	if code != 0 || stderr != "" {
		t.Fatalf("completion %s: exit %d, stderr %q", shell, code, stderr)
	}
	path := filepath.Join(t.TempDir(), "wirewatch."+shell)
	if err := os.WriteFile(path, []byte(stdout), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func needShell(t *testing.T, shell string) string {
	t.Helper()
	path, err := exec.LookPath(shell)
	if err != nil {
		t.Skipf("%s is not installed", shell)
	}
	return path
}

// TestCompletionScriptsCoverTheRegistry: each shell's script names every
// registered command and every flag of each, so a command added later is
// completed without touching the scripts.
func TestCompletionScriptsCoverTheRegistry(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		script, _, _ := runSplit(t, "completion", shell)
		for _, c := range completionSpec(t.Context()) {
			if !strings.Contains(script, c.name) {
				t.Errorf("%s script lacks command %s", shell, c.name)
			}
			for _, f := range c.flags {
				if !strings.Contains(script, f.name) {
					t.Errorf("%s script lacks %s --%s", shell, c.name, f.name)
				}
			}
		}
	}
	for _, args := range [][]string{{"completion"}, {"completion", "powershell"}, {"completion", "bash", "zsh"}} {
		if stdout, stderr, code := runSplit(t, args...); code != 2 || stdout != "" || !strings.Contains(stderr, "bash, zsh or fish") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
}

// TestCompletionBash sources the bash script into a real bash and asks it
// to complete command lines, as bash does on Tab.
func TestCompletionBash(t *testing.T) {
	bash := needShell(t, "bash")
	script := completionScript(t, "bash")
	dir := t.TempDir()
	for _, f := range []string{"desk.toml", "desk.opml"} {
		if err := os.WriteFile(filepath.Join(dir, f), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		line string // the command line; the last word is completed
		want string // COMPREPLY, sorted, space-separated
	}{
		{"wirewatch tim", "timeline"},
		{"wirewatch --v", "--version"},
		{"wirewatch timeline --d", "--days"},
		{"wirewatch timeline north-korea --c", "--config --count"},
		{"wirewatch latest --config desk.t", "desk.toml"},
		{"wirewatch latest -config desk.t", "desk.toml"},
		{"wirewatch latest --count ", ""},
		{"wirewatch feeds ", "export import list"},
		{"wirewatch feeds import desk.o", "desk.opml"},
		{"wirewatch rules t", "test"},
		{"wirewatch help ru", "rules run"},
		{"wirewatch completion ", "bash fish zsh"},
		{"wirewatch stories ", "replay"},
		{"wirewatch search --j", "--json"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			words := strings.Split(tt.line, " ")
			prog := `source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _wirewatch; printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' '`
			cmd := exec.Command(bash, append([]string{"--norc", "-c", prog, "bash", script}, words...)...)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("bash: %v\n%s", err, out)
			}
			if got := strings.TrimSpace(string(out)); got != tt.want {
				t.Errorf("%q completes to %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

// TestCompletionFish asks a real fish for its completions with the script
// loaded (complete -C).
func TestCompletionFish(t *testing.T) {
	fish := needShell(t, "fish")
	script := completionScript(t, "fish")
	if out, err := exec.Command(fish, "--no-execute", script).CombinedOutput(); err != nil {
		t.Fatalf("fish --no-execute: %v\n%s", err, out)
	}
	tests := []struct {
		line string
		want []string // each a completion (before its tab and description)
	}{
		{"wirewatch tim", []string{"timeline"}},
		{"wirewatch timeline --d", []string{"--days"}},
		{"wirewatch timeline -con", []string{"-config"}},
		{"wirewatch feeds ", []string{"list", "import", "export"}},
		{"wirewatch help ru", []string{"rules", "run"}},
		{"wirewatch completion ", []string{"bash", "zsh", "fish"}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			out, err := exec.Command(fish, "--no-config", "-c", `source $argv[1]; complete -C $argv[2]`, script, tt.line).CombinedOutput()
			if err != nil {
				t.Fatalf("fish: %v\n%s", err, out)
			}
			got := map[string]bool{}
			for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				got[strings.SplitN(l, "\t", 2)[0]] = true
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("%q: completions %q lack %q", tt.line, out, w)
				}
			}
		})
	}
}

// TestCompletionZsh loads the zsh script into a real zsh with _arguments
// and _describe replaced by functions that print what they were given, so
// the script's dispatch and specs are checked without an interactive shell.
func TestCompletionZsh(t *testing.T) {
	zsh := needShell(t, "zsh")
	script := completionScript(t, "zsh")
	if out, err := exec.Command(zsh, "-n", script).CombinedOutput(); err != nil {
		t.Fatalf("zsh -n: %v\n%s", err, out)
	}
	tests := []struct {
		words string // the command line so far; the cursor is on a new word
		want  []string
	}{
		{"wirewatch", []string{"DESCRIBE check:validate a config file; prints file:line:col", "timeline:a topic's stories by event date"}},
		{"wirewatch help", []string{"DESCRIBE", "rules:list the rules"}},
		{"wirewatch timeline", []string{"ARGUMENTS", "(-days --days)-days[how many days back, today included]:value: ", "(-config --config)--config[config file (names the database)]:file:_files"}},
		{"wirewatch feeds", []string{"1:feeds word:(list import export)", "*:file:_files"}},
		{"wirewatch completion", []string{"1:completion word:(bash zsh fish)"}},
	}
	for _, tt := range tests {
		t.Run(tt.words, func(t *testing.T) {
			prog := `
_describe() { print -r -- DESCRIBE ${(P)4} }
_arguments() { print -r -- ARGUMENTS; print -rl -- "$@" }
source $1
shift
words=("$@" "")
CURRENT=${#words}
_wirewatch`
			args := append([]string{"-f", "-c", prog, "zsh", script}, strings.Fields(tt.words)...)
			out, err := exec.Command(zsh, args...).CombinedOutput()
			if err != nil {
				t.Fatalf("zsh: %v\n%s", err, out)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(out), w) {
					t.Errorf("%q: output lacks %q:\n%s", tt.words, w, out)
				}
			}
		})
	}
}
