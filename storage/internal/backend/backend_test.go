package backend

import (
	"testing"
	"testing/fstest"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

func TestLimit(t *testing.T) {
	for _, tt := range []struct{ in, want int }{{0, DefaultLimit}, {5, 5}, {-1, -1}, {-9, -1}} {
		if got := Limit(storage.Query{Limit: tt.in}); got != tt.want {
			t.Errorf("Limit(%d) = %d, want %d", tt.in, got, tt.want)
		}
	}
	if got := Offset(storage.Query{Offset: -3}); got != 0 {
		t.Errorf("Offset(-3) = %d", got)
	}
}

func TestReadMigrations(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0010_later.sql": {Data: []byte("B")},
		"m/0002_first.sql": {Data: []byte("A")},
	}
	ms, err := ReadMigrations(fsys, "m")
	if err != nil || len(ms) != 2 || ms[0].Version != 2 || ms[1].SQL != "B" {
		t.Fatalf("ReadMigrations = %#v, %v", ms, err)
	}
	for name, bad := range map[string]fstest.MapFS{
		"duplicate": {"m/0001_a.sql": {}, "m/01_b.sql": {}},
		"no number": {"m/init.sql": {}},
		"not sql":   {"m/0001_a.txt": {}},
		"zero":      {"m/0000_a.sql": {}},
	} {
		if _, err := ReadMigrations(bad, "m"); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestPreparePosts(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	posts := []model.Post{{Channel: "a"}, {ID: "x", Channel: "b", State: model.PostSent, CreatedAt: now.Add(-time.Hour)}}
	if err := PreparePosts(posts, now); err != nil {
		t.Fatal(err)
	}
	if posts[0].ID == "" || posts[0].State != model.PostPending || !posts[0].CreatedAt.Equal(now) {
		t.Errorf("defaults not filled: %#v", posts[0])
	}
	if posts[1].ID != "x" || posts[1].State != model.PostSent || !posts[1].CreatedAt.Equal(now.Add(-time.Hour)) {
		t.Errorf("given values changed: %#v", posts[1])
	}
	if err := PreparePosts([]model.Post{{ID: "y"}}, now); err == nil {
		t.Error("a post without a channel was accepted")
	}
}
