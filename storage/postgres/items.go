package postgres

import (
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/internal/backend"
	"wirewatch/storage/internal/searchquery"
	"wirewatch/storage/internal/sqlq"
)

// SaveItem stores a new item, upserts its story and adds its posts in one
// transaction; it returns false and writes nothing when the key is stored,
// also when another replica stores it at the same moment.
func (s *Store) SaveItem(ctx context.Context, item *model.Item, story *model.Story, posts []model.Post) (bool, error) {
	saved, err := s.SaveItems(ctx, []storage.ItemWrite{{Item: item, Story: story, Posts: posts}})
	return err == nil && saved[0], err
}

// SaveItems stores a batch of new items with their stories and posts in one
// transaction (sqlq.SaveBatch). An item whose key is stored, also by
// another replica at the same moment, is skipped with its story state and
// posts.
func (s *Store) SaveItems(ctx context.Context, batch []storage.ItemWrite) ([]bool, error) {
	if err := backend.CheckBatch(batch, s.now().UTC()); err != nil {
		return nil, err
	}
	var ids []int64
	err := s.fenced(ctx, func(tx pgx.Tx) error {
		var err error
		ids, err = sqlq.SaveBatch(ctx, dialect{}, pgTx{tx}, batch, func(item *model.Item) (int64, error) {
			return insertItem(ctx, tx, item, s.sliceBits)
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("save items: %w", err)
	}
	return sqlq.Saved(batch, ids), nil
}

// insertItemSQL adds an item and its topics in one statement, indexing its
// text folded (PostgreSQL keeps diacritics, SQLite's tokenizer drops them),
// its Hangul words without their particles (searchquery.Stems) and, in the same vector, the lexemes of its id slice and topics (see
// Search). The id is drawn first so that its slice can be indexed. It
// returns no row when the key is already stored: a concurrent insert of
// the same key waits for the other transaction, then does nothing.
var insertItemSQL = func() string {
	// The columns' values come first ($1 to $n, sqlq.ItemArgs), then the
	// search vector's (insertItemArgs), so a column added to sqlq needs no
	// change here.
	n := len(sqlq.ItemArgs(dialect{}, &model.Item{}))
	cols := make([]string, n)
	for i := range cols {
		cols[i] = "$" + strconv.Itoa(i+1)
	}
	arg := func(i int) string { return "$" + strconv.Itoa(n+i) }
	return `WITH new AS (SELECT nextval(pg_get_serial_sequence('items', 'id')) AS id),
	ins AS (
		INSERT INTO items (id, ` + sqlq.ItemInsertColumns + `, search)
		OVERRIDING SYSTEM VALUE
		SELECT new.id, ` + strings.Join(cols, ", ") + `,
			setweight(to_tsvector('` + textSearchConfig + `', ` + arg(1) + `), 'A') ||
			setweight(to_tsvector('` + textSearchConfig + `', ` + arg(2) + `), 'B') ||
			setweight(to_tsvector('` + textSearchConfig + `', ` + arg(3) + `), 'C') ||
			setweight(to_tsvector('` + textSearchConfig + `', ` + arg(7) + `), 'C') ||
			array_to_tsvector(` + arg(5) + `::text[] || ('_s' || (new.id >> ` + arg(6) + `))::text)
		FROM new
		ON CONFLICT (key) DO NOTHING
		RETURNING id, published),
	topics AS (
		INSERT INTO item_topics (item_id, topic, published)
		SELECT ins.id, topic, ins.published FROM ins, unnest(` + arg(4) + `::text[]) AS topic)
	SELECT id FROM ins`
}()

func insertItemArgs(item *model.Item, sliceBits int) []any {
	topics := backend.UniqueTopics(item.Topics)
	lexemes := make([]string, len(topics))
	for i, t := range topics {
		lexemes[i] = topicLexeme(t)
	}
	summary := strings.Join(item.Summary, "\n")
	return append(sqlq.ItemArgs(dialect{}, item), searchquery.Fold(item.Title),
		searchquery.Fold(summary), searchquery.Fold(item.Text),
		topics, lexemes, sliceBits, searchquery.Fold(searchquery.Stems(item.Title+"\n"+summary+"\n"+item.Text)))
}

// insertItem adds the item and its topics; it returns id 0 when the key is
// already stored.
func insertItem(ctx context.Context, tx pgx.Tx, item *model.Item, sliceBits int) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, insertItemSQL, insertItemArgs(item, sliceBits)...).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("insert item: %w", err)
	}
	return id, nil
}

