package sqlite

import (
	"context"
	"fmt"
	"iter"
	"path/filepath"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/storagetest"
)

// BenchmarkSaveItems stores corpus items in batches of 200, as the
// pipeline stores a large poll, each item with its story and one post: the
// time per batch is how long it holds the one write connection.
//
//	go test -run '^$' -bench SaveItems -benchtime 20x ./storage/sqlite/
func BenchmarkSaveItems(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	const batch = 200
	next, stop := iter.Pull2(storagetest.Corpus(batch*b.N, 7))
	defer stop()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		writes := make([]storage.ItemWrite, 0, batch)
		for range batch {
			it, st, ok := next()
			if !ok {
				b.Fatal("corpus ran out")
			}
			post := model.Post{
				ID: fmt.Sprintf("post-%s", it.Key), Kind: model.PostAlert, Priority: model.PriorityUrgent,
				Channel: "alerts", ChannelID: "100000000000000001", StoryID: st.ID, Rule: "r", Nonce: "n-" + it.Key,
				Content: model.Content{Headline: it.Title, Link: it.Link, Feed: it.Feed, Published: it.Published,
					Summary: it.Summary, Items: []string{it.Key}, Severity: model.SeverityUrgent, Rule: "r", Sources: st.Sources},
				State: model.PostPending, CreatedAt: time.Now(),
			}
			writes = append(writes, storage.ItemWrite{Item: &it, Story: &st, Posts: []model.Post{post}})
		}
		b.StartTimer()
		if _, err := s.SaveItems(ctx, writes); err != nil {
			b.Fatal(err)
		}
	}
}
