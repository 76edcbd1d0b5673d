package postgres

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage/internal/backend"
)

// openReplicas opens n stores on one fresh schema, as n replicas would,
// all at once so their migrations race.
func openReplicas(t *testing.T, n int) []*Store {
	t.Helper()
	dsn := testDSN(t)
	stores := make([]*Store, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			stores[i], errs[i] = Open(context.Background(), dsn)
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("replica %d: %v", i, err)
		}
		t.Cleanup(func() { stores[i].Close() })
	}
	return stores
}

func TestReplicasMigrateOnce(t *testing.T) {
	stores := openReplicas(t, 4)
	var versions int
	if err := stores[0].pool.QueryRow(context.Background(), `SELECT COUNT(*) FROM schema_migrations`).Scan(&versions); err != nil {
		t.Fatal(err)
	}
	migrations, err := backend.ReadMigrations(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	if versions != len(migrations) {
		t.Fatalf("schema_migrations holds %d rows, want %d", versions, len(migrations))
	}
}

func TestReplicasStoreEachItemOnce(t *testing.T) {
	stores := openReplicas(t, 3)
	ctx := context.Background()
	const items = 20
	var mu sync.Mutex
	saved := 0
	var wg sync.WaitGroup
	for r, s := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range items {
				it := model.Item{Key: fmt.Sprint("k", i), Feed: "f", Published: time.Now().Add(-time.Hour)}
				st := model.Story{ID: fmt.Sprint("s", i%4), Title: fmt.Sprint("replica ", r), Topics: []string{"t"}}
				ok, err := s.SaveItem(ctx, &it, &st, []model.Post{{ID: fmt.Sprintf("p-%d-%d", r, i), Channel: "alerts"}})
				if err != nil {
					t.Error(err)
				}
				if ok {
					mu.Lock()
					saved++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if saved != items {
		t.Fatalf("replicas saved %d items, want %d", saved, items)
	}
	var posts int
	if err := stores[0].pool.QueryRow(ctx, `SELECT COUNT(*) FROM posts`).Scan(&posts); err != nil || posts != items {
		t.Fatalf("posts = %d, %v; want %d", posts, err, items)
	}
}

func TestChannelLease(t *testing.T) {
	stores := openReplicas(t, 2)
	a, b := stores[0], stores[1]
	ctx := context.Background()
	if err := a.AddPosts(ctx, []model.Post{{ID: "p1", Channel: "alerts"}, {ID: "p2", Channel: "alerts"}, {ID: "d1", Channel: "digest"}}); err != nil {
		t.Fatal(err)
	}
	pending := func(s *Store, channel string) int {
		t.Helper()
		held, err := s.LeaseChannel(ctx, channel)
		if err != nil {
			t.Fatal(err)
		}
		if !held {
			return 0
		}
		posts, err := s.PendingPosts(ctx, channel, 10)
		if err != nil {
			t.Fatal(err)
		}
		return len(posts)
	}
	// Reading takes no lease: b reads what a is about to lease.
	if posts, err := b.PendingPosts(ctx, "alerts", 10); err != nil || len(posts) != 2 {
		t.Fatalf("PendingPosts without a lease = %d posts, %v; want 2", len(posts), err)
	}
	if n := pending(a, "alerts"); n != 2 {
		t.Fatalf("replica a got %d alerts posts, want 2", n)
	}
	if n := pending(b, "alerts"); n != 0 {
		t.Fatalf("replica b got %d alerts posts while a holds the lease", n)
	}
	if n := pending(b, "digest"); n != 1 {
		t.Fatalf("replica b got %d digest posts, want 1 (leases are per channel)", n)
	}
	if n := pending(a, "alerts"); n != 2 {
		t.Fatalf("replica a lost its own lease: got %d", n)
	}

	// A lapsed lease passes to whoever asks next.
	a.lease = -time.Second
	if n := pending(a, "alerts"); n != 2 {
		t.Fatalf("replica a got %d, want 2", n)
	}
	if n := pending(b, "alerts"); n != 2 {
		t.Fatalf("replica b did not take over a lapsed lease: got %d", n)
	}
	if n := pending(a, "alerts"); n != 0 {
		t.Fatalf("replica a got %d posts of b's channel", n)
	}

	// Close releases at once.
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	a.lease = DefaultChannelLease
	if n := pending(a, "alerts"); n != 2 {
		t.Fatalf("replica a did not take over after b closed: got %d", n)
	}
}