// saveFullTextSQL replaces an item's text, summary, topics and search
// vector; its title stays.
// It builds the vector as insertItemSQL does.
const saveFullTextSQL = `UPDATE items SET text = $2, summary = $3, topics = $4,
		search = setweight(to_tsvector('` + textSearchConfig + `', $5), 'A') ||
			setweight(to_tsvector('` + textSearchConfig + `', $6), 'B') ||
			setweight(to_tsvector('` + textSearchConfig + `', $7), 'C') ||
			setweight(to_tsvector('` + textSearchConfig + `', $8), 'C') ||
			array_to_tsvector($9::text[] || ('_s' || (id >> $10))::text)
	WHERE key = $1
	RETURNING id`

// SaveFullText replaces a stored item's text, summary and topics (and its
// search entry), its story's summary and severity, revises posts' content
// and adds posts, in one transaction.
func (s *Store) SaveFullText(ctx context.Context, item model.Item, story *model.Story, revised []model.Post, posts []model.Post) error {
	if err := backend.CheckItem(&item, nil); err != nil {
		return fmt.Errorf("save full text: %w", err)
	}
	if err := backend.PreparePosts(posts, s.now().UTC()); err != nil {
		return fmt.Errorf("save full text of %s: %w", item.Key, err)
	}
	err := s.fenced(ctx, func(tx pgx.Tx) error {
		return sqlq.SaveFullText(ctx, dialect{}, pgTx{tx}, item, story, revised, posts, func(item *model.Item) (int64, error) {
			return s.reindexItem(ctx, tx, item)
		})
	})
	if err != nil {
		return fmt.Errorf("save full text of %s: %w", item.Key, err)
	}
	return nil
}

// reindexItem replaces a stored item's text, summary, topics and search
// vector, built from its stored title as insertItemSQL builds it.
func (s *Store) reindexItem(ctx context.Context, tx pgx.Tx, item *model.Item) (int64, error) {
	if err := tx.QueryRow(ctx, `SELECT title FROM items WHERE key = $1`, item.Key).Scan(&item.Title); err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return 0, notFound("item " + item.Key)
		}
		return 0, err
	}
	summary := strings.Join(item.Summary, "\n")
	topics := backend.UniqueTopics(item.Topics)
	lexemes := make([]string, len(topics))
	for i, t := range topics {
		lexemes[i] = topicLexeme(t)
	}
	var id int64
	err := tx.QueryRow(ctx, saveFullTextSQL, item.Key, item.Text, list(item.Summary), list(item.Topics),
		searchquery.Fold(item.Title), searchquery.Fold(summary), searchquery.Fold(item.Text),
		searchquery.Fold(searchquery.Stems(item.Title+"\n"+summary+"\n"+item.Text)), lexemes, s.sliceBits,
	).Scan(&id)
	return id, err
}

// Search slices. GIN returns matches in no useful order, so a common word
// would read every match to find the newest. Each item's search vector
// therefore also holds the lexeme of its id slice ('_s' and id >>
// sliceBits: 4,096 items a slice) and of each of its topics (topicLexeme); the text parser never yields a lexeme starting with '_'.
// Search asks the slices in windows, newest first: the newest slice, then
// the one before it, then 2, 4, 8 and so on, each window as many slices as
// all before it, down to slice 0. Within a window GIN intersects the
// words' posting lists with the slices' and the topic's, skipping through
// the long lists, so a lookup reads a few thousand entries, and at most
// about twice the matches it needs, whatever the archive's size. Every
// item's vector holds its slice's lexeme (insertItemSQL, saveFullTextSQL,
// migration 0005), so the windows find every match.
const defaultSliceBits = 12

