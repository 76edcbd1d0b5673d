package storagetest

import (
	"context"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

// testStoryMerges: an item that links two stories stores the merge in its
// transaction. The absorbed story points to the surviving one (also after a
// second merge), its items are the survivor's, timelines and the window
// show one event, its ID leads to the survivor, and the survivor's alert
// in a channel where only the absorbed story had one is the absorbed one's.
func testStoryMerges(t *testing.T, s storage.Store) {
	ctx := context.Background()
	// Three stories of one event, each with an item and alerts.
	a, b, c := newItem("a", "yonhap", day(0), "missiles"), newItem("b", "kcna", day(0).Add(time.Hour), "missiles"), newItem("c", "nhk", day(0).Add(2*time.Hour), "missiles")
	stA, stB, stC := newStory("story-a", a, day(0), "missiles"), newStory("story-b", b, day(0), "missiles"), newStory("story-c", c, day(0), "missiles")
	a.StoryID, b.StoryID, c.StoryID = stA.ID, stB.ID, stC.ID
	alertA := newPost("alert-a", "alerts", day(0))
	alertA.StoryID = stA.ID
	alertB := newPost("alert-b", "alerts", day(0).Add(time.Hour))
	alertB.StoryID = stB.ID
	alertBDesk := newPost("alert-b-desk", "desk", day(0).Add(time.Hour))
	alertBDesk.StoryID = stB.ID
	save(t, s, &a, &stA, alertA)
	save(t, s, &b, &stB, alertB, alertBDesk)
	save(t, s, &c, &stC)

	// A fourth report links a and b: b becomes part of a.
	d := newItem("d", "reuters", day(0).Add(3*time.Hour), "missiles")
	merged := stA
	merged.Sources = append(append([]model.Source{}, stA.Sources...), stB.Sources[0], model.Source{Feed: d.Feed, Title: d.Title, Link: d.Link, Published: d.Published})
	merged.Updated = d.Published
	d.StoryID = merged.ID
	saved, err := s.SaveItems(ctx, []storage.ItemWrite{{Item: &d, Story: &merged, Merged: []string{stB.ID}}})
	if err != nil || !saved[0] {
		t.Fatalf("SaveItems with a merge = %v, %v", saved, err)
	}
	got, err := s.Story(ctx, stB.ID)
	if err != nil || got.ID != stA.ID || len(got.Sources) != 3 || got.MergedInto != "" {
		t.Fatalf("Story(absorbed) = %s (%d sources, merged into %q), %v; want the surviving story", got.ID, len(got.Sources), got.MergedInto, err)
	}
	timeline, err := s.Timeline(ctx, storage.Query{Topic: "missiles"})
	if err != nil || !sameStrings(storyIDs(timeline), []string{"story-c", "story-a"}) {
		t.Fatalf("Timeline after the merge = %v, %v; want story-c, story-a", storyIDs(timeline), err)
	}
	if all, err := s.Timeline(ctx, storage.Query{}); err != nil || !sameStrings(storyIDs(all), []string{"story-c", "story-a"}) {
		t.Fatalf("Timeline of all topics after the merge = %v, %v", storyIDs(all), err)
	}
	window, err := s.Stories(ctx, storage.Query{Since: day(-1), Limit: -1})
	if err != nil || !sameStrings(storyIDs(window), []string{"story-a", "story-c"}) {
		t.Fatalf("Stories after the merge = %v, %v; want story-a (updated last), story-c", storyIDs(window), err)
	}
	latest, err := s.Latest(ctx, storage.Query{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range latest {
		want := map[string]string{"a": "story-a", "b": "story-a", "c": "story-c", "d": "story-a"}[it.GUID]
		if it.StoryID != want {
			t.Errorf("item %s is in story %s after the merge, want %s", it.GUID, it.StoryID, want)
		}
	}
	// Where both had an alert, a's own is edited; where only b had one,
	// b's stands for the merged story.
	for _, tt := range []struct{ channel, want string }{{"alerts", "alert-a"}, {"desk", "alert-b-desk"}} {
		if p, err := s.AlertPostFor(ctx, stA.ID, "missile-launch", tt.channel); err != nil || p.ID != tt.want {
			t.Errorf("AlertPostFor(merged story, %s) = %q, %v; want %s", tt.channel, p.ID, err, tt.want)
		}
	}
	alerts, err := s.StoryAlerts(ctx, stA.ID)
	if err != nil || !sameStrings(postIDs(alerts), []string{"alert-a", "alert-b-desk"}) {
		t.Fatalf("StoryAlerts(merged story) = %v, %v; want alert-a, alert-b-desk", postIDs(alerts), err)
	}
	if alerts, err := s.StoryAlerts(ctx, "story-none"); err != nil || len(alerts) != 0 {
		t.Fatalf("StoryAlerts(unknown story) = %v, %v; want none", postIDs(alerts), err)
	}

	// A later report links the merged story and c; c is older here, so
	// a (with b) becomes part of c, and b follows a to c.
	e := newItem("e", "ap", day(0).Add(4*time.Hour), "missiles")
	last := stC
	last.Sources = append(append([]model.Source{}, stC.Sources...), merged.Sources...)
	last.Updated = e.Published
	e.StoryID = last.ID
	if saved, err := s.SaveItems(ctx, []storage.ItemWrite{{Item: &e, Story: &last, Merged: []string{stA.ID}}}); err != nil || !saved[0] {
		t.Fatalf("second merge = %v, %v", saved, err)
	}
	for _, id := range []string{stA.ID, stB.ID} {
		if got, err := s.Story(ctx, id); err != nil || got.ID != stC.ID {
			t.Errorf("Story(%s) after the second merge = %s, %v; want story-c", id, got.ID, err)
		}
	}
	if timeline, err := s.Timeline(ctx, storage.Query{}); err != nil || !sameStrings(storyIDs(timeline), []string{"story-c"}) {
		t.Fatalf("Timeline after the second merge = %v, %v; want story-c", storyIDs(timeline), err)
	}
	if p, err := s.AlertPostFor(ctx, stC.ID, "missile-launch", "desk"); err != nil || p.ID != "alert-b-desk" {
		t.Errorf("AlertPostFor(story-c, desk) = %q, %v; want b's alert, merged twice", p.ID, err)
	}
}
