package storagetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

// LegacyMuteRows are meta rows as /mute and /unmute wrote them before mutes
// had a table: 'mute:<channel>:<topic>' holding the RFC 3339 end, empty after
// /unmute. A backend's migration test stores them under an old schema, then
// opens it and calls CheckLegacyMutes.
var LegacyMuteRows = map[string]string{
	"mute:desk:north-korea": "2026-03-10T12:00:00Z",
	"mute:desk:a:b":         "2026-03-11T00:00:00Z", // a topic holding ':'
	"mute:ops:missiles":     "",                     // unmuted
	"mute:ops:drills":       "2026-03-01T00:00:00Z", // over
}

// CheckLegacyMutes checks that the mutes of LegacyMuteRows in force at
// 2026-03-10 09:00 UTC became typed mutes and that their meta rows are gone.
func CheckLegacyMutes(t *testing.T, s storage.Store) {
	t.Helper()
	ctx := context.Background()
	got, err := s.Mutes(ctx, time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Mute{
		{Channel: "desk", Topic: "a:b", Until: time.Date(2026, 3, 11, 0, 0, 0, 0, time.UTC)},
		{Channel: "desk", Topic: "north-korea", Until: time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("mutes migrated from meta = %v, want %v", got, want)
	}
	for key := range LegacyMuteRows {
		if v, err := s.Meta(ctx, key); err == nil {
			t.Errorf("meta %s = %q is still there", key, v)
		}
	}
}
