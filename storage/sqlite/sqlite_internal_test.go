package sqlite

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/sqlq"
	"wirewatch/storage/storagetest"
)

func TestMigrationsApplyOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	v1 := fstest.MapFS{"migrations/0001_first.sql": {Data: []byte(`CREATE TABLE a (x INTEGER); INSERT INTO a VALUES (1);`)}}
	v2 := fstest.MapFS{
		"migrations/0001_first.sql":  v1["migrations/0001_first.sql"],
		"migrations/0002_second.sql": {Data: []byte(`CREATE TABLE b (y INTEGER); INSERT INTO a VALUES (2);`)},
	}
	for i, fsys := range []fs.FS{v1, v1, v2, v2} {
		db, err := openPool(path, false)
		if err != nil {
			t.Fatal(err)
		}
		// Re-running 0001 would fail (table a exists) and would add a row.
		if err := migrate(ctx, db, fsys); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
		var rows, versions int
		if err := db.QueryRow(`SELECT COUNT(*) FROM a`).Scan(&rows); err != nil {
			t.Fatal(err)
		}
		if err := db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&versions); err != nil {
			t.Fatal(err)
		}
		want := 1
		if i >= 2 {
			want = 2
		}
		if rows != want || versions != want {
			t.Fatalf("run %d: rows %d, versions %d; want %d", i, rows, versions, want)
		}
		db.Close()
	}
}

