package pipeline

import (
	"testing"
	"time"
)

func TestWindow(t *testing.T) {
	t0 := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	var w window
	for i := range 3 {
		if w.full(3, 10*time.Minute, t0.Add(time.Duration(i)*time.Minute)) {
			t.Fatalf("full after %d events", i)
		}
		w.add(t0.Add(time.Duration(i) * time.Minute))
	}
	if !w.full(3, 10*time.Minute, t0.Add(5*time.Minute)) {
		t.Error("not full after 3 events in 10 minutes")
	}
	if got := w.reopens(10 * time.Minute); !got.Equal(t0.Add(10 * time.Minute)) {
		t.Errorf("reopens at %v", got)
	}
	if w.full(3, 10*time.Minute, t0.Add(10*time.Minute)) {
		t.Error("still full once the first event left the window")
	}
}
