package config

import (
	"testing"
	"time"
)

func TestQuietHours(t *testing.T) {
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	night := &QuietHours{Start: 23 * 60, End: 7 * 60, Location: seoul}
	lunch := &QuietHours{Start: 12 * 60, End: 13 * 60, Location: seoul}
	at := func(day, hour, minute int) time.Time { return time.Date(2025, 6, day, hour, minute, 0, 0, seoul) }
	tests := []struct {
		name   string
		q      *QuietHours
		t      time.Time
		active bool
		ends   time.Time
	}{
		{"before night", night, at(3, 22, 59), false, at(3, 22, 59)},
		{"night starts", night, at(3, 23, 0), true, at(4, 7, 0)},
		{"after midnight", night, at(4, 3, 30), true, at(4, 7, 0)},
		{"night ends", night, at(4, 7, 0), false, at(4, 7, 0)},
		{"lunch", lunch, at(3, 12, 30), true, at(3, 13, 0)},
		{"after lunch", lunch, at(3, 13, 1), false, at(3, 13, 1)},
		// 14:30 UTC is 23:30 in Seoul.
		{"other zone", night, time.Date(2025, 6, 3, 14, 30, 0, 0, time.UTC), true, at(4, 7, 0)},
		{"none", nil, at(3, 23, 30), false, at(3, 23, 30)},
	}
	for _, tt := range tests {
		if got := tt.q.Active(tt.t); got != tt.active {
			t.Errorf("%s: Active = %v", tt.name, got)
		}
		if got := tt.q.EndsAt(tt.t); !got.Equal(tt.ends) {
			t.Errorf("%s: EndsAt = %v, want %v", tt.name, got, tt.ends)
		}
	}
}

func TestLookups(t *testing.T) {
	cfg := mustLoad(t, "testdata/minimal.toml")
	if c := cfg.Channel("desk"); c == nil || c.ID != "000000000000000001" {
		t.Errorf("Channel(desk) = %v", c)
	}
	if cfg.Channel("nowhere") != nil || cfg.Topic("japan") != nil {
		t.Error("lookup of an undefined name is not nil")
	}
	if tp := cfg.Topic("north-korea"); tp == nil || len(tp.Aliases) != 2 {
		t.Errorf("Topic(north-korea) = %v", tp)
	}
}