// sliceWindows are the windows as SQL rows (back, size) below the CTE top:
// how many slices below the newest each starts and how many it spans,
// newest first, ending with the one that reaches top.floor (slice 0 but
// for a filtered search that knows where its items start, see floorSlice).
const sliceWindows = `(SELECT n, CASE WHEN n = 0 THEN 0 ELSE 1::bigint << (n - 1) END AS back,
		CASE WHEN n = 0 THEN 1 ELSE 1::bigint << (n - 1) END AS size
	FROM generate_series(0, 62) AS n) w
	WHERE w.back <= top.slice - top.floor`

// topicLexeme is '_t' and the MD5 of the name in hex: a fixed length
// whatever the name (a lexeme holds at most 2 KB), and what the migration
// computes with md5(). A collision would only widen a topic's search.
func topicLexeme(topic string) string {
	sum := md5.Sum([]byte(topic))
	return "_t" + hex.EncodeToString(sum[:])
}

// Search runs a full-text query over titles, summaries and text and
// returns the best first (ts_rank; titles weigh most, then summaries),
// among the newest sqlq.SearchCandidates matches (by id, the order items were
// stored). Since and Until bound the publication time when set; a zero
// Until is no bound here. Text that holds no searchable word yields no
// items and no error.
//
// A search by words and topic alone is one statement (searchSQL), so that
// it waits for the server once, not once per window: on a busy machine
// every round trip waits to be scheduled, on both sides. A search by feed
// or date is usually two (searchFiltered).
func (s *Store) Search(ctx context.Context, text string, q storage.Query) ([]model.Item, error) {
	parsed, ok, err := sqlq.ParseSearch(text)
	if !ok {
		return nil, err
	}
	tsq := parsed.TSQuery()
	var items []model.Item
	if filtered(q) {
		items, err = s.searchFiltered(ctx, tsq, q)
	} else {
		query, args := s.searchSQL(tsq, q, -1)
		items, err = s.Items(ctx, query, args...)
	}
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	return items, nil
}

// filtered reports whether q bounds a search by more than its words and
// topic (feed, publication time): filters GIN cannot apply, checked on
// each match's row.
func filtered(q storage.Query) bool {
	return q.Feed != "" || !q.Since.IsZero() || !q.Until.IsZero()
}

// searchFiltered is a search filtered by feed or publication time. When
// few items pass the filter (a week, a small feed, a month of one topic)
// its windows reach down to the slice of the first of them, not to slice
// 0 (floorSlice), and no further: a rare word within 7 days then reads
// its matches of a few slices, not those of the newest filteredSlices
// slices and then of every year, to check their dates (at a million items
// 0.16 s, 0.4-0.5 s within a topic, before). Otherwise the windows ask the
// newest filteredSlices slices, and if they hold too few matches,
// floorSlice tries again with more items, then searchStepwise.
func (s *Store) searchFiltered(ctx context.Context, tsq string, q storage.Query) ([]model.Item, error) {
	floor, ok, err := s.floorSlice(ctx, q, s.floorItems[0])
	if err != nil || ok {
		return s.searchDownTo(ctx, tsq, q, floor, err)
	}
	query, args := s.searchSQL(tsq, q, -1)
	items, err := s.Items(ctx, query, args...)
	if err != nil || len(items) > 0 {
		return items, err
	}
	floor, ok, err = s.floorSlice(ctx, q, s.floorItems[1])
	if err != nil || ok {
		return s.searchDownTo(ctx, tsq, q, floor, err)
	}
	return s.searchStepwise(ctx, tsq, q)
}

// searchDownTo is the search whose windows reach down to slice floor (-1:
// no item passes the filter, so none matches), given floorSlice's error.
func (s *Store) searchDownTo(ctx context.Context, tsq string, q storage.Query, floor int64, err error) ([]model.Item, error) {
	if err != nil || floor < 0 {
		return nil, err
	}
	query, args := s.searchSQL(tsq, q, floor)
	return s.Items(ctx, query, args...)
}

