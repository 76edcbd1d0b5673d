package bot_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/storage/sqlite"
)

// soak is one end-to-end delivery run: posts in SQLite, the outbox, the
// Discord sink and Limiter, and a fake Discord that injects faults, with the
// whole delivery process closed and reopened over the same database file
// mid-run.
type soak struct {
	channels, perChannel int
	window               time.Duration // Discord's 5-per-5 s channel window, shrunk
	restarts             int
	timeout              time.Duration
}

func TestDeliverySoak(t *testing.T) {
	t.Parallel()
	cfg := soak{channels: 20, perChannel: 100, window: 100 * time.Millisecond, restarts: 2, timeout: 90 * time.Second}
	if raceDetector {
		cfg.perChannel = 15 // SQLite under -race is too slow for 2,000 alerts in a test run
	}
	runSoak(t, cfg)
}

// TestDeliverySoakLong runs the soak with longer windows (closer to
// Discord's timing relative to network latency) and more restarts.
func TestDeliverySoakLong(t *testing.T) {
	if testing.Short() || raceDetector {
		t.Skip("long soak; run without -short and without -race")
	}
	t.Parallel()
	runSoak(t, soak{channels: 20, perChannel: 100, window: 400 * time.Millisecond, restarts: 4, timeout: 3 * time.Minute})
}

func runSoak(t *testing.T, cfg soak) {
	ctx := context.Background()
	total := cfg.channels * cfg.perChannel
	srv := discordtest.New(t, discordtest.Options{
		MessageWindow: cfg.window, GlobalLimit: 2000, GlobalWindow: time.Second, Seed: 20260310,
	})
	// Faults on message creation, in the order they are tried: 10% 5xx,
	// then 5% of all requests dropped after the message was created, then
	// 3% random 429s.
	post := "/channels/*/messages"
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultServerError, Status: 503, Method: "POST", Path: post, Times: discordtest.Always, Probability: 0.10})
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultDropResponse, Method: "POST", Path: post, Times: discordtest.Always, Probability: 0.05 / 0.90})
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultRateLimit, Method: "POST", Path: post, Times: discordtest.Always, Probability: 0.03 / 0.85, RetryAfter: cfg.window / 2})

	names := map[string]string{}
	var ids []string
	for c := range cfg.channels {
		id, name := strconv.Itoa(700+c), fmt.Sprintf("desk-%02d", c)
		srv.AddChannel("500", id, name)
		names[name] = id
		ids = append(ids, id)
	}
	path := filepath.Join(t.TempDir(), "wirewatch.db")
	addSoakPosts(t, path, cfg, names)

	lo := bot.LimiterOptions{ChannelWindow: cfg.window, GlobalRate: 1500, GlobalBurst: 20}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	start := time.Now()
	for phase := 0; phase <= cfg.restarts; phase++ {
		st, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatalf("phase %d: open: %v", phase, err)
		}
		dg, err := srv.Session("tok")
		if err != nil {
			t.Fatal(err)
		}
		lo.Logger = quiet
		dg.Client.Transport = bot.NewLimiter(srv.Transport(), lo)
		ob := outbox.New(st, outbox.Sinks{"discord": bot.NewDiscord(dg, bot.WithSinkLogger(quiet))}, outbox.Options{
			Channels: names, BackoffMin: 10 * time.Millisecond, BackoffMax: 4 * cfg.window,
			NonceWindow: 30 * time.Second, CallTimeout: 5 * time.Second, Rescan: 50 * time.Millisecond,
			Logger: quiet,
		})
		runCtx, stop := context.WithCancel(ctx)
		done := make(chan error, 1)
		go func() { done <- ob.Run(runCtx) }()
		ob.Notify()
		deadline := start.Add(cfg.timeout)
		if phase < cfg.restarts {
			// Restart once a share of the alerts went out, mid-stream.
			goal := total * (phase + 1) / (cfg.restarts + 1)
			for srv.Stats().Created < goal && time.Now().Before(deadline) {
				time.Sleep(5 * time.Millisecond)
			}
		} else {
			for time.Now().Before(deadline) {
				pending, err := st.PendingChannels(ctx)
				if err != nil {
					t.Fatal(err)
				}
				if len(pending) == 0 {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
		}
		stop()
		if err := <-done; err != nil {
			t.Fatalf("phase %d: run: %v", phase, err)
		}
		if err := st.Close(); err != nil {
			t.Fatalf("phase %d: close: %v", phase, err)
		}
		if time.Now().After(deadline) {
			t.Fatalf("phase %d: timed out with %d of %d messages created", phase, srv.Stats().Created, total)
		}
	}
	elapsed := time.Since(start)

	for c, id := range ids {
		var got []string
		for _, m := range srv.Messages(id) {
			got = append(got, footerMarker(m))
		}
		want := make([]string, cfg.perChannel)
		for i := range want {
			want[i] = "ref:" + soakPostID(c, i)
		}
		if !slices.Equal(got, want) {
			t.Errorf("channel %s shows %d messages, want each of %d alerts once, in order; first difference at %d",
				id, len(got), len(want), firstDiff(got, want))
		}
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Errorf("%d violations of Discord's limits, first: %q", len(v), v[0])
	}
	checkAllSent(t, path, total)
	st := srv.Stats()
	t.Logf("%d alerts to %d channels in %s with %d restarts: %d requests, %d injected faults, %d 429s (all injected)",
		total, cfg.channels, elapsed.Round(time.Millisecond), cfg.restarts, st.Requests, st.Injected, st.Status429)
}

