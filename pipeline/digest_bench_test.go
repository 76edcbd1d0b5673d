package pipeline

import (
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

// BenchmarkDigestContent is what building a digest costs the pipeline on
// a long period (WIREWATCH_BENCH_DIGEST_STORIES stories, default 2,000:
// a week of a busy desk, or a bot down that long): one timeline over them,
// scoring, grouping.
func BenchmarkDigestContent(b *testing.B) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("WIREWATCH_BENCH_DIGEST_STORIES")); err == nil && v > 0 {
		n = v
	}
	cfg, err := config.Parse("bench.toml", []byte(`
[[topics]]
name = "north-korea"
aliases = ["North Korea"]

[[topics]]
name = "south-korea"
aliases = ["South Korea"]

[[channels]]
name = "brief"
id = "100000000000000001"

[[digests]]
name = "morning"
schedule = "CRON_TZ=UTC 0 8 * * *"
channels = ["brief"]
`))
	if err != nil {
		b.Fatal(err)
	}
	rt, err := NewRuntime(cfg)
	if err != nil {
		b.Fatal(err)
	}
	words := []string{"missile", "drill", "talks", "sanctions", "factory", "hospital", "election", "court", "exports", "typhoon",
		"satellite", "defector", "summit", "budget", "railway", "harbor", "festival", "reactor", "border", "vaccine"}
	until := time.Date(2026, 12, 5, 8, 0, 0, 0, time.UTC)
	sts := make([]model.Story, n)
	for i := range sts {
		at := until.Add(-time.Duration(i) * 7 * 24 * time.Hour / time.Duration(n))
		title := fmt.Sprintf("North Korea %s %s report %s", words[i%len(words)], words[(i/len(words))%len(words)], strconv.Itoa(i))
		topic := "north-korea"
		if i%2 == 1 {
			title = "South Korea" + title[len("North Korea"):]
			topic = "south-korea"
		}
		sts[i] = model.Story{ID: fmt.Sprintf("s%05d", i), Title: title, Link: "https://n.example/" + strconv.Itoa(i), FirstSeen: at, Updated: at,
			EventDate: time.Date(at.Year(), at.Month(), at.Day(), 12, 0, 0, 0, time.UTC), Topics: []string{topic}, Summary: title + ".",
			Sources: []model.Source{{Feed: "F" + strconv.Itoa(i%7), Title: title, Link: "https://n.example/" + strconv.Itoa(i), Published: at}}}
	}
	since := until.Add(-7 * 24 * time.Hour)
	b.ResetTimer()
	for b.Loop() {
		if _, ok := digestContent(rt, cfg.Digests[0], sts, func(string) bool { return false }, since, until); !ok {
			b.Fatal("empty digest")
		}
	}
	b.ReportMetric(float64(n), "stories")
}
