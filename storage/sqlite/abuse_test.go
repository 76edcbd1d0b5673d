package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/storagetest"
)

// An abusive member's broad searches, as many at once as they like, run
// through the lookup pool and cannot delay a poll (the pipeline checking
// which of a feed's items it knows and storing the new ones) by more than
// 100 ms: the median poll under abuse is compared with the median poll
// alone, in the same run. The same abuse through the pipeline's own read
// pool (the build before ForLookups) is measured too, for the record.
func TestAbusiveLookupsDoNotDelayPolls(t *testing.T) {
	if testing.Short() {
		t.Skip("loads a corpus")
	}
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "abuse.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	loadCorpus(t, s, storagetest.BenchItems(20_000))

	var corpus []model.Item
	for it := range storagetest.Corpus(60, 7) {
		corpus = append(corpus, it)
	}
	polls := 0
	poll := func() time.Duration {
		polls++
		start := time.Now()
		keys := make([]string, 0, 200)
		for k := range 200 {
			keys = append(keys, fmt.Sprintf("poll-%d-%d", polls, k))
		}
		if _, err := s.KnownKeys(ctx, keys); err != nil {
			t.Fatal(err)
		}
		batch := make([]storage.ItemWrite, 0, 20)
		for k := range 20 {
			it := corpus[(polls*20+k)%len(corpus)]
			it.ID, it.Key = 0, keys[k]
			it.StoryID = "poll-story-" + keys[k]
			st := model.Story{ID: it.StoryID, Title: it.Title, Link: it.Link, FirstSeen: it.Published, Updated: it.Published,
				EventDate: it.Published.Truncate(24 * time.Hour), Topics: it.Topics}
			batch = append(batch, storage.ItemWrite{Item: &it, Story: &st})
		}
		if _, err := s.SaveItems(ctx, batch); err != nil {
			t.Fatal(err)
		}
		return time.Since(start)
	}
	median := func(n int) time.Duration {
		var ds []time.Duration
		for range n {
			ds = append(ds, poll())
			time.Sleep(20 * time.Millisecond)
		}
		slices.Sort(ds)
		return ds[len(ds)/2]
	}
	// abuse runs broad searches from many goroutines through st until the
	// returned stop is called; it reports how many ran.
	abuse := func(st storage.Store) func() int {
		actx, cancel := context.WithCancel(ctx)
		var wg sync.WaitGroup
		var mu sync.Mutex
		ran := 0
		queries := []string{"kor* mis*", "korea", "missile OR drills", "the* mil*", "said"}
		for g := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for k := g; actx.Err() == nil; k++ {
					qctx, qcancel := context.WithTimeout(actx, 5*time.Second)
					_, err := st.Search(qctx, queries[k%len(queries)], storage.Query{Limit: 5})
					qcancel()
					if err == nil {
						mu.Lock()
						ran++
						mu.Unlock()
					}
				}
			}()
		}
		return func() int { cancel(); wg.Wait(); return ran }
	}

	median(5) // warm the caches
	alone := median(15)
	stop := abuse(s.ForLookups())
	time.Sleep(100 * time.Millisecond)
	underAbuse := median(15)
	searches := stop()
	stop = abuse(s) // the pipeline's own pool: how it was before
	time.Sleep(100 * time.Millisecond)
	sharedPool := median(15)
	sharedSearches := stop()
	t.Logf("median poll: alone %v; under abuse through the lookup pool %v (%d searches); through the shared pool %v (%d searches)",
		alone, underAbuse, searches, sharedPool, sharedSearches)
	if searches == 0 {
		t.Fatal("the abusive searches did not run")
	}
	if d := underAbuse - alone; d > 100*time.Millisecond {
		t.Errorf("abusive lookups delayed the median poll by %v (alone %v, under abuse %v); the budget is 100 ms", d, alone, underAbuse)
	}
}
