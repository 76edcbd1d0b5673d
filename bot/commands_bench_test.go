package bot_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/config"
	"wirewatch/rules"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
	"wirewatch/storage/storagetest"
)

// BenchmarkCommandLatency measures /timeline (one topic, 30 days, first
// page) and /search (two words, best first) end to end: from the fake
// Discord dispatching INTERACTION_CREATE to the bot's first callback
// arriving, over a store of WIREWATCH_BENCH_ITEMS generated items (default
// 2,000). It reports the median and 99th percentile in milliseconds, and
// how many answers had to be deferred.
//
// Loading through SaveItem is slow; for large N, load the database once
// with the storage benchmark and point WIREWATCH_BENCH_DB at it:
//
//	WIREWATCH_BENCH_ITEMS=1000000 WIREWATCH_BENCH_DB=/tmp/ww-bench.db \
//	  go test -run '^$' -bench Lookups -benchtime 1x ./storage/sqlite/
//	WIREWATCH_BENCH_ITEMS=1000000 WIREWATCH_BENCH_DB=/tmp/ww-bench.db \
//	  go test -run '^$' -bench CommandLatency -benchtime 200x -cpu 1 ./bot/
func BenchmarkCommandLatency(b *testing.B) {
	ctx := context.Background()
	n := storagetest.BenchItems(2000)
	path := os.Getenv("WIREWATCH_BENCH_DB")
	if path == "" {
		path = filepath.Join(b.TempDir(), "bench.db")
	}
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	fillBench(b, st, n)

	var topics strings.Builder
	for _, t := range storagetest.BenchTopics {
		fmt.Fprintf(&topics, "[[topics]]\nname = %q\naliases = [%q]\n\n", t, strings.ReplaceAll(t, "-", " "))
	}
	cfg, err := config.Parse("bench.toml", []byte(topics.String()))
	if err != nil {
		b.Fatal(err)
	}
	eng, err := rules.Compile(cfg)
	if err != nil {
		b.Fatal(err)
	}
	cmds := bot.NewCommands(st, func() (*config.Config, *rules.Engine) { return cfg, eng }, bot.CommandOptions{
		Now:    func() time.Time { return storagetest.BenchNow },
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	srv := discordtest.New(b, discordtest.Options{})
	srv.AddChannel(cmdGuild, cmdDesk, "desk")
	dg, err := srv.Session("bench")
	if err != nil {
		b.Fatal(err)
	}
	dg.StateEnabled = false
	dg.AddHandler(cmds.Handle)
	if err := dg.Open(); err != nil {
		b.Fatal(err)
	}
	defer dg.Close()

	run := func(b *testing.B, options func(i int) (string, []*discordgo.ApplicationCommandInteractionDataOption)) {
		var took []time.Duration
		deferred := 0
		i := 0
		for b.Loop() {
			name, opts := options(i)
			i++
			start := time.Now()
			in := srv.DispatchInteraction(discordtest.InteractionSpec{
				Type: discordgo.InteractionApplicationCommand, GuildID: cmdGuild, ChannelID: cmdDesk,
				Data: discordgo.ApplicationCommandInteractionData{ID: "1", Name: name, Options: opts},
			})
			wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			cb, err := in.Wait(wctx)
			cancel()
			took = append(took, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
			switch {
			case cb.Type == discordgo.InteractionResponseDeferredChannelMessageWithSource:
				deferred++
			case cb.Flags != 0 || len(cb.Embeds) == 0:
				b.Fatalf("%s answered %s", name, cb.Raw)
			}
		}
		reportPercentiles(b, took)
		b.ReportMetric(float64(deferred), "deferred")
		if v := srv.Violations(); len(v) > 0 {
			b.Fatalf("violations: %q", v)
		}
	}
	// The floor: an autocomplete answers from the config alone, so its
	// latency is the cost of the Discord round trip through the fake.
	b.Run("autocomplete", func(b *testing.B) {
		var took []time.Duration
		for b.Loop() {
			start := time.Now()
			in := srv.DispatchInteraction(discordtest.InteractionSpec{
				Type: discordgo.InteractionApplicationCommandAutocomplete, GuildID: cmdGuild, ChannelID: cmdDesk,
				Data: discordgo.ApplicationCommandInteractionData{ID: "1", Name: "timeline", Options: []*discordgo.ApplicationCommandInteractionDataOption{
					{Name: "topic", Type: discordgo.ApplicationCommandOptionString, Value: "n", Focused: true},
				}},
			})
			wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			_, err := in.Wait(wctx)
			cancel()
			took = append(took, time.Since(start))
			if err != nil {
				b.Fatal(err)
			}
		}
		reportPercentiles(b, took)
	})
	b.Run("timeline", func(b *testing.B) {
		run(b, func(i int) (string, []*discordgo.ApplicationCommandInteractionDataOption) {
			return "timeline", []*discordgo.ApplicationCommandInteractionDataOption{
				str("topic", storagetest.BenchTopics[i%len(storagetest.BenchTopics)]), num("days", 30),
			}
		})
	})
	b.Run("search", func(b *testing.B) {
		run(b, func(i int) (string, []*discordgo.ApplicationCommandInteractionDataOption) {
			return "search", []*discordgo.ApplicationCommandInteractionDataOption{
				str("query", storagetest.BenchSearches[i%len(storagetest.BenchSearches)]),
			}
		})
	})
}

func reportPercentiles(b *testing.B, took []time.Duration) {
	slices.Sort(took)
	pct := func(p float64) float64 {
		return float64(took[int(p*float64(len(took)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.5), "ms-median")
	b.ReportMetric(pct(0.99), "ms-p99")
}

// fillBench stores the first n corpus items through SaveItem unless the
// store already holds n items.
func fillBench(b *testing.B, st storage.Store, n int) {
	ctx := context.Background()
	until := storagetest.BenchNow.Add(time.Hour)
	if have, err := st.Latest(ctx, storage.Query{Limit: 1, Offset: n - 1, Until: until}); err != nil {
		b.Fatal(err)
	} else if len(have) == 1 {
		return
	}
	// A database with some items is another run's, perhaps still loading:
	// never write into it.
	if some, err := st.Latest(ctx, storage.Query{Limit: 1, Until: until}); err != nil || len(some) > 0 {
		b.Fatalf("the bench database holds fewer than %d items (%v); use a complete or a new one", n, err)
	}
	start := time.Now()
	for it, story := range storagetest.Corpus(n, 1) {
		if _, err := st.SaveItem(ctx, &it, &story, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("stored %d items through SaveItem in %v", n, time.Since(start).Round(time.Millisecond))
}
