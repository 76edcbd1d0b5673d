package pipeline

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/storage/sqlite"
)

// morningDigestConfig is a desk with one daily digest of one topic.
const morningDigestConfig = `
[[topics]]
name = "north-korea"
title = "North Korea"
aliases = ["North Korea"]

[[channels]]
name = "brief"
id = "100000000000000001"
delivery = "digest-only"

[[digests]]
name = "morning"
schedule = "CRON_TZ=UTC 0 8 * * *"
channels = ["brief"]
topics = ["north-korea"]
`

// morningDigest is the runtime of morningDigestConfig and an empty SQLite
// store, closed when the test ends.
func morningDigest(t *testing.T) (*Runtime, *sqlite.Store) {
	t.Helper()
	cfg, err := config.Parse("digest.toml", []byte(morningDigestConfig))
	if err != nil {
		t.Fatal(err)
	}
	rt, err := NewRuntime(cfg)
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return rt, store
}

// TestDigests on a fake clock: a new install records the time and posts
// nothing; two daily runs missed while the bot was down give one digest;
// a day with no news gives none.
func TestDigests(t *testing.T) {
	ctx := context.Background()
	rt, store := morningDigest(t)
	clock := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC) // Monday
	p, err := New(ctx, store, rt, Options{Clock: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	digest := func(want int) []model.Post {
		t.Helper()
		n, err := p.Digests(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n != want {
			t.Fatalf("at %s: %d digest posts, want %d", clock.Format(time.RFC3339), n, want)
		}
		posts, err := store.PendingPosts(ctx, "brief", 10)
		if err != nil {
			t.Fatal(err)
		}
		return posts
	}

	digest(0) // first start: nothing yet to cover

	at := clock.Add(time.Hour)
	it := model.Item{Key: "guid:w:1", Feed: "Wire", Title: "North Korea fires ballistic missile", Link: "http://news.example/1",
		Published: at, FirstSeen: at, Topics: []string{"north-korea"}, StoryID: "s1"}
	st := model.Story{ID: "s1", Title: it.Title, Link: it.Link, FirstSeen: at, Updated: at, EventDate: at, Topics: it.Topics,
		Sources: []model.Source{{Feed: it.Feed, Title: it.Title, Link: it.Link, Published: at}}}
	if ok, err := store.SaveItem(ctx, &it, &st, nil); err != nil || !ok {
		t.Fatal(ok, err)
	}

	clock = time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC) // Wednesday: Tuesday's and Wednesday's runs missed
	posts := digest(1)
	if len(posts) != 1 || posts[0].Kind != model.PostDigest || !strings.Contains(digestText(posts[0].Content), "North Korea fires ballistic missile") {
		t.Fatalf("digest posts = %+v", posts)
	}
	digest(0) // the same morning again: already done

	clock = time.Date(2026, 11, 19, 9, 0, 0, 0, time.UTC) // Thursday: nothing happened since
	digest(0)
}

// digestText is the text a digest's content says: its name, then each
// section's title and its stories' headlines.
func digestText(c model.Content) string {
	if c.Digest == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(c.Digest.Name + "\n")
	for _, sec := range c.Digest.Sections {
		b.WriteString(sec.Title + "\n")
		for _, e := range sec.Entries {
			b.WriteString(e.Headline + "\n")
		}
	}
	return b.String()
}

// metaRace is a store whose digest last-run reads, once armed, wait until
// every party has read: each then plans its digest from the same last run.
type metaRace struct {
	*sqlite.Store
	armed atomic.Bool
	read  sync.WaitGroup
}

func (s *metaRace) Meta(ctx context.Context, key string) (string, error) {
	v, err := s.Store.Meta(ctx, key)
	if strings.HasPrefix(key, "digest:") && s.armed.Load() {
		s.read.Done()
		s.read.Wait()
	}
	return v, err
}

// TestDigestOncePerSlot: two runs of the same digest slot that both read
// the same last run (a restart overlapping the old process, two replicas)
// post it once, and a later run of that slot posts nothing.
func TestDigestOncePerSlot(t *testing.T) {
	ctx := context.Background()
	rt, db := morningDigest(t)
	store := &metaRace{Store: db}
	clock := time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)
	opts := Options{Clock: func() time.Time { return clock }}
	var runs [2]*Pipeline
	for i := range runs {
		var err error
		if runs[i], err = New(ctx, store, rt, opts); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := runs[0].Digests(ctx); err != nil || n != 0 {
		t.Fatalf("first start: %d posts, %v", n, err) // records the last run
	}
	at := clock.Add(time.Hour)
	it := model.Item{Key: "guid:w:1", Feed: "Wire", Title: "North Korea fires ballistic missile", Link: "http://news.example/1",
		Published: at, FirstSeen: at, Topics: []string{"north-korea"}, StoryID: "s1"}
	st := model.Story{ID: "s1", Title: it.Title, Link: it.Link, FirstSeen: at, Updated: at, EventDate: at, Topics: it.Topics,
		Sources: []model.Source{{Feed: it.Feed, Title: it.Title, Link: it.Link, Published: at}}}
	if ok, err := db.SaveItem(ctx, &it, &st, nil); err != nil || !ok {
		t.Fatal(ok, err)
	}

	clock = time.Date(2026, 11, 17, 8, 0, 0, 0, time.UTC)
	store.read.Add(len(runs))
	store.armed.Store(true)
	var posted [2]int
	var errs [2]error
	var wg sync.WaitGroup
	for i, p := range runs {
		wg.Go(func() { posted[i], errs[i] = p.Digests(ctx) })
	}
	wg.Wait()
	store.armed.Store(false)
	if errs[0] != nil || errs[1] != nil || posted[0]+posted[1] != 1 {
		t.Fatalf("two runs of the 08:00 slot posted %v (errors %v), want 1 post in all", posted, errs)
	}
	if n, err := runs[0].Digests(ctx); err != nil || n != 0 {
		t.Fatalf("the slot once more: %d posts, %v; want 0", n, err)
	}
	if posts, err := db.PendingPosts(ctx, "brief", 10); err != nil || len(posts) != 1 {
		t.Fatalf("pending digest posts: %d, %v; want 1", len(posts), err)
	}
}
