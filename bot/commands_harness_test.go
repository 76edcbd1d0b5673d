package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/rules"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

// Ids of the fake guild the command tests run in.
const (
	cmdGuild   = "500000000000000001"
	cmdDesk    = "600000000000000001" // a configured alert channel
	cmdLounge  = "600000000000000009" // a channel wirewatch does not post to
	cmdAdmin   = "300000000000000009" // a member with Manage Server
	cmdAnalyst = "300000000000000001" // a member without it (the fake's default user)
)

const cmdConfig = `
[bot]
timezone = "UTC"

[discord]
guild_ids = ["500000000000000001"]

[[feeds]]
name = "Yonhap"
url = "https://en.yna.example/RSS/nk.xml"

[[feeds]]
name = "KCNA Watch"
url = "https://kcnawatch.example/feed/"

[[feeds]]
name = "Never Polled"
url = "https://quiet.example/feed/"

[[topics]]
name = "north-korea"
title = "North Korea"
aliases = ["North Korea", "DPRK", "Pyongyang"]

[[topics]]
name = "south-korea"
title = "South Korea"
aliases = ["South Korea", "Seoul"]

[[topics]]
name = "japan"
title = "Japan"
aliases = ["Japan", "Tokyo"]

[[channels]]
name = "desk"
id = "600000000000000001"

[[rules]]
name = "nk-launch"
query = 'topic:north-korea AND missile NEAR/6 (launch* OR fire*)'
channels = ["desk"]
severity = "urgent"

[[rules]]
name = "freedom-edge"
query = '"Freedom Edge"'
channels = ["desk"]
`

// cmdHarness is a real discordgo session connected to the fake Discord,
// with the slash commands over a real SQLite store.
type cmdHarness struct {
	t     *testing.T
	srv   *discordtest.Server
	dg    *discordgo.Session
	store storage.Store
	raw   storage.Store // the SQLite store itself, for writing fixtures
	cfg   *config.Config
	eng   *rules.Engine
	now   time.Time
	cmds  atomic.Pointer[bot.Commands]
	opts  bot.CommandOptions
}

// newCmdHarness opens a store, fills it, starts the fake and connects.
// wrap, if set, wraps the store the commands see (to slow it down).
func newCmdHarness(t *testing.T, opts bot.CommandOptions, configText string, wrap func(storage.Store) storage.Store) *cmdHarness {
	t.Helper()
	if configText == "" {
		configText = cmdConfig
	}
	cfg, err := config.Parse("wirewatch.toml", []byte(configText))
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	eng, err := rules.Compile(cfg)
	if err != nil {
		t.Fatalf("compile: %v", err)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "wirewatch.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	h := &cmdHarness{t: t, raw: st, store: st, cfg: cfg, eng: eng, now: time.Now().UTC(), opts: opts}
	if wrap != nil {
		h.store = wrap(st)
	}
	h.srv = discordtest.New(t, discordtest.Options{})
	h.srv.AddChannel(cmdGuild, cmdDesk, "desk")
	h.srv.AddChannel(cmdGuild, cmdLounge, "lounge")
	h.dg, err = h.srv.Session("test-token")
	if err != nil {
		t.Fatal(err)
	}
	h.dg.StateEnabled = false
	h.restart()
	h.dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		// The fake sends every member with the same permissions (Send
		// Messages); give the admin user Manage Server, as Discord would
		// for a member whose role has it.
		if i.Member != nil && i.Member.User != nil && i.Member.User.ID == cmdAdmin {
			i.Member.Permissions |= discordgo.PermissionManageGuild
		}
		h.cmds.Load().Handle(s, i)
	})
	if err := h.dg.Open(); err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() {
		_ = h.dg.Close()
		if v := h.srv.Violations(); len(v) != 0 {
			t.Errorf("the fake Discord saw violations: %q", v)
		}
	})
	return h
}

// restart replaces the command handlers with fresh ones, as a restarted
// process would have: nothing survives but the store.
func (h *cmdHarness) restart() {
	opts := h.opts
	opts.Now = func() time.Time { return h.now }
	if opts.UserBurst == 0 {
		opts.UserBurst = 1000 // the tests' members type fast; budget tests set their own
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(h.t.Output(), nil))
	}
	h.cmds.Store(bot.NewCommands(h.store, func() (*config.Config, *rules.Engine) { return h.cfg, h.eng }, opts))
}

