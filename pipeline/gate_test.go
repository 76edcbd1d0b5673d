package pipeline_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/pipeline"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

// storedTimes records when each batch of new items was stored.
type storedTimes struct {
	mu sync.Mutex
	at []time.Time
}

func (s *storedTimes) Polled(string, string, time.Duration, int) {}
func (s *storedTimes) Stored(string, int, []model.Post, time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.at = append(s.at, time.Now())
}

// slowFirstSave is a store whose first SaveItems of new items takes slow
// longer: a flood's first batch that worked that long.
type slowFirstSave struct {
	storage.Store
	slow  time.Duration
	saved atomic.Int32
}

func (s *slowFirstSave) SaveItems(ctx context.Context, batch []storage.ItemWrite) ([]bool, error) {
	if len(batch) > 1 && s.saved.Add(1) == 1 {
		time.Sleep(s.slow)
	}
	return s.Store.SaveItems(ctx, batch)
}

// A flood's later batches wait while the urgent alerts its first batch
// stored are in hand: until the outbox reports them delivered, or, when
// it never does, as long as its last batch worked (here the first, made
// slow) and never longer than the hold; then every item is stored.
func TestBulkWaitsForUrgentAlerts(t *testing.T) {
	const hold, slow = 4 * time.Second, time.Second
	for _, tt := range []struct {
		name      string
		delivered bool // the outbox reports each urgent alert sent as soon as it is written
		min, max  time.Duration
	}{
		{name: "delivered", delivered: true, max: slow},
		{name: "never reported sent", min: slow, max: hold},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			site := &feedSite{}
			now := time.Now()
			site.add("old", "Seoul stocks close higher", "The index rose.", now.Add(-time.Hour))
			srv := httptest.NewServer(site)
			defer srv.Close()
			cfg := loadConfig(t, "testdata/flood.toml", "{{BASE}}", srv.URL, "{{PER_POLL}}", "3", "{{MAX_ALERTS}}", "30")
			rt, err := pipeline.NewRuntime(cfg)
			if err != nil {
				t.Fatal(err)
			}
			store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer store.Close()
			clock := now
			stored := &storedTimes{}
			var p *pipeline.Pipeline
			notify := func() {
				if !tt.delivered {
					return
				}
				for _, post := range pending(t, store, "alerts") {
					p.Delivered(post) // as the outbox does once Discord took it
				}
			}
			p, err = pipeline.New(ctx, &slowFirstSave{Store: store, slow: slow}, rt, pipeline.Options{Clock: func() time.Time { return clock }, Notify: notify, Observer: stored, UrgentHold: hold})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := p.Cycle(ctx); err != nil {
				t.Fatal(err)
			}
			const n = 450 // more than one batch
			for i := range n {
				title, text := floodItem(i)
				site.add(fmt.Sprintf("flood-%04d", i), title, text, now.Add(-time.Duration(n-i)*time.Second))
			}
			clock = now.Add(time.Minute)
			st, err := p.Cycle(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if st.NewItems != n {
				t.Fatalf("%d new items stored, want %d", st.NewItems, n)
			}
			urgent := 0
			for _, post := range pending(t, store, "alerts") {
				if post.Priority == model.PriorityUrgent {
					urgent++
				}
			}
			if urgent == 0 {
				t.Fatal("the flood stored no urgent alert: nothing to wait for")
			}
			stored.mu.Lock()
			defer stored.mu.Unlock()
			if len(stored.at) < 2 {
				t.Fatalf("the flood was stored in %d batches, want more than one", len(stored.at))
			}
			if gap := stored.at[1].Sub(stored.at[0]); gap < tt.min || gap > tt.max {
				t.Errorf("the second batch was stored %s after the first, which stored %d urgent alerts; want %s to %s", gap, urgent, tt.min, tt.max)
			}
		})
	}
}
