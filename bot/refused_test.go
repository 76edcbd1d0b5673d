package bot_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/storage/sqlite"
)

// TestChannelRefusedForAnHour runs an hour of a channel refusing the bot
// (403) at a thousandth of the time, with the production backoff scaled
// alike (30 s doubling to 10 min becomes 30 ms to 600 ms): alerts written
// all through the hour stay pending, Discord is asked about ten times, not
// thousands, ChannelChanged is called once when it breaks and once when it
// works again, and every alert is delivered once, in order, when the
// permission comes back. Through SQLite, the outbox, the Discord sink and
// Limiter, and the loopback Discord.
func TestChannelRefusedForAnHour(t *testing.T) {
	t.Parallel()
	const scale = 1000
	hour := time.Hour / scale
	ctx := context.Background()
	srv := discordtest.New(t, discordtest.Options{MessageWindow: 50 * time.Millisecond})
	srv.AddChannel("500", "701", "korea-urgent")
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
	dg.Client.Transport = bot.NewLimiter(srv.Transport(), bot.LimiterOptions{ChannelWindow: 50 * time.Millisecond, Logger: quiet})
	var mu sync.Mutex
	var changes []model.ChannelState
	ob := outbox.New(st, outbox.Sinks{"discord": bot.NewDiscord(dg, bot.WithSinkLogger(quiet))}, outbox.Options{
		BrokenBackoffMin: 30 * time.Second / scale, BrokenBackoffMax: 10 * time.Minute / scale,
		BackoffMin: time.Millisecond, Rescan: 10 * time.Millisecond, EditInterval: -1, Logger: quiet,
		ChannelChanged: func(s model.ChannelState) {
			mu.Lock()
			changes = append(changes, s)
			mu.Unlock()
		},
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

	srv.Fail(discordtest.FaultSpec{Kind: discordtest.FaultForbidden, Channel: "701", Times: discordtest.Always})
	start := time.Now()
	var want []string
	for i := 0; time.Since(start) < hour; i++ { // an alert every "six minutes"
		p := storyPost(fmt.Sprintf("alert-%02d", i), model.PostAlert, "", launchStory(1))
		p.StoryID = fmt.Sprintf("story-%02d", i)
		if err := st.AddPosts(ctx, []model.Post{p}); err != nil {
			t.Fatal(err)
		}
		want = append(want, "ref:"+p.ID)
		ob.Notify()
		time.Sleep(hour / 10)
	}
	if n := len(srv.Messages("701")); n != 0 {
		t.Fatalf("%d messages shown while refused", n)
	}
	refused := 0
	for _, r := range srv.Requests() {
		if r.Fault == "forbidden" {
			refused++
		}
	}
	t.Logf("%d alerts written in the hour, %d calls refused", len(want), refused)
	// 30 s, 1, 2, 4, 8 min, then every 10 min: about ten tries an hour.
	if refused < 5 || refused > 15 {
		t.Errorf("Discord refused %d calls in the hour; want about ten (backoff to 10 min)", refused)
	}
	srv.ClearFaults() // the permission comes back
	waitUntil(t, "every alert delivered", func() bool { return len(srv.Messages("701")) >= len(want) })
	time.Sleep(50 * time.Millisecond)
	var got []string
	for _, m := range srv.Messages("701") {
		got = append(got, bot.MessageMarker(bot.Message{Content: m.Content, Embeds: bot.FromEmbeds(m.Embeds)}))
	}
	if !slices.Equal(got, want) {
		t.Errorf("the channel shows %v, want each alert once, in order: %v", got, want)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(changes) != 2 || !changes[0].Broken || changes[1].Broken {
		t.Errorf("ChannelChanged calls %+v, want broken once, then working once", changes)
	}
}
