package pipeline

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // zones on machines without a tz database

	"wirewatch/config"
	"wirewatch/model"
)

func mustZone(t *testing.T, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestQuietUntil(t *testing.T) {
	seoul := mustZone(t, "Asia/Seoul")
	ny := mustZone(t, "America/New_York")
	night := config.Channel{Name: "desk", Quiet: &config.QuietHours{Start: 22 * 60, End: 7 * 60, Location: seoul}}
	early := config.Channel{Name: "early", Quiet: &config.QuietHours{Start: 60, End: 6*60 + 30, Location: seoul}}
	nyNight := config.Channel{Name: "ny", Quiet: &config.QuietHours{Start: 23 * 60, End: 6 * 60, Location: ny}}
	noQuiet := config.Channel{Name: "open"}
	same := config.Channel{Name: "same", Quiet: &config.QuietHours{Start: 300, End: 300, Location: seoul}}
	at := func(loc *time.Location, y int, m time.Month, d, h, min int) time.Time {
		return time.Date(y, m, d, h, min, 0, 0, loc)
	}
	tests := []struct {
		name  string
		ch    config.Channel
		sev   model.Severity
		now   time.Time
		until time.Time
		quiet bool
	}{
		{"before midnight", night, model.SeverityAlert, at(seoul, 2024, 11, 13, 23, 30), at(seoul, 2024, 11, 14, 7, 0), true},
		{"after midnight", night, model.SeverityInfo, at(seoul, 2024, 11, 14, 3, 0), at(seoul, 2024, 11, 14, 7, 0), true},
		{"at start", night, model.SeverityAlert, at(seoul, 2024, 11, 13, 22, 0), at(seoul, 2024, 11, 14, 7, 0), true},
		{"at end", night, model.SeverityAlert, at(seoul, 2024, 11, 14, 7, 0), time.Time{}, false},
		{"daytime", night, model.SeverityAlert, at(seoul, 2024, 11, 14, 12, 0), time.Time{}, false},
		{"urgent breaks through", night, model.SeverityUrgent, at(seoul, 2024, 11, 13, 23, 30), time.Time{}, false},
		{"clock in another zone", night, model.SeverityAlert, time.Date(2024, 11, 13, 14, 30, 0, 0, time.UTC), at(seoul, 2024, 11, 14, 7, 0), true},
		{"month end", night, model.SeverityAlert, at(seoul, 2024, 12, 31, 23, 0), at(seoul, 2025, 1, 1, 7, 0), true},
		{"same-day window", early, model.SeverityAlert, at(seoul, 2024, 11, 14, 2, 0), at(seoul, 2024, 11, 14, 6, 30), true},
		{"same-day window, outside", early, model.SeverityAlert, at(seoul, 2024, 11, 14, 23, 0), time.Time{}, false},
		{"no quiet hours", noQuiet, model.SeverityInfo, at(seoul, 2024, 11, 14, 3, 0), time.Time{}, false},
		{"start equals end", same, model.SeverityInfo, at(seoul, 2024, 11, 14, 5, 0), time.Time{}, false},
		// New York leaves daylight time on 2024-11-03 at 02:00: the night
		// that starts on the 2nd ends at 06:00 EST, 8 hours later.
		{"DST ends overnight", nyNight, model.SeverityAlert, at(ny, 2024, 11, 2, 23, 30), at(ny, 2024, 11, 3, 6, 0), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			until, quiet := quietUntil(tt.ch, tt.sev, tt.now)
			if quiet != tt.quiet || !until.Equal(tt.until) {
				t.Errorf("quietUntil = %v %v, want %v %v", until, quiet, tt.until, tt.quiet)
			}
		})
	}
	until, _ := quietUntil(nyNight, model.SeverityAlert, at(ny, 2024, 11, 2, 23, 30))
	if d := until.Sub(at(ny, 2024, 11, 2, 23, 30)); d != 7*time.Hour+30*time.Minute {
		t.Errorf("DST night lasts %v", d)
	}
}

func TestInCooldown(t *testing.T) {
	now := time.Date(2024, 11, 13, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		prev     time.Time
		cooldown time.Duration
		want     bool
	}{
		{now.Add(-time.Hour), 6 * time.Hour, true},
		{now.Add(-6 * time.Hour), 6 * time.Hour, false},
		{now.Add(-6*time.Hour + time.Second), 6 * time.Hour, true},
		{now.Add(-7 * time.Hour), 6 * time.Hour, false},
		{time.Time{}, 6 * time.Hour, false},
		{now.Add(-time.Minute), 0, false},
		{now.Add(time.Minute), time.Hour, true}, // clock skew: sent "in the future"
	}
	for _, tt := range tests {
		if got := inCooldown(tt.prev, tt.cooldown, now); got != tt.want {
			t.Errorf("inCooldown(%v, %v) = %v, want %v", tt.prev, tt.cooldown, got, tt.want)
		}
	}
}

