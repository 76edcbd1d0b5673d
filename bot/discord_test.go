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
	"wirewatch/model"
	"wirewatch/outbox"
)

const (
	guildID   = "500"
	alertsID  = "501"
	digestID  = "502"
	missingID = "599"
)

// newSink starts a fake Discord and returns a Discord sink over a session
// whose transport goes through a Limiter.
func newSink(t testing.TB, fo discordtest.Options, lo bot.LimiterOptions) (*discordtest.Server, *bot.Discord, *bot.Limiter) {
	t.Helper()
	if lo.ChannelWindow == 0 && fo.MessageWindow == 0 {
		// Short windows: a new Limiter holds back its first window.
		lo.ChannelWindow, fo.MessageWindow = 100*time.Millisecond, 100*time.Millisecond
	}
	srv := discordtest.New(t, fo)
	srv.AddChannel(guildID, alertsID, "alerts")
	srv.AddChannel(guildID, digestID, "digest")
	dg, err := srv.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	lim := bot.NewLimiter(srv.Transport(), lo)
	dg.Client.Transport = lim
	return srv, bot.NewDiscord(dg), lim
}

// alert is a post of a given message (raw, so the sink's own handling is
// what is tested) and that message.
func alert(id, title string) (model.Post, bot.Message) {
	msg := bot.Message{Embeds: []bot.Embed{{
		Title: title, URL: "https://www.yna.co.kr/view/" + id, Description: "North Korea fired a ballistic missile.",
		Footer: "Yonhap", Timestamp: time.Date(2025, 1, 6, 3, 0, 0, 0, time.UTC),
		Fields: []bot.Field{{Name: "Rule", Value: "missile-launch"}},
	}}}
	return rawPost(id, msg), msg
}

func TestDiscordSendEditRecent(t *testing.T) {
	t.Parallel()
	srv, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{})
	ctx := context.Background()
	p1, _ := alert("p1", "Missile launch")
	p2, m2 := alert("p2", "Freedom Edge drill begins")
	id1, err := sink.Send(ctx, alertsID, p1, "n-p1")
	if err != nil {
		t.Fatal(err)
	}
	id2, err := sink.Send(ctx, alertsID, p2, "n-p2")
	if err != nil {
		t.Fatal(err)
	}
	upd, _ := alert("u1", "Missile launch (3 sources)")
	upd.Kind, upd.ReplaceOf = model.PostUpdate, p1.ID
	if err := sink.Edit(ctx, alertsID, id1, upd); err != nil {
		t.Fatal(err)
	}
	got := srv.Messages(alertsID)
	if len(got) != 2 || got[0].Embeds[0].Title != "Missile launch (3 sources)" || got[0].Edits != 1 || got[0].Embeds[0].Footer.Text != "Yonhap · ref:p1" {
		t.Fatalf("channel shows %+v", got)
	}
	if e := got[1].Embeds[0]; e.URL != m2.Embeds[0].URL || e.Footer.Text != "Yonhap · ref:p2" || len(e.Fields) != 1 || e.Timestamp == "" {
		t.Fatalf("embed %+v", e)
	}
	recent, err := sink.Recent(ctx, alertsID, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	slices.SortFunc(recent, func(a, b outbox.Sent) int { return strings.Compare(a.PostID, b.PostID) })
	want := []outbox.Sent{{MessageID: id1, Nonce: "n-p1", PostID: p1.ID}, {MessageID: id2, Nonce: "n-p2", PostID: p2.ID}}
	if len(recent) != 2 || recent[0] != want[0] || recent[1] != want[1] {
		t.Fatalf("recent %+v, want %+v", recent, want)
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
}

// Recent reports only the bot's own messages, with the marker of a
// content-only message too.
func TestDiscordRecentSkipsOthers(t *testing.T) {
	t.Parallel()
	srv, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{})
	ctx := context.Background()
	if _, err := sink.Send(ctx, digestID, rawPost("d1", bot.Message{Content: "Digest: 3 stories"}), ""); err != nil {
		t.Fatal(err)
	}
	srv.PostAs(digestID, "300000000000000009", "ref:d2 is not ours")
	recent, err := sink.Recent(ctx, digestID, time.Time{})
	if err != nil || len(recent) != 1 || recent[0].PostID != "d1" || recent[0].Nonce != "" {
		t.Fatalf("recent %+v, %v", recent, err)
	}
}