// defaultFloorItems are how many items passing a search's filter
// floorSlice reads at most: before the windows are asked, about 2 ms, what
// a search over a long range spends in vain (a week or two at a million
// items over two years); after they held too few matches, about 8 ms (a
// month at that rate).
var defaultFloorItems = [2]int{1 << 14, 1 << 16}

// floorSpanFactor and floorSpanTopicFactor bound the estimated number of
// the range's items (floorSpan) beyond which floorSlice gives up without
// reading them, as a multiple of its limit: for a search by dates alone
// the estimate is their number, give or take the items stored out of
// order; for one within a topic it also counts the other topics' items,
// so it is given room for a topic of one item in eight.
const (
	floorSpanFactor      = 2
	floorSpanTopicFactor = 8
)

// floorSpan returns an expression estimating how many items were published
// in q's range, and its arguments: the ids stored between the first item
// published at its start and the first at its end, in the order of the
// index on (published, id), two probes of it. Items are mostly stored in
// the order they were published, which makes the count an estimate: it
// only chooses floorSlice's path, never its answer.
func floorSpan(q storage.Query) (string, []any) {
	next := `(SELECT MAX(id) + 1 FROM items)`
	first := func(at string) string {
		return `COALESCE((SELECT id FROM items WHERE published >= ` + at + ` ORDER BY published, id LIMIT 1), ` + next + `)`
	}
	upper, lower := next, `0`
	var args []any
	if !q.Until.IsZero() {
		upper = first(`?`)
		args = append(args, ts(q.Until))
	}
	if !q.Since.IsZero() {
		lower = first(`?`)
		args = append(args, ts(q.Since))
	}
	return `(` + upper + ` - ` + lower + `)`, args
}

// floorSlice returns the slice of the lowest id among the items that pass
// q's filter (feed, publication time), -1 when none does: no match of the
// search lies below it, however late an item was published or stored. It
// reads the filter's items in the order of the index on (published, id)
// or (feed, published, id), and gives up (false) past maxItems, or
// without reading them when the range holds far more than maxItems
// (floorSpan): a search over a year then waits for its windows only.
//
// A search within a topic and no feed reads the topic's items instead, in
// the order of item_topics' index on (topic, published, item_id): its
// matches are among them, and they are a fraction of the range's items,
// so the floor is found in ranges several times longer (a month of one
// topic at a million items: 8,117 rows, against 41,096 for every topic,
// beyond the first maxItems). Else that search's windows asked the newest
// filteredSlices slices in vain when the words were rare in the topic,
// and it took four statements instead of two.
func (s *Store) floorSlice(ctx context.Context, q storage.Query, maxItems int) (int64, bool, error) {
	var w sqlq.Where
	from := `SELECT i.id FROM items i`
	factor := floorSpanFactor
	if q.Topic != "" && q.Feed == "" {
		// item_topics holds each row's item's publication time, so the
		// filter's bounds apply to it as to items (q has no feed here).
		from = `SELECT t.item_id FROM item_topics t`
		w.Add(`t.topic = ?`, q.Topic)
		sqlq.SearchFilter(&w, dialect{}, "t", q)
		factor = floorSpanTopicFactor
	} else {
		sqlq.SearchFilter(&w, dialect{}, "i", q)
	}
	// A feed's share of the range is unknown: its items are always read.
	read, args := `true`, []any(nil)
	if q.Feed == "" {
		var span string
		span, args = floorSpan(q)
		read, args = span+` <= ?`, append(args, factor*maxItems)
	}
	// g.read is a one-time filter: false, the range's items are not read.
	w.Add(`g.read`)
	args = append(append(args, w.Args...), maxItems+1)
	var ok bool
	var n int64
	var lo *int64
	err := s.read.QueryRow(ctx, sqlq.Rebind(dialect{}, `SELECT g.read, f.n, f.lo FROM (SELECT `+read+` AS read) g,
		LATERAL (SELECT COUNT(*) AS n, MIN(x.id) AS lo FROM (`+from+w.SQL()+` ORDER BY published LIMIT ?) x (id)) f`),
		args...).Scan(&ok, &n, &lo)
	switch {
	case err != nil:
		return 0, false, err
	case !ok || n > int64(maxItems):
		return 0, false, nil
	case lo == nil:
		return -1, true, nil
	}
	return *lo >> s.sliceBits, true, nil
}

