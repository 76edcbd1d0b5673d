package postgres

import (
	"context"
	"errors"
	"testing"
	"time"

	"wirewatch/storage"
)

// Members' lookups read through a pool of their own: with it full, a
// lookup waits for its deadline while the pipeline's reads and the view's
// writes (fenced like the store's) go on.
func TestLookupsHaveTheirOwnPool(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	view := s.ForLookups()
	defer view.Close() // a no-op: the store's pools stay open
	for range LookupConns {
		c, err := s.lookup.Acquire(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Release()
	}
	short, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	if _, err := view.Latest(short, storage.Query{Limit: 1}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a lookup with its pool full: %v; want it to wait until its deadline", err)
	}
	if _, err := view.Search(short, "missile", storage.Query{Limit: 1}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a search with the lookup pool full: %v; want it to wait until its deadline", err)
	}
	if _, err := s.KnownKeys(ctx, []string{"k"}); err != nil {
		t.Errorf("the pipeline's read with the lookup pool full: %v", err)
	}
	if _, err := s.Search(ctx, "missile", storage.Query{Limit: 1}); err != nil {
		t.Errorf("a search of the store with the lookup pool full: %v", err)
	}
	if err := view.SetMeta(ctx, "k", "v"); err != nil {
		t.Errorf("a write through the view: %v", err)
	}
	if v, err := s.Meta(ctx, "k"); err != nil || v != "v" {
		t.Errorf("the view's write read back through the store: %q, %v", v, err)
	}
}
