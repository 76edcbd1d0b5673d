package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// asCommandEnv makes the test binary wirewatch itself (see TestMain): the
// unwritable-folder case runs it as another user when the tests run as
// root, whom permission bits do not stop.
const asCommandEnv = "WIREWATCH_TEST_AS_COMMAND"

func TestMain(m *testing.M) {
	if os.Getenv(asCommandEnv) == "1" {
		os.Exit(runMain(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestStartupMistakes: each mistake that keeps the bot from running is
// refused by `run` at start-up with exit status 1 and a message that names
// it (and by `check` too, where it is in the file), before anything is
// opened or polled: an empty config, one with no feeds or no channels,
// the example's placeholder ids (at file:line:col), [discord] without
// DISCORD_TOKEN (unless run --console), and a database folder that is
// missing or unwritable.
func TestStartupMistakes(t *testing.T) {
	tests := []struct {
		name      string
		config    string   // in testdata/startup
		runArgs   []string // after run --config FILE
		checkCode int
		runCode   int // 0: run starts; the test stops it once it runs
		// want must each appear in the output of check (when it fails) and
		// of run; @CONFIG@ is the config's path, @DATA@ the database's
		// folder. With only, check prints nothing else.
		want  []string
		only  bool
		setup func(t *testing.T, data string)
	}{
		{
			name: "ok", config: "ok.toml",
			want: []string{"level=INFO msg=\"wirewatch starting\" version=" + buildVersion() + " config=@CONFIG@ database=sqlite dsn=@DATA@/w.db role=leader",
				"msg=\"wirewatch stopped\" reason=signal"},
		},
		{
			name: "empty file", config: "empty.toml", checkCode: 1, runCode: 1, only: true,
			want: []string{"@CONFIG@:1:1: the config has no feeds, channels or rules: start from config.example.toml"},
		},
		{
			name: "no feeds", config: "no-feeds.toml", checkCode: 1, runCode: 1, only: true,
			want: []string{"@CONFIG@:1:1: no [[feeds]]: the bot has nothing to poll"},
		},
		{
			name: "no channels", config: "no-channels.toml", checkCode: 1, runCode: 1, only: true,
			want: []string{"@CONFIG@:1:1: no [[channels]]: alerts and digests have nowhere to go"},
		},
		{
			name: "placeholder ids", config: "placeholders.toml", checkCode: 1, runCode: 1, only: true,
			want: []string{
				`@CONFIG@:6:18: discord.application_id: "000000000000000000" is a placeholder: replace it with your application's id`,
				`@CONFIG@:7:14: discord.guild_ids: "000000000000000000" is a placeholder: replace it with your server's id`,
				`@CONFIG@:17:6: channels.id: "000000000000000001" is a placeholder: replace it with the id of channel "alerts"`,
				`@CONFIG@:28:13: rules.mentions: "000000000000000010" is a placeholder: replace it with the id of the role to ping`,
			},
		},
		{
			name: "discord without token", config: "discord.toml", runCode: 1,
			want: []string{"wirewatch run: @CONFIG@ has a [discord] table but DISCORD_TOKEN is not set: set it to the bot's token, or run with --console"},
		},
		{
			name: "discord without token, run --console", config: "discord.toml", runArgs: []string{"--console"},
			want: []string{`msg="posting to the console, not to Discord" why="run --console"`, "msg=\"wirewatch stopped\""},
		},
		{
			name: "missing database folder", config: "missing-folder.toml", runCode: 1,
			want: []string{"wirewatch run: database folder @DATA@/no-such-folder: no such directory"},
		},
		{
			name: "unwritable database folder", config: "unwritable.toml", runCode: 1,
			want: []string{"wirewatch run: database folder @DATA@/locked: permission denied"},
			setup: func(t *testing.T, data string) {
				if err := os.Mkdir(filepath.Join(data, "locked"), 0o555); err != nil {
					t.Fatal(err)
				}
			},
		},
	}
	t.Setenv("DISCORD_TOKEN", "")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := t.TempDir()
			src, err := os.ReadFile(filepath.Join("testdata", "startup", tt.config))
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(data, tt.config)
			if err := os.WriteFile(path, bytes.ReplaceAll(src, []byte("@DATA@"), []byte(data)), 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.setup != nil {
				tt.setup(t, data)
			}
			want := make([]string, len(tt.want))
			for i, w := range tt.want {
				want[i] = strings.NewReplacer("@CONFIG@", path, "@DATA@", data).Replace(w)
			}

			stdout, stderr, code := runSplit(t, "check", "--config", path)
			if code != tt.checkCode {
				t.Errorf("check: exit %d, want %d\n%s%s", code, tt.checkCode, stdout, stderr)
			}
			if tt.checkCode != 0 {
				lines := strings.Split(strings.TrimSpace(stderr), "\n")
				for _, w := range want {
					if !strings.Contains(stderr, w) {
						t.Errorf("check's errors lack %q:\n%s", w, stderr)
					}
				}
				if tt.only && len(lines) != len(want) {
					t.Errorf("check printed %d lines, want %d:\n%s", len(lines), len(want), stderr)
				}
			}

			args := append([]string{"run", "--config", path}, tt.runArgs...)
			var out string
			if tt.setup != nil && os.Geteuid() == 0 {
				out, code = runAsOtherUser(t, data, args)
			} else {
				out, code = runUntilRunning(t, args)
			}
			if code != tt.runCode {
				t.Errorf("run: exit %d, want %d\n%s", code, tt.runCode, out)
			}
			for _, w := range want {
				if !strings.Contains(out, w) {
					t.Errorf("run's output lacks %q:\n%s", w, out)
				}
			}
			if tt.runCode != 0 && strings.Contains(out, "wirewatch starting") {
				t.Errorf("run started before refusing:\n%s", out)
			}
		})
	}
}

// runUntilRunning runs wirewatch with args and, should it start the bot,
// stops it as a signal would once it says it runs.
func runUntilRunning(t *testing.T, args []string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := &syncBuffer{}
	done := make(chan int, 1)
	go func() { done <- runMain(ctx, args, out, out) }()
	deadline := time.After(30 * time.Second)
	for {
		select {
		case code := <-done:
			return out.String(), code
		case <-deadline:
			t.Fatalf("run neither failed nor started within 30 s:\n%s", out)
		case <-time.After(50 * time.Millisecond):
			if strings.Contains(out.String(), "wirewatch running") {
				cancel()
			}
		}
	}
}

// runAsOtherUser runs wirewatch (this test binary, see TestMain) as the
// user nobody (65534), for a case that needs permission bits to hold. The
// binary is copied where that user may run it.
func runAsOtherUser(t *testing.T, data string, args []string) (string, int) {
	t.Helper()
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(data, "wirewatch.test")
	if err := copyFile(self, bin, 0o755); err != nil {
		t.Fatal(err)
	}
	// The temporary folders are made private; nobody must reach the copy,
	// the config and the database folder.
	for _, dir := range []string{data, filepath.Dir(data)} { // t.TempDir's two levels
		if err := os.Chmod(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), asCommandEnv+"=1")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	out, err := cmd.CombinedOutput()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return string(out), 0
	case errors.As(err, &exit):
		return string(out), exit.ExitCode()
	default:
		t.Skipf("running as root, and cannot run wirewatch as another user to test a folder it may not write (%v)", err)
		return "", 0
	}
}

func copyFile(from, to string, mode os.FileMode) error {
	src, err := os.Open(from)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		return err
	}
	if _, err := io.Copy(dst, src); err != nil {
		dst.Close()
		return err
	}
	return dst.Close()
}

