package discordtest_test

import (
	"context"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot/discordtest"
)

// waitFor polls cond until it holds or the test times out.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func recv[T any](t *testing.T, ch <-chan T, what string) T {
	t.Helper()
	select {
	case v := <-ch:
		return v
	case <-time.After(10 * time.Second):
		t.Fatalf("timed out waiting for %s", what)
	}
	var zero T
	return zero
}

// openSession connects a discordgo session to srv and returns channels of
// the events tests wait for.
type events struct {
	ready   chan *discordgo.Ready
	guild   chan *discordgo.GuildCreate
	resumed chan *discordgo.Resumed
	custom  chan *discordgo.MessageCreate
	inter   chan *discordgo.InteractionCreate
}

func openSession(t *testing.T, srv *discordtest.Server) (*discordgo.Session, events) {
	t.Helper()
	dg, err := srv.Session("test-token")
	if err != nil {
		t.Fatal(err)
	}
	ev := events{
		ready:   make(chan *discordgo.Ready, 4),
		guild:   make(chan *discordgo.GuildCreate, 16),
		resumed: make(chan *discordgo.Resumed, 4),
		custom:  make(chan *discordgo.MessageCreate, 16),
		inter:   make(chan *discordgo.InteractionCreate, 16),
	}
	dg.StateEnabled = false // the state cache mutates event structs the test reads
	dg.AddHandler(func(_ *discordgo.Session, e *discordgo.Ready) { ev.ready <- e })
	dg.AddHandler(func(_ *discordgo.Session, e *discordgo.GuildCreate) { ev.guild <- e })
	dg.AddHandler(func(_ *discordgo.Session, e *discordgo.Resumed) { ev.resumed <- e })
	dg.AddHandler(func(_ *discordgo.Session, e *discordgo.MessageCreate) { ev.custom <- e })
	if err := dg.Open(); err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { _ = dg.Close() })
	return dg, ev
}

func TestGatewayReadyGuildCreateHeartbeat(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.Options{HeartbeatInterval: 100 * time.Millisecond})
	srv.AddGuild("500", "desk")
	srv.AddChannel("500", "501", "alerts")
	srv.AddChannel("500", "502", "digest")
	_, ev := openSession(t, srv)

	r := recv(t, ev.ready, "READY")
	if r.User == nil || r.User.ID != srv.BotUserID() || len(r.Guilds) != 1 || r.Guilds[0].ID != "500" {
		t.Fatalf("READY = %+v", r)
	}
	g := recv(t, ev.guild, "GUILD_CREATE")
	if g.ID != "500" || len(g.Channels) != 2 {
		t.Fatalf("GUILD_CREATE = %+v", g.Guild)
	}
	waitFor(t, "three heartbeats", func() bool { return srv.GatewayStats().Heartbeats >= 3 })
	if st := srv.GatewayStats(); st.Identifies != 1 || st.Resumes != 0 {
		t.Fatalf("stats %+v", st)
	}
}

// A closed gateway connection is resumed (op 6), and events dispatched
// meanwhile are replayed; op 7 is resumed the same way.
func TestGatewayResumeAfterCloseAndReconnect(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.Options{})
	srv.AddChannel("500", "501", "alerts")
	_, ev := openSession(t, srv)
	recv(t, ev.ready, "READY")

	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultGatewayClose, Status: 4000})
	srv.Dispatch("MESSAGE_CREATE", map[string]any{"id": "9001", "channel_id": "501", "content": "sent while away",
		"timestamp": time.Now().Format(time.RFC3339), "author": map[string]any{"id": "7", "username": "u"}})
	recv(t, ev.resumed, "RESUMED after close")
	m := recv(t, ev.custom, "replayed MESSAGE_CREATE")
	if m.Content != "sent while away" {
		t.Fatalf("replayed %q", m.Content)
	}

	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultGatewayReconnect})
	recv(t, ev.resumed, "RESUMED after op 7")
	if st := srv.GatewayStats(); st.Identifies != 1 || st.Resumes < 2 {
		t.Fatalf("stats %+v: want one IDENTIFY and two RESUMEs", st)
	}
	select {
	case <-ev.ready:
		t.Fatal("a second READY: the session re-identified instead of resuming")
	default:
	}
}

func TestCommandsBulkOverwrite(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.Options{})
	srv.AddChannel("500", "501", "alerts")
	dg, err := srv.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	cmds := []*discordgo.ApplicationCommand{
		{Name: "timeline", Description: "Events of a topic", Options: []*discordgo.ApplicationCommandOption{
			{Type: discordgo.ApplicationCommandOptionString, Name: "topic", Description: "Topic", Required: true, Autocomplete: true},
		}},
		{Name: "latest", Description: "Latest items"},
	}
	got, err := dg.ApplicationCommandBulkOverwrite(srv.ApplicationID(), "500", cmds)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID == "" || got[1].ID == "" {
		t.Fatalf("registered %+v", got)
	}
	again, err := dg.ApplicationCommandBulkOverwrite(srv.ApplicationID(), "500", cmds[:1])
	if err != nil {
		t.Fatal(err)
	}
	if len(again) != 1 || again[0].ID != got[0].ID {
		t.Fatalf("overwrite changed the id of an unchanged command: %v vs %v", again[0].ID, got[0].ID)
	}
	if reg := srv.Commands("500"); len(reg) != 1 || reg[0].Name != "timeline" {
		t.Fatalf("registered commands %+v", reg)
	}
	_, err = dg.ApplicationCommandBulkOverwrite(srv.ApplicationID(), "", []*discordgo.ApplicationCommand{{Name: "Bad Name", Description: "x"}})
	assertCode(t, err, 400, 50035)
	if v := srv.Violations(); len(v) != 1 {
		t.Fatalf("violations %q", v)
	}
}

