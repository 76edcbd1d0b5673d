package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wirewatch/storage/sqlite"
)

// wirewatch digest NAME prints what the digest would post, from the stored
// stories, without running it; --at chooses the time; the period starts at
// the digest's stored last run when there is one.
func TestDigestPreview(t *testing.T) {
	cfg := goldenDesk(t)
	stdout, stderr, code := runSplit(t, "digest", "morning", "--config", cfg, "--at", "2026-11-29 08:00")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"── #desk\n**Digest morning** · 1 story from 2026-11-28 08:00 KST to 2026-11-29 08:00 KST\n",
		"┃ 2026-11-29 **[North Korea fires ballistic missile into East Sea](https://harbor.example/2026/missile)** — 2 sources · 2026-11-29 07:50 KST\n",
		"┃ North Korea fired a ballistic missile on Sunday.\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("preview lacks %q:\n%s", want, stdout)
		}
	}

	// A stored last run after the launch: nothing to post, said on stderr.
	st, err := sqlite.Open(context.Background(), filepath.Join(filepath.Dir(cfg), "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	last := time.Date(2026, 11, 29, 7, 55, 0, 0, time.FixedZone("KST", 9*3600))
	if err := st.SetMeta(context.Background(), "digest:morning:last", last.UTC().Format(time.RFC3339)); err != nil {
		t.Fatal(err)
	}
	st.Close()
	stdout, stderr, code = runSplit(t, "digest", "morning", "--config", cfg, "--at", "2026-11-29 08:00")
	if code != 0 || stdout != "" || !strings.Contains(stderr, "would post nothing") || !strings.Contains(stderr, "since 2026-11-29 07:55 KST") {
		t.Errorf("after a run at 07:55: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}

	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"digest", "evening", "--config", cfg}, `no digest "evening"`},
		{[]string{"digest", "morning", "--config", cfg, "--at", "tomorrow"}, `--at "tomorrow"`},
		{[]string{"digest", "--config", cfg}, "want one digest name"},
	} {
		_, stderr, code := runSplit(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.want) {
			t.Errorf("wirewatch %s: exit %d, stderr %q; want 2 and %q", strings.Join(tc.args, " "), code, stderr, tc.want)
		}
	}
}

func TestParsePreviewTime(t *testing.T) {
	kst := time.FixedZone("KST", 9*3600)
	now := time.Date(2026, 12, 4, 9, 30, 0, 0, kst)
	for in, want := range map[string]time.Time{
		"2026-12-05T08:00:00+09:00": time.Date(2026, 12, 5, 8, 0, 0, 0, kst),
		"2026-12-05 08:00":          time.Date(2026, 12, 5, 8, 0, 0, 0, kst),
		"2026-12-05T08:00":          time.Date(2026, 12, 5, 8, 0, 0, 0, kst),
		"08:00":                     time.Date(2026, 12, 5, 8, 0, 0, 0, kst), // past today: tomorrow's
		"18:00":                     time.Date(2026, 12, 4, 18, 0, 0, 0, kst),
	} {
		got, err := parsePreviewTime(in, now, kst)
		if err != nil || !got.Equal(want) {
			t.Errorf("%q: %v, %v; want %v", in, got, err, want)
		}
	}
	if _, err := parsePreviewTime("5 Dec", now, kst); err == nil {
		t.Error("5 Dec: no error")
	}
}
