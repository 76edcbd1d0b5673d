package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot"
	"wirewatch/model"
	"wirewatch/storage"
)

// TestWhyAnswersPrivately: /why url: answers with the item's path in a
// private embed: its story, the rules as configured now, and each channel's
// decision with its post's state and Discord message link in this guild;
// a hostile headline stays inert and within Discord's limits; an unknown
// link gets a private answer that says what to paste.
func TestWhyAnswersPrivately(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	ctx := context.Background()
	pub := h.now.Add(-time.Hour).Truncate(time.Second)
	it := model.Item{Key: "guid:Yonhap:launch-1", GUID: "launch-1", Feed: "Yonhap", Link: "https://en.yna.example/nk/launch",
		Title: "North Korea fires missile @everyone **bold** " + strings.Repeat("[x](https://evil.example) ", 40),
		Text:  "North Korea fired a ballistic missile, officials said.", Summary: []string{"North Korea fired a ballistic missile, officials said."},
		Published: pub, FirstSeen: pub.Add(time.Minute), StoryID: "story-launch", Topics: []string{"north-korea"}}
	st := model.Story{ID: "story-launch", Title: it.Title, Link: it.Link, FirstSeen: pub, Updated: pub, EventDate: pub,
		Sources: []model.Source{{Feed: it.Feed, Title: it.Title, Link: it.Link, Published: pub}}}
	alert := model.Post{ID: "post-launch", Kind: model.PostAlert, Channel: "desk", ChannelID: cmdDesk, StoryID: st.ID,
		Rule: "nk-launch", Nonce: "n-launch", State: model.PostPending, CreatedAt: pub.Add(time.Minute),
		Content: model.Content{Headline: "x", Link: it.Link}}
	dec := model.Decision{Story: model.StoryNew, StoryID: st.ID, Routes: []model.RouteDecision{
		{Channel: "desk", Rule: "nk-launch", Outcome: model.RoutePosted, Post: alert.ID},
	}}
	if saved, err := h.raw.SaveItems(ctx, []storage.ItemWrite{{Item: &it, Story: &st, Posts: []model.Post{alert}, Decision: &dec}}); err != nil || !saved[0] {
		t.Fatalf("save: %v, %v", saved, err)
	}
	if err := h.raw.MarkSent(ctx, alert.ID, "700000000000000042", pub.Add(2*time.Minute)); err != nil {
		t.Fatal(err)
	}

	cb := settle(t, h.command(cmdAnalyst, "why", str("url", "https://en.yna.example/nk/launch")))
	if cb.Flags&int(discordgo.MessageFlagsEphemeral) == 0 || len(cb.Embeds) != 1 {
		t.Fatalf("/why: flags %d, %d embeds: want one private embed", cb.Flags, len(cb.Embeds))
	}
	e := cb.Embeds[0]
	desc := e.Description
	for _, want := range []string{
		"began a new story story-launch",
		"nk-launch matched (urgent) on North Korea, missile, fires",
		`freedom-edge not matched: missing "Freedom Edge"`,
		"\\#desk (nk-launch): alert posted",
		"post post-launch: sent, 1 attempt",
		"https://discord.com/channels/" + cmdGuild + "/" + cmdDesk + "/700000000000000042",
	} {
		if !strings.Contains(desc, want) {
			t.Errorf("/why description lacks %q:\n%s", want, desc)
		}
	}
	if strings.Contains(desc+e.Title, "@everyone") && !strings.Contains(desc+e.Title, "@\u200beveryone") {
		t.Errorf("a hostile headline's @everyone is not made inert:\n%s\n%s", e.Title, desc)
	}
	if strings.Contains(desc, "[x](https://evil.example)") {
		t.Errorf("a hostile headline's markdown link survives:\n%s", desc)
	}
	if n := utf8.RuneCountInString(desc); n > 4096 || utf8.RuneCountInString(e.Title) > 256 {
		t.Errorf("embed over Discord's limits: title %d, description %d", utf8.RuneCountInString(e.Title), n)
	}
	if e.URL != it.Link {
		t.Errorf("embed URL %q, want the item's link", e.URL)
	}

	cb = settle(t, h.command(cmdAnalyst, "why", str("url", "https://nowhere.example/x")))
	if cb.Flags&int(discordgo.MessageFlagsEphemeral) == 0 || !strings.Contains(cb.Content, "No stored item has the link") {
		t.Errorf("unknown link: flags %d, %q", cb.Flags, cb.Content)
	}
}
