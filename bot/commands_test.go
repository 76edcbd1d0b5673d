package bot_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/lookup"
	"wirewatch/model"
	"wirewatch/storage"
)

func TestRegisterOverwritesEachGuild(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	app := h.srv.ApplicationID()
	// A command of an older version must not linger after Register.
	if _, err := h.dg.ApplicationCommandCreate(app, cmdGuild, &discordgo.ApplicationCommand{Name: "oldtimeline", Description: "renamed since"}); err != nil {
		t.Fatal(err)
	}
	cmds := h.cmds.Load()
	if err := cmds.Register(h.dg, app, []string{cmdGuild, "500000000000000002"}); err != nil {
		t.Fatal(err)
	}
	want := []string{"timeline", "search", "latest", "outlet", "summary", "why", "feeds", "rules", "mute", "unmute"}
	for _, g := range []string{cmdGuild, "500000000000000002"} {
		var names []string
		for _, c := range h.srv.Commands(g) {
			names = append(names, c.Name)
		}
		if !slices.Equal(names, want) {
			t.Errorf("guild %s has %v, want %v", g, names, want)
		}
	}
	if n := len(h.srv.Commands("")); n != 0 {
		t.Errorf("%d global commands after a per-guild registration", n)
	}
	if err := cmds.Register(h.dg, app, nil); err != nil {
		t.Fatal(err)
	}
	if n := len(h.srv.Commands("")); n != len(want) {
		t.Errorf("%d global commands, want %d", n, len(want))
	}
	puts := 0
	for _, r := range h.srv.Requests() {
		if strings.HasSuffix(r.Path, "/commands") && r.Method == "PUT" {
			puts++
		}
	}
	if puts != 3 {
		t.Errorf("%d bulk overwrites, want one per guild and one global (3)", puts)
	}
}

func TestTimelinePagesToTheEndAndBack(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	titles := h.fillTimeline(25) // pages of 10: 10, 10, 5

	in := h.command(cmdAnalyst, "timeline", str("topic", "north-korea"), num("days", 90))
	cb := settle(t, in)
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Flags != 0 {
		t.Fatalf("first answer: type %d flags %d", cb.Type, cb.Flags)
	}
	noPings(t, cb.Raw)
	msg, ok := in.Original()
	if !ok {
		t.Fatal("no message shows the timeline")
	}
	page := func(embeds []*discordgo.MessageEmbed, from, to int, n int) {
		t.Helper()
		lines := descLines(embeds)
		if len(lines) != to-from {
			t.Fatalf("page %d shows %d lines, want %d:\n%s", n, len(lines), to-from, embeds[0].Description)
		}
		for k, line := range lines {
			// The event's day as a Discord date: its noon UTC, shown in
			// each reader's locale.
			day := fmt.Sprintf("<t:%d:d>", h.now.Truncate(24*time.Hour).AddDate(0, 0, -2-3*(from+k)).Add(12*time.Hour).Unix())
			link := fmt.Sprintf("(https://en.yna.example/nk/%02d)", from+k)
			if !strings.Contains(line, day) || !strings.Contains(line, titles[from+k]) || !strings.Contains(line, link) || !strings.Contains(line, "1 source") {
				t.Errorf("page %d line %d = %q, want %s, %q, %s, 1 source", n, k, line, day, titles[from+k], link)
			}
		}
		if f := embeds[0].Footer; f == nil || !strings.HasPrefix(f.Text, fmt.Sprintf("Page %d ·", n)) {
			t.Errorf("footer %+v, want Page %d", f, n)
		}
	}
	page(cb.Embeds, 0, 10, 1)
	bs := buttons(t, cb.Components)
	if len(bs) != 2 || !bs[0].Disabled || bs[1].Disabled {
		t.Fatalf("page 1 buttons %+v: want Newer disabled, Older enabled", bs)
	}

	// Older, older: the last page has 5 lines and no Older.
	for n, from := range []int{10, 20} {
		in := h.click(msg.ID, bs[1].CustomID)
		cb := settle(t, in)
		if cb.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("button answer type %d, want 7 (update)", cb.Type)
		}
		noPings(t, cb.Raw)
		page(cb.Embeds, from, min(from+10, 25), n+2)
		bs = buttons(t, cb.Components)
	}
	if len(bs) != 2 || bs[0].Disabled || !bs[1].Disabled {
		t.Fatalf("last page buttons %+v: want Newer enabled, Older disabled", bs)
	}
	shown := h.srv.Messages(cmdDesk)
	if len(shown) != 1 || len(descLines(shown[0].Embeds)) != 5 {
		t.Fatalf("the channel shows %d messages; want the one timeline message on page 3", len(shown))
	}

	// A restart loses nothing: the buttons carry their state.
	h.restart()
	for n, from := range []int{10, 0} {
		cb := settle(t, h.click(msg.ID, bs[0].CustomID))
		page(cb.Embeds, from, from+10, 2-n)
		bs = buttons(t, cb.Components)
	}
	if !bs[0].Disabled {
		t.Errorf("back on page 1, Newer is enabled: %+v", bs)
	}

	// from and to (inclusive) pick exactly the stories of those days.
	day := func(k int) string { return h.now.Truncate(24*time.Hour).AddDate(0, 0, -2-3*k).Format(time.DateOnly) }
	cb = settle(t, h.command(cmdAnalyst, "timeline", str("topic", "north-korea"), str("from", day(2)), str("to", day(1))))
	page(cb.Embeds, 1, 3, 1)
	if bs := buttons(t, cb.Components); len(bs) != 0 {
		t.Errorf("a single page has buttons %+v", bs)
	}
}

