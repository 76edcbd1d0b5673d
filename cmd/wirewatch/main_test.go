package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wirewatch/config"
)

func run(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := runMain(context.Background(), args, &out, &errOut)
	return out.String() + errOut.String(), code
}

// TestCheck: a config with mistakes in every part is refused with exit
// status 1 and one file:line:col line per mistake, rule syntax included.
func TestCheck(t *testing.T) {
	out, code := run(t, "check", "-config", "testdata/broken.toml")
	if code != 1 {
		t.Fatalf("exit %d, want 1; output:\n%s", code, out)
	}
	for _, want := range []string{
		"testdata/broken.toml:2:12:",  // unknown time zone
		"testdata/broken.toml:6:7:",   // not an http(s) URL
		"testdata/broken.toml:18:",    // the rule's unclosed parenthesis, inside the query
		"testdata/broken.toml:19:",    // route to an undefined channel
		"testdata/broken.toml:23:12:", // cron day of week 9
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The example's only mistakes are its placeholder ids, which an
	// operator must replace before it runs.
	out, code = run(t, "check", "-config", "../../config.example.toml")
	if code != 1 {
		t.Errorf("config.example.toml: exit %d, want 1 (its placeholder ids):\n%s", code, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.Contains(line, " is a placeholder: replace it with ") {
			t.Errorf("config.example.toml: a mistake besides its placeholders: %s", line)
		}
	}
	if n := strings.Count(out, "is a placeholder"); n != 8 {
		t.Errorf("config.example.toml: %d placeholders flagged, want 8 (application, guild, 4 channels, 2 mentions):\n%s", n, out)
	}
}

// TestCheckChannelPlatforms: a channel's id is checked by its platform
// (Discord's are digits), and a platform wirewatch cannot post to is
// refused, each at its file:line:col; `run` refuses the same config.
func TestCheckChannelPlatforms(t *testing.T) {
	const path = "testdata/platforms.toml"
	want := []string{
		path + `:11:6: channels.id: "#korea-desk" is not a Discord channel id (digits only)`,
		path + `:15:12: channels.platform: "slack" is not a platform wirewatch posts to ([discord])`,
	}
	out, code := run(t, "check", "-config", path)
	if code != 1 {
		t.Fatalf("exit %d, want 1; output:\n%s", code, out)
	}
	if got := strings.TrimSpace(out); got != strings.Join(want, "\n") {
		t.Errorf("check printed:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
	out, code = run(t, "run", "-config", path)
	if code != 1 || !strings.Contains(out, want[0]) || !strings.Contains(out, want[1]) {
		t.Errorf("run: exit %d, output:\n%s\nwant both mistakes", code, out)
	}
}

// TestLookupsAfterDemo runs the demo into a folder, then the lookups a
// script would run against its database.
func TestLookupsAfterDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo")
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var out, errOut bytes.Buffer
	if code := runMain(ctx, []string{"demo", "-dir", dir}, &out, &errOut); code != 0 {
		t.Fatalf("demo: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	cfg := filepath.Join(dir, "demo.toml")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"timeline", "north-korea", "-config", cfg, "--days", "7"}, 0, "(4 sources)"},
		{[]string{"timeline", "north-korea", "-config", cfg, "--json"}, 0, `"sources": 4`},
		{[]string{"timeline", "nowhere", "-config", cfg}, 2, `no topic named "nowhere"`},
		{[]string{"timeline", "north-korea", "-config", cfg, "--days", "-3"}, 2, `invalid value "-3" for flag -days: must be between 1 and 3660`},
		{[]string{"search", "ballistic", "missile", "-config", cfg}, 0, "ballistic missile"},
		{[]string{"search", "-config", cfg, `"`}, 0, ""},
		{[]string{"latest", "-config", cfg, "--count", "2"}, 0, "Pyongyang Watch"},
		{[]string{"outlet", "Pyongyang Watch", "-config", cfg, "--count", "2", "--json"}, 0, `"feed": "Pyongyang Watch"`},
		{[]string{"outlet", "Nowhere Wire", "-config", cfg}, 2, `no feed named "Nowhere Wire"`},
		{[]string{"rules", "test", "trilateral-drills", "-config", cfg}, 0, "Freedom Edge"},
		{[]string{"rules", "test", "no-such-rule", "-config", cfg}, 2, "no-such-rule"},
		{[]string{"feeds", "-config", cfg}, 0, "Harbor Wire  [ok]"},
		{[]string{"feeds", "-config", cfg, "export"}, 0, "<opml"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args[:2], " "), func(t *testing.T) {
			got, code := run(t, tt.args...)
			if code != tt.code || !strings.Contains(got, tt.want) {
				t.Errorf("wirewatch %s: exit %d, want %d with %q; output:\n%s", strings.Join(tt.args, " "), code, tt.code, tt.want, got)
			}
		})
	}
}

func TestUnknownCommand(t *testing.T) {
	if out, code := run(t, "frobnicate"); code != 2 || !strings.Contains(out, "unknown command") {
		t.Errorf("exit %d, output %q", code, out)
	}
}

func TestRestartNeeded(t *testing.T) {
	base := func() *config.Config {
		return &config.Config{Bot: config.Bot{Database: "a.db", LogLevel: "info"}, Discord: config.Discord{Enabled: true, ApplicationID: "1", GuildIDs: []string{"2"}}}
	}
	tests := []struct {
		name   string
		change func(*config.Config)
		want   string
	}{
		{"nothing", func(*config.Config) {}, ""},
		{"rules and feeds reload", func(c *config.Config) { c.Feeds = []config.Feed{{Name: "x"}} }, ""},
		{"database", func(c *config.Config) { c.Bot.Database = "b.db" }, "bot.database"},
		{"log level", func(c *config.Config) { c.Bot.LogLevel = "debug" }, "bot.log_level"},
		{"guilds", func(c *config.Config) { c.Discord.GuildIDs = []string{"3"} }, "discord"},
		{"api base", func(c *config.Config) { c.Discord.APIBase = "http://127.0.0.1:8080/api" }, "discord"},
		{"edit interval", func(c *config.Config) { c.Stories.EditInterval = time.Second }, "stories.edit_interval"},
		{"a channel on a new platform", func(c *config.Config) {
			c.Channels = []config.Channel{{Name: "ops", Platform: "webhook", ID: "x"}}
		}, "channels.platform"},
		{"another channel on the same platform", func(c *config.Config) {
			c.Channels = []config.Channel{{Name: "ops", Platform: config.DefaultPlatform, ID: "1"}}
		}, ""},
	}
	for _, tt := range tests {
		next := base()
		tt.change(next)
		if got := strings.Join(restartNeeded(base(), next), ","); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}