// TestNoticeTexts: a refused reload's mistakes are split between notices
// only at line ends, each notice within the budget, none lost.
func TestNoticeTexts(t *testing.T) {
	lines := []string{"a.toml:1:1: one", "a.toml:2:1: two", "a.toml:3:1: three", strings.Repeat("x", 40)}
	tests := []struct {
		budget int
		want   []string
	}{
		{1000, []string{"Refused:\na.toml:1:1: one\na.toml:2:1: two\na.toml:3:1: three\n" + lines[3]}},
		{39, []string{"Refused:\na.toml:1:1: one", "(continued)\na.toml:2:1: two", "(continued)\na.toml:3:1: three", "(continued)\n" + lines[3]}},
		{40, []string{"Refused:\na.toml:1:1: one\na.toml:2:1: two", "(continued)\na.toml:3:1: three", "(continued)\n" + lines[3]}}, // 40 runes exactly
		{60, []string{"Refused:\na.toml:1:1: one\na.toml:2:1: two\na.toml:3:1: three", "(continued)\n" + lines[3]}},                // the long line alone
	}
	for _, tt := range tests {
		got := noticeTexts("Refused:", lines, tt.budget)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("budget %d: got %q, want %q", tt.budget, got, tt.want)
		}
	}
}

// TestReloadRefusedTellsEveryMistake: a reload with several mistakes is
// refused with one ERROR line per mistake in the log, as check prints
// them, and the admin channel is told every one.
func TestReloadRefusedTellsEveryMistake(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the bot for a few seconds")
	}
	data := t.TempDir()
	path := filepath.Join(data, "wirewatch.toml")
	write := func(name string) {
		src, err := os.ReadFile(filepath.Join("testdata", "startup", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path+".tmp", bytes.ReplaceAll(src, []byte("@DATA@"), []byte(data)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(path+".tmp", path); err != nil {
			t.Fatal(err)
		}
	}
	write("reload-ok.toml")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, logs := &syncBuffer{}, &syncBuffer{}
	done := make(chan int, 1)
	go func() { done <- runMain(ctx, []string{"run", "--config", path, "--console"}, out, logs) }()
	waitFor(t, logs, "wirewatch running", 15*time.Second)
	write("reload-refused.toml")
	waitFor(t, out, "Config reload refused", 15*time.Second)
	waitFor(t, logs, "config mistake", 5*time.Second)
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("run exited %d:\n%s", code, logs)
	}

	mistakes := []string{
		path + ":4:12: bot.timezone",
		path + ":12:7: feeds.url",
		path + ":20:",
	}
	if !strings.Contains(logs.String(), `msg="config reload refused; the running config stays" config=`+path+" mistakes=3") {
		t.Errorf("the log lacks the refusal with its count:\n%s", logs)
	}
	for _, m := range mistakes {
		if !strings.Contains(logs.String(), `level=ERROR msg="config mistake" err="`+m) {
			t.Errorf("the log lacks the mistake %q on its own ERROR line:\n%s", m, logs)
		}
		if !strings.Contains(out.String(), m) {
			t.Errorf("the admin channel was not told %q:\n%s", m, out)
		}
	}
}
