package lookup_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"wirewatch/lookup"
	"wirewatch/model"
	"wirewatch/storage/sqlite"
)

// A fold reads back as its first post's items, then each update's, in the
// order written; an id that is no fold's first post is no fold.
func TestFold(t *testing.T) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	at := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	post := func(id string, kind model.PostKind, of string, from, n int) model.Post {
		f := &model.Fold{Feed: "Flood Wire", Rule: "flashpoints", Total: from + n}
		for i := from; i < from+n; i++ {
			f.Items = append(f.Items, model.FoldItem{Title: fmt.Sprint(i), Link: fmt.Sprintf("https://x.example/%d", i)})
		}
		return model.Post{ID: id, Kind: kind, ReplaceOf: of, Channel: "alerts", ChannelID: "1", Rule: "flashpoints",
			Nonce: "n" + id, State: model.PostPending, CreatedAt: at.Add(time.Duration(from) * time.Millisecond),
			Content: model.Content{Fold: f}}
	}
	alert := post("alert", model.PostAlert, "", 0, 1)
	alert.Content.Fold = nil
	alert.Content.Headline = "an alert"
	if err := st.AddPosts(ctx, []model.Post{
		post("fold", model.PostFold, "", 0, 3), post("u2", model.PostUpdate, "fold", 5, 2), post("u1", model.PostUpdate, "fold", 3, 2), alert,
	}); err != nil {
		t.Fatal(err)
	}
	f, ok, err := lookup.Fold(ctx, st, "fold")
	if err != nil || !ok {
		t.Fatalf("Fold = %v, %v", ok, err)
	}
	if f.Total != 7 || len(f.Items) != 7 || f.Feed != "Flood Wire" {
		t.Fatalf("fold of %d items (total %d, feed %q), want 7", len(f.Items), f.Total, f.Feed)
	}
	for i, it := range f.Items {
		if it.Title != fmt.Sprint(i) {
			t.Errorf("item %d is %q", i, it.Title)
		}
	}
	for _, id := range []string{"u1", "alert", "missing"} {
		if _, ok, err := lookup.Fold(ctx, st, id); ok || err != nil {
			t.Errorf("Fold(%s) = %v, %v; want no fold", id, ok, err)
		}
	}
}