func TestDiscordNonceDedupe(t *testing.T) {
	t.Parallel()
	srv, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{})
	ctx := context.Background()
	msg, _ := alert("p1", "Missile launch")
	a, err := sink.Send(ctx, alertsID, msg, "n-same")
	if err != nil {
		t.Fatal(err)
	}
	b, err := sink.Send(ctx, alertsID, msg, "n-same")
	if err != nil {
		t.Fatal(err)
	}
	if a != b || len(srv.Messages(alertsID)) != 1 {
		t.Fatalf("ids %s, %s and %d messages: the same nonce posted twice", a, b, len(srv.Messages(alertsID)))
	}
	// After a dropped response, the retry with the same nonce finds the message.
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultDropResponse, Method: "POST", Path: "/channels/*/messages"})
	msg2, _ := alert("p2", "Second")
	if _, err := sink.Send(ctx, alertsID, msg2, "n-p2"); err == nil || outbox.IsPermanent(err) {
		t.Fatalf("dropped response: %v, want a transient error", err)
	}
	if _, err := sink.Send(ctx, alertsID, msg2, "n-p2"); err != nil {
		t.Fatal(err)
	}
	if got := len(srv.Messages(alertsID)); got != 2 {
		t.Fatalf("%d messages, want 2", got)
	}
}

// Feed text that mentions @everyone or a role pings nobody; only the roles
// the post names may ping, and only if the content mentions them.
func TestDiscordHostileMentions(t *testing.T) {
	t.Parallel()
	srv, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{})
	ctx := context.Background()
	hostile := rawPost("h1", bot.Message{
		Content: "@everyone @here <@&123> <@456> read this",
		Embeds:  []bot.Embed{{Title: "@everyone", Description: "<@&123>"}},
	})
	if _, err := sink.Send(ctx, alertsID, hostile, ""); err != nil {
		t.Fatal(err)
	}
	urgent := rawPost("u1", bot.Message{Content: "<@&777> <@&123> @everyone Launch detected", Roles: []string{"777", "not-a-role"}})
	if _, err := sink.Send(ctx, alertsID, urgent, ""); err != nil {
		t.Fatal(err)
	}
	msgs := srv.Messages(alertsID)
	if m := msgs[0]; !m.Pinged.Empty() || !m.Mentioned.Everyone || len(m.Mentioned.Roles) != 1 {
		t.Fatalf("hostile message: mentioned %+v, pinged %+v", m.Mentioned, m.Pinged)
	}
	if p := msgs[1].Pinged; p.Everyone || len(p.Users) != 0 || len(p.Roles) != 1 || p.Roles[0] != "777" {
		t.Fatalf("urgent message pinged %+v, want role 777 only", p)
	}
	// Edits carry the same rules.
	if err := sink.Edit(ctx, alertsID, msgs[0].ID, hostile); err != nil {
		t.Fatal(err)
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Fatalf("violations %q", v)
	}
}

func TestDiscordErrorMapping(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		fault      *discordtest.FaultSpec
		channel    string
		msg        *model.Post
		status     int
		code       int
		permanent  bool
		retryAfter time.Duration
		payload    string // in the DeliveryError's Payload (a 400's only)
	}{
		{name: "route 429", fault: &discordtest.FaultSpec{Kind: discordtest.FaultRateLimit, RetryAfter: 1500 * time.Millisecond},
			status: 429, retryAfter: 1500 * time.Millisecond},
		{name: "global 429", fault: &discordtest.FaultSpec{Kind: discordtest.FaultGlobalRateLimit, RetryAfter: 200 * time.Millisecond},
			status: 429, retryAfter: 200 * time.Millisecond},
		{name: "500", fault: &discordtest.FaultSpec{Kind: discordtest.FaultServerError, Status: 500}, status: 500},
		{name: "502", fault: &discordtest.FaultSpec{Kind: discordtest.FaultServerError, Status: 502}, status: 502},
		{name: "503", fault: &discordtest.FaultSpec{Kind: discordtest.FaultServerError, Status: 503}, status: 503},
		{name: "unknown channel fault", fault: &discordtest.FaultSpec{Kind: discordtest.FaultUnknownChannel}, status: 404, code: 10003, permanent: true},
		{name: "forbidden", fault: &discordtest.FaultSpec{Kind: discordtest.FaultForbidden}, status: 403, code: 50013, permanent: true},
		{name: "missing channel", channel: missingID, status: 404, code: 10003, permanent: true},
		{name: "too long", msg: ptr(rawPost("long", bot.Message{Embeds: []bot.Embed{{Title: strings.Repeat("가", 257)}}})), status: 400, code: 50035, permanent: true,
			payload: `"title":"` + strings.Repeat("가", 257) + `"`},
		{name: "bad request", fault: &discordtest.FaultSpec{Kind: discordtest.FaultBadRequest}, status: 400, code: 50035, permanent: true, payload: "Missile launch"},
		{name: "unauthorized", fault: &discordtest.FaultSpec{Kind: discordtest.FaultUnauthorized}, status: 401},
		// A stored message that cannot be read is refused before any request.
		{name: "unreadable", msg: &model.Post{ID: "bad", Content: model.Content{Legacy: []byte(`["not","a","message"]`)}}, permanent: true},
		{name: "dropped", fault: &discordtest.FaultSpec{Kind: discordtest.FaultDropResponse}, status: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{})
			if tt.fault != nil {
				tt.fault.Path = "/channels/*/messages"
				srv.Fail(*tt.fault)
			}
			ch := tt.channel
			if ch == "" {
				ch = alertsID
			}
			msg := textPost("Missile launch")
			if tt.msg != nil {
				msg = *tt.msg
			}
			_, err := sink.Send(context.Background(), ch, msg, "n-1")
			var de *outbox.DeliveryError
			if !errors.As(err, &de) {
				t.Fatalf("error %v (%T), want *outbox.DeliveryError", err, err)
			}
			if de.Status != tt.status || de.Code != tt.code || de.Permanent != tt.permanent || de.RetryAfter != tt.retryAfter {
				t.Fatalf("got status %d code %d permanent %v retry %s, want %d %d %v %s (%v)",
					de.Status, de.Code, de.Permanent, de.RetryAfter, tt.status, tt.code, tt.permanent, tt.retryAfter, err)
			}
			if tt.payload == "" && de.Payload != "" || !strings.Contains(de.Payload, tt.payload) {
				t.Errorf("payload %q, want it to hold %q", de.Payload, tt.payload)
			}
		})
	}
}

