package bot_test

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
)

// BenchmarkDiscordSinkThroughput posts b.N messages per channel through the
// Discord sink and the Limiter into the fake, one sequential sender per
// channel (as the outbox runs them), with Discord's 5-per-window channel
// limit shrunk to a 200 ms window. It reports "ratio": the shortest time the
// limit allows for b.N posts ((⌈b.N/5⌉−1) windows) over the time taken, so
// 1.0 means every window was used in full; and the 429s Discord answered,
// which must be 0. Run with -benchtime=100x (b.N must exceed 5).
func BenchmarkDiscordSinkThroughput(b *testing.B) {
	for _, channels := range []int{1, 8} {
		b.Run("channels="+strconv.Itoa(channels), func(b *testing.B) {
			const window, limit = 200 * time.Millisecond, 5
			srv := discordtest.New(b, discordtest.Options{MessageWindow: window, MessageLimit: limit, GlobalLimit: 500})
			dg, err := srv.Session("tok")
			if err != nil {
				b.Fatal(err)
			}
			dg.Client.Transport = bot.NewLimiter(srv.Transport(), bot.LimiterOptions{
				ChannelWindow: window, ChannelLimit: limit, GlobalRate: 400, GlobalBurst: 10,
			})
			sink := bot.NewDiscord(dg)
			ids := make([]string, channels)
			for i := range ids {
				ids[i] = strconv.Itoa(600 + i)
				srv.AddChannel("500", ids[i], "ch"+ids[i])
			}
			time.Sleep(window + window/10) // a new Limiter treats its first window as used by an earlier process
			msg := rawPost("bench", bot.Message{Content: "Missile launch", Embeds: []bot.Embed{{Title: "North Korea fires ballistic missile", Description: "Seoul, Jan 6."}}})
			b.ResetTimer()
			start := time.Now()
			var wg sync.WaitGroup
			for _, ch := range ids {
				wg.Go(func() {
					for i := range b.N {
						if _, err := sink.Send(context.Background(), ch, msg, fmt.Sprintf("n-%s-%d", ch, i)); err != nil {
							b.Error(err)
							return
						}
					}
				})
			}
			wg.Wait()
			elapsed := time.Since(start)
			b.StopTimer()
			if v := srv.Violations(); len(v) != 0 {
				b.Fatalf("%d violations, first %q", len(v), v[0])
			}
			b.ReportMetric(float64(srv.Stats().Status429), "429s")
			b.ReportMetric(float64(b.N*channels)/elapsed.Seconds(), "posts/s")
			if b.N > limit {
				ideal := time.Duration((b.N+limit-1)/limit-1) * window
				b.ReportMetric(float64(ideal)/float64(elapsed), "ratio")
			}
		})
	}
}
