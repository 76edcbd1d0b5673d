package outbox_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/storage/sqlite"
)

// BenchmarkFlush measures the outbox's own cost per delivered post (SQLite
// reads and writes) with a sink that answers at once: 4 channels
// of 50 posts per iteration.
func BenchmarkFlush(b *testing.B) {
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	sink := newScriptSink(time.Now)
	ob := outbox.New(st, outbox.Sinks{"discord": sink}, outbox.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	const channels, perChannel = 4, 50
	n := 0
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		var posts []model.Post
		for c := range channels {
			for range perChannel {
				n++
				p := alert(fmt.Sprintf("ch%d", c), 0, time.Now())
				p.ID = fmt.Sprintf("bench-%d", n)
				posts = append(posts, p)
			}
		}
		if err := st.AddPosts(ctx, posts); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		if err := ob.Flush(ctx); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*channels*perChannel), "ns/post")
}
