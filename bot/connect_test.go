package bot

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot/discordtest"
	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/rules"
	"wirewatch/storage/sqlite"
)

// TestConnect wires a session the way `wirewatch run` does, against the
// fake: the gateway opens, the commands are registered in the configured
// guild with one overwrite, a slash command is answered, and the sink posts.
func TestConnect(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	srv := discordtest.New(t, discordtest.Options{})
	const guild, channel = "700000000000000001", "700000000000000002"
	srv.AddGuild(guild, "Korea Desk")
	srv.AddChannel(guild, channel, "alerts")

	cfg, err := config.Parse("connect.toml", []byte(`
[discord]
application_id = "`+srv.ApplicationID()+`"
guild_ids = ["`+guild+`"]

[[topics]]
name = "north-korea"
aliases = ["North Korea"]

[[channels]]
name = "alerts"
id = "`+channel+`"
`))
	if err != nil {
		t.Fatal(err)
	}
	engine, err := rules.Compile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	s, err := srv.Session("token")
	if err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	conn, err := connect(ctx, s, store, func() (*config.Config, *rules.Engine) { return cfg, engine }, log, Hooks{})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()

	registered := srv.Commands(guild)
	if want := len(NewCommands(store, nil, CommandOptions{}).Definitions()); len(registered) != want || want == 0 {
		t.Fatalf("registered %d commands in the guild, want %d", len(registered), want)
	}
	if global := srv.Commands(""); len(global) != 0 {
		t.Errorf("registered %d global commands, want none (guild_ids is set)", len(global))
	}

	in := srv.DispatchInteraction(discordtest.InteractionSpec{
		Type: discordgo.InteractionApplicationCommand, GuildID: guild, ChannelID: channel,
		Data: discordgo.ApplicationCommandInteractionData{Name: "latest"},
	})
	cb, err := in.Wait(ctx)
	if err != nil {
		t.Fatalf("/latest was not answered: %v", err)
	}
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource && cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Errorf("/latest answered with type %d", cb.Type)
	}

	id, err := conn.Send(ctx, channel, legacyPost("hello @everyone"), "n-connect-test")
	if err != nil || id == "" {
		t.Fatalf("send: %q %v", id, err)
	}
	var posted []discordtest.Message
	for _, m := range srv.Messages(channel) {
		if m.InteractionID == "" { // not the answer to /latest
			posted = append(posted, m)
		}
	}
	if len(posted) != 1 || !posted[0].Mentioned.Everyone || !posted[0].Pinged.Empty() {
		t.Fatalf("channel shows %+v, want one message that names @everyone and pings nobody", posted)
	}
}

// legacyPost is a post of raw content, as stored before posts were
// platform-neutral: nothing in it is escaped by the renderer.
func legacyPost(content string) model.Post {
	b, _ := json.Marshal(Message{Content: content})
	return model.Post{ID: "legacy", Kind: model.PostAlert, Content: model.Content{Legacy: b}}
}
