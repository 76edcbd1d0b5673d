package postgres

import (
	"context"
	"fmt"
	"os"
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
	s := openTest(t)
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
		published := start.Add(time.Duration(i) * time.Hour)
		if i < 40 {
			text += " ancient" // a word only the oldest items hold
		}
		if i == 5 {
			published = start.Add(390 * time.Hour) // stored among the oldest, dated among the newest
		}
		if i >= 140 && i < 150 {
			text += " midway" // a word whose newest matches straddle the last window and the rest
		}
		it := model.Item{Key: fmt.Sprintf("k%d", i), Feed: []string{"a", "b"}[i%2], Link: fmt.Sprintf("https://x.example/%d", i),
			Title: fmt.Sprintf("Report %d", i), Text: text, Published: published,
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
		{"midway", storage.Query{}},
		{"midway", storage.Query{Limit: 3, Offset: 2}},
		{"balloon", storage.Query{Feed: "b"}},
		{"launch", storage.Query{Since: start.Add(100 * time.Hour), Until: start.Add(200 * time.Hour)}},
		{"ancient", storage.Query{Since: start.Add(10 * time.Hour)}},
		{"midway", storage.Query{Since: start}},
		{"midway", storage.Query{Feed: "a"}},
		{"missile OR drill", storage.Query{Since: start.Add(time.Hour), Topic: "drills"}},
		{"ancient", storage.Query{Since: start.Add(300 * time.Hour)}},
		{"ancient", storage.Query{Since: start.Add(300 * time.Hour), Until: start.Add(395 * time.Hour)}},
		{"launch", storage.Query{Topic: "nowhere"}},
		{"launch", storage.Query{Feed: "nowhere"}},
		// Within a topic and dates, floorSlice reads the topic's items: item
		// 5 (drills) is stored among the oldest and dated among the newest.
		{"ancient", storage.Query{Since: start.Add(300 * time.Hour), Topic: "drills"}},
		{"missile OR drill", storage.Query{Since: start.Add(300 * time.Hour), Until: start.Add(395 * time.Hour), Topic: "drills"}},
		{"balloon", storage.Query{Since: start.Add(200 * time.Hour), Topic: "north-korea", Feed: "b"}},
		{"launch", storage.Query{Since: start.Add(300 * time.Hour), Topic: "nowhere"}},
	}
	// A search within a topic finds its floor among the topic's items, a
	// third of the range's here: within their number, where the range's
	// items are more. Beyond floorSpanFactor (floorSpanTopicFactor) times
	// the limit by the ids' span, the range's items are not read at all: a
	// topic with no items in the range then gives up too. With a feed, the
	// feed's items are read, whatever the span.
	for _, tt := range []struct {
		q         storage.Query
		maxItems  int
		wantFloor int64
		wantOK    bool
	}{
		{storage.Query{Since: start.Add(300 * time.Hour), Topic: "drills"}, 34, 1, true}, // item 5 is id 6: slice 1
		{storage.Query{Since: start.Add(300 * time.Hour), Topic: "drills"}, 33, 0, false},
		{storage.Query{Since: start.Add(300 * time.Hour), Topic: "missiles"}, 33, 302 >> 2, true}, // item 301 is id 302
		{storage.Query{Since: start.Add(300 * time.Hour)}, 34, 0, false},
		{storage.Query{Since: start.Add(300 * time.Hour), Topic: "nowhere"}, 34, -1, true},
		{storage.Query{Since: start.Add(300 * time.Hour), Topic: "nowhere"}, 12, 0, false}, // span 100 > 8 * 12
		{storage.Query{Since: start.Add(300 * time.Hour)}, 101, 1, true},                   // span 100 <= 2 * 101
		{storage.Query{Since: start.Add(300 * time.Hour)}, 49, 0, false},                   // span 100 > 2 * 49
		// The span of ids 390 and 391 is 2; the range's items hold item 5's id 6 too.
		{storage.Query{Since: start.Add(389 * time.Hour), Until: start.Add(391 * time.Hour)}, 3, 1, true},
		{storage.Query{Since: start.Add(300 * time.Hour), Feed: "a", Topic: "drills"}, 50, 301 >> 2, true}, // item 300 is id 301
		{storage.Query{Since: start.Add(300 * time.Hour), Feed: "a"}, 49, 0, false},
	} {
		floor, ok, err := s.floorSlice(ctx, tt.q, tt.maxItems)
		if err != nil || floor != tt.wantFloor || ok != tt.wantOK {
			t.Errorf("floorSlice(%+v, %d) = %d, %v, %v; want %d, %v", tt.q, tt.maxItems, floor, ok, err, tt.wantFloor, tt.wantOK)
		}
	}
	// Filtered searches three ways: floorSlice first (the default here);
	// the windows, then floorSlice; the windows, then searchStepwise.
	for _, floorItems := range [][2]int{defaultFloorItems, {1, 1000}, {1, 1}} {
		s.floorItems = floorItems
		for _, tt := range tests {
			t.Run(fmt.Sprintf("%s/%+v/%v", tt.text, tt.q, floorItems), func(t *testing.T) {
				got, err := s.Search(ctx, tt.text, tt.q)
				if err != nil {
					t.Fatal(err)
				}
				want := searchEveryMatch(t, s, tt.text, tt.q)
				if ids := itemIDs(got); !slices.Equal(ids, want) {
					t.Fatalf("Search = %v, want %v", ids, want)
				}
				if tt.q.Topic != "nowhere" && tt.q.Feed != "nowhere" && len(want) == 0 {
					t.Fatal("the reference found nothing: the case tests nothing")
				}
			})
		}
	}
}

