package postgres

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/searchquery"
	"wirewatch/storage/internal/sqlq"
	"wirewatch/storage/storagetest"
)

// TestSearchSlices checks that asking the newest id slices first finds the
// same items, in the same order, as one query over every match would: with
// slices of 4 items and 7 candidates, the searches cross every window and
// stop early or reach the rest.
func TestSearchSlices(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, testDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.sliceBits, s.candidates = 2, 7
	words := []string{"missile", "launch", "drill", "satellite", "balloon"}
	topics := []string{"north-korea", "missiles", "drills"}
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 400 {
		text := words[i%len(words)]
		if i%2 == 0 {
			text += " " + words[(i+1+i/5)%len(words)] // half the items hold two words
		}
		if i > 300 && i%2 == 0 {
			text += " rare" // a word only the newest quarter holds
		}
		if i < 40 {
			text += " ancient" // a word only the oldest items hold
		}
		it := model.Item{Key: fmt.Sprintf("k%d", i), Feed: []string{"a", "b"}[i%2], Link: fmt.Sprintf("https://x.example/%d", i),
			Title: fmt.Sprintf("Report %d", i), Text: text, Published: start.Add(time.Duration(i) * time.Hour),
			Topics: []string{topics[i%3]}}
		if _, err := s.SaveItem(ctx, &it, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		text string
		q    storage.Query
	}{
		{"missile", storage.Query{}},
		{"missile launch", storage.Query{}},
		{"missile OR drill", storage.Query{Topic: "missiles"}},
		{"satellite", storage.Query{Topic: "drills"}},
		{"rare", storage.Query{}},
		{"rare", storage.Query{Topic: "north-korea"}},
		{"ancient", storage.Query{}},
		{"ancient", storage.Query{Topic: "missiles"}},
		{"balloon", storage.Query{Feed: "b"}},
		{"launch", storage.Query{Since: start.Add(100 * time.Hour), Until: start.Add(200 * time.Hour)}},
		{"launch", storage.Query{Topic: "nowhere"}},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%+v", tt.text, tt.q), func(t *testing.T) {
			got, err := s.Search(ctx, tt.text, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			want := searchEveryMatch(t, s, tt.text, tt.q)
			if ids := itemIDs(got); !slices.Equal(ids, want) {
				t.Fatalf("Search = %v, want %v", ids, want)
			}
			if tt.q.Topic != "nowhere" && len(want) == 0 {
				t.Fatal("the reference found nothing: the case tests nothing")
			}
		})
	}
}

// searchEveryMatch is Search as one query: the newest s.candidates of all
// matches, topics looked up in item_topics, ranked.
func searchEveryMatch(t *testing.T, s *Store, text string, q storage.Query) []int64 {
	t.Helper()
	var w sqlq.Where
	tsq := searchquery.Parse(text).TSQuery()
	w.Add(`i.search @@ to_tsquery('`+textSearchConfig+`', ?)`, tsq)
	if q.Topic != "" {
		w.Add(`EXISTS (SELECT 1 FROM item_topics t WHERE t.item_id = i.id AND t.topic = ?)`, q.Topic)
	}
	if q.Feed != "" {
		w.Add(`i.feed = ?`, q.Feed)
	}
	if !q.Since.IsZero() {
		w.Add(`i.published >= ?`, q.Since)
	}
	if !q.Until.IsZero() {
		w.Add(`i.published < ?`, q.Until)
	}
	w.Args = append(append([]any{tsq}, w.Args...), s.candidates) // the rank's words come first
	rows, err := s.pool.Query(context.Background(), sqlq.Rebind(dialect{}, `SELECT id FROM (
			SELECT i.id, ts_rank(i.search, to_tsquery('`+textSearchConfig+`', ?)) AS score FROM items i`+w.SQL()+`
			ORDER BY i.id DESC LIMIT ?) c
		ORDER BY score DESC, id DESC`), w.Args...)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func itemIDs(items []model.Item) []int64 {
	ids := make([]int64, len(items))
	for i, it := range items {
		ids[i] = it.ID
	}
	return ids
}

// openBefore opens a fresh schema with the migrations before version v
// applied and runs seed on it, then closes it.
func openBefore(t *testing.T, v int, seed func(ctx context.Context, pool *pgxpool.Pool) error) string {
	t.Helper()
	ctx := context.Background()
	dsn := testDSN(t)
	pool, err := pgxpool.New(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer pool.Close()
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		t.Fatal(err)
	}
	before := fstest.MapFS{}
	for _, e := range entries[:v-1] {
		b, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			t.Fatal(err)
		}
		before["migrations/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	if err := migrate(ctx, pool, before); err != nil {
		t.Fatal(err)
	}
	if err := seed(ctx, pool); err != nil {
		t.Fatal(err)
	}
	return dsn
}

func TestMutesMigration(t *testing.T) {
	dsn := openBefore(t, 6, func(ctx context.Context, pool *pgxpool.Pool) error {
		for k, v := range storagetest.LegacyMuteRows {
			if _, err := pool.Exec(ctx, `INSERT INTO meta (key, value) VALUES ($1, $2)`, k, v); err != nil {
				return err
			}
		}
		return nil
	})
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storagetest.CheckLegacyMutes(t, s)
}

// TestSearchSlicesMigration stores an item as a wirewatch before search
// slices did, then opens the schema: the migration indexes its slice,
// topic and Hangul stems, so a search within its topic finds it and one within another
// topic does not.
func TestSearchSlicesMigration(t *testing.T) {
	ctx := context.Background()
	dsn := openBefore(t, 5, func(ctx context.Context, pool *pgxpool.Pool) error {
		_, err := pool.Exec(ctx, `WITH ins AS (
			INSERT INTO items (key, feed, guid, link, title, text, author, categories, lang, summary, topics, story_id, search)
			VALUES ('k1', 'f', 'g', 'https://x.example/1', 'Missile launch', '북한이 발사했다', '', '{}', 'en', '{}', '{missiles,""}', '',
				setweight(to_tsvector('english', 'missile launch'), 'A') || setweight(to_tsvector('english', '북한이 발사했다'), 'C'))
			RETURNING id)
		INSERT INTO item_topics (item_id, topic) SELECT id, 'missiles' FROM ins`)
		return err
	})
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, text := range []string{"missile", "북한"} { // 북한 only as 북한이: its stem
		for topic, want := range map[string]int{"missiles": 1, "drills": 0, "": 1} {
			got, err := s.Search(ctx, text, storage.Query{Topic: topic})
			if err != nil || len(got) != want {
				t.Errorf("Search(%s) in topic %q = %v, %v; want %d item", text, topic, itemIDs(got), err, want)
			}
		}
	}
}
