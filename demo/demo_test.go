package demo

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDemo runs the whole demo and checks what a user would see: the
// backlog is not posted, the missile launch reported by four outlets is one
// alert per channel with its sources, the drill and the statement are
// routed by their rules, and nothing pinged but the urgent rule's role.
func TestDemo(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var out bytes.Buffer
	dir := t.TempDir()
	res, err := Run(ctx, &out, Options{Dir: dir})
	if err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	t.Log(out.String())
	if res.First.Posts != 0 || res.First.Backlog == 0 {
		t.Errorf("first poll = %+v: want backlog recorded and nothing posted", res.First)
	}
	alerts := strings.Join(res.Channels["alerts"], "\n")
	if n := strings.Count(alerts, "ballistic missile"); n == 0 {
		t.Errorf("#alerts shows no missile alert:\n%s", alerts)
	}
	if got := len(res.Channels["alerts"]); got != 1 {
		t.Errorf("#alerts shows %d messages, want one alert for the launch reported by four outlets:\n%s", got, alerts)
	}
	// The three other outlets' updates are written in one poll: coalesced
	// into one edit showing all four sources.
	for _, want := range []string{"**4 sources**", "edited once", "pinged roles: 200000000000000001"} {
		if !strings.Contains(alerts, want) {
			t.Errorf("#alerts lacks %q: the alert should be edited once with the other three outlets:\n%s", want, alerts)
		}
	}
	briefing := strings.Join(res.Channels["briefing"], "\n")
	if got := len(res.Channels["briefing"]); got != 3 {
		t.Errorf("#briefing shows %d messages, want 3: the launch, the drill and the statement about it:\n%s", got, strings.Join(res.Channels["briefing"], "\n"))
	}
	for _, want := range []string{"Freedom Edge", "Asian NATO"} {
		if !strings.Contains(briefing, want) {
			t.Errorf("#briefing lacks %q:\n%s", want, briefing)
		}
	}
	for _, junk := range []string{"Also read this", "Comment (0)", "Cookies", "javascript:"} {
		if strings.Contains(out.String(), junk) {
			t.Errorf("demo output carries web junk %q", junk)
		}
	}
	if !strings.Contains(out.String(), "wirewatch timeline north-korea") {
		t.Errorf("demo prints no timeline")
	}
	// What was written and what was delivered, with why they differ.
	if res.Alerts != 4 || res.Updates != 7 || res.Messages != 4 || res.Edits != 3 {
		t.Errorf("alerts %d, updates %d, messages %d, edits %d; want 4, 7 (6 outlets' reports and 1 full text), 4, 3",
			res.Alerts, res.Updates, res.Messages, res.Edits)
	}
	for _, want := range []string{
		"11 posts written to the outbox",
		"4 alerts: the first report of a story",
		"7 updates, each to edit its alert: 6 for another outlet reporting a story already\n  alerted (3 outlets, in 2 channels), 1 for an article's full text",
		"Delivered: 4 messages and 3 edits.",
		"7 updates made 3 edits",
		"#alerts: 1 message ━━",
		"\nNext:\n  wirewatch search ballistic missile --config " + filepath.Join(dir, "demo.toml"),
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
}

// TestDemoDir: --dir is created when missing; a second run into it replaces
// the first run's database and says so, and shows the same alerts (not 0
// messages and a story of 5 sources, as reusing it did); its next steps
// name its config. A database the demo did not write is refused, untouched.
func TestDemoDir(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the demo twice")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 120*time.Second)
	defer cancel()
	dir := filepath.Join(t.TempDir(), "new", "folder")
	for run, want := range []string{"wirewatch.db, new.\n", "the previous demo run's database there was replaced"} {
		var out bytes.Buffer
		res, err := Run(ctx, &out, Options{Dir: dir})
		if err != nil {
			t.Fatalf("run %d: %v\n%s", run+1, err, out.String())
		}
		if res.Restarted != (run == 1) || !strings.Contains(out.String(), want) {
			t.Errorf("run %d: restarted %v, output lacks %q:\n%s", run+1, res.Restarted, want, out.String())
		}
		alerts := strings.Join(res.Channels["alerts"], "\n")
		if res.Messages != 4 || !strings.Contains(alerts, "**4 sources**") {
			t.Errorf("run %d: %d messages, #alerts:\n%s", run+1, res.Messages, alerts)
		}
		if cfg := filepath.Join(dir, "demo.toml"); !strings.Contains(out.String(), "wirewatch feeds --config "+cfg) {
			t.Errorf("run %d: next steps do not name %s:\n%s", run+1, cfg, out.String())
		}
	}

	foreign := t.TempDir()
	db := filepath.Join(foreign, "wirewatch.db")
	if err := os.WriteFile(db, []byte("someone's data"), 0o600); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := Run(ctx, &out, Options{Dir: foreign}); err == nil || !strings.Contains(err.Error(), "is not a demo's database") {
		t.Errorf("a foreign database: %v", err)
	}
	if b, _ := os.ReadFile(db); string(b) != "someone's data" {
		t.Errorf("the foreign database was changed: %q", b)
	}
}

// TestNextSteps: without --dir the database is gone at the end, so the next
// steps start with keeping it.
func TestNextSteps(t *testing.T) {
	var out bytes.Buffer
	printNext(&out, "", "/tmp/wirewatch-demo-123/demo.toml")
	for _, want := range []string{
		"Next:\n  wirewatch demo --dir /tmp/wirewatch-demo ",
		"wirewatch search ballistic missile --config /tmp/wirewatch-demo/demo.toml\n",
		"wirewatch help ",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("next steps lack %q:\n%s", want, out.String())
		}
	}
}