// slowStore delays the lookups the commands make.
type slowStore struct {
	storage.Store
	delay time.Duration
}

func (s slowStore) Timeline(ctx context.Context, q storage.Query) ([]model.Story, error) {
	select {
	case <-time.After(s.delay):
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	return s.Store.Timeline(ctx, q)
}

func (s slowStore) Search(ctx context.Context, text string, q storage.Query) ([]model.Item, error) {
	time.Sleep(s.delay)
	return nil, errors.New("disk on fire")
}

func TestSlowLookupDefers(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{DeferAfter: 20 * time.Millisecond}, "", func(st storage.Store) storage.Store {
		return slowStore{Store: st, delay: 300 * time.Millisecond}
	})
	h.fillTimeline(12)

	in := h.command(cmdAnalyst, "timeline", str("topic", "north-korea"))
	cb := first(t, in)
	if cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("first answer type %d, want 5 (deferred)", cb.Type)
	}
	cmdWaitFor(t, "the deferred answer", func() bool {
		m, ok := in.Original()
		return ok && m.Edits == 1
	})
	orig, _ := in.Original()
	if len(descLines(orig.Embeds)) != 10 || len(buttons(t, orig.Components)) != 2 {
		t.Fatalf("deferred answer: %+v", orig)
	}

	// A slow page flip is deferred as an update (type 6), then edited.
	bs := buttons(t, orig.Components)
	click := h.click(orig.ID, bs[1].CustomID)
	if cb := first(t, click); cb.Type != discordgo.InteractionResponseDeferredMessageUpdate {
		t.Fatalf("button answer type %d, want 6 (deferred update)", cb.Type)
	}
	cmdWaitFor(t, "page 2", func() bool {
		m, _ := in.Original()
		return m.Edits == 2
	})
	if m, _ := in.Original(); len(descLines(m.Embeds)) != 2 {
		t.Fatalf("page 2 shows %q", m.Embeds[0].Description)
	}

	// A slow failure: the public "thinking…" goes, an ephemeral apology comes.
	fail := h.command(cmdAnalyst, "search", str("query", "missile"))
	if cb := first(t, fail); cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("first answer type %d, want 5", cb.Type)
	}
	cmdWaitFor(t, "the error follow-up", func() bool { return len(fail.Followups()) == 1 })
	f := fail.Followups()[0]
	if f.Flags&int(discordgo.MessageFlagsEphemeral) == 0 || !strings.Contains(f.Content, "went wrong") || strings.Contains(f.Content, "disk on fire") {
		t.Fatalf("error follow-up %+v", f)
	}
	if _, ok := fail.Original(); ok {
		t.Error("the deferred public message was left in the channel")
	}
}