func TestMigrationFailureRollsBack(t *testing.T) {
	ctx := context.Background()
	db, err := openPool(filepath.Join(t.TempDir(), "m.db"), false)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	bad := fstest.MapFS{
		"migrations/0001_ok.sql":  {Data: []byte(`CREATE TABLE a (x INTEGER);`)},
		"migrations/0002_bad.sql": {Data: []byte(`CREATE TABLE oops (;`)},
	}
	if err := migrate(ctx, db, bad); err == nil {
		t.Fatal("a broken migration was applied")
	}
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM sqlite_master WHERE name IN ('a', 'schema_migrations')`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("failed migration left %d tables behind (%v)", n, err)
	}
	misnamed := fstest.MapFS{"migrations/first.sql": {Data: []byte(`SELECT 1`)}}
	if err := migrate(ctx, db, misnamed); err == nil {
		t.Fatal("a misnamed migration file was accepted")
	}
}

func TestReopenKeepsData(t *testing.T) {
	ctx := context.Background()
	// Characters SQLite URIs give a meaning must not change the file opened.
	path := filepath.Join(t.TempDir(), "odd ?name#%20.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetMeta(ctx, "k", "v"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.Meta(ctx, "k"); err != nil || v != "v" {
		t.Fatalf("Meta after reopen = %q, %v", v, err)
	}
	var mode string
	if err := s.read.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
	var fk int
	if err := s.write.QueryRow(`PRAGMA foreign_keys`).Scan(&fk); err != nil || fk != 1 {
		t.Fatalf("foreign_keys = %d, %v; want 1", fk, err)
	}
	if _, err := s.read.Exec(`INSERT INTO meta (key, value) VALUES ('x', 'y')`); err == nil {
		t.Fatal("the read pool accepted a write")
	}
}

// Two stores on one file stand for two processes: their writers contend
// for SQLite's lock, and busy_timeout must hide that from callers.
func TestNoBusyAcrossStores(t *testing.T) {
	if testing.Short() {
		t.Skip("contention test")
	}
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "shared.db")
	var stores []*Store
	for range 2 {
		s, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores = append(stores, s)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 1000)
	for w := range 4 {
		s := stores[w%2]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 15 {
				it := model.Item{Key: fmt.Sprintf("k-%d-%d", w, i), Feed: "f", Title: "missile launch", Published: time.Now().Add(-time.Minute), Topics: []string{"t"}}
				st := model.Story{ID: fmt.Sprint("s", i%7), Title: "x", Updated: time.Now(), EventDate: time.Now().Add(-time.Hour), Topics: []string{"t"}}
				post := model.Post{Channel: "c", Kind: model.PostAlert}
				if _, err := s.SaveItem(ctx, &it, &st, []model.Post{post}); err != nil {
					errs <- err
				}
				if err := s.SetMeta(ctx, "cursor", fmt.Sprint(i)); err != nil {
					errs <- err
				}
				if _, err := s.Search(ctx, "missile", storage.Query{Topic: "t", Limit: 5}); err != nil {
					errs <- err
				}
				if _, err := s.Timeline(ctx, storage.Query{Topic: "t"}); err != nil {
					errs <- err
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	known, err := stores[0].KnownKeys(ctx, []string{"k-0-0", "k-3-14"})
	if err != nil || len(known) != 2 {
		t.Fatalf("KnownKeys = %v, %v", known, err)
	}
}

func TestOpenFailsClearly(t *testing.T) {
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "missing-dir", "x.db"))
	if err == nil {
		t.Fatal("Open succeeded in a missing directory")
	}
	if errors.Is(err, storage.ErrNotFound) {
		t.Fatal("Open failure reported as ErrNotFound")
	}
}

// Rows indexed before 0002 and 0003 rebuilt the full-text table stay
// searchable, by topic too.
func TestSearchStemsMigrationKeepsRows(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	first, err := fs.ReadFile(migrationFiles, "migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	db, err := openPool(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, fstest.MapFS{"migrations/0001_init.sql": {Data: first}}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO items (id, key, feed, guid, link, title, text, author, categories, lang,
		summary, topics, story_id, published) VALUES (7, 'k', 'f', '', 'https://x.example/', 'Old headline', 'Body text',
		'', '[]', '', '["A submarine surfaced."]', '["north-korea", "잠수함"]', '', 1)`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO items_fts (rowid, title, summary, text) VALUES (7, 'Old headline', 'A submarine surfaced.', 'Body text')`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []storage.Query{{}, {Topic: "north-korea"}, {Topic: "잠수함"}} {
		for _, text := range []string{"headline", "submarine", "body"} {
			items, err := s.Search(ctx, text, q)
			if err != nil || len(items) != 1 || items[0].ID != 7 {
				t.Errorf("Search(%q, topic %q) after migration = %v, %v", text, q.Topic, items, err)
			}
		}
	}
	if items, err := s.Search(ctx, "headline", storage.Query{Topic: "korea"}); err != nil || len(items) != 0 {
		t.Errorf("topic korea matched north-korea: %v, %v", items, err)
	}
}

// A feed state saved before 0004 added known_items reads as knowing none,
// and a corrupt known_items value costs only that field, not FeedStates.
func TestKnownItemsMigrationAndCorruptRow(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := fstest.MapFS{}
	for _, name := range []string{"0001_init.sql", "0002_search_stems.sql", "0003_search_topics.sql"} {
		body, err := fs.ReadFile(migrationFiles, "migrations/"+name)
		if err != nil {
			t.Fatal(err)
		}
		old["migrations/"+name] = &fstest.MapFile{Data: body}
	}
	db, err := openPool(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, old); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO feed_states (feed, url, etag, last_modified, body_hash, last_error, failures,
		broken, interval_ns, items_seen, initialized, redirect_url, redirect_seen)
		VALUES ('old', 'https://old.example/rss', '', '', '', '', 0, 0, 60000000000, 5, 1, '', 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st, err := s.FeedState(ctx, "old")
	if err != nil || st.Known != nil || st.ItemsSeen != 5 || !st.Initialized {
		t.Fatalf("FeedState of a row from before 0004 = %#v, %v", st, err)
	}
	good := model.FeedState{Feed: "good", Known: []model.KnownItem{{Sum: 1, GUID: 2, Published: 3}}}
	if err := s.SaveFeedState(ctx, good); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.Exec(`UPDATE feed_states SET known_items = 'not base64!' WHERE feed = 'old'`); err != nil {
		t.Fatal(err)
	}
	states, err := s.FeedStates(ctx)
	if err != nil {
		t.Fatalf("FeedStates with a corrupt known_items: %v", err)
	}
	if len(states) != 2 || states[0].Feed != "good" || len(states[0].Known) != 1 ||
		states[1].Feed != "old" || states[1].Known != nil || states[1].ItemsSeen != 5 {
		t.Fatalf("FeedStates with a corrupt known_items = %#v", states)
	}
}

// Posts written before 0005 added priorities get one from their kind, and
// the pending query reads the channel's posts in priority order from the
// index, without sorting the backlog.
func TestPostPriorityMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := fstest.MapFS{}
	for _, name := range []string{"0001_init.sql", "0002_search_stems.sql", "0003_search_topics.sql", "0004_known_items.sql"} {
		body, err := fs.ReadFile(migrationFiles, "migrations/"+name)
		if err != nil {
			t.Fatal(err)
		}
		old["migrations/"+name] = &fstest.MapFile{Data: body}
	}
	db, err := openPool(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, old); err != nil {
		t.Fatal(err)
	}
	for i, kind := range []string{"digest", "update", "alert", "notice"} {
		if _, err := db.Exec(`INSERT INTO posts (id, kind, channel, channel_id, story_id, rule, nonce, message,
			replace_of, state, message_id, attempts, last_error, created_at, sent_at)
			VALUES (?, ?, 'desk', '1', '', '', '', '{}', '', 'pending', '', 0, '', ?, NULL)`, kind, kind, 1000+i); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	posts, err := s.PendingPosts(ctx, "desk", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range posts {
		got = append(got, fmt.Sprintf("%s:%d", p.ID, p.Priority))
	}
	if want := []string{"alert:2", "notice:2", "digest:0", "update:0"}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("posts from before 0005 = %v, want %v", got, want)
	}
	plan := queryPlan(t, s, `SELECT `+sqlq.PostColumns+` FROM posts
		WHERE state = 'pending' AND channel = ? ORDER BY priority DESC, created_at, seq LIMIT ?`, "desk", 10)
	if !strings.Contains(plan, "posts_pending") || strings.Contains(plan, "TEMP B-TREE") {
		t.Errorf("pending posts query plan %s: want the posts_pending index and no sort", plan)
	}
}

// queryPlan is SQLite's plan for query, its steps' details joined.
func queryPlan(t *testing.T, s *Store, query string, args ...any) string {
	t.Helper()
	rows, err := s.read.QueryContext(context.Background(), "EXPLAIN QUERY PLAN "+query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return strings.Join(plan, "; ")
}

// A story's alert is looked up for every new story a poll plans: the
// lookup of the stories merged into it must use the partial index on
// merged_into, not read the whole table (a flood of 5,000 new stories
// read it 5,000 times).
func TestAlertLookupUsesIndexes(t *testing.T) {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	plan := queryPlan(t, s, sqlq.AlertsOfStory+` AND rule = ? AND channel = ?`, "s1", "s1", "s1", "rule", "desk")
	if !strings.Contains(plan, "stories_merged_into") || !strings.Contains(plan, "posts_story") || strings.Contains(plan, "SCAN m") {
		t.Errorf("alert lookup query plan %s: want the stories_merged_into and posts_story indexes, no scan of stories", plan)
	}
}

func TestMutesMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := fstest.MapFS{}
	for _, name := range []string{"0001_init.sql", "0002_search_stems.sql", "0003_search_topics.sql", "0004_known_items.sql", "0005_post_priority.sql", "0006_post_first_attempt.sql"} {
		body, err := fs.ReadFile(migrationFiles, "migrations/"+name)
		if err != nil {
			t.Fatal(err)
		}
		old["migrations/"+name] = &fstest.MapFile{Data: body}
	}
	db, err := openPool(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, old); err != nil {
		t.Fatal(err)
	}
	for k, v := range storagetest.LegacyMuteRows {
		if _, err := db.Exec(`INSERT INTO meta (key, value) VALUES (?, ?)`, k, v); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storagetest.CheckLegacyMutes(t, s)
}

// 0009 makes the search index anew with a prefix index; the Go side of the
// migration fills it from the items, Hangul stems included.
func TestSearchPrefixIndexMigration(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old := fstest.MapFS{}
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() >= "0009" {
			continue
		}
		body, err := fs.ReadFile(migrationFiles, "migrations/"+e.Name())
		if err != nil {
			t.Fatal(err)
		}
		old["migrations/"+e.Name()] = &fstest.MapFile{Data: body}
	}
	db, err := openPool(path, false)
	if err != nil {
		t.Fatal(err)
	}
	if err := migrate(ctx, db, old); err != nil {
		t.Fatal(err)
	}
	for id := 1; id <= 1500; id++ { // more than one batch of the reindex; Search ranks the newest 1000
		title := fmt.Sprintf("Routine report %d", id)
		if id == 1234 {
			title = "잠수함이 떠올랐다"
		}
		if _, err := db.Exec(`INSERT INTO items (id, key, feed, guid, link, title, text, author, categories, lang,
			summary, topics, story_id, published) VALUES (?, ?, 'f', '', 'https://x.example/', ?, 'Body text',
			'', '[]', '', '["A submarine surfaced."]', '["north-korea"]', '', 1)`, id, fmt.Sprint("k", id), title); err != nil {
			t.Fatal(err)
		}
		// Indexed as 0003 left rows: no stems.
		if _, err := db.Exec(`INSERT INTO items_fts (rowid, title, summary, text, stems, topics) VALUES (?, ?, 'A submarine surfaced.', 'Body text', '', ?)`,
			id, title, topicToken("north-korea")); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ddl string
	if err := s.read.QueryRowContext(ctx, `SELECT sql FROM sqlite_master WHERE name = 'items_fts'`).Scan(&ddl); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ddl, "prefix = '3'") {
		t.Errorf("items_fts after 0009: %s", ddl)
	}
	for _, tc := range []struct {
		text  string
		topic string
		want  int
	}{
		{"잠수함", "", 1}, {"sub*", "north-korea", 1000}, {"routine 1499", "", 1}, {"rou* sur*", "", 1000}, {"rou* 1", "", 1},
	} {
		items, err := s.Search(ctx, tc.text, storage.Query{Topic: tc.topic, Limit: 2000})
		if err != nil || len(items) != tc.want {
			t.Errorf("Search(%q, topic %q) after 0009 = %d items, %v; want %d", tc.text, tc.topic, len(items), err, tc.want)
		}
	}
}

// Members' lookups read through a pool of their own: with every one of its
// connections taken, a lookup waits, and the pipeline's reads do not.
func TestLookupsHaveTheirOwnPool(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	view := s.ForLookups()
	defer view.Close() // a no-op: the store's pools stay open
	for range LookupConns {
		c, err := s.lookup.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
	}
	short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
	defer cancel()
	if _, err := view.Latest(short, storage.Query{Limit: 1}); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a lookup with its pool full: %v; want it to wait until its deadline", err)
	}
	if _, err := s.KnownKeys(ctx, []string{"k"}); err != nil {
		t.Errorf("the pipeline's read with the lookup pool full: %v", err)
	}
	if _, err := s.Latest(ctx, storage.Query{Limit: 1}); err != nil {
		t.Errorf("a read of the store with the lookup pool full: %v", err)
	}
	if err := view.SetMeta(ctx, "k", "v"); err != nil {
		t.Errorf("a write through the view: %v", err)
	}
}