func TestNextDigestRuns(t *testing.T) {
	seoul := mustZone(t, "Asia/Seoul")
	d := config.Digest{Name: "morning", Schedule: "CRON_TZ=Asia/Seoul 0 8 * * *"}
	kstAt := func(day, h, m int) time.Time { return time.Date(2024, 11, day, h, m, 0, 0, seoul) }
	tests := []struct {
		name     string
		d        config.Digest
		last     time.Time
		now      time.Time
		due      bool
		next     time.Time
		errMatch string
	}{
		{"not yet", d, kstAt(12, 8, 0), kstAt(13, 7, 59), false, kstAt(13, 8, 0), ""},
		{"on time", d, kstAt(12, 8, 0), kstAt(13, 8, 0), true, kstAt(14, 8, 0), ""},
		{"a little late", d, kstAt(12, 8, 0), kstAt(13, 8, 1), true, kstAt(14, 8, 0), ""},
		{"three runs missed: due once", d, kstAt(9, 8, 0), kstAt(13, 9, 30), true, kstAt(14, 8, 0), ""},
		{"just ran", d, kstAt(13, 8, 0), kstAt(13, 8, 1), false, kstAt(14, 8, 0), ""},
		{"never ran", d, time.Time{}, kstAt(13, 9, 0), false, kstAt(14, 8, 0), ""},
		{"UTC clock, Seoul schedule", d, time.Date(2024, 11, 12, 0, 0, 0, 0, time.UTC), time.Date(2024, 11, 12, 23, 0, 0, 0, time.UTC), true, kstAt(14, 8, 0), ""},
		{"weekdays", config.Digest{Name: "wk", Schedule: "CRON_TZ=Asia/Seoul 30 17 * * 1-5"}, kstAt(15, 17, 30), kstAt(16, 12, 0), false, kstAt(18, 17, 30), ""},
		{"descriptor", config.Digest{Name: "daily", Schedule: "@daily"}, time.Date(2024, 11, 12, 0, 0, 0, 0, time.UTC), time.Date(2024, 11, 13, 0, 0, 0, 0, time.UTC), true, time.Date(2024, 11, 14, 0, 0, 0, 0, time.UTC), ""},
		{"bad spec", config.Digest{Name: "bad", Schedule: "0 25 * * *"}, kstAt(12, 8, 0), kstAt(13, 8, 0), false, time.Time{}, `digest "bad": schedule "0 25 * * *"`},
		{"bad zone", config.Digest{Name: "tz", Schedule: "CRON_TZ=Mars/Olympus 0 8 * * *"}, kstAt(12, 8, 0), kstAt(13, 8, 0), false, time.Time{}, `digest "tz"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			due, next, err := nextDigestRuns(tt.d, tt.last, tt.now)
			if tt.errMatch != "" {
				if err == nil || !strings.Contains(err.Error(), tt.errMatch) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.errMatch)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if due != tt.due || !next.Equal(tt.next) {
				t.Errorf("nextDigestRuns = %v %v, want %v %v", due, next, tt.due, tt.next)
			}
		})
	}
}

// TestDigestMissedRunsPostOnce plays a pipeline that polls every minute
// across a two-day outage: the digest is due once when it comes back, then
// daily again.
func TestDigestMissedRunsPostOnce(t *testing.T) {
	d := config.Digest{Name: "morning", Schedule: "CRON_TZ=Asia/Seoul 0 8 * * *"}
	start := time.Date(2024, 11, 10, 23, 0, 0, 0, time.UTC) // 08:00 KST on the 11th
	last := start
	var runs []time.Time
	for now := start; now.Before(start.Add(73 * time.Hour)); now = now.Add(time.Minute) {
		if now.After(start.Add(time.Hour)) && now.Before(start.Add(60*time.Hour)) {
			continue // down from 09:00 KST on the 11th until 20:00 KST on the 13th
		}
		due, _, err := nextDigestRuns(d, last, now)
		if err != nil {
			t.Fatal(err)
		}
		if due {
			runs = append(runs, now)
			last = now
		}
	}
	want := []string{"2024-11-13T11:00:00Z", "2024-11-13T23:00:00Z"}
	var got []string
	for _, r := range runs {
		got = append(got, r.UTC().Format(time.RFC3339))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("runs = %v, want %v", got, want)
	}
}
