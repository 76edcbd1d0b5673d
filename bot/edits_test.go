package bot_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/storage/sqlite"
)

// TestManySourcesEditOnce: 50 outlets join one story within a minute, each
// writing an update of its alert, and the alert is edited a handful of
// times, not 50, ending with all of them. Time is scaled down 50 times: the
// updates come over one second and a message changes at most every 100 ms
// (wirewatch's default is 5 s), through SQLite, the outbox, the Discord
// sink and Limiter, and the loopback Discord.
func TestManySourcesEditOnce(t *testing.T) {
	t.Parallel()
	const (
		sources  = 50
		interval = 100 * time.Millisecond
		every    = 20 * time.Millisecond // 50 updates over about 1 s
	)
	ctx := context.Background()
	srv := discordtest.New(t, discordtest.Options{MessageWindow: 100 * time.Millisecond})
	srv.AddChannel("500", "701", "korea-urgent")
	names := map[string]string{"korea-urgent": "701"}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "wirewatch.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	dg, err := srv.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	dg.Client.Transport = bot.NewLimiter(srv.Transport(), bot.LimiterOptions{ChannelWindow: 100 * time.Millisecond, Logger: quiet})
	ob := outbox.New(st, outbox.Sinks{"discord": bot.NewDiscord(dg, bot.WithSinkLogger(quiet))}, outbox.Options{
		Channels: names, BackoffMin: 10 * time.Millisecond, Rescan: time.Hour, // Notify and the edit deadline wake it
		EditInterval: interval, Logger: quiet,
	})
	runCtx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- ob.Run(runCtx) }()
	defer func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("run: %v", err)
		}
	}()

	story := launchStory(1)
	orig := storyPost("alert-0", model.PostAlert, "", story)
	if err := st.AddPosts(ctx, []model.Post{orig}); err != nil {
		t.Fatal(err)
	}
	ob.Notify()
	waitUntil(t, "the alert posted", func() bool { return len(srv.Messages("701")) == 1 })

	start := time.Now()
	for i := 1; i <= sources; i++ {
		time.Sleep(time.Until(start.Add(time.Duration(i-1) * every)))
		upd := storyPost(fmt.Sprintf("update-%02d", i), model.PostUpdate, orig.ID, launchStory(1+i))
		if err := st.AddPosts(ctx, []model.Post{upd}); err != nil {
			t.Fatal(err)
		}
		ob.Notify()
	}
	span := time.Since(start)
	waitUntil(t, "every update settled", func() bool {
		pending, err := st.PendingChannels(ctx)
		return err == nil && len(pending) == 0
	})

	patches := 0
	for _, r := range srv.Requests() {
		if r.Method == "PATCH" {
			patches++
		}
	}
	// Edits are at least an interval apart and each needs an update
	// written since the one before, so the span of the writes bounds them:
	// 12 for the one second planned (more only if writing was slow here).
	bound := int(span/interval) + 2
	msgs := srv.Messages("701")
	if len(msgs) != 1 {
		t.Fatalf("%d messages, want the one alert", len(msgs))
	}
	m := msgs[0]
	t.Logf("%d updates over %s: %d PATCH requests, message edited %d times (bound %d)", sources, span.Round(time.Millisecond), patches, m.Edits, bound)
	if patches > bound || m.Edits > bound {
		t.Errorf("%d PATCHes (%d edits) for %d updates over %s; want at most %d: one per %s", patches, m.Edits, sources, span.Round(time.Millisecond), bound, interval)
	}
	if patches == 0 {
		t.Fatal("the alert was never edited")
	}
	var shown strings.Builder
	for _, e := range m.Embeds {
		shown.WriteString(e.Title + "\n" + e.Description + "\n")
	}
	if want := fmt.Sprintf("**%d sources**", sources+1); !strings.Contains(shown.String(), want) {
		t.Errorf("final message lacks %q:\n%s", want, shown.String())
	}
	if got := footerMarker(m); got != "ref:"+orig.ID {
		t.Errorf("final message marker %q, want the alert's", got)
	}
	for i := 1; i <= sources; i++ {
		p, err := st.Post(ctx, fmt.Sprintf("update-%02d", i))
		if err != nil || p.State != model.PostSent || p.MessageID != m.ID {
			t.Errorf("update %d: %s as %q (%v), want sent as the alert's message %s", i, p.State, p.MessageID, err, m.ID)
		}
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Errorf("%d violations of Discord's limits, first: %q", len(v), v[0])
	}
}

// launchStory is a missile-launch story reported by n outlets.
func launchStory(n int) model.Story {
	at := time.Date(2026, 3, 10, 7, 0, 0, 0, time.UTC)
	st := model.Story{ID: "story-launch", Title: "North Korea fires ballistic missile into the East Sea", FirstSeen: at}
	for i := range n {
		st.Sources = append(st.Sources, model.Source{
			Feed:      fmt.Sprintf("Outlet %02d", i),
			Title:     fmt.Sprintf("North Korea fires missile, outlet %02d reports", i),
			Link:      fmt.Sprintf("https://outlet%02d.example/launch", i),
			Published: at.Add(time.Duration(i) * time.Second),
		})
	}
	st.Link, st.Updated = st.Sources[0].Link, st.Sources[n-1].Published
	return st
}

// storyPost is the post the pipeline plans for a story: the alert, or an
// update carrying the alert's first report and every source so far.
func storyPost(id string, kind model.PostKind, replaceOf string, st model.Story) model.Post {
	m := model.Match{Rule: "nk-launch", Severity: model.SeverityUrgent, Channels: []string{"korea-urgent"}}
	first := st.Sources[0]
	c := model.Content{Headline: first.Title, Link: first.Link, Feed: first.Feed, Published: first.Published,
		Summary: []string{"The missile flew about 800 km."}, Severity: m.Severity, Rule: m.Rule,
		StoryTitle: st.Title, Updated: st.Updated, Sources: st.Sources}
	return model.Post{
		ID: id, Kind: kind, Priority: model.PriorityOf(kind, m.Severity), Channel: "korea-urgent", ChannelID: "701",
		StoryID: st.ID, Rule: m.Rule, Nonce: outbox.Nonce(id), ReplaceOf: replaceOf, Content: c,
		State: model.PostPending, CreatedAt: time.Now().UTC(),
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting: %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