func soakPostID(channel, i int) string { return fmt.Sprintf("a%02d-%04d", channel, i) }

func addSoakPosts(t *testing.T, path string, cfg soak, names map[string]string) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	base := time.Now().Add(-time.Hour).UTC()
	var posts []model.Post
	for i := range cfg.perChannel {
		for c := range cfg.channels {
			name := fmt.Sprintf("desk-%02d", c)
			posts = append(posts, model.Post{
				ID: soakPostID(c, i), Kind: model.PostAlert, Channel: name, ChannelID: names[name],
				StoryID: fmt.Sprintf("story-%d", i), Rule: "missile-launch", State: model.PostPending,
				CreatedAt: base.Add(time.Duration(i*cfg.channels+c) * time.Millisecond),
				Content: model.Content{
					Headline: fmt.Sprintf("KCNA statement %d on the Freedom Edge drill", i),
					Link:     fmt.Sprintf("https://example.org/kcna/%d", i),
					Summary:  []string{"Pyongyang called the trilateral exercise a rehearsal for invasion."},
					Feed:     "KCNA Watch",
					Rule:     "missile-launch",
				},
			})
		}
	}
	if err := st.AddPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
}

func footerMarker(m discordtest.Message) string {
	if n := len(m.Embeds); n > 0 && m.Embeds[n-1].Footer != nil {
		return bot.FindMarker(m.Embeds[n-1].Footer.Text)
	}
	return bot.FindMarker(m.Content)
}

func firstDiff(a, b []string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// checkAllSent verifies the outbox's own record: every post sent, none
// pending or failed.
func checkAllSent(t *testing.T, path string, total int) {
	t.Helper()
	ctx := context.Background()
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	pending, err := st.PendingChannels(ctx)
	if err != nil || len(pending) != 0 {
		t.Errorf("pending channels %v, %v", pending, err)
	}
	p, err := st.Post(ctx, soakPostID(0, 0))
	if err != nil || p.State != model.PostSent || p.MessageID == "" {
		t.Errorf("post %s: %+v, %v", soakPostID(0, 0), p, err)
	}
}

// A post whose message was created but never recorded (the process died
// during the send) is found after a restart however many messages came after
// it: the outbox searches from the time of the post's first attempt, paging
// through the channel (GET messages?after=), instead of among the last 50
// messages, and the nonce has long expired.
func TestRestartFindsPostPastFiftyMessages(t *testing.T) {
	t.Parallel()
	srv, sink, _ := newSink(t, discordtest.Options{NonceWindow: 50 * time.Millisecond}, bot.LimiterOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "wirewatch.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	post := model.Post{
		ID: "launch-1", Kind: model.PostAlert, Channel: "alerts", ChannelID: alertsID,
		StoryID: "story-1", Rule: "missile-launch", Nonce: outbox.Nonce("story-1", "missile-launch", "alerts"),
		State: model.PostPending, CreatedAt: time.Now().Add(-time.Minute).UTC(),
		Content: model.Content{Headline: "North Korea fires a ballistic missile", Link: "https://example.org/kcna/1", Feed: "Yonhap", Rule: "missile-launch"},
	}
	if err := st.AddPosts(ctx, []model.Post{post}); err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	opts := outbox.Options{BackoffMin: 10 * time.Millisecond, NonceWindow: 50 * time.Millisecond, CallTimeout: 5 * time.Second, Logger: quiet}

	// The first run: Discord creates the message, and the process dies
	// before it hears back (kill -9: nothing more is recorded).
	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultDropResponse, Method: "POST", Path: "/channels/*/messages"})
	runCtx, kill := context.WithCancel(ctx)
	_ = outbox.New(st, outbox.Sinks{"discord": killedDuringSend{sink, kill}}, opts).Flush(runCtx)
	if n := len(srv.Messages(alertsID)); n != 1 {
		t.Fatalf("%d messages after the first run, want 1", n)
	}
	if p, err := st.Post(ctx, post.ID); err != nil || p.State != model.PostPending {
		t.Fatalf("after the crash the post is %+v, %v; want pending", p, err)
	}

	// The desk talks on: 120 messages, more than a page, bury it.
	for i := range 120 {
		srv.PostAs(alertsID, "300000000000000009", fmt.Sprintf("noted %d", i))
	}
	time.Sleep(100 * time.Millisecond) // past Discord's nonce window

	if err := outbox.New(st, outbox.Sinks{"discord": sink}, opts).Flush(ctx); err != nil {
		t.Fatalf("flush after restart: %v", err)
	}
	var ours []discordtest.Message
	for _, m := range srv.Messages(alertsID) {
		if footerMarker(m) == "ref:"+post.ID {
			ours = append(ours, m)
		}
	}
	if len(ours) != 1 {
		t.Fatalf("the channel shows the post %d times, want once", len(ours))
	}
	if p, err := st.Post(ctx, post.ID); err != nil || p.State != model.PostSent || p.MessageID != ours[0].ID {
		t.Errorf("post after restart: %s %q, %v; want sent as %q", p.State, p.MessageID, err, ours[0].ID)
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Errorf("violations %q", v)
	}
}

// killedDuringSend ends the run as soon as a send returns, as a process
// killed while the call was in flight would.
type killedDuringSend struct {
	*bot.Discord
	kill context.CancelFunc
}

func (k killedDuringSend) Send(ctx context.Context, channelID string, p model.Post, nonce string) (string, error) {
	id, err := k.Discord.Send(ctx, channelID, p, nonce)
	k.kill()
	return id, err
}
