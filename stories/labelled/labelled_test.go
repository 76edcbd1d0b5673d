package labelled

import (
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	recs, err := Read("testdata/small.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2", len(recs))
	}
	// Publication order: b (09:30 KST) before a (10:00 KST).
	b, a := recs[0], recs[1]
	if b.ID != "b" || a.ID != "a" {
		t.Fatalf("order %s, %s; want b, a", recs[0].ID, recs[1].ID)
	}
	if b.Story != "launch-1" || b.Date != "2026-11-20" || b.Item.Text != a.Item.Text || b.Item.Feed != "Wire B" || b.Zone.String() != "Asia/Seoul" {
		t.Fatalf("copy = %+v", b)
	}
	if _, err := Read("testdata/bad-date.txt"); err == nil || !strings.Contains(err.Error(), "date") {
		t.Fatalf("bad date: err = %v", err)
	}
}