func TestDiscordContextCancel(t *testing.T) {
	t.Parallel()
	srv, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{})
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultSlow, Delay: 2 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := sink.Send(ctx, alertsID, textPost("x"), "n-1")
	if !errors.Is(err, context.DeadlineExceeded) || outbox.IsPermanent(err) {
		t.Fatalf("error %v, want a transient deadline error", err)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("returned after %s, want at the deadline", d)
	}
}

func TestDiscordRejectsNonSnowflakeChannel(t *testing.T) {
	t.Parallel()
	_, sink, _ := newSink(t, discordtest.Options{}, bot.LimiterOptions{})
	_, err := sink.Send(context.Background(), "alerts", textPost("x"), "")
	if !outbox.IsPermanent(err) {
		t.Fatalf("error %v, want permanent", err)
	}
}

// The sink works with a session connected to the gateway as well (the
// bot user comes from READY).
func TestDiscordWithGateway(t *testing.T) {
	t.Parallel()
	srv := discordtest.New(t, discordtest.Options{})
	srv.AddChannel(guildID, alertsID, "alerts")
	dg, err := srv.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	ready := make(chan struct{}, 1)
	dg.AddHandler(func(*discordgo.Session, *discordgo.Ready) { ready <- struct{}{} })
	if err := dg.Open(); err != nil {
		t.Fatal(err)
	}
	defer dg.Close()
	<-ready
	sink := bot.NewDiscord(dg)
	if _, err := sink.Send(context.Background(), alertsID, textPost("hello"), "n"); err != nil {
		t.Fatal(err)
	}
	recent, err := sink.Recent(context.Background(), alertsID, time.Time{})
	if err != nil || len(recent) != 1 {
		t.Fatalf("recent %+v, %v", recent, err)
	}
}

func ptr[T any](v T) *T { return &v }

func TestCheckChannelID(t *testing.T) {
	for id, want := range map[string]string{
		"100000000000000001":    "",
		"18446744073709551615":  "",
		"18446744073709551616":  `"18446744073709551616" is not a Discord channel id (digits only)`, // past uint64
		"#korea-desk":           `"#korea-desk" is not a Discord channel id (digits only)`,
		"":                      `"" is not a Discord channel id (digits only)`,
		"<#100000000000000001>": `"<#100000000000000001>" is not a Discord channel id (digits only)`,
	} {
		err := bot.CheckChannelID(id)
		if got := fmt.Sprint(err); (want == "" && err != nil) || (want != "" && got != want) {
			t.Errorf("CheckChannelID(%q) = %v, want %q", id, err, want)
		}
	}
}

func TestPlaceholderID(t *testing.T) {
	for id, want := range map[string]bool{
		"000000000000000000":   true, // config.example.toml's
		"000000000000000001":   true,
		"000000000000000010":   true,
		"0":                    true,
		"1":                    true,  // dated 2015-01-01
		"12345678901234567":    true,  // dated January 2015
		"41771983423143937":    false, // a real guild's id, April 2015
		"100000000000000001":   false,
		"1187432598123456789":  false,
		"18446744073709551615": false,
		"#korea-desk":          false, // not an id at all: CheckChannelID's to say
	} {
		if got := bot.PlaceholderID(id); got != want {
			t.Errorf("PlaceholderID(%q) = %v, want %v", id, got, want)
		}
	}
}