// save stores an item with a one-item story.
func (h *cmdHarness) save(it model.Item) model.Item {
	h.t.Helper()
	if it.Key == "" {
		it.Key = "link:" + it.Link
	}
	if it.FirstSeen.IsZero() {
		it.FirstSeen = it.Published
	}
	if it.StoryID == "" {
		it.StoryID = "story-" + it.GUID
	}
	if it.EventDate.IsZero() {
		it.EventDate = it.Published.Truncate(24 * time.Hour)
	}
	st := model.Story{
		ID: it.StoryID, Title: it.Title, Link: it.Link, FirstSeen: it.Published, Updated: it.Published,
		EventDate: it.EventDate, Topics: it.Topics,
		Sources: []model.Source{{Feed: it.Feed, Title: it.Title, Link: it.Link, Published: it.Published}},
	}
	ok, err := h.raw.SaveItem(context.Background(), &it, &st, nil)
	if err != nil || !ok {
		h.t.Fatalf("save %s: %v, %v", it.Key, ok, err)
	}
	return it
}

// subjects make headlines that share no words, so that the timeline never
// merges two fixture stories into one entry.
var subjects = []string{
	"fires ballistic missile into East Sea", "unveils new tank factory", "holds party plenum on farming",
	"rejects dialogue offer from Seoul", "tests cruise missile off west coast", "opens border to tourists",
	"reports flood damage in Sinuiju", "launches spy satellite attempt", "expels foreign diplomats",
	"celebrates founding anniversary parade", "warns over Freedom Edge exercise", "restores hotline briefly",
	"sends balloons across border", "demolishes inter-Korean office", "signs pact with Moscow",
	"raises uranium enrichment output", "names new premier", "bans foreign films again",
	"completes rail link to Rason", "holds artillery drills near island", "hosts Russian defense minister",
	"publishes five-year plan results", "jams GPS signals near border", "rebuilds Punggye-ri tunnel",
	"criticizes UN human rights report",
}

// fillTimeline stores one North Korea story every three days, newest two
// days ago, n in all; it returns their titles newest first.
func (h *cmdHarness) fillTimeline(n int) []string {
	var titles []string
	for k := range n {
		day := h.now.Truncate(24*time.Hour).AddDate(0, 0, -2-3*k)
		title := "North Korea " + subjects[k%len(subjects)]
		if k >= len(subjects) {
			title += fmt.Sprintf(" (%d)", k)
		}
		h.save(model.Item{
			GUID: fmt.Sprintf("nk-%02d", k), Feed: "Yonhap", Link: fmt.Sprintf("https://en.yna.example/nk/%02d", k),
			Title: title, Text: "Pyongyang said on state media that the move was a matter of sovereignty.",
			Summary:   []string{fmt.Sprintf("Summary sentence of report %d.", k)},
			Published: day.Add(3 * time.Hour), EventDate: day, Topics: []string{"north-korea"}, Lang: "en",
		})
		titles = append(titles, title)
	}
	return titles
}

// command dispatches a slash command from user in the desk channel.
func (h *cmdHarness) command(user, name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordtest.Interaction {
	return h.srv.DispatchInteraction(discordtest.InteractionSpec{
		Type: discordgo.InteractionApplicationCommand, GuildID: cmdGuild, ChannelID: cmdDesk, UserID: user,
		Data: discordgo.ApplicationCommandInteractionData{ID: "1", Name: name, CommandType: discordgo.ChatApplicationCommand, Options: opts},
	})
}

// click presses a button of a message in the desk channel.
func (h *cmdHarness) click(messageID, customID string) *discordtest.Interaction {
	return h.srv.DispatchInteraction(discordtest.InteractionSpec{
		Type: discordgo.InteractionMessageComponent, GuildID: cmdGuild, ChannelID: cmdDesk, MessageID: messageID,
		Data: discordgo.MessageComponentInteractionData{CustomID: customID, ComponentType: discordgo.ButtonComponent},
	})
}

func str(name, v string) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionString, Value: v}
}