func TestBadArguments(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	h.fillTimeline(3)
	long := strings.Repeat("missile ", 1250) // 10,000 characters
	cases := []struct {
		name    string
		command string
		opts    []*discordgo.ApplicationCommandInteractionDataOption
		want    []string
	}{
		{"unknown topic", "timeline", []*discordgo.ApplicationCommandInteractionDataOption{str("topic", "narnia")},
			[]string{"No topic named “narnia”", "/timeline topic:", "north-korea"}},
		{"topic that pings", "timeline", []*discordgo.ApplicationCommandInteractionDataOption{str("topic", "@everyone")},
			[]string{"No topic named", "@\u200beveryone"}},
		{"negative days", "timeline", []*discordgo.ApplicationCommandInteractionDataOption{str("topic", "north-korea"), num("days", -5)},
			[]string{"days must be a whole number between 1 and 3660", "-5"}},
		{"too many days", "search", []*discordgo.ApplicationCommandInteractionDataOption{str("query", "x"), num("days", 99999)},
			[]string{"between 1 and 3660"}},
		{"fractional days", "timeline", []*discordgo.ApplicationCommandInteractionDataOption{str("topic", "north-korea"), num("days", 1.5)},
			[]string{"whole number"}},
		{"year one", "timeline", []*discordgo.ApplicationCommandInteractionDataOption{str("topic", "north-korea"), str("from", "0001-01-01")},
			[]string{"out of range", "1970"}},
		{"far future", "timeline", []*discordgo.ApplicationCommandInteractionDataOption{str("topic", "north-korea"), str("to", "9999-12-31")},
			[]string{"out of range"}},
		{"not a date", "timeline", []*discordgo.ApplicationCommandInteractionDataOption{str("topic", "north-korea"), str("from", "2025-13-45")},
			[]string{"From must be a date such as", `not "2025-13-45"`}},
		{"reversed", "timeline", []*discordgo.ApplicationCommandInteractionDataOption{str("topic", "north-korea"), str("from", "2025-03-01"), str("to", "2025-01-01")},
			[]string{"must be before"}},
		{"span too long", "timeline", []*discordgo.ApplicationCommandInteractionDataOption{str("topic", "north-korea"), str("from", "1990-01-01"), str("to", "2020-01-01")},
			[]string{"at most 3660 days"}},
		{"10,000-character query", "search", []*discordgo.ApplicationCommandInteractionDataOption{str("query", long)},
			[]string{"limit is 200"}},
		{"empty query", "search", []*discordgo.ApplicationCommandInteractionDataOption{str("query", "   ")},
			[]string{"Give words to search for"}},
		{"count too high", "latest", []*discordgo.ApplicationCommandInteractionDataOption{num("count", 1000)},
			[]string{"count must be a whole number between 1 and 25"}},
		{"count as text", "latest", []*discordgo.ApplicationCommandInteractionDataOption{str("count", "lots")},
			[]string{"count must be a whole number"}},
		{"unknown rule", "rules", []*discordgo.ApplicationCommandInteractionDataOption{sub("test", str("name", "nope"))},
			[]string{"No rule named “nope”", "nk-launch"}},
		{"retired command", "oldtimeline", nil, []string{"no /oldtimeline command"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := h.command(cmdAnalyst, tc.command, tc.opts...)
			cb := settle(t, in)
			wantError(t, cb, tc.want...)
			if m, ok := in.Original(); ok && (!m.Mentioned.Empty() || strings.Contains(m.Content, "@everyone")) {
				t.Errorf("the error mentions someone: %q", m.Content)
			}
		})
	}
}

