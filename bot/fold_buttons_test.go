package bot_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot"
	"wirewatch/model"
)

// A fold's page buttons update the message they are on with the page of
// the fold they name, read from storage (its first post's items, then its
// updates'), also after a restart; a button naming no fold is refused.
func TestFoldButtons(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	post := func(id string, kind model.PostKind, of string, from, n int) model.Post {
		f := &model.Fold{Feed: "Flood Wire", Rule: "flashpoints", Total: from + n}
		for i := from; i < from+n; i++ {
			f.Items = append(f.Items, model.FoldItem{Title: fmt.Sprintf("item %03d", i), Link: fmt.Sprintf("https://x.example/%03d", i)})
		}
		return model.Post{ID: id, Kind: kind, ReplaceOf: of, Channel: "desk", ChannelID: cmdDesk, Rule: "flashpoints",
			Content: model.Content{Fold: f}}
	}
	if err := h.raw.AddPosts(context.Background(), []model.Post{
		post("fold-1", model.PostFold, "", 0, 40), post("fold-1-b", model.PostUpdate, "fold-1", 40, 40),
	}); err != nil {
		t.Fatal(err)
	}
	// Any message of the channel carries the buttons here: a /timeline answer.
	h.fillTimeline(3)
	in := h.command(cmdAnalyst, "timeline", str("topic", "north-korea"))
	settle(t, in)
	m, ok := in.Original()
	if !ok {
		t.Fatal("no timeline message")
	}
	h.restart()
	seen := map[string]int{}
	id := "fold:fold-1:1"
	for page := 1; id != ""; page++ {
		cb := settle(t, h.click(m.ID, id))
		if cb.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("page %d: type %d %s", page, cb.Type, cb.Raw)
		}
		if !strings.HasPrefix(cb.Embeds[0].Title, "80 more items from Flood Wire matched flashpoints") ||
			!strings.Contains(cb.Embeds[len(cb.Embeds)-1].Footer.Text, fmt.Sprintf("page %d of 2", page)) ||
			!strings.HasSuffix(cb.Embeds[len(cb.Embeds)-1].Footer.Text, "ref:fold-1") {
			t.Errorf("page %d: %q / %q", page, cb.Embeds[0].Title, cb.Embeds[len(cb.Embeds)-1].Footer.Text)
		}
		for i := range 80 {
			if strings.Contains(cb.Embeds[0].Description, fmt.Sprintf("https://x.example/%03d)", i)) {
				seen[fmt.Sprint(i)]++
			}
		}
		id = ""
		for _, b := range buttons(t, cb.Components) {
			if strings.HasPrefix(b.Label, "Next") && !b.Disabled {
				id = b.CustomID
			}
		}
		if page > 2 {
			t.Fatal("more than 2 pages")
		}
	}
	for i := range 80 {
		if seen[fmt.Sprint(i)] != 1 {
			t.Errorf("item %d on %d pages, want 1", i, seen[fmt.Sprint(i)])
		}
	}
	// Page 0 is the cover: the count and the newest 10.
	cb := settle(t, h.click(m.ID, "fold:fold-1:0"))
	if d := cb.Embeds[0].Description; cb.Type != discordgo.InteractionResponseUpdateMessage ||
		!strings.Contains(d, "https://x.example/079)") || strings.Contains(d, "https://x.example/069)") {
		t.Errorf("cover: type %d\n%s", cb.Type, d)
	}
	wantError(t, settle(t, h.click(m.ID, "fold:fold-1-b:1")), "no longer works") // an update names no fold
	wantError(t, settle(t, h.click(m.ID, "fold:missing:1")), "no longer works")
	wantError(t, settle(t, h.click(m.ID, "fold:fold-1:x")), "no longer works")
}