func num(name string, v float64) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionInteger, Value: v}
}

func sub(name string, opts ...*discordgo.ApplicationCommandInteractionDataOption) *discordgo.ApplicationCommandInteractionDataOption {
	return &discordgo.ApplicationCommandInteractionDataOption{Name: name, Type: discordgo.ApplicationCommandOptionSubCommand, Options: opts}
}

// first waits for the first callback of an interaction.
func first(t *testing.T, in *discordtest.Interaction) discordtest.Callback {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	cb, err := in.Wait(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return cb
}

// settle waits for an interaction's final answer, whether the bot answered
// at once (4, 7) or deferred (5, 6) under load and answered later. A
// deferred answer is returned as the message it became (type 4 or 7), or
// as the ephemeral follow-up that replaced it; its Raw is nil.
func settle(t *testing.T, in *discordtest.Interaction) discordtest.Callback {
	t.Helper()
	cb := first(t, in)
	var final discordgo.InteractionResponseType
	switch cb.Type {
	case discordgo.InteractionResponseDeferredChannelMessageWithSource:
		final = discordgo.InteractionResponseChannelMessageWithSource
	case discordgo.InteractionResponseDeferredMessageUpdate:
		final = discordgo.InteractionResponseUpdateMessage
	default:
		return cb
	}
	var m discordtest.Message
	cmdWaitFor(t, "the deferred answer", func() bool {
		if fs := in.Followups(); len(fs) > 0 {
			m = fs[0]
			final = discordgo.InteractionResponseChannelMessageWithSource
			return true
		}
		o, ok := in.Original()
		m = o
		return ok && o.EditedAt.After(cb.At)
	})
	if !m.Pinged.Empty() {
		t.Errorf("deferred answer pinged %+v", m.Pinged)
	}
	return discordtest.Callback{Type: final, Content: m.Content, Embeds: m.Embeds, Components: m.Components, Flags: m.Flags}
}

func cmdWaitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// wantError checks an immediate ephemeral error answer that contains each
// of parts.
func wantError(t *testing.T, cb discordtest.Callback, parts ...string) {
	t.Helper()
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Flags&int(discordgo.MessageFlagsEphemeral) == 0 {
		t.Fatalf("want an ephemeral message, got type %d flags %d: %s", cb.Type, cb.Flags, cb.Raw)
	}
	for _, p := range parts {
		if !strings.Contains(cb.Content, p) {
			t.Errorf("error %q lacks %q", cb.Content, p)
		}
	}
	noPings(t, cb.Raw)
}

// noPings checks a payload sets allowed_mentions to parse nothing.
func noPings(t *testing.T, raw json.RawMessage) {
	t.Helper()
	if raw == nil {
		return // a deferred answer: settle checked what pinged
	}
	var body struct {
		Data *struct {
			AllowedMentions *struct {
				Parse []string `json:"parse"`
			} `json:"allowed_mentions"`
		} `json:"data"`
	}
	if err := json.Unmarshal(raw, &body); err != nil || body.Data == nil || body.Data.AllowedMentions == nil ||
		body.Data.AllowedMentions.Parse == nil || len(body.Data.AllowedMentions.Parse) != 0 {
		t.Errorf("payload does not set allowed_mentions.parse to []: %s", raw)
	}
}

// button is one button of a message's components.
type button struct {
	Label    string `json:"label"`
	CustomID string `json:"custom_id"`
	Disabled bool   `json:"disabled"`
}

func buttons(t *testing.T, raw json.RawMessage) []button {
	t.Helper()
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var rows []struct {
		Components []button `json:"components"`
	}
	if err := json.Unmarshal(raw, &rows); err != nil {
		t.Fatalf("components %s: %v", raw, err)
	}
	var out []button
	for _, r := range rows {
		out = append(out, r.Components...)
	}
	for _, b := range out {
		if n := len([]rune(b.CustomID)); n == 0 || n > 100 {
			t.Errorf("custom_id %q has %d characters", b.CustomID, n)
		}
	}
	return out
}

// descLines are the lines of the first embed's description.
func descLines(embeds []*discordgo.MessageEmbed) []string {
	if len(embeds) == 0 {
		return nil
	}
	return strings.Split(embeds[0].Description, "\n")
}
