package outbox_test

import (
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/outbox"
)

func TestQuietHours(t *testing.T) {
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Skipf("no tz data: %v", err)
	}
	channels := []config.Channel{
		{Name: "overnight", Quiet: &config.QuietHours{Start: 22 * 60, End: 7 * 60, Location: seoul}},
		{Name: "early", Quiet: &config.QuietHours{Start: 60, End: 6 * 60}}, // bot's zone: UTC
		{Name: "never", Quiet: &config.QuietHours{Start: 300, End: 300}},
		{Name: "loud"},
	}
	rules := []config.Rule{{Name: "drills", Severity: "alert"}, {Name: "launches", Severity: "urgent"}}
	hold := outbox.QuietHours(channels, rules, time.UTC)
	kst := func(d, h, m int) time.Time { return time.Date(2026, 3, d, h, m, 0, 0, seoul) }
	utc := func(h, m int) time.Time { return time.Date(2026, 3, 10, h, m, 0, 0, time.UTC) }

	tests := []struct {
		name      string
		channel   string
		rule      string
		kind      model.PostKind
		now       time.Time
		wantHold  bool
		wantUntil time.Time
	}{
		{"before midnight", "overnight", "drills", model.PostAlert, kst(10, 23, 30), true, kst(11, 7, 0)},
		{"after midnight", "overnight", "drills", model.PostAlert, kst(11, 3, 0), true, kst(11, 7, 0)},
		{"at start", "overnight", "drills", model.PostUpdate, kst(10, 22, 0), true, kst(11, 7, 0)},
		{"at end", "overnight", "drills", model.PostAlert, kst(11, 7, 0), false, time.Time{}},
		{"daytime", "overnight", "drills", model.PostAlert, kst(11, 12, 0), false, time.Time{}},
		{"quiet in Seoul, given in UTC", "overnight", "drills", model.PostAlert, time.Date(2026, 3, 10, 14, 0, 0, 0, time.UTC), true, kst(11, 7, 0)},
		{"urgent breaks quiet hours", "overnight", "launches", model.PostAlert, kst(10, 23, 30), false, time.Time{}},
		{"digest not held", "overnight", "", model.PostDigest, kst(10, 23, 30), false, time.Time{}},
		{"notice not held", "overnight", "", model.PostNotice, kst(10, 23, 30), false, time.Time{}},
		{"unknown rule counts as not urgent", "overnight", "gone", model.PostAlert, kst(10, 23, 30), true, kst(11, 7, 0)},
		{"same-day window", "early", "drills", model.PostAlert, utc(5, 59), true, utc(6, 0)},
		{"same-day window, after", "early", "drills", model.PostAlert, utc(6, 0), false, time.Time{}},
		{"same-day window, before", "early", "drills", model.PostAlert, utc(0, 59), false, time.Time{}},
		{"empty window", "never", "drills", model.PostAlert, utc(5, 0), false, time.Time{}},
		{"no quiet hours", "loud", "drills", model.PostAlert, utc(3, 0), false, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := model.Post{Kind: tt.kind, Channel: tt.channel, Rule: tt.rule}
			until, held := hold(p, tt.now)
			if held != tt.wantHold || !until.Equal(tt.wantUntil) {
				t.Errorf("hold = %v until %v, want %v until %v", held, until, tt.wantHold, tt.wantUntil)
			}
		})
	}
}

func TestChannelIDs(t *testing.T) {
	got := outbox.ChannelIDs([]config.Channel{{Name: "alerts", ID: "111"}, {Name: "digest", ID: "222"}})
	if len(got) != 2 || got["alerts"] != "111" || got["digest"] != "222" {
		t.Errorf("ChannelIDs = %v", got)
	}
}