func TestSearchEscapesAndPages(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	for k := range 7 {
		h.save(model.Item{
			GUID: fmt.Sprintf("s-%d", k), Feed: "KCNA Watch", Link: fmt.Sprintf("https://kcnawatch.example/a/%d", k),
			Title:     fmt.Sprintf("Missile report %d [see](https://evil.example) @everyone <@&123>", k),
			Text:      "The missile flew east. @here look.",
			Summary:   []string{"The **missile** flew east @here."},
			Published: h.now.Add(-time.Duration(k+1) * time.Hour), Topics: []string{"north-korea"},
		})
	}
	in := h.command(cmdAnalyst, "search", str("query", "missile @everyone"))
	cb := settle(t, in)
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Fatalf("type %d: %s", cb.Type, cb.Raw)
	}
	noPings(t, cb.Raw)
	m, _ := in.Original()
	desc := cb.Embeds[0].Description
	for _, bad := range []string{"@everyone", "@here", "<@&123>", "[see](https://evil.example)", "**missile**"} {
		if strings.Contains(desc, bad) || strings.Contains(cb.Embeds[0].Title, bad) {
			t.Errorf("search results show %q unescaped:\n%s", bad, desc)
		}
	}
	if !m.Mentioned.Empty() || !m.Pinged.Empty() {
		t.Errorf("the results mention %+v", m.Mentioned)
	}
	if n := strings.Count(desc, "https://kcnawatch.example/a/"); n != 5 {
		t.Errorf("page 1 links %d items, want 5", n)
	}
	bs := buttons(t, cb.Components)
	if len(bs) != 2 || bs[1].Disabled {
		t.Fatalf("buttons %+v", bs)
	}
	cb2 := settle(t, h.click(m.ID, bs[1].CustomID))
	if n := strings.Count(cb2.Embeds[0].Description, "https://kcnawatch.example/a/"); n != 2 || !strings.Contains(cb2.Embeds[0].Description, "**6.**") {
		t.Errorf("page 2:\n%s", cb2.Embeds[0].Description)
	}

	// A query too long for a custom_id pages through a stored reference,
	// after a restart too.
	q := "missile report flew east " + strings.Repeat("missile ", 12)
	in = h.command(cmdAnalyst, "search", str("query", q))
	cb = settle(t, in)
	bs = buttons(t, cb.Components)
	if len(bs) != 2 || !strings.Contains(bs[1].CustomID, ":#") {
		t.Fatalf("long-query buttons %+v", bs)
	}
	h.restart()
	m, _ = in.Original()
	cb2 = settle(t, h.click(m.ID, bs[1].CustomID))
	if cb2.Type != discordgo.InteractionResponseUpdateMessage || !strings.Contains(cb2.Embeds[0].Description, "**6.**") {
		t.Fatalf("page 2 of the long query: type %d %s", cb2.Type, cb2.Raw)
	}

	// A forged or stale button is refused politely.
	m, _ = in.Original()
	wantError(t, settle(t, h.click(m.ID, "sr:1:zz:zz::#deadbeef")), "no longer works")
	wantError(t, settle(t, h.click(m.ID, "sr:1:0:1000:: #x")), "no longer works")
	wantError(t, settle(t, h.click(m.ID, "xx:whatever")), "no longer works")
}

func TestLatestShowsSummaries(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	h.fillTimeline(30)
	cb := settle(t, h.command(cmdAnalyst, "latest", str("topic", "north-korea")))
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource {
		t.Fatalf("type %d", cb.Type)
	}
	desc := cb.Embeds[0].Description
	if !strings.Contains(desc, "**1.** [North Korea fires ballistic missile into East Sea](https://en.yna.example/nk/00)") ||
		!strings.Contains(desc, "> Summary sentence of report 0.") || !strings.Contains(desc, "**5.**") || strings.Contains(desc, "**6.**") {
		t.Errorf("latest (default 5):\n%s", desc)
	}
	cb = settle(t, h.command(cmdAnalyst, "latest", num("count", 25)))
	desc = cb.Embeds[0].Description
	if !strings.Contains(desc, "**25.**") || strings.Contains(desc, "**26.**") || strings.Contains(desc, "more not shown") {
		t.Errorf("latest 25:\n%s", desc)
	}
	cb = settle(t, h.command(cmdAnalyst, "latest", str("topic", "japan")))
	if !strings.Contains(cb.Embeds[0].Description, "Nothing stored yet") {
		t.Errorf("empty topic: %q", cb.Embeds[0].Description)
	}
}

// TestOutletListsOneFeed runs /outlet, a lookup declared only in
// lookup.Commands: its options, dispatch and answer are made from it.
func TestOutletListsOneFeed(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	h.fillTimeline(8)
	cb := settle(t, h.command(cmdAnalyst, "outlet", str("feed", "Yonhap"), num("count", 3)))
	if len(cb.Embeds) != 1 || cb.Embeds[0].Title != "Outlet · Yonhap" {
		t.Fatalf("outlet answered %+v", cb)
	}
	desc := cb.Embeds[0].Description
	if !strings.Contains(desc, "**1.** [North Korea fires ballistic missile into East Sea](https://en.yna.example/nk/00)") ||
		!strings.Contains(desc, "**3.**") || strings.Contains(desc, "**4.**") {
		t.Errorf("outlet Yonhap, 3:\n%s", desc)
	}
	wantError(t, settle(t, h.command(cmdAnalyst, "outlet", str("feed", "Reuters"))), `No feed named "Reuters"`)
	wantError(t, settle(t, h.command(cmdAnalyst, "outlet", str("feed", "Yonhap"), num("count", 26))), "between 1 and 25")
}

