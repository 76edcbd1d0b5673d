package storagetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

// testDecisions: a decision record is stored with its item, in the same
// batch, read back as written, capped when hostile, not written for an item
// whose key was stored already; items are found by key and GUID.
func testDecisions(t *testing.T, s storage.Store) {
	ctx := context.Background()
	a := newItem("a", "yonhap", day(1), "missiles")
	a.GUID = "guid-a"
	b := newItem("b", "kcna", day(1).Add(time.Minute))
	st := newStory("story-ab", a, day(1), "missiles")
	decA := model.Decision{Story: model.StoryNew, StoryID: "story-ab", Routes: []model.RouteDecision{
		{Channel: "alerts", Rule: "launch", Outcome: model.RouteQuiet, Post: "pa", Until: day(2).UTC()},
		{Channel: "desk", Rule: "launch", Outcome: model.RouteFolded, Cap: model.CapFeed, Post: "fold-1", NoPing: true},
	}}
	long := strings.Repeat("ü", 2000) // 4000 bytes
	decB := model.Decision{Story: model.StorySimilar, StoryID: "story-ab", Score: 0.81, Sources: 1, CopyOf: long,
		Routes: make([]model.RouteDecision, 100)}
	saved, err := s.SaveItems(ctx, []storage.ItemWrite{
		{Item: &a, Story: &st, Posts: []model.Post{newPost("pa", "alerts", day(1))}, Decision: &decA},
		{Item: &b, Story: &st, Decision: &decB},
	})
	if err != nil || !saved[0] || !saved[1] {
		t.Fatalf("SaveItems = %v, %v", saved, err)
	}
	got, err := s.Decision(ctx, a.Key)
	if err != nil || !reflect.DeepEqual(got, decA) {
		t.Fatalf("Decision(a) = %+v, %v\nwant %+v", got, err, decA)
	}
	got, err = s.Decision(ctx, b.Key)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.CopyOf) > 512 || !strings.HasPrefix(long, got.CopyOf) || got.CopyOf == "" {
		t.Errorf("a hostile link is stored as %d bytes, want a prefix of at most 512", len(got.CopyOf))
	}
	if len(got.Routes) != 32 || got.Score != 0.81 {
		t.Errorf("a record of 100 routes keeps %d (want 32), score %v", len(got.Routes), got.Score)
	}

	// A replica that stores the same item again writes nothing of it.
	again := newItem("a", "yonhap", day(1), "missiles")
	other := model.Decision{Story: model.StoryLink}
	if saved, err := s.SaveItems(ctx, []storage.ItemWrite{{Item: &again, Decision: &other}}); err != nil || saved[0] {
		t.Fatalf("saving a stored key = %v, %v", saved, err)
	}
	if got, err := s.Decision(ctx, a.Key); err != nil || got.Story != model.StoryNew {
		t.Errorf("after a duplicate save the decision is %+v, %v: want the first one", got, err)
	}

	c := newItem("c", "yonhap", day(2))
	save(t, s, &c, nil)
	if _, err := s.Decision(ctx, c.Key); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Decision of an item stored without one: %v, want ErrNotFound", err)
	}
	if it, err := s.ItemByKey(ctx, b.Key); err != nil || it.ID != b.ID {
		t.Errorf("ItemByKey(%s) = %d, %v; want %d", b.Key, it.ID, err, b.ID)
	}
	if it, err := s.ItemByGUID(ctx, "guid-a"); err != nil || it.ID != a.ID {
		t.Errorf("ItemByGUID = %d, %v; want %d", it.ID, err, a.ID)
	}
	for name, f := range map[string]func() error{
		"ItemByKey":  func() error { _, err := s.ItemByKey(ctx, "link:https://missing.example/"); return err },
		"ItemByGUID": func() error { _, err := s.ItemByGUID(ctx, "missing"); return err },
	} {
		if err := f(); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("%s of a missing item: %v, want ErrNotFound", name, err)
		}
	}
}
