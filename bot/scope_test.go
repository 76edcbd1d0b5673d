package bot_test

import (
	"bytes"
	"log/slog"
	"strings"
	"sync"
	"testing"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/model"
)

// A guild the config does not name, with a channel of its own.
const (
	otherGuild   = "500000000000000077"
	otherChannel = "600000000000000077"
)

func TestCommandsOnlyInConfiguredGuilds(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	h.srv.AddChannel(otherGuild, otherChannel, "elsewhere")
	h.fillTimeline(3)

	search := &discordgo.ApplicationCommandInteractionData{ID: "1", Name: "search", CommandType: discordgo.ChatApplicationCommand,
		Options: []*discordgo.ApplicationCommandInteractionDataOption{str("query", "North Korea")}}
	rules := &discordgo.ApplicationCommandInteractionData{ID: "1", Name: "rules", CommandType: discordgo.ChatApplicationCommand,
		Options: []*discordgo.ApplicationCommandInteractionDataOption{sub("list")}}
	for _, tc := range []struct {
		name, guild, channel string
		data                 discordgo.InteractionData
		want                 string
	}{
		{"search in a DM", "", "700000000000000001", search, "not in direct messages"},
		{"rules in a DM", "", "700000000000000001", rules, "not in direct messages"},
		{"search in another guild", otherGuild, otherChannel, search, "not set up for this server"},
		{"rules in another guild", otherGuild, otherChannel, rules, "not set up for this server"},
		{"a page button in another guild", otherGuild, otherChannel,
			discordgo.MessageComponentInteractionData{CustomID: "tl:north-korea:0", ComponentType: discordgo.ButtonComponent}, "not set up for this server"},
	} {
		typ := discordgo.InteractionApplicationCommand
		if _, ok := tc.data.(discordgo.MessageComponentInteractionData); ok {
			typ = discordgo.InteractionMessageComponent
		}
		cb := first(t, h.srv.DispatchInteraction(discordtest.InteractionSpec{
			Type: typ, GuildID: tc.guild, ChannelID: tc.channel, UserID: cmdAdmin, Data: tc.data,
		}))
		wantError(t, cb, tc.want)
		if len(cb.Embeds) != 0 || strings.Contains(cb.Content, "North Korea") {
			t.Errorf("%s: the refusal shows stored data: %+v", tc.name, cb)
		}
	}

	// Autocomplete cannot carry a message: it offers nothing.
	cb := first(t, h.srv.DispatchInteraction(discordtest.InteractionSpec{
		Type: discordgo.InteractionApplicationCommandAutocomplete, GuildID: otherGuild, ChannelID: otherChannel,
		Data: discordgo.ApplicationCommandInteractionData{ID: "1", Name: "timeline", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "topic", Type: discordgo.ApplicationCommandOptionString, Value: "nor", Focused: true},
		}},
	}))
	if cb.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(cb.Choices) != 0 {
		t.Errorf("autocomplete in another guild answered type %d with %d choices", cb.Type, len(cb.Choices))
	}

	// The configured guild is still answered.
	cb = settle(t, h.command(cmdAnalyst, "search", str("query", "North Korea")))
	if len(cb.Embeds) == 0 || !strings.Contains(cb.Embeds[0].Description, "North Korea") {
		t.Errorf("search in the configured guild: %+v", cb)
	}
}

func TestMuteChannelMustBeInTheGuild(t *testing.T) {
	t.Parallel()
	// The partner desk's channel is configured too, but lives in another
	// guild: an admin here may not mute it.
	cfg := cmdConfig + "\n[[channels]]\nname = \"partner\"\nid = \"" + otherChannel + "\"\n"
	h := newCmdHarness(t, bot.CommandOptions{}, cfg, nil)
	h.srv.AddChannel(otherGuild, otherChannel, "partner")

	wantError(t, settle(t, h.command(cmdAdmin, "mute", str("topic", "north-korea"), str("for", "2h"), str("channel", otherChannel))),
		"not in this server")
	wantError(t, settle(t, h.command(cmdAdmin, "unmute", str("topic", "north-korea"), str("channel", otherChannel))),
		"not in this server")
	// A configured id that Discord does not know is not in the guild either.
	h.cfg.Channels = append(h.cfg.Channels, h.cfg.Channels[0])
	h.cfg.Channels[len(h.cfg.Channels)-1].Name, h.cfg.Channels[len(h.cfg.Channels)-1].ID = "ghost", "600000000000000099"
	wantError(t, settle(t, h.command(cmdAdmin, "mute", str("topic", "north-korea"), str("for", "2h"), str("channel", "600000000000000099"))),
		"not in this server")
	if m, err := h.raw.Mutes(t.Context(), h.now); err != nil || len(m) != 0 {
		t.Fatalf("refused mutes wrote %v (%v)", m, err)
	}

	// The guild's own channel, named explicitly, works.
	cb := settle(t, h.command(cmdAdmin, "mute", str("topic", "north-korea"), str("for", "2h"), str("channel", cmdDesk)))
	if !strings.Contains(cb.Content, "muted in #desk") {
		t.Fatalf("mute of the guild's channel: %+v", cb)
	}
	if m, err := h.raw.Mutes(t.Context(), h.now); err != nil || len(m) != 1 || m[0] != (model.Mute{Channel: "desk", Topic: "north-korea", Until: m[0].Until}) {
		t.Fatalf("mutes %v (%v)", m, err)
	}
}

// syncBuffer is a log destination safe for concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestGlobalRegistrationWarns(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	h := newCmdHarness(t, bot.CommandOptions{Logger: slog.New(slog.NewTextHandler(&logs, nil))}, "", nil)
	cmds := h.cmds.Load()
	if err := cmds.Register(h.dg, h.srv.ApplicationID(), []string{cmdGuild}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(logs.String(), "level=WARN") {
		t.Errorf("per-guild registration warned:\n%s", logs.String())
	}
	if err := cmds.Register(h.dg, h.srv.ApplicationID(), nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(logs.String(), `level=WARN msg="slash commands registered globally`) || !strings.Contains(logs.String(), "discord.guild_ids") {
		t.Errorf("global registration did not warn:\n%s", logs.String())
	}
}
