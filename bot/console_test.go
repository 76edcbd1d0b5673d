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
	p := model.Post{ID: "p1"}
	msg := outbox.Stamp(model.Message{
		Content: "<@&777> urgent",
		Embeds: []model.Embed{{
			Title: "North Korea fires ballistic missile", URL: "https://example.org/nk-missile",
			Description: "The launch came hours before\nthe Freedom Edge drill.",
			Author:      "Yonhap", Footer: "2 sources", Timestamp: time.Date(2025, 1, 6, 3, 0, 0, 0, time.UTC),
			Fields: []model.Field{{Name: "Rule", Value: "missile-launch"}},
		}},
	}, outbox.Marker(p))
	id, err := c.Send(ctx, "501", msg, "n-1")
	if err != nil {
		t.Fatal(err)
	}
	again, err := c.Send(ctx, "501", msg, "n-1")
	if err != nil || again != id {
		t.Fatalf("same nonce: %s, %v; want %s", again, err, id)
	}
	edited := msg
	edited.Embeds = append([]model.Embed(nil), msg.Embeds...)
	edited.Embeds[0].Title += " (update)"
	if err := c.Edit(ctx, "501", id, edited); err != nil {
		t.Fatal(err)
	}
	if err := c.Edit(ctx, "501", "console-99", edited); !outbox.IsPermanent(err) {
		t.Fatalf("edit of a missing message: %v", err)
	}
	if _, err := c.Send(ctx, "", model.Message{Content: "no channel id"}, ""); err != nil {
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
	recent, err := c.Recent(ctx, "501", 10)
	if err != nil || len(recent) != 1 || recent[0] != (outbox.Sent{MessageID: id, Nonce: "n-1", Marker: "ref:p1"}) {
		t.Fatalf("recent %+v, %v", recent, err)
	}
}