// filteredSlices is how many of the newest slices the windows of a
// filtered search span (see searchSQL).
const filteredSlices = 64

// searchSQL returns the statement of a search for tsq (to_tsquery input)
// and q, and its arguments. newest holds the newest s.candidates matches:
// a nested loop over the windows (sliceWindows), newest first, each
// window's matches newest first, so the LIMIT stops it at the window that
// completes the candidates and the older windows are never asked. Then the
// candidates are ranked by their ids and scores alone, and the page's rows
// read. The words' query is parsed once, in top: a generic plan (pgx
// prepares the statement) would parse it again for every candidate. The
// candidates' rows are read again by the ctid the windows found them at: a
// TID scan reads one page where the primary key reads four (its index's
// three levels, then the page), so a common word's search reads 3,560
// buffers instead of 6,560. A ctid is the row version this statement's
// snapshot sees, and stays so while it runs: no vacuum removes a version
// a snapshot still sees.
//
// A filtered search's windows span the newest filteredSlices slices only,
// and it returns no rows unless they held s.candidates matches: below them
// the windows would read every match of the words down to slice 0 only to
// drop them by date or feed (a rare word within 7 days read 23,000 rows,
// 0.6-1.6 s), so searchFiltered then asks further. Given a floor slice (>=
// 0, see floorSlice), a filtered search's windows instead reach down to it
// and no further, and it returns what they found.
func (s *Store) searchSQL(tsq string, q storage.Query, floor int64) (string, []any) {
	// The topic's lexeme is hex, so it is written inline: the planner then
	// sees how few rows it selects.
	var w sqlq.Where
	w.Add(`i.search @@ to_tsquery('`+textSearchConfig+`', ?)`, tsq)
	if q.Topic != "" {
		w.Add(`i.search @@ '''` + topicLexeme(q.Topic) + `'''::tsquery`)
	}
	sqlq.SearchFilter(&w, dialect{}, "i", q)
	w.Add(`i.search @@ ws.slices`)
	args := append([]any{tsq, s.sliceBits, max(floor, 0)}, w.Args...)
	args = append(args, s.candidates, s.candidates)
	windows, complete := sliceWindows, ``
	if filtered(q) && floor < 0 {
		windows += ` AND w.back < ` + strconv.Itoa(filteredSlices)
		complete = ` WHERE (SELECT COUNT(*) FROM newest) = ?`
		args = append(args, s.candidates)
	}
	page := sqlq.Where{Args: args}
	query := `WITH top AS MATERIALIZED (
		SELECT to_tsquery('` + textSearchConfig + `', ?) AS words, COALESCE(MAX(id), 0) >> ? AS slice,
			?::bigint AS floor FROM items),
	newest AS MATERIALIZED (
		SELECT m.id, m.ctid FROM (
			SELECT w.back, (SELECT string_agg('''_s' || g || '''', ' | ')::tsquery
				FROM generate_series(top.slice - w.back, GREATEST(top.slice - w.back - w.size + 1, top.floor), -1) AS g) AS slices
			FROM top, ` + windows + `
			ORDER BY w.back) ws
		CROSS JOIN LATERAL (SELECT i.id, i.ctid FROM items i` + w.SQL() + ` ORDER BY i.id DESC LIMIT ?) m
		LIMIT ?)
	SELECT ` + sqlq.ItemColumns + ` FROM (
			SELECT r.id, r.ctid, ts_rank(r.search, (SELECT words FROM top)) AS score
			FROM newest c JOIN items r ON r.ctid = c.ctid` + complete + `
			ORDER BY score DESC, r.id DESC` + page.Page(dialect{}, q) + `) c
		JOIN items i ON i.ctid = c.ctid
		ORDER BY c.score DESC, c.id DESC`
	return query, page.Args
}

