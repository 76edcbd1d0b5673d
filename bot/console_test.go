package bot_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/model"
	"wirewatch/outbox"
)

func TestConsolePrintsLikeTheChannel(t *testing.T) {
	var out bytes.Buffer
	c := bot.NewConsole(&out, map[string]string{"501": "alerts"})
	ctx := context.Background()
	msg := bot.Message{
		Content: "<@&777> urgent",
		Embeds: []bot.Embed{{
			Title: "North Korea fires ballistic missile", URL: "https://example.org/nk-missile",
			Description: "The launch came hours before\nthe Freedom Edge drill.",
			Author:      "Yonhap", Footer: "2 sources", Timestamp: time.Date(2025, 1, 6, 3, 0, 0, 0, time.UTC),
			Fields: []bot.Field{{Name: "Rule", Value: "missile-launch"}},
		}},
	}
	p := rawPost("p1", msg)
	id, err := c.Send(ctx, "501", p, "n-1")
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.Send(ctx, "501", p, "n-1")
	if err != nil || again != id {
		t.Fatalf("same nonce: %s, %v; want %s", again, err, id)
	}
	msg.Embeds[0].Title += " (update)"
	edited := rawPost("u1", msg)
	edited.Kind, edited.ReplaceOf = model.PostUpdate, p.ID
	if err := c.Edit(ctx, "501", id, edited); err != nil {
		t.Fatal(err)
	}
	if err := c.Edit(ctx, "501", "console-99", edited); !outbox.IsPermanent(err) {
		t.Fatalf("edit of a missing message: %v", err)
	}
	if _, err := c.Send(ctx, "", rawPost("p2", bot.Message{Content: "no channel id"}), ""); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "console.golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		_ = os.WriteFile(golden, out.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Fatalf("printed:\n%s\nwant:\n%s", out.String(), want)
	}
	recent, err := c.Recent(ctx, "501", time.Time{})
	if err != nil || len(recent) != 1 || recent[0] != (outbox.Sent{MessageID: id, Nonce: "n-1", PostID: "p1"}) {
		t.Fatalf("recent %+v, %v", recent, err)
	}
}

// Every kind of post, as its Content says it, rendered by the console as
// Discord lays it out: the layout of alerts, updates (an edit and a reply),
// digests and notices, held in testdata/render.golden.
func TestConsoleRendersPosts(t *testing.T) {
	var out bytes.Buffer
	c := bot.NewConsole(&out, map[string]string{"501": "korea-urgent", "502": "morning"})
	ctx := context.Background()
	pub := time.Date(2025, 1, 6, 3, 0, 0, 0, time.UTC)
	sources := []model.Source{
		{Feed: "Yonhap", Title: "N. Korea fires ballistic missile into East Sea", Link: "https://en.yna.co.kr/view/1", Published: pub},
		{Feed: "Kyodo", Title: "North Korean missile lands outside Japan's EEZ", Link: "https://kyodo.example/2", Published: pub.Add(20 * time.Minute)},
		{Feed: "NK News @everyone", Title: "KCNA: [test](javascript:alert(1)) of a new IRBM", Link: "javascript:alert(1)", Published: pub.Add(40 * time.Minute)},
	}
	alert := model.Content{
		Headline: "N. Korea fires ballistic missile into East Sea", Link: "https://en.yna.co.kr/view/1", Feed: "Yonhap", Published: pub,
		Summary: []string{"North Korea fired a ballistic missile toward the East Sea on Monday, the JCS said.", "It flew about 1,100 km."},
		Items:   []string{"guid:yonhap:1"}, Severity: model.SeverityUrgent, Rule: "nk-missile-launch",
		Terms: []string{"missile", "fired"}, Mentions: []string{"777"},
		StoryTitle: "N. Korea fires ballistic missile into East Sea", Updated: pub, Sources: sources[:1], TimeZone: "Asia/Seoul",
	}
	update := alert
	update.Sources, update.Updated, update.Items = sources, pub.Add(40*time.Minute), []string{"guid:yonhap:1", "guid:kyodo:2", "guid:nknews:3"}
	reply := update
	reply.Reply = true
	digest := model.DigestContent{Name: "morning", Since: pub.Add(-24 * time.Hour), Until: pub, NotShown: 1, Sections: []model.DigestSection{
		{Topic: "north-korea", Title: "North Korea", Stories: 3, Entries: []model.DigestEntry{
			{StoryID: "s1", Headline: "N. Korea fires ballistic missile", Link: "https://en.yna.co.kr/view/1", Feed: "Yonhap", Sources: 3, Updated: pub},
			{StoryID: "s2", Headline: "Freedom Edge drill begins", Link: "https://example.org/drill", Feed: "Yonhap", Sources: 1, Updated: pub.Add(-2 * time.Hour)},
		}},
		{Topic: "japan", Title: "Japan", Stories: 1, Entries: []model.DigestEntry{
			{StoryID: "s3", Headline: "Tokyo protests launch", Link: "https://kyodo.example/3", Feed: "Kyodo", Sources: 1, Updated: pub.Add(-time.Hour)},
		}},
	}}
	posts := []struct {
		channel string
		post    model.Post
		edit    string // the message to edit, for an update
	}{
		{"501", model.Post{ID: "p-alert", Kind: model.PostAlert, Content: alert}, ""},
		{"501", model.Post{ID: "p-update", Kind: model.PostUpdate, ReplaceOf: "p-alert", Content: update}, "console-1"},
		{"501", model.Post{ID: "p-reply", Kind: model.PostAlert, Content: reply}, ""},
		{"502", model.Post{ID: "p-digest", Kind: model.PostDigest, Content: model.Content{Digest: &digest, TimeZone: "Asia/Seoul"}}, ""},
		{"501", model.Post{ID: "p-notice", Kind: model.PostNotice, Content: model.Content{Notice: "Feed **NK News** is broken: 404 <@&1>"}}, ""},
	}
	for _, p := range posts {
		var err error
		if p.edit != "" {
			err = c.Edit(ctx, p.channel, p.edit, p.post)
		} else {
			_, err = c.Send(ctx, p.channel, p.post, outbox.Nonce(p.post.ID))
		}
		if err != nil {
			t.Fatalf("%s: %v", p.post.ID, err)
		}
	}
	golden := filepath.Join("testdata", "render.golden")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		_ = os.WriteFile(golden, out.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if out.String() != string(want) {
		t.Fatalf("printed:\n%s\nwant:\n%s", out.String(), want)
	}
	// The edited message is still marked as the alert's.
	recent, err := c.Recent(ctx, "501", time.Time{})
	if err != nil || len(recent) != 3 || recent[0].PostID != "p-alert" || recent[1].PostID != "p-reply" {
		t.Fatalf("recent %+v, %v", recent, err)
	}
}
