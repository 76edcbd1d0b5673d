package postgres

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"wirewatch/model"

	"wirewatch/storage/internal/backend"
	"wirewatch/storage/storagetest"
)

// BenchmarkLookups loads WIREWATCH_BENCH_ITEMS generated items (default
// 20,000) into a fresh schema and measures Timeline and Search latency.
// Set WIREWATCH_BENCH_DSN to a DSN with its own search_path to keep the
// loaded data between runs instead.
func BenchmarkLookups(b *testing.B) {
	ctx := context.Background()
	n := storagetest.BenchItems(20_000)
	dsn := os.Getenv("WIREWATCH_BENCH_DSN")
	if dsn == "" {
		dsn = testDSN(b)
	}
	s, err := Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	loadCorpus(b, s, n)
	storagetest.BenchLookups(b, s)
}

// loadCorpus fills s with the first n corpus items, unless it already
// holds them. It bulk-loads (COPY into a staging table, the same SQL
// expressions as SaveItem, the full-text index built once at the end):
// row-by-row inserts would take an hour for a million items.
func loadCorpus(b *testing.B, s *Store, n int) {
	ctx := context.Background()
	var have int
	if err := s.pool.QueryRow(ctx, `SELECT COUNT(*) FROM items`).Scan(&have); err != nil {
		b.Fatal(err)
	}
	if have >= n {
		return
	}
	if have > 0 {
		b.Fatalf("bench schema holds %d items, fewer than %d: drop it", have, n)
	}
	start := time.Now()
	if _, err := s.pool.Exec(ctx, `DROP INDEX items_search`); err != nil {
		b.Fatal(err)
	}
	const chunk = 50_000
	var rows [][]any
	stories := map[string]model.Story{}
	var order []string
	seq := 0
	for it, st := range storagetest.Corpus(n, 1) {
		args := insertItemArgs(&it, s.sliceBits)
		rows = append(rows, append([]any{seq}, args...))
		seq++
		if _, ok := stories[st.ID]; !ok {
			order = append(order, st.ID)
		}
		stories[st.ID] = st
		if len(rows) == chunk {
			copyItems(b, s, rows)
			rows = rows[:0]
		}
	}
	if len(rows) > 0 {
		copyItems(b, s, rows)
	}
	copyStories(b, s, stories, order)
	for _, q := range []string{`CREATE INDEX items_search ON items USING GIN (search)`, `VACUUM ANALYZE`} {
		if _, err := s.pool.Exec(ctx, q); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("loaded %d items in %v", n, time.Since(start).Round(time.Millisecond))
}

// stageColumns follow insertItemArgs, after a sequence number.
var stageColumns = []string{"seq", "key", "feed", "guid", "link", "title", "text", "author", "categories", "lang",
	"published", "first_seen", "summary", "topics", "story_id", "event_date", "ft", "fs", "fx", "utopics",
	"tlex", "bits", "fst"}

func copyItems(b *testing.B, s *Store, rows [][]any) {
	ctx := context.Background()
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `CREATE TEMP TABLE stage (seq int, key text, feed text, guid text, link text,
			title text, text text, author text, categories text[], lang text, published timestamptz,
			first_seen timestamptz, summary text[], topics text[], story_id text, event_date timestamptz,
			ft text, fs text, fx text, utopics text[], tlex text[], bits int, fst text) ON COMMIT DROP`); err != nil {
			return err
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"stage"}, stageColumns, pgx.CopyFromRows(rows)); err != nil {
			return err
		}
		// Ids are drawn in seq order, as SaveItem would draw them.
		if _, err := tx.Exec(ctx, `INSERT INTO items (id, key, feed, guid, link, title, text, author,
				categories, lang, published, first_seen, summary, topics, story_id, event_date, search)
			OVERRIDING SYSTEM VALUE
			SELECT id, key, feed, guid, link, title, text, author, categories, lang, published, first_seen,
				summary, topics, story_id, event_date,
				setweight(to_tsvector('`+textSearchConfig+`', ft), 'A') ||
				setweight(to_tsvector('`+textSearchConfig+`', fs), 'B') ||
				setweight(to_tsvector('`+textSearchConfig+`', fx), 'C') ||
				setweight(to_tsvector('`+textSearchConfig+`', fst), 'C') ||
				array_to_tsvector(tlex || ('_s' || (id >> bits))::text)
			FROM (SELECT nextval(pg_get_serial_sequence('items', 'id')) AS id, o.*
				FROM (SELECT * FROM stage ORDER BY seq) o) s`); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO item_topics (item_id, topic, published)
			SELECT i.id, t, i.published FROM stage s JOIN items i ON i.key = s.key, unnest(s.utopics) AS t`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
}

func copyStories(b *testing.B, s *Store, stories map[string]model.Story, order []string) {
	ctx := context.Background()
	rows := make([][]any, 0, len(order))
	for _, id := range order {
		st := stories[id]
		sources, err := backend.EncodeSources(st.Sources)
		if err != nil {
			b.Fatal(err)
		}
		rows = append(rows, []any{st.ID, st.Title, st.Link, ts(st.FirstSeen), ts(st.Updated), ts(st.EventDate), sources, list(st.Topics)})
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{"stories"},
			[]string{"id", "title", "link", "first_seen", "updated", "event_date", "sources", "topics"},
			pgx.CopyFromRows(rows)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO story_topics (story_id, topic, event_date, updated)
			SELECT s.id, t, s.event_date, s.updated FROM stories s, unnest(s.topics) AS t`)
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkSaveItems times storagetest.BenchSaveItems on a fresh schema.
//
//	WIREWATCH_TEST_POSTGRES=postgres://... go test -run '^$' -bench SaveItems -benchtime 20x ./storage/postgres/
func BenchmarkSaveItems(b *testing.B) {
	s, err := Open(context.Background(), testDSN(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	storagetest.BenchSaveItems(b, s)
}