// searchStepwise is a search in several statements, as Search was before
// it was one: the newest id, then windows of 1, 3, 12 and 48 slices (each
// three times all before it), then the rest, each window its own
// statement with its slices and bounds written out, then the ranking.
func (s *Store) searchStepwise(ctx context.Context, tsq string, q storage.Query) ([]model.Item, error) {
	ids, err := s.newestMatches(ctx, tsq, q)
	if err != nil || len(ids) == 0 {
		return nil, err
	}
	// Rank the candidates by their ids and scores alone, then read the page's rows.
	w := sqlq.Where{Args: []any{tsq, ids}}
	query := `SELECT ` + sqlq.ItemColumns + ` FROM (
			SELECT r.id, ts_rank(r.search, to_tsquery('` + textSearchConfig + `', ?)) AS score
			FROM items r WHERE r.id = ANY(?)
			ORDER BY score DESC, r.id DESC` + w.Page(dialect{}, q) + `) c
		JOIN items i ON i.id = c.id
		ORDER BY c.score DESC, c.id DESC`
	return s.Items(ctx, query, w.Args...)
}

// stepwiseWindows is how many windows searchStepwise asks before the rest.
const stepwiseWindows = 4

func sliceLexeme(slice int64) string { return "_s" + strconv.FormatInt(slice, 10) }

// newestMatches returns the ids of the newest s.candidates items matching
// tsq (to_tsquery input) and q, newest first, asking the newest id slices
// first (see searchStepwise).
func (s *Store) newestMatches(ctx context.Context, tsq string, q storage.Query) ([]int64, error) {
	var maxID int64
	if err := s.read.QueryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM items`).Scan(&maxID); err != nil {
		return nil, err
	}
	var ids []int64
	hi := maxID>>s.sliceBits + 1 // slices below hi are yet to be asked
	var asked int64
	for window := 0; len(ids) < s.candidates && hi > 0; window++ {
		lo := max(hi-max(3*asked, 1), 0) // 1, 3, 12, 48: each window three times all before it
		if window == stepwiseWindows {
			lo = 0
		}
		got, err := s.matchesIn(ctx, tsq, q, lo, hi, s.candidates-len(ids))
		if err != nil {
			return nil, err
		}
		ids = append(ids, got...)
		asked += hi - lo
		hi = lo
	}
	return ids, nil
}

// matchesIn returns the ids of up to limit items of the slices [lo, hi)
// that match tsq and q, newest first. lo 0 asks every slice below hi
// without naming them.
func (s *Store) matchesIn(ctx context.Context, tsq string, q storage.Query, lo, hi int64, limit int) ([]int64, error) {
	var w sqlq.Where
	w.Add(`i.search @@ to_tsquery('`+textSearchConfig+`', ?)`, tsq)
	// The lexemes are digits and hex, so the filter is written inline: the
	// planner then sees how few rows it selects, whatever plan it caches.
	var filter []string
	if lo > 0 {
		slices := make([]string, 0, hi-lo)
		for sl := hi - 1; sl >= lo; sl-- {
			slices = append(slices, "''"+sliceLexeme(sl)+"''")
		}
		filter = append(filter, "("+strings.Join(slices, " | ")+")")
	} else {
		w.Add(`i.id < ?`, hi<<s.sliceBits)
	}
	if q.Topic != "" {
		filter = append(filter, "''"+topicLexeme(q.Topic)+"''")
	}
	if len(filter) > 0 {
		w.Add(`i.search @@ '` + strings.Join(filter, " & ") + `'::tsquery`)
	}
	sqlq.SearchFilter(&w, dialect{}, "i", q)
	w.Args = append(w.Args, limit)
	rows, err := s.read.Query(ctx, sqlq.Rebind(dialect{}, `SELECT i.id FROM items i`+w.SQL()+` ORDER BY i.id DESC LIMIT ?`), w.Args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[int64])
}