func TestInteractionsCommandAutocompleteButton(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.Options{})
	srv.AddChannel("500", "501", "alerts")
	dg, ev := openSession(t, srv)
	recv(t, ev.ready, "READY")
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		switch i.Type {
		case discordgo.InteractionApplicationCommand:
			_ = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseDeferredChannelMessageWithSource,
			})
			content := "Timeline of north-korea"
			_, _ = s.InteractionResponseEdit(i.Interaction, &discordgo.WebhookEdit{Content: &content})
			_, _ = s.FollowupMessageCreate(i.Interaction, true, &discordgo.WebhookParams{Content: "page 2"})
		case discordgo.InteractionApplicationCommandAutocomplete:
			_ = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
				Type: discordgo.InteractionApplicationCommandAutocompleteResult,
				Data: &discordgo.InteractionResponseData{Choices: []*discordgo.ApplicationCommandOptionChoice{
					{Name: "North Korea", Value: "north-korea"},
				}},
			})
		case discordgo.InteractionMessageComponent:
			_ = s.InteractionRespond(i.Interaction, &discordgo.InteractionResponse{
				Type: discordgo.InteractionResponseUpdateMessage,
				Data: &discordgo.InteractionResponseData{Content: "page " + i.MessageComponentData().CustomID},
			})
		}
	})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	cmd := srv.DispatchInteraction(discordtest.InteractionSpec{
		Type: discordgo.InteractionApplicationCommand, GuildID: "500", ChannelID: "501",
		Data: discordgo.ApplicationCommandInteractionData{ID: "1", Name: "timeline"},
	})
	cb, err := cmd.Wait(ctx)
	if err != nil || cb.Type != discordgo.InteractionResponseDeferredChannelMessageWithSource {
		t.Fatalf("callback %+v, %v", cb, err)
	}
	waitFor(t, "follow-up", func() bool { return len(cmd.Followups()) == 1 })
	orig, ok := cmd.Original()
	if !ok || orig.Content != "Timeline of north-korea" || orig.Edits != 1 {
		t.Fatalf("original %+v", orig)
	}
	if f := cmd.Followups()[0]; f.Content != "page 2" {
		t.Fatalf("follow-up %q", f.Content)
	}

	ac := srv.DispatchInteraction(discordtest.InteractionSpec{
		Type: discordgo.InteractionApplicationCommandAutocomplete, GuildID: "500", ChannelID: "501",
		Data: discordgo.ApplicationCommandInteractionData{ID: "1", Name: "timeline", Options: []*discordgo.ApplicationCommandInteractionDataOption{
			{Name: "topic", Type: discordgo.ApplicationCommandOptionString, Value: "nor", Focused: true},
		}},
	})
	cb, err = ac.Wait(ctx)
	if err != nil || cb.Type != discordgo.InteractionApplicationCommandAutocompleteResult || len(cb.Choices) != 1 {
		t.Fatalf("autocomplete callback %+v, %v", cb, err)
	}

	btn := srv.DispatchInteraction(discordtest.InteractionSpec{
		Type: discordgo.InteractionMessageComponent, GuildID: "500", ChannelID: "501", MessageID: orig.ID,
		Data: discordgo.MessageComponentInteractionData{CustomID: "3", ComponentType: discordgo.ButtonComponent},
	})
	if _, err := btn.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages("501")
	if len(msgs) != 2 || msgs[0].Content != "page 3" {
		t.Fatalf("channel shows %+v", msgs)
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
}

func TestInteractionLateAndDoubleCallbacks(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.Options{CallbackDeadline: 50 * time.Millisecond})
	srv.AddChannel("500", "501", "alerts")
	dg, ev := openSession(t, srv)
	recv(t, ev.ready, "READY")
	errs := make(chan error, 4)
	dg.AddHandler(func(s *discordgo.Session, i *discordgo.InteractionCreate) {
		if i.ApplicationCommandData().Name == "slow" {
			time.Sleep(150 * time.Millisecond)
		}
		resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource,
			Data: &discordgo.InteractionResponseData{Content: "ok"}}
		errs <- s.InteractionRespond(i.Interaction, resp)
		if i.ApplicationCommandData().Name == "twice" {
			errs <- s.InteractionRespond(i.Interaction, resp)
		}
	})
	srv.DispatchInteraction(discordtest.InteractionSpec{Type: discordgo.InteractionApplicationCommand, GuildID: "500", ChannelID: "501",
		Data: discordgo.ApplicationCommandInteractionData{Name: "slow"}})
	assertCode(t, recv(t, errs, "late callback"), 404, 10062)
	srv.DispatchInteraction(discordtest.InteractionSpec{Type: discordgo.InteractionApplicationCommand, GuildID: "500", ChannelID: "501",
		Data: discordgo.ApplicationCommandInteractionData{Name: "twice"}})
	if err := recv(t, errs, "first callback"); err != nil {
		t.Fatal(err)
	}
	assertCode(t, recv(t, errs, "second callback"), 400, 40060)
	if v := srv.Violations(); len(v) != 2 {
		t.Fatalf("violations %q, want the late and the double callback", v)
	}
}