// TestEveryLookupAnswers runs each slash command of lookup.Commands with
// its required options (a configured topic or feed, words) and wants an
// embed: a lookup whose result type has no view here fails, so a new
// lookup is tested on this surface without a test of its own.
func TestEveryLookupAnswers(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	h.fillTimeline(3)
	for _, lc := range lookup.Commands {
		var opts []*discordgo.ApplicationCommandInteractionDataOption
		for _, p := range lc.Params {
			if !p.Required || !p.In(lookup.Chat) {
				continue
			}
			value := map[lookup.ParamType]string{lookup.Topic: "north-korea", lookup.Feed: "Yonhap", lookup.Text: "missile"}[p.Type]
			if value == "" {
				t.Fatalf("/%s: no value for a required %s of type %d", lc.Name, p.Name, p.Type)
			}
			opts = append(opts, str(p.Name, value))
		}
		cb := settle(t, h.command(cmdAdmin, lc.Name, opts...))
		if len(cb.Embeds) != 1 || cb.Embeds[0].Description == "" || cb.Content != "" {
			t.Errorf("/%s answered %q with %d embeds", lc.Name, cb.Content, len(cb.Embeds))
		}
		if private := cb.Flags&int(discordgo.MessageFlagsEphemeral) != 0; private != lc.Admin {
			t.Errorf("/%s answered privately: %v, want %v", lc.Name, private, lc.Admin)
		}
	}
}

func TestMuteNeedsManageServer(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	ctx := context.Background()
	mutes := func() []model.Mute {
		t.Helper()
		m, err := h.raw.Mutes(ctx, h.now)
		if err != nil {
			t.Fatal(err)
		}
		return m
	}

	wantError(t, settle(t, h.command(cmdAnalyst, "mute", str("topic", "north-korea"), str("for", "2h"))), "Manage Server")
	wantError(t, settle(t, h.command(cmdAnalyst, "unmute", str("topic", "north-korea"))), "Manage Server")
	wantError(t, settle(t, h.command(cmdAnalyst, "feeds")), "Manage Server")
	if m := mutes(); len(m) != 0 {
		t.Fatalf("a refused mute wrote %v", m)
	}

	for _, bad := range []struct{ span, want string }{
		{"forever", "give a length such as"}, {"0m", "give a length"}, {"100d", "at most 90 days"}, {"-2h", "give a length"},
	} {
		wantError(t, settle(t, h.command(cmdAdmin, "mute", str("topic", "north-korea"), str("for", bad.span))), bad.want)
	}
	wantError(t, settle(t, h.command(cmdAdmin, "mute", str("topic", "north-korea"), str("for", "2h"), str("channel", cmdLounge))),
		"posts no alerts in that channel", "<#"+cmdDesk+">")

	cb := settle(t, h.command(cmdAdmin, "mute", str("topic", "north-korea"), str("for", "1d12h")))
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Flags != 0 || !strings.Contains(cb.Content, "North Korea alerts are muted in #desk") {
		t.Fatalf("mute answer %+v", cb)
	}
	if m := mutes(); len(m) != 1 || m[0].Channel != "desk" || m[0].Topic != "north-korea" ||
		m[0].Until.Sub(h.now.Add(36*time.Hour)).Abs() > time.Second {
		t.Fatalf("mute stored %v; want desk, north-korea, now+36h", m)
	}

	cb = settle(t, h.command(cmdAdmin, "unmute", str("topic", "north-korea")))
	if !strings.Contains(cb.Content, "back on in #desk") {
		t.Fatalf("unmute answer %q", cb.Content)
	}
	if m := mutes(); len(m) != 0 {
		t.Fatalf("after unmute the mutes are %v", m)
	}
	cb = settle(t, h.command(cmdAdmin, "unmute", str("topic", "north-korea")))
	if !strings.Contains(cb.Content, "were not muted") || cb.Flags == 0 {
		t.Fatalf("second unmute %+v", cb)
	}
}

