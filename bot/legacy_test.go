package bot_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/storage/sqlite"
)

// legacyRecord is testdata/legacy.json: three posts' message columns as the
// code before posts were platform-neutral wrote them (commit aa749d0), and
// what the loopback Discord showed after that code delivered them (an
// urgent alert, its update as an edit, a notice).
type legacyRecord struct {
	Rows  map[string]string `json:"rows"`
	Shown []legacyShown     `json:"shown"`
}

type legacyShown struct {
	Content string
	Embeds  any
	Pinged  discordtest.Mentions
	Edits   int
}

// Posts left pending by the old code are delivered with the same content,
// embeds and pings as the old code delivered them.
func TestLegacyPendingPostsDeliveredAsBefore(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	raw, err := os.ReadFile(filepath.Join("testdata", "legacy.json"))
	if err != nil {
		t.Fatal(err)
	}
	var rec legacyRecord
	if err := json.Unmarshal(raw, &rec); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "wirewatch.db")
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	created := time.Now().Add(-time.Hour).UTC()
	posts := []model.Post{
		{ID: "legacy-alert", Kind: model.PostAlert, Channel: "alerts", ChannelID: alertsID, StoryID: "story-1", Rule: "nk-launch", Nonce: "wlegacyalert0001", CreatedAt: created},
		{ID: "legacy-update", Kind: model.PostUpdate, Channel: "alerts", ChannelID: alertsID, StoryID: "story-1", Rule: "nk-launch", Nonce: "wlegacyupdate001", ReplaceOf: "legacy-alert", CreatedAt: created.Add(time.Millisecond)},
		{ID: "legacy-notice", Kind: model.PostNotice, Channel: "alerts", ChannelID: alertsID, Nonce: "wlegacynotice001", CreatedAt: created.Add(2 * time.Millisecond)},
	}
	if err := store.AddPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
	store.Close()
	// Write the old rows as the old code left them.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for id, msg := range rec.Rows {
		if _, err := db.ExecContext(ctx, `UPDATE posts SET message = ? WHERE id = ?`, msg, id); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	srv := discordtest.New(t, discordtest.Options{})
	srv.AddChannel(guildID, alertsID, "alerts")
	dg, err := srv.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	store, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ob := outbox.New(store, outbox.Sinks{"discord": bot.NewDiscord(dg)}, outbox.Options{})
	if err := ob.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	var got []legacyShown
	for _, m := range srv.Messages(alertsID) {
		got = append(got, legacyShown{m.Content, m.Embeds, m.Pinged, m.Edits})
	}
	if !sameJSON(t, got, rec.Shown) {
		g, _ := json.MarshalIndent(got, "", "  ")
		t.Fatalf("the old posts show:\n%s\nwant what the old code showed (testdata/legacy.json)", g)
	}
	for _, p := range posts {
		if st, err := store.Post(ctx, p.ID); err != nil || st.State != model.PostSent {
			t.Errorf("post %s: %s, %v; want sent", p.ID, st.State, err)
		}
	}
}

// sameJSON compares two values as the JSON they encode to.
func sameJSON(t *testing.T, a, b any) bool {
	t.Helper()
	var x, y any
	for _, p := range []struct {
		v   any
		out *any
	}{{a, &x}, {b, &y}} {
		raw, err := json.Marshal(p.v)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, p.out); err != nil {
			t.Fatal(err)
		}
	}
	return reflect.DeepEqual(x, y)
}
