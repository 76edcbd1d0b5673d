package pipeline_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

// countingMutes counts how often the pipeline reads the mutes.
type countingMutes struct {
	storage.Store
	reads int
}

func (s *countingMutes) Mutes(ctx context.Context, at time.Time) ([]model.Mute, error) {
	s.reads++
	return s.Store.Mutes(ctx, at)
}

// A topic muted in one channel posts nothing there and still alerts the
// other channel; the mutes are read once for a poll's items, not once per
// item, channel and topic; once the mute ends, the channel is alerted again.
func TestMutedTopicSkipsChannel(t *testing.T) {
	ctx := context.Background()
	site := &feedSite{}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	cfg := loadConfig(t, "testdata/mute.toml", "{{BASE}}", srv.URL)
	clock := new(time.Time)
	*clock = time.Now()
	title, text := floodItem(1000)
	site.add("old", title, text, clock.Add(-time.Hour))
	var counted *countingMutes
	p, store := newPipelineWrapped(t, cfg, clock, func(s storage.Store) storage.Store {
		counted = &countingMutes{Store: s}
		return counted
	})
	if _, err := p.Cycle(ctx); err != nil { // the backlog, recorded
		t.Fatal(err)
	}
	counted.reads = 0
	if err := store.SetMute(ctx, model.Mute{Channel: "alerts", Topic: "flashpoints", Until: clock.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		title, text := floodItem(i)
		site.add(fmt.Sprintf("new-%d", i), title, text, *clock)
	}
	*clock = clock.Add(time.Minute)
	if _, err := p.Cycle(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(pending(t, store, "alerts")); n != 0 {
		t.Errorf("the muted channel got %d posts", n)
	}
	if n := len(pending(t, store, "desk")); n != 5 {
		t.Errorf("the other channel got %d posts, want 5", n)
	}
	if counted.reads != 1 {
		t.Errorf("mutes read %d times for one poll of 5 items in 2 channels, want 1", counted.reads)
	}
	checkMuteDecisions(t, store, pending(t, store, "desk"))

	*clock = clock.Add(2 * time.Hour) // the mute is over
	title, text = floodItem(99)
	site.add("after", title, text, *clock)
	if _, err := p.Cycle(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(pending(t, store, "alerts")); n != 1 {
		t.Errorf("after the mute the channel got %d posts, want 1", n)
	}
}

// checkMuteDecisions checks the decision records of the items a mute kept
// from one channel: muted there (which topic, until when), posted in the
// other with the post that was written.
func checkMuteDecisions(t *testing.T, store storage.Store, desk []model.Post) {
	t.Helper()
	ctx := context.Background()
	items, err := store.Latest(ctx, storage.Query{Limit: 5, Until: time.Now().Add(time.Hour)})
	if err != nil || len(items) != 5 {
		t.Fatalf("latest: %d items, %v", len(items), err)
	}
	posted := map[string]bool{}
	for _, p := range desk {
		posted[p.ID] = true
	}
	for _, it := range items {
		d, err := store.Decision(ctx, it.Key)
		if err != nil {
			t.Fatalf("decision of %s: %v", it.Key, err)
		}
		var muted, sent bool
		for _, r := range d.Routes {
			switch r.Channel {
			case "alerts":
				muted = r.Outcome == model.RouteMuted && r.Topic == "flashpoints" && !r.Until.IsZero() && r.Post == ""
			case "desk":
				sent = r.Outcome == model.RoutePosted && posted[r.Post]
			}
		}
		if !muted || !sent || d.StoryID != it.StoryID {
			t.Errorf("decision of %s: %+v: want alerts muted (flashpoints), desk posted with a pending post, story %s", it.Key, d, it.StoryID)
		}
	}
}