func TestFeedsShowsHealth(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	ctx := context.Background()
	ok := model.FeedState{Feed: "Yonhap", URL: "https://en.yna.example/RSS/nk.xml", LastPoll: h.now.Add(-time.Minute),
		LastSuccess: h.now.Add(-time.Minute), NextPoll: h.now.Add(4 * time.Minute), ItemsSeen: 120, Initialized: true}
	bad := model.FeedState{Feed: "KCNA Watch", URL: "https://kcnawatch.example/feed/", LastPoll: h.now.Add(-2 * time.Minute),
		LastSuccess: h.now.Add(-3 * time.Hour), LastError: "http status 503 Service Unavailable @everyone", Failures: 4,
		NextPoll: h.now.Add(8 * time.Minute), ItemsSeen: 7}
	for _, s := range []model.FeedState{ok, bad} {
		if err := h.raw.SaveFeedState(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	cb := settle(t, h.command(cmdAdmin, "feeds"))
	if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || cb.Flags&int(discordgo.MessageFlagsEphemeral) == 0 {
		t.Fatalf("feeds answer type %d flags %d", cb.Type, cb.Flags)
	}
	lines := descLines(cb.Embeds)
	want := []string{
		fmt.Sprintf("🟢 **Yonhap** · last success <t:%d:R> · next poll <t:%d:R> · 120 items", ok.LastSuccess.Unix(), ok.NextPoll.Unix()),
		fmt.Sprintf("🟠 **KCNA Watch** · last success <t:%d:R> · next poll <t:%d:R> · 7 items", bad.LastSuccess.Unix(), bad.NextPoll.Unix()),
		"  ↳ http status 503 Service Unavailable @\u200beveryone (4 in a row)",
		"⚪ **Never Polled** · last success never · next poll never · 0 items",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("feeds:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if f := cb.Embeds[0].Footer; f == nil || f.Text != "1 of 3 feeds healthy" {
		t.Errorf("footer %+v", f)
	}
}

// A channel the outbox found refusing the bot shows in /feeds, with its
// status and since when, until it works again.
func TestFeedsShowsBrokenChannel(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	ctx := context.Background()
	since := h.now.Add(-time.Hour)
	broken := model.ChannelState{Channel: "desk", Broken: true, Since: since, Status: 403, Code: 50013, Reason: "Missing Permissions"}
	if err := h.raw.SaveChannelState(ctx, broken); err != nil {
		t.Fatal(err)
	}
	cb := settle(t, h.command(cmdAdmin, "feeds"))
	lines := descLines(cb.Embeds)
	want := fmt.Sprintf("🔴 channel **desk** refuses the bot since <t:%d:R> · 403, code 50013 · its posts are kept and retried", since.Unix())
	if !slices.Contains(lines, want) {
		t.Errorf("feeds:\n%s\nwant a line %q", strings.Join(lines, "\n"), want)
	}
	if f := cb.Embeds[0].Footer; f == nil || !strings.HasSuffix(f.Text, " · 1 channel refuses the bot") {
		t.Errorf("footer %+v", f)
	}
	if err := h.raw.SaveChannelState(ctx, model.ChannelState{Channel: "desk"}); err != nil {
		t.Fatal(err)
	}
	cb = settle(t, h.command(cmdAdmin, "feeds"))
	if got := strings.Join(descLines(cb.Embeds), "\n"); strings.Contains(got, "refuses the bot") {
		t.Errorf("feeds after the channel works again:\n%s", got)
	}
}

func TestRulesListAndTest(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	h.fillTimeline(11) // item 0 (2 days ago) is a launch; item 10 (32 days ago) mentions Freedom Edge
	h.save(model.Item{GUID: "old", Feed: "Yonhap", Link: "https://en.yna.example/old", Title: "North Korea fires missile, launch confirmed",
		Published: h.now.AddDate(0, 0, -60), Topics: []string{"north-korea"}})

	cb := settle(t, h.command(cmdAnalyst, "rules", sub("list")))
	desc := cb.Embeds[0].Description
	if !strings.Contains(desc, "**nk-launch** · urgent · → #desk") || !strings.Contains(desc, "**freedom-edge** · alert") {
		t.Errorf("rules list:\n%s", desc)
	}
	cb = settle(t, h.command(cmdAnalyst, "rules", sub("list", str("name", "freedom-edge"))))
	if len(cb.Embeds) != 1 || !strings.Contains(cb.Embeds[0].Description, "Freedom Edge") || len(cb.Embeds[0].Fields) != 3 {
		t.Errorf("one rule: %s", cb.Raw)
	}

	cb = settle(t, h.command(cmdAnalyst, "rules", sub("test", str("name", "nk-launch"), num("days", 30))))
	desc = cb.Embeds[0].Description
	if !strings.Contains(desc, "fires ballistic missile") || strings.Contains(desc, "launch confirmed") || strings.Contains(desc, "tank factory") {
		t.Errorf("nk-launch over 30 days matched:\n%s", desc)
	}
	cb = settle(t, h.command(cmdAnalyst, "rules", sub("test", str("name", "nk-launch"), num("days", 90))))
	if desc := cb.Embeds[0].Description; !strings.Contains(desc, "launch confirmed") || !strings.Contains(desc, "**2.**") {
		t.Errorf("nk-launch over 90 days matched:\n%s", desc)
	}
	cb = settle(t, h.command(cmdAnalyst, "rules", sub("test", str("name", "freedom-edge"))))
	if desc := cb.Embeds[0].Description; !strings.Contains(desc, "matches none") {
		t.Errorf("freedom-edge over the default 30 days:\n%s", desc)
	}
	cb = settle(t, h.command(cmdAnalyst, "rules", sub("test", str("name", "freedom-edge"), num("days", 40))))
	if desc := cb.Embeds[0].Description; !strings.Contains(desc, "warns over Freedom Edge exercise") || strings.Contains(desc, "**2.**") {
		t.Errorf("freedom-edge over 40 days:\n%s", desc)
	}
}

func TestAutocompleteTopics(t *testing.T) {
	t.Parallel()
	var cfg strings.Builder
	cfg.WriteString(cmdConfig)
	for k := range 40 {
		fmt.Fprintf(&cfg, "\n[[topics]]\nname = \"region-%02d\"\ntitle = \"Region %02d\"\naliases = [\"Region%02d\"]\n", k, k, k)
	}
	h := newCmdHarness(t, bot.CommandOptions{}, cfg.String(), nil)
	ask := func(command, option, typed string) []*discordgo.ApplicationCommandOptionChoice {
		t.Helper()
		in := h.srv.DispatchInteraction(discordtest.InteractionSpec{
			Type: discordgo.InteractionApplicationCommandAutocomplete, GuildID: cmdGuild, ChannelID: cmdDesk,
			Data: discordgo.ApplicationCommandInteractionData{ID: "1", Name: command, Options: []*discordgo.ApplicationCommandInteractionDataOption{
				{Name: option, Type: discordgo.ApplicationCommandOptionString, Value: typed, Focused: true},
			}},
		})
		cb := first(t, in)
		if cb.Type != discordgo.InteractionApplicationCommandAutocompleteResult {
			t.Fatalf("autocomplete answered type %d", cb.Type)
		}
		return cb.Choices
	}
	values := func(cs []*discordgo.ApplicationCommandOptionChoice) []string {
		var out []string
		for _, c := range cs {
			out = append(out, fmt.Sprint(c.Value))
		}
		return out
	}
	if cs := ask("timeline", "topic", ""); len(cs) != 25 {
		t.Errorf("empty input offers %d choices, want 25", len(cs))
	}
	if got := values(ask("timeline", "topic", "NOR")); !slices.Equal(got, []string{"north-korea"}) {
		t.Errorf("NOR offers %v", got)
	}
	if got := values(ask("search", "topic", "korea")); !slices.Equal(got, []string{"north-korea", "south-korea"}) {
		t.Errorf("korea offers %v", got)
	}
	if cs := ask("mute", "topic", "japan"); len(cs) != 1 || cs[0].Name != "Japan (japan)" {
		t.Errorf("japan offers %+v", cs)
	}
	if got := values(ask("rules", "name", "edge")); !slices.Equal(got, []string{"freedom-edge"}) {
		t.Errorf("rules edge offers %v", got)
	}
	if got := values(ask("outlet", "feed", "kcna")); !slices.Equal(got, []string{"KCNA Watch"}) {
		t.Errorf("outlet kcna offers %v", got)
	}
	if cs := ask("timeline", "topic", strings.Repeat("x", 5000)); len(cs) != 0 {
		t.Errorf("junk input offers %v", values(cs))
	}
}

// TestHostileItemsStayWithinLimits stores items whose every field is as
// long and as markdown-laden as a feed could make it; every answer must
// still be accepted by Discord (the fake refuses and records anything over
// a limit) and ping no one.
func TestHostileItemsStayWithinLimits(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	nasty := strings.Repeat("*_~`|[]@everyone<@&1>#> ", 400) // 10,000 characters that all escape
	for k := range 30 {
		day := h.now.Truncate(24*time.Hour).AddDate(0, 0, -1-3*k)
		h.save(model.Item{
			GUID: fmt.Sprintf("x-%d", k), Feed: "Yonhap " + nasty[:200], Link: fmt.Sprintf("https://en.yna.example/x/%d?q=%s", k, strings.Repeat("a)", 300)),
			Title: fmt.Sprintf("North Korea fires missile %d %s", k, nasty), Text: nasty,
			Summary: []string{"missile " + nasty, nasty}, Published: day.Add(time.Hour), EventDate: day, Topics: []string{"north-korea"},
		})
	}
	for _, c := range []struct {
		name string
		opts []*discordgo.ApplicationCommandInteractionDataOption
	}{
		{"timeline", []*discordgo.ApplicationCommandInteractionDataOption{str("topic", "north-korea")}},
		{"search", []*discordgo.ApplicationCommandInteractionDataOption{str("query", "missile")}},
		{"latest", []*discordgo.ApplicationCommandInteractionDataOption{num("count", 25)}},
		{"latest", []*discordgo.ApplicationCommandInteractionDataOption{num("count", 1)}},
		{"rules", []*discordgo.ApplicationCommandInteractionDataOption{sub("test", str("name", "nk-launch"), num("days", 100))}},
	} {
		in := h.command(cmdAnalyst, c.name, c.opts...)
		cb := settle(t, in)
		if cb.Type != discordgo.InteractionResponseChannelMessageWithSource || len(cb.Embeds) != 1 || cb.Flags != 0 {
			t.Fatalf("/%s answered %.300s", c.name, cb.Raw)
		}
		if m, _ := in.Original(); !m.Mentioned.Empty() {
			t.Errorf("/%s mentions %+v", c.name, m.Mentioned)
		}
		if n := len([]rune(cb.Embeds[0].Description)); n > 4096 || n < 100 {
			t.Errorf("/%s description has %d characters", c.name, n)
		}
	}
}

// /timeline shows each event's one-sentence summary under its line, and
// /latest shows, for an item of a story several outlets told, the story's
// source count and summary instead of the item's own.
func TestLookupsShowStorySummary(t *testing.T) {
	t.Parallel()
	h := newCmdHarness(t, bot.CommandOptions{}, "", nil)
	pub := h.now.Add(-3 * time.Hour)
	st := model.Story{ID: "story-launch", Title: "North Korea launches spy satellite", Link: "https://a.example/1",
		FirstSeen: pub, Updated: pub.Add(time.Hour), EventDate: pub.Truncate(24 * time.Hour), Topics: []string{"north-korea"},
		Summary: "North Korea launched a spy satellite on Friday, @everyone, the military said."}
	for i, feed := range []string{"Yonhap", "Kyodo"} {
		it := model.Item{Key: fmt.Sprintf("link:https://%c.example/1", 'a'+i), Feed: feed, Link: fmt.Sprintf("https://%c.example/1", 'a'+i),
			Title: st.Title, Summary: []string{feed + "'s own summary."}, Published: pub.Add(time.Duration(i) * time.Hour),
			Topics: st.Topics, StoryID: st.ID, Lang: "en"}
		it.FirstSeen = it.Published
		st.Sources = append(st.Sources, model.Source{Feed: feed, Title: it.Title, Link: it.Link, Published: it.Published})
		if ok, err := h.raw.SaveItem(context.Background(), &it, &st, nil); err != nil || !ok {
			t.Fatal(ok, err)
		}
	}
	h.save(model.Item{GUID: "lone", Feed: "Daily NK", Link: "https://d.example/lone", Title: "Pyongyang raises rice prices",
		Summary: []string{"Rice prices rose 20 percent."}, Published: pub, Topics: []string{"north-korea"}, Lang: "en"})

	in := h.command(cmdAnalyst, "timeline", str("topic", "north-korea"))
	settle(t, in)
	msg, _ := in.Original()
	lines := descLines(msg.Embeds)
	at := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "launches spy satellite") })
	if at < 0 || at+1 >= len(lines) || lines[at+1] != "North Korea launched a spy satellite on Friday, @\u200beveryone, the military said." {
		t.Fatalf("timeline lines:\n%s", strings.Join(lines, "\n"))
	}

	in = h.command(cmdAnalyst, "latest")
	settle(t, in)
	msg, _ = in.Original()
	desc := msg.Embeds[0].Description
	if strings.Count(desc, "story of 2 sources") != 2 || strings.Count(desc, "> North Korea launched a spy satellite") != 2 ||
		strings.Contains(desc, "own summary") || !strings.Contains(desc, "> Rice prices rose 20 percent.") {
		t.Fatalf("latest:\n%s", desc)
	}
}
