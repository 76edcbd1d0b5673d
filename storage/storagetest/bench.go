package storagetest

import (
	"context"
	"fmt"
	"iter"
	"slices"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

// BenchSearches are the two-word queries the search benchmark cycles
// through, from frequent to rare words.
var BenchSearches = []string{"ballistic missile", "Freedom Edge", "Kim Yo", "satellite launch", "GPS jamming", "북한 미사일"}

// BenchLookups measures the lookups behind /timeline and /search on a
// store already loaded from Corpus: Timeline (one topic, 30 days before
// BenchNow, first page) and Search (a two-word query: over all time, as
// the cases Search and SearchTopic; and over the last 365, 30 or 7 days
// before BenchNow, as chat's /search always asks). Each sub-benchmark
// reports the median and 99th percentile latency in milliseconds.
func BenchLookups(b *testing.B, s storage.Store) {
	ctx := context.Background()
	b.Run("Timeline", func(b *testing.B) {
		i := 0
		measure(b, func() (int, error) {
			topic := BenchTopics[i%len(BenchTopics)]
			i++
			st, err := s.Timeline(ctx, storage.Query{Topic: topic, Since: BenchNow.AddDate(0, 0, -30), Until: BenchNow})
			return len(st), err
		})
	})
	b.Run("Search", func(b *testing.B) {
		i := 0
		measure(b, func() (int, error) {
			q := BenchSearches[i%len(BenchSearches)]
			i++
			items, err := s.Search(ctx, q, storage.Query{})
			return len(items), err
		})
	})
	b.Run("SearchTopic", func(b *testing.B) {
		i := 0
		measure(b, func() (int, error) {
			q := BenchSearches[i%len(BenchSearches)]
			i++
			items, err := s.Search(ctx, q, storage.Query{Topic: "missiles"})
			return len(items), err
		})
	})
	// What chat users run: /search always passes a range of days (365 by
	// default in chat, 30 on the command line, often 7), from that many
	// days before now to now, with or without a topic.
	for _, days := range BenchSearchDays {
		for _, topic := range []string{"", "missiles"} {
			name := fmt.Sprintf("SearchDays%d", days)
			if topic != "" {
				name = fmt.Sprintf("SearchTopicDays%d", days)
			}
			b.Run(name, func(b *testing.B) {
				i := 0
				q := storage.Query{Topic: topic, Since: BenchNow.AddDate(0, 0, -days), Until: BenchNow}
				measureAny(b, func() (int, error) {
					text := BenchSearches[i%len(BenchSearches)]
					i++
					items, err := s.Search(ctx, text, q)
					return len(items), err
				})
			})
		}
	}
}

// BenchSearchDays are the ranges of days the dated search benchmarks ask:
// chat's default, the command line's, and a week.
var BenchSearchDays = []int{365, 30, 7}

// measure times each call and reports median and p99; a call that finds
// nothing fails the benchmark, since an empty answer is not a lookup.
func measure(b *testing.B, lookup func() (int, error)) {
	timeLookups(b, lookup, true)
}

// measureAny is measure for lookups that may rightly find nothing (a rare
// word within a week): only when every call finds nothing does it fail.
func measureAny(b *testing.B, lookup func() (int, error)) {
	timeLookups(b, lookup, false)
}

func timeLookups(b *testing.B, lookup func() (int, error), eachFinds bool) {
	var durations []time.Duration
	found := 0
	b.ResetTimer()
	for b.Loop() {
		start := time.Now()
		n, err := lookup()
		durations = append(durations, time.Since(start))
		if err != nil {
			b.Fatal(err)
		}
		if n == 0 && eachFinds {
			b.Fatal("lookup returned nothing")
		}
		found += n
	}
	if found == 0 {
		b.Fatal("every lookup returned nothing")
	}
	slices.Sort(durations)
	pct := func(p float64) float64 {
		return float64(durations[int(p*float64(len(durations)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.5), "ms-median")
	b.ReportMetric(pct(0.99), "ms-p99")
}

// SaveBatch is how many items BenchSaveItems stores per SaveItems call.
const SaveBatch = 200

// BenchSaveItems stores corpus items in batches of SaveBatch, as the
// pipeline stores a large poll, each item with its story and one post:
// the time per batch is how long a store holds its write transaction.
func BenchSaveItems(b *testing.B, s storage.Store) {
	ctx := context.Background()
	next, stop := iter.Pull2(Corpus(SaveBatch*b.N, 7))
	defer stop()
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		writes := make([]storage.ItemWrite, 0, SaveBatch)
		for range SaveBatch {
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