// TestSearchSlicesReachSliceZero checks that the oldest slice is asked when
// the newest slice's number is a power of two: the last window then
// starts at slice 0 (258 items of 4 a slice: the newest is slice 64).
func TestSearchSlicesReachSliceZero(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	defer s.Close()
	s.sliceBits, s.candidates = 2, 7
	for i := range 258 {
		text := "drill"
		if i < 3 {
			text += " primeval" // ids 1 to 3: slice 0
		}
		it := model.Item{Key: fmt.Sprintf("k%d", i), Feed: "a", Link: fmt.Sprintf("https://x.example/%d", i),
			Title: fmt.Sprintf("Report %d", i), Text: text, Published: time.Date(2026, 1, 1, i, 0, 0, 0, time.UTC)}
		if _, err := s.SaveItem(ctx, &it, nil, nil); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Search(ctx, "primeval", storage.Query{})
	if err != nil {
		t.Fatal(err)
	}
	if ids, want := itemIDs(got), searchEveryMatch(t, s, "primeval", storage.Query{}); len(want) != 3 || !slices.Equal(ids, want) {
		t.Fatalf("Search = %v, want %v (3 items)", ids, want)
	}
}

// searchEveryMatch is Search as one query: the newest s.candidates of all
// matches, topics looked up in item_topics, ranked, q's page of them.
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
		ORDER BY score DESC, id DESC`+w.Page(dialect{}, q)), w.Args...)
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

// TestSearchBenchCorpus checks Search against searchEveryMatch on the
// benchmark's loaded schema (WIREWATCH_BENCH_DSN, see BenchmarkLookups):
// the benchmark's searches, alone and within topics, common and rare, over
// the last 7, 30 and 365 days, and a page past the first, give the same
// items in the same order.
func TestSearchBenchCorpus(t *testing.T) {
	dsn := os.Getenv("WIREWATCH_BENCH_DSN")
	if dsn == "" {
		t.Skip("WIREWATCH_BENCH_DSN is not set")
	}
	ctx := context.Background()
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	queries := []storage.Query{{}, {Topic: "missiles"}, {Topic: "cyber"}, {Topic: "diplomacy", Limit: 5, Offset: 40},
		{Since: storagetest.BenchNow.AddDate(0, 0, -30)}, {Topic: "missiles", Since: storagetest.BenchNow.AddDate(0, 0, -7)},
		{Topic: "missiles", Since: storagetest.BenchNow.AddDate(0, 0, -30), Until: storagetest.BenchNow},
		{Since: storagetest.BenchNow.AddDate(-1, 0, 0), Until: storagetest.BenchNow}}
	found := 0 // searches that find something: a comparison of empty answers tests nothing
	for _, text := range append(slices.Clone(storagetest.BenchSearches), "missile -ballistic", "summit OR jamming") {
		for _, q := range queries {
			t.Run(fmt.Sprintf("%s/%s/%d/%s", text, q.Topic, q.Offset, q.Since.Format(time.DateOnly)), func(t *testing.T) {
				got, err := s.Search(ctx, text, q)
				if err != nil {
					t.Fatal(err)
				}
				if ids, want := itemIDs(got), searchEveryMatch(t, s, text, q); !slices.Equal(ids, want) {
					t.Fatalf("Search = %v, want %v", ids, want)
				}
				if len(got) > 0 {
					found++
				}
			})
		}
	}
	if found < 30 {
		t.Errorf("%d searches found something, want most of them", found)
	}
}
