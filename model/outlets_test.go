package model

import (
	"testing"
	"time"
)

func TestOutlets(t *testing.T) {
	t0 := time.Date(2026, 11, 20, 1, 0, 0, 0, time.UTC)
	st := Story{Sources: []Source{
		{Feed: "Yonhap", Title: "(URGENT) N. Korea fires missile", Published: t0},
		{Feed: "Reuters", Title: "North Korea fires missile", Published: t0.Add(time.Minute)},
		{Feed: "Yonhap", Title: "(LEAD) N. Korea fires missile", Published: t0.Add(2 * time.Minute)},
		{Feed: "Yonhap", Title: "(URGENT) N. Korea fires missile", Published: t0.Add(3 * time.Minute)},
	}}
	got := st.Outlets()
	if len(got) != 2 || got[0] != st.Sources[0] || got[1] != st.Sources[1] {
		t.Fatalf("Outlets = %+v, want Yonhap's first report and Reuters'", got)
	}
}
