package postgres

import (
	"context"
	"os"
	"testing"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/storagetest"
)

// testDSN returns a DSN whose search_path is a fresh schema, dropped when
// the test ends, so parallel packages and reruns never share tables.
func testDSN(t testing.TB) string {
	t.Helper()
	base := os.Getenv("WIREWATCH_TEST_POSTGRES")
	if base == "" {
		t.Skip("WIREWATCH_TEST_POSTGRES is not set")
	}
	return storagetest.PostgresSchema(t, base)
}

func openTest(t *testing.T) *Store {
	t.Helper()
	s, err := Open(context.Background(), testDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestConformance(t *testing.T) {
	storagetest.Run(t, func(t *testing.T) storage.Store { return openTest(t) })
}

func TestLegacyPosts(t *testing.T) {
	storagetest.RunLegacy(t, func(t *testing.T) storage.Store { return openTest(t) },
		func(ctx context.Context, s storage.Store, postID, raw string) error {
			_, err := s.(*Store).pool.Exec(ctx, `UPDATE posts SET message = $1 WHERE id = $2`, raw, postID)
			return err
		})
}

// A corrupt known_items value costs only that field, not FeedStates.
func TestCorruptKnownItems(t *testing.T) {
	s := openTest(t)
	defer s.Close()
	ctx := context.Background()
	for _, st := range []model.FeedState{
		{Feed: "bad", ItemsSeen: 5, Known: []model.KnownItem{{Sum: 1}}},
		{Feed: "good", Known: []model.KnownItem{{Sum: 1, GUID: 2, Published: 3}}},
	} {
		if err := s.SaveFeedState(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.pool.Exec(ctx, `UPDATE feed_states SET known_items = 'AAAA' WHERE feed = 'bad'`); err != nil {
		t.Fatal(err)
	}
	states, err := s.FeedStates(ctx)
	if err != nil {
		t.Fatalf("FeedStates with a corrupt known_items: %v", err)
	}
	if len(states) != 2 || states[0].Feed != "bad" || states[0].Known != nil || states[0].ItemsSeen != 5 ||
		states[1].Feed != "good" || len(states[1].Known) != 1 {
		t.Fatalf("FeedStates with a corrupt known_items = %#v", states)
	}
}
