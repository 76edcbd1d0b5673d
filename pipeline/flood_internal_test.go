package pipeline

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"wirewatch/model"
)

func TestPageFold(t *testing.T) {
	items := func(n, linkLen, titleLen int) []model.FoldItem {
		var out []model.FoldItem
		for i := range n {
			link := fmt.Sprintf("https://x.example/%d/", i)
			out = append(out, model.FoldItem{Title: strings.Repeat("t", titleLen), Link: link + strings.Repeat("a", max(0, linkLen-len(link)))})
		}
		return out
	}
	tests := []struct {
		name  string
		items []model.FoldItem
		want  []int // items per page
	}{
		{"none", nil, nil},
		{"one", items(1, 30, 200), []int{1}},
		{"short links: 50 a page", items(120, 10, 20), []int{50, 50, 20}},
		{"long links: by characters", items(60, 140, 200), []int{20, 20, 20}},
		{"a link over the budget has a page of its own", items(2, 5000, 200), []int{1, 1}},
	}
	for _, tt := range tests {
		var got []int
		total := 0
		for _, p := range pageFold(tt.items) {
			got = append(got, len(p))
			total += len(p)
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || total != len(tt.items) {
			t.Errorf("%s: pages of %v, want %v", tt.name, got, tt.want)
		}
	}
}

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
	if shortDuration(10*time.Minute) != "10m" || shortDuration(time.Hour) != "1h" || shortDuration(90*time.Second) != "1m30s" {
		t.Error("shortDuration")
	}
}
