package storagetest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

// Run runs the conformance suite. open must return a fresh, empty store
// isolated from every other call (tests run in parallel); Run closes it.
func Run(t *testing.T, open func(t *testing.T) storage.Store) {
	tests := []struct {
		name string
		run  func(t *testing.T, s storage.Store)
	}{
		{"KnownKeys", testKnownKeys},
		{"SaveItemRoundTrip", testSaveItemRoundTrip},
		{"SaveItemDuplicate", testSaveItemDuplicate},
		{"SaveItemAtomic", testSaveItemAtomic},
		{"SaveItemRefusesBadText", testSaveItemRefusesBadText},
		{"SaveItemConcurrent", testSaveItemConcurrent},
		{"SaveItems", testSaveItems},
		{"SaveItemsAtomic", testSaveItemsAtomic},
		{"SaveFullText", testSaveFullText},
		{"StoryUpsert", testStoryUpsert},
		{"Latest", testLatest},
		{"Search", testSearch},
		{"SearchJunk", testSearchJunk},
		{"Timeline", testTimeline},
		{"Stories", testStories},
		{"OutboxFIFO", testOutboxFIFO},
		{"OutboxPriority", testOutboxPriority},
		{"OutboxMarks", testOutboxMarks},
		{"Backlog", testBacklog},
		{"Ping", testPing},
		{"AlertPostFor", testAlertPostFor},
		{"Edits", testEdits},
		{"StoryMerges", testStoryMerges},
		{"FeedState", testFeedState},
		{"Meta", testMeta},
		{"AddPostsMovingMeta", testAddPostsMovingMeta},
		{"Mutes", testMutes},
		{"ChannelStates", testChannelStates},
		{"Decisions", testDecisions},
		{"NotFound", testNotFound},
		{"LargeUnicode", testLargeUnicode},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() {
				if err := s.Close(); err != nil {
					t.Errorf("close: %v", err)
				}
			})
			tt.run(t, s)
		})
	}
}

// save stores an item (and its story, if any) and fails the test otherwise.
func save(t *testing.T, s storage.Store, it *model.Item, st *model.Story, posts ...model.Post) {
	t.Helper()
	ok, err := s.SaveItem(context.Background(), it, st, posts)
	if err != nil || !ok {
		t.Fatalf("SaveItem(%s) = %v, %v; want true, nil", it.Key, ok, err)
	}
}

func itemKeys(items []model.Item) []string {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = it.GUID
	}
	return keys
}

func storyIDs(stories []model.Story) []string {
	ids := make([]string, len(stories))
	for i, st := range stories {
		ids[i] = st.ID
	}
	return ids
}

func postIDs(posts []model.Post) []string {
	ids := make([]string, len(posts))
	for i, p := range posts {
		ids[i] = p.ID
	}
	return ids
}

func sameStrings(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || reflect.DeepEqual(a, b))
}

func testKnownKeys(t *testing.T, s storage.Store) {
	ctx := context.Background()
	known, err := s.KnownKeys(ctx, []string{"guid:a:1"})
	if err != nil || len(known) != 0 {
		t.Fatalf("empty store: KnownKeys = %v, %v", known, err)
	}
	a, b := newItem("1", "yonhap", day(0)), newItem("2", "kcna", day(0))
	save(t, s, &a, nil)
	save(t, s, &b, nil)
	// More keys than one SQL statement may bind, with the stored ones last.
	keys := make([]string, 0, 1202)
	for i := range 1200 {
		keys = append(keys, fmt.Sprintf("guid:x:%d", i))
	}
	keys = append(keys, a.Key, b.Key)
	known, err = s.KnownKeys(ctx, keys)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{a.Key: true, b.Key: true}
	if !reflect.DeepEqual(known, want) {
		t.Fatalf("KnownKeys = %v, want %v", known, want)
	}
	if known, err := s.KnownKeys(ctx, nil); err != nil || len(known) != 0 {
		t.Fatalf("KnownKeys(nil) = %v, %v", known, err)
	}
}

func testSaveItemRoundTrip(t *testing.T, s storage.Store) {
	ctx := context.Background()
	it := newItem("1", "yonhap", time.Date(2026, 3, 10, 18, 30, 15, 123456789, seoul), "north-korea", "missiles")
	it.Summary = []string{"Third in order.", "First in order?", "Second: in order."}
	st := newStory("story-1", it, day(-1), "missiles", "north-korea")
	st.Sources = append(st.Sources, model.Source{Feed: "kcna", Title: "KCNA report", Link: "https://kcna.example/1", Published: day(1).In(seoul)})
	save(t, s, &it, &st)
	if it.ID == 0 {
		t.Fatal("SaveItem did not set item.ID")
	}
	got, err := s.ItemByLink(ctx, it.Link)
	if err != nil {
		t.Fatal(err)
	}
	if want := storedItem(it); !reflect.DeepEqual(got, want) {
		t.Fatalf("ItemByLink:\n got %#v\nwant %#v", got, want)
	}
	if got.Published.Location() != time.UTC {
		t.Errorf("Published location = %v, want UTC", got.Published.Location())
	}
	story, err := s.Story(ctx, st.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := storedStory(st); !reflect.DeepEqual(story, want) {
		t.Fatalf("Story:\n got %#v\nwant %#v", story, want)
	}
	// An item with no lists and no story round-trips too.
	bare := model.Item{Key: "hash:abc", Feed: "f", Link: "https://bare.example/", Published: day(0)}
	save(t, s, &bare, nil)
	if got, err := s.ItemByLink(ctx, bare.Link); err != nil || !reflect.DeepEqual(got, storedItem(bare)) {
		t.Fatalf("bare item: got %#v, %v", got, err)
	}
}

func testSaveItemDuplicate(t *testing.T, s storage.Store) {
	ctx := context.Background()
	it := newItem("1", "yonhap", day(0), "missiles")
	st := newStory("story-1", it, day(0), "missiles")
	save(t, s, &it, &st, newPost("p1", "alerts", day(0)))

	again := newItem("1", "yonhap", day(1), "drills")
	again.Title = "Changed title"
	changed := newStory("story-1", again, day(1), "drills")
	changed.Title = "Changed story"
	ok, err := s.SaveItem(ctx, &again, &changed, []model.Post{newPost("p2", "alerts", day(1)), newPost("p3", "other", day(1))})
	if err != nil || ok {
		t.Fatalf("duplicate SaveItem = %v, %v; want false, nil", ok, err)
	}
	if again.ID != 0 {
		t.Errorf("duplicate SaveItem set ID %d", again.ID)
	}
	pending, err := s.PendingPosts(ctx, "alerts", 10)
	if err != nil {
		t.Fatal(err)
	}
	if ids := postIDs(pending); !sameStrings(ids, []string{"p1"}) {
		t.Fatalf("pending after duplicate = %v, want [p1]", ids)
	}
	if channels, err := s.PendingChannels(ctx); err != nil || !sameStrings(channels, []string{"alerts"}) {
		t.Fatalf("PendingChannels = %v, %v; want [alerts]", channels, err)
	}
	if got, err := s.Story(ctx, "story-1"); err != nil || got.Title != st.Title {
		t.Fatalf("story after duplicate = %q, %v; want %q", got.Title, err, st.Title)
	}
	if got, err := s.ItemByLink(ctx, it.Link); err != nil || got.Title != it.Title {
		t.Fatalf("item after duplicate = %q, %v; want %q", got.Title, err, it.Title)
	}
	if got, err := s.Latest(ctx, storage.Query{Topic: "drills"}); err != nil || len(got) != 0 {
		t.Fatalf("duplicate's topics were stored: %v, %v", itemKeys(got), err)
	}
}

func testSaveItemAtomic(t *testing.T, s storage.Store) {
	ctx := context.Background()
	first := newItem("1", "yonhap", day(0))
	save(t, s, &first, nil, newPost("p1", "alerts", day(0)))

	// The second post reuses a stored post id: the whole save must roll back.
	it := newItem("2", "yonhap", day(1), "missiles")
	st := newStory("story-2", it, day(1), "missiles")
	ok, err := s.SaveItem(ctx, &it, &st, []model.Post{newPost("p2", "alerts", day(1)), newPost("p1", "alerts", day(1))})
	if err == nil || ok {
		t.Fatalf("SaveItem with a clashing post = %v, %v; want an error", ok, err)
	}
	if known, err := s.KnownKeys(ctx, []string{it.Key}); err != nil || known[it.Key] {
		t.Fatalf("item stored despite the failed save: %v, %v", known, err)
	}
	if _, err := s.Story(ctx, st.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("story stored despite the failed save: %v", err)
	}
	if _, err := s.Post(ctx, "p2"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("post p2 stored despite the failed save: %v", err)
	}
	if got, err := s.Search(ctx, "Report 2", storage.Query{}); err != nil || len(got) != 0 {
		t.Fatalf("search index kept the failed item: %v, %v", itemKeys(got), err)
	}
	// After the failure the same item saves cleanly.
	save(t, s, &it, &st, newPost("p2", "alerts", day(1)))

	// A post without a channel is refused before anything is written.
	bad := newItem("3", "yonhap", day(2))
	if ok, err := s.SaveItem(ctx, &bad, nil, []model.Post{{ID: "p9"}}); err == nil || ok {
		t.Fatalf("SaveItem with a channel-less post = %v, %v; want an error", ok, err)
	}
	if known, _ := s.KnownKeys(ctx, []string{bad.Key}); known[bad.Key] {
		t.Fatal("item stored despite the refused post")
	}
	if ok, err := s.SaveItem(ctx, &model.Item{}, nil, nil); err == nil || ok {
		t.Fatalf("SaveItem without a key = %v, %v; want an error", ok, err)
	}
}

func testSaveItemRefusesBadText(t *testing.T, s storage.Store) {
	ctx := context.Background()
	for name, mutate := range map[string]func(*model.Item){
		"NUL in text":        func(it *model.Item) { it.Text = "a\x00b" },
		"invalid UTF-8":      func(it *model.Item) { it.Title = "\xff\xfe" },
		"NUL in a category":  func(it *model.Item) { it.Categories = []string{"x\x00"} },
		"invalid in summary": func(it *model.Item) { it.Summary = []string{"ok", "\xc3"} },
	} {
		it := newItem(name, "f", day(0))
		mutate(&it)
		ok, err := s.SaveItem(ctx, &it, nil, nil)
		if err == nil || ok {
			t.Errorf("%s: SaveItem = %v, %v; want an error", name, ok, err)
		}
	}
}

func testSaveItemConcurrent(t *testing.T, s storage.Store) {
	ctx := context.Background()
	const writers, items = 6, 25
	var wg sync.WaitGroup
	saved := make([]int, writers)
	errs := make(chan error, writers*items*2)
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range items {
				// Every writer saves the same keys: each must be stored once.
				it := newItem(fmt.Sprint(i), "yonhap", day(0).Add(time.Duration(i)*time.Minute), "missiles")
				st := newStory(fmt.Sprintf("story-%d", i%5), it, day(0), "missiles")
				ok, err := s.SaveItem(ctx, &it, &st, []model.Post{newPost(fmt.Sprintf("p-%d-%d", w, i), "alerts", day(0))})
				if err != nil {
					errs <- err
				}
				if ok {
					saved[w]++
				}
				if _, err := s.Latest(ctx, storage.Query{Topic: "missiles", Limit: 5}); err != nil {
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
	total := 0
	for _, n := range saved {
		total += n
	}
	if total != items {
		t.Fatalf("saved %d items in all, want %d", total, items)
	}
	pending, err := s.PendingPosts(ctx, "alerts", 1000)
	if err != nil || len(pending) != items {
		t.Fatalf("pending posts = %d, %v; want %d (one per stored item)", len(pending), err, items)
	}
}

// testSaveItems: a batch is stored in order in one call; a write whose key
// is already stored is skipped whole (item, story state, posts) while the
// rest of the batch is stored; a story two items joined ends as the last
// saved write left it.
func testSaveItems(t *testing.T, s storage.Store) {
	ctx := context.Background()
	stored := newItem("stored", "yonhap", day(0), "missiles")
	save(t, s, &stored, nil)

	a := newItem("a", "yonhap", day(1), "missiles")
	b := newItem("b", "kcna", day(1).Add(time.Minute), "missiles")
	dup := newItem("stored", "yonhap", day(1).Add(2*time.Minute), "drills")
	c := newItem("c", "yonhap", day(1).Add(3*time.Minute))
	storyA := newStory("story-ab", a, day(1), "missiles")
	storyAB := storyA
	storyAB.Sources = append(append([]model.Source(nil), storyA.Sources...), model.Source{Feed: b.Feed, Title: b.Title, Link: b.Link, Published: b.Published})
	storyAB.Updated = b.Published
	// The duplicate claims to add a third source: that state must not be written.
	storyDup := storyAB
	storyDup.Sources = append(append([]model.Source(nil), storyAB.Sources...), model.Source{Feed: dup.Feed, Title: dup.Title, Link: dup.Link, Published: dup.Published})
	storyDup.Updated = dup.Published
	batch := []storage.ItemWrite{
		{Item: &a, Story: &storyA, Posts: []model.Post{newPost("pa", "alerts", day(1))}},
		{Item: &b, Story: &storyAB, Posts: []model.Post{newPost("pb", "alerts", day(1))}},
		{Item: &dup, Story: &storyDup, Posts: []model.Post{newPost("pdup", "alerts", day(1))}},
		{Item: &c, Posts: nil},
	}
	saved, err := s.SaveItems(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	if want := []bool{true, true, false, true}; !reflect.DeepEqual(saved, want) {
		t.Fatalf("saved = %v, want %v", saved, want)
	}
	if a.ID == 0 || b.ID <= a.ID || c.ID <= b.ID || dup.ID != 0 {
		t.Errorf("ids a=%d b=%d c=%d dup=%d: want increasing in batch order, none for the duplicate", a.ID, b.ID, c.ID, dup.ID)
	}
	for _, it := range []model.Item{a, b, c} {
		if got, err := s.ItemByLink(ctx, it.Link); err != nil || !reflect.DeepEqual(got, storedItem(it)) {
			t.Fatalf("item %s: got %#v, %v", it.Key, got, err)
		}
	}
	if got, err := s.Story(ctx, "story-ab"); err != nil || !reflect.DeepEqual(got, storedStory(storyAB)) {
		t.Fatalf("story after the batch:\n got %#v, %v\nwant %#v", got, err, storedStory(storyAB))
	}
	pending, err := s.PendingPosts(ctx, "alerts", 10)
	if err != nil {
		t.Fatal(err)
	}
	if ids := postIDs(pending); !sameStrings(ids, []string{"pa", "pb"}) {
		t.Fatalf("pending = %v, want [pa pb] (not the duplicate's post)", ids)
	}
	if got, err := s.Latest(ctx, storage.Query{Topic: "drills"}); err != nil || len(got) != 0 {
		t.Fatalf("the duplicate's topics were stored: %v, %v", itemKeys(got), err)
	}
	if got, err := s.Search(ctx, "Report c", storage.Query{}); err != nil || len(got) != 1 || got[0].Key != c.Key {
		t.Fatalf("search for the batch's last item = %v, %v", itemKeys(got), err)
	}

	// A batch of many items: all stored, each found.
	var big []storage.ItemWrite
	var keys []string
	for i := range 450 {
		it := newItem(fmt.Sprintf("big-%d", i), "wire", day(2).Add(time.Duration(i)*time.Second), "missiles")
		st := newStory(fmt.Sprintf("big-story-%d", i%7), it, day(2), "missiles")
		big = append(big, storage.ItemWrite{Item: &it, Story: &st, Posts: []model.Post{newPost(fmt.Sprintf("big-p-%d", i), "wire-alerts", day(2))}})
		keys = append(keys, it.Key)
	}
	saved, err = s.SaveItems(ctx, big)
	if err != nil {
		t.Fatal(err)
	}
	for i, ok := range saved {
		if !ok {
			t.Fatalf("big batch: write %d not saved", i)
		}
	}
	if known, err := s.KnownKeys(ctx, keys); err != nil || len(known) != len(keys) {
		t.Fatalf("big batch: %d of %d keys known, %v", len(known), len(keys), err)
	}
	if pending, err := s.PendingPosts(ctx, "wire-alerts", 1000); err != nil || len(pending) != len(keys) {
		t.Fatalf("big batch: %d pending posts, %v; want %d", len(pending), err, len(keys))
	}
	if saved, err := s.SaveItems(ctx, nil); err != nil || len(saved) != 0 {
		t.Fatalf("empty batch: %v, %v", saved, err)
	}
}

// testSaveItemsAtomic: when any write of a batch fails, nothing of the
// batch is written, and the same batch saves cleanly once fixed.
func testSaveItemsAtomic(t *testing.T, s storage.Store) {
	ctx := context.Background()
	first := newItem("1", "yonhap", day(0))
	save(t, s, &first, nil, newPost("p1", "alerts", day(0)))

	a := newItem("a", "yonhap", day(1), "missiles")
	b := newItem("b", "yonhap", day(1), "missiles")
	st := newStory("story-a", a, day(1), "missiles")
	batch := []storage.ItemWrite{
		{Item: &a, Story: &st, Posts: []model.Post{newPost("pa", "alerts", day(1))}},
		{Item: &b, Posts: []model.Post{newPost("p1", "alerts", day(1))}}, // p1 is stored: the batch must roll back
	}
	if saved, err := s.SaveItems(ctx, batch); err == nil {
		t.Fatalf("SaveItems with a clashing post = %v, nil; want an error", saved)
	}
	if known, err := s.KnownKeys(ctx, []string{a.Key, b.Key}); err != nil || len(known) != 0 {
		t.Fatalf("items stored despite the failed batch: %v, %v", known, err)
	}
	if _, err := s.Story(ctx, st.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("story stored despite the failed batch: %v", err)
	}
	if _, err := s.Post(ctx, "pa"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("post pa stored despite the failed batch: %v", err)
	}
	if a.ID != 0 {
		t.Errorf("a failed batch set an item id: %d", a.ID)
	}
	// Text no backend can store, in a story, fails the batch too.
	bad := st
	bad.Title = "a\x00b"
	if _, err := s.SaveItems(ctx, []storage.ItemWrite{{Item: &a, Story: &bad}}); err == nil {
		t.Fatal("SaveItems with a NUL in a story title succeeded")
	}
	batch[1].Posts = []model.Post{newPost("pb", "alerts", day(1))}
	saved, err := s.SaveItems(ctx, batch)
	if err != nil || !reflect.DeepEqual(saved, []bool{true, true}) {
		t.Fatalf("fixed batch = %v, %v", saved, err)
	}
}

// testSaveFullText: an item stored from its feed's teaser takes its
// article's text, summary and topics (searched by them, no longer by the
// teaser's), its alert's content is revised and an edit added, in one
// transaction; an unknown item or post writes nothing.
func testSaveFullText(t *testing.T, s storage.Store) {
	ctx := context.Background()
	it := newItem("1", "yonhap", day(0), "north-korea")
	it.Text = "Teaser about a launch."
	it.Summary = []string{"Teaser about a launch."}
	st := newStory("story-1", it, day(0), "north-korea")
	alert := newPost("alert", "alerts", day(0))
	alert.Content.Summary = it.Summary
	save(t, s, &it, &st, alert)

	full := it
	full.Title = "A title the page may not change"
	full.Text = "The submarine fired a ballistic missile near Sinpo, the military said."
	full.Summary = []string{"The submarine fired a ballistic missile near Sinpo."}
	full.Topics = []string{"north-korea", "missiles"}
	revised := alert
	revised.Content.Summary = full.Summary
	edit := newPost("edit", "alerts", day(0))
	edit.Kind, edit.ReplaceOf = model.PostUpdate, alert.ID
	story := st
	story.Title, story.Summary, story.Severity = "A story title the page does not change", "The submarine fired a ballistic missile near Sinpo.", model.SeverityUrgent
	if err := s.SaveFullText(ctx, full, &story, []model.Post{revised}, []model.Post{edit}); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Story(ctx, st.ID); err != nil || got.Summary != story.Summary || got.Severity != model.SeverityUrgent || got.Title != st.Title {
		t.Errorf("story after SaveFullText: title %q, summary %q, severity %q, %v; want the title kept and the others new", got.Title, got.Summary, got.Severity, err)
	}
	got, err := s.ItemByLink(ctx, it.Link)
	if err != nil {
		t.Fatal(err)
	}
	if got.Text != full.Text || !reflect.DeepEqual(got.Summary, full.Summary) || !sameStrings(got.Topics, full.Topics) {
		t.Errorf("item after SaveFullText: text %q, summary %q, topics %v", got.Text, got.Summary, got.Topics)
	}
	if got.Title != it.Title || got.ID != it.ID || !got.Published.Equal(it.Published) {
		t.Errorf("item after SaveFullText: title %q, id %d, published %v; want them kept", got.Title, got.ID, got.Published)
	}
	if found, err := s.Search(ctx, "Sinpo", storage.Query{}); err != nil || len(found) != 1 {
		t.Errorf("search for a word of the full text = %v, %v", itemKeys(found), err)
	}
	if found, err := s.Search(ctx, "teaser", storage.Query{}); err != nil || len(found) != 0 {
		t.Errorf("search for a word only the teaser had = %v, %v", itemKeys(found), err)
	}
	if found, err := s.Latest(ctx, storage.Query{Topic: "missiles"}); err != nil || len(found) != 1 {
		t.Errorf("latest of the new topic = %v, %v", itemKeys(found), err)
	}
	if found, err := s.Search(ctx, "submarine", storage.Query{Topic: "missiles"}); err != nil || len(found) != 1 {
		t.Errorf("search within the new topic = %v, %v", itemKeys(found), err)
	}
	if p, err := s.Post(ctx, "alert"); err != nil || !reflect.DeepEqual(p.Content.Summary, full.Summary) {
		t.Errorf("revised alert = %q, %v", p.Content.Summary, err)
	}
	if p, err := s.Post(ctx, "edit"); err != nil || p.ReplaceOf != "alert" || p.State != model.PostPending {
		t.Errorf("edit = %+v, %v", p, err)
	}

	// An unknown item, or an unknown revised post: nothing is written.
	ghost := newItem("ghost", "yonhap", day(0))
	if err := s.SaveFullText(ctx, ghost, nil, nil, []model.Post{newPost("p-ghost", "alerts", day(0))}); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("SaveFullText of an unknown item = %v, want ErrNotFound", err)
	}
	again := full
	again.Text = "Changed once more."
	missing := revised
	missing.ID = "no-such-post"
	if err := s.SaveFullText(ctx, again, nil, []model.Post{missing}, []model.Post{newPost("p-missing", "alerts", day(0))}); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("SaveFullText revising an unknown post = %v, want ErrNotFound", err)
	}
	for _, id := range []string{"p-ghost", "p-missing"} {
		if _, err := s.Post(ctx, id); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("post %s written by a failed SaveFullText: %v", id, err)
		}
	}
	if got, err := s.ItemByLink(ctx, it.Link); err != nil || got.Text != full.Text {
		t.Errorf("item text after a failed SaveFullText = %q, %v", got.Text, err)
	}
}

func testStoryUpsert(t *testing.T, s storage.Store) {
	ctx := context.Background()
	a := newItem("a", "yonhap", day(0), "missiles")
	first := newStory("story-1", a, day(0), "missiles")
	first.Summary, first.Severity = "North Korea fired a missile.", model.SeverityUrgent
	save(t, s, &a, &first)
	if got, err := s.Story(ctx, "story-1"); err != nil || got.Summary != first.Summary || got.Severity != model.SeverityUrgent {
		t.Fatalf("stored story: summary %q severity %q, %v", got.Summary, got.Severity, err)
	}

	b := newItem("b", "kcna", day(1), "drills", "us-rok")
	second := model.Story{
		ID:        "story-1",
		Title:     "Second title",
		Link:      "https://ignored.example/",
		FirstSeen: day(5),
		Updated:   day(1),
		EventDate: day(-2),
		Sources:   append(first.Sources, model.Source{Feed: "kcna", Title: "KCNA", Link: b.Link, Published: day(1)}),
		Topics:    []string{"drills", "us-rok"},
		Summary:   "The two armies began a drill, the ministry said.",
		Severity:  model.SeverityAlert,
	}
	save(t, s, &b, &second)
	got, err := s.Story(ctx, "story-1")
	if err != nil {
		t.Fatal(err)
	}
	want := storedStory(second)
	want.Link, want.FirstSeen = first.Link, storedTime(first.FirstSeen)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("upserted story:\n got %#v\nwant %#v", got, want)
	}
	q := storage.Query{Since: day(-10), Until: day(10)}
	for topic, wantIDs := range map[string][]string{"missiles": nil, "drills": {"story-1"}, "us-rok": {"story-1"}} {
		q.Topic = topic
		tl, err := s.Timeline(ctx, q)
		if err != nil || !sameStrings(storyIDs(tl), wantIDs) {
			t.Errorf("Timeline(%s) = %v, %v; want %v", topic, storyIDs(tl), err, wantIDs)
		}
		st, err := s.Stories(ctx, q)
		if err != nil || !sameStrings(storyIDs(st), wantIDs) {
			t.Errorf("Stories(%s) = %v, %v; want %v", topic, storyIDs(st), err, wantIDs)
		}
	}

	// A topic the story keeps moves with its event date and updated time.
	c := newItem("c", "yonhap", day(2), "drills")
	third := second
	third.Topics, third.EventDate, third.Updated = []string{"drills"}, day(-20), day(20)
	save(t, s, &c, &third)
	q.Topic = "drills"
	if tl, err := s.Timeline(ctx, q); err != nil || len(tl) != 0 {
		t.Errorf("Timeline(drills) after the event date moved out = %v, %v; want none", storyIDs(tl), err)
	}
	if st, err := s.Stories(ctx, q); err != nil || len(st) != 0 {
		t.Errorf("Stories(drills) after the update moved out = %v, %v; want none", storyIDs(st), err)
	}
	q.Since, q.Until = day(-30), day(30)
	if tl, err := s.Timeline(ctx, q); err != nil || !sameStrings(storyIDs(tl), []string{"story-1"}) {
		t.Errorf("Timeline(drills) = %v, %v; want story-1", storyIDs(tl), err)
	}
}

func testLatest(t *testing.T, s storage.Store) {
	ctx := context.Background()
	// 25 items an hour apart: odd ones are about missiles, every third is from KCNA.
	for i := range 25 {
		feed := "yonhap"
		if i%3 == 0 {
			feed = "kcna"
		}
		var topics []string
		if i%2 == 1 {
			topics = []string{"north-korea", "missiles"}
		}
		it := newItem(fmt.Sprintf("%02d", i), feed, base.Add(time.Duration(i)*time.Hour), topics...)
		save(t, s, &it, nil)
	}
	future := newItem("future", "yonhap", time.Now().Add(time.Hour), "missiles")
	save(t, s, &future, nil)

	hour := func(h int) time.Time { return base.Add(time.Duration(h) * time.Hour) }
	tests := []struct {
		name string
		q    storage.Query
		want []string
	}{
		{"default limit is 20, newest first, future excluded", storage.Query{},
			[]string{"24", "23", "22", "21", "20", "19", "18", "17", "16", "15", "14", "13", "12", "11", "10", "09", "08", "07", "06", "05"}},
		{"limit and offset", storage.Query{Limit: 3, Offset: 2}, []string{"22", "21", "20"}},
		{"topic", storage.Query{Topic: "missiles", Limit: 4}, []string{"23", "21", "19", "17"}},
		{"topic paged", storage.Query{Topic: "missiles", Limit: 2, Offset: 2}, []string{"19", "17"}},
		{"feed", storage.Query{Feed: "kcna", Limit: 3}, []string{"24", "21", "18"}},
		{"topic and feed", storage.Query{Topic: "missiles", Feed: "kcna", Limit: 3}, []string{"21", "15", "09"}},
		{"since inclusive, until exclusive", storage.Query{Since: hour(3), Until: hour(6)}, []string{"05", "04", "03"}},
		{"topic since/until", storage.Query{Topic: "missiles", Since: hour(3), Until: hour(7)}, []string{"05", "03"}},
		{"explicit until takes the future", storage.Query{Topic: "missiles", Until: time.Now().Add(2 * time.Hour), Limit: 1}, []string{"future"}},
		{"unknown topic", storage.Query{Topic: "nope"}, nil},
		{"offset past the end", storage.Query{Offset: 100}, nil},
		{"negative limit is no limit", storage.Query{Limit: -1, Since: hour(0)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Latest(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if tt.q.Limit < 0 {
				if len(got) != 25 {
					t.Fatalf("Latest(no limit) returned %d items, want 25", len(got))
				}
				return
			}
			if keys := itemKeys(got); !sameStrings(keys, tt.want) {
				t.Fatalf("Latest = %v, want %v", keys, tt.want)
			}
		})
	}
}

func testSearch(t *testing.T, s storage.Store) {
	ctx := context.Background()
	items := []struct {
		key, feed, title, text string
		summary                []string
		topics                 []string
		published              time.Time
	}{
		{"title", "yonhap", "North Korea fires ballistic missile into East Sea", "The launch was detected at 7:10 a.m.", nil, []string{"missiles"}, day(0)},
		{"body", "kcna", "Statement of the DPRK foreign ministry", "The spokesperson condemned the ballistic missile defence drills.", nil, []string{"statements"}, day(1)},
		{"summary", "yonhap", "Allies hold exercise", "Ships sailed south of Jeju.", []string{"Freedom Edge trilateral exercise began on Monday."}, []string{"drills"}, day(2)},
		{"korean", "yonhap-ko", "북한이 탄도미사일을 발사했다", "합동참모본부는 북한이 동해상으로 미사일을 발사했다고 밝혔다.", nil, []string{"missiles"}, day(3)},
		{"other", "nk-news", "Pyongyang marathon draws foreign runners", "Tourism resumed in spring.", nil, nil, day(4)},
	}
	for _, x := range items {
		it := newItem(x.key, x.feed, x.published, x.topics...)
		it.Title, it.Text, it.Summary = x.title, x.text, x.summary
		save(t, s, &it, nil)
	}
	tests := []struct {
		name  string
		query string
		q     storage.Query
		want  []string // exact order when ordered, else as a set
		order bool
	}{
		{"title beats body", "ballistic missile", storage.Query{}, []string{"title", "body"}, true},
		{"stemmed plural", "missiles", storage.Query{}, []string{"title", "body"}, false},
		{"summary", "trilateral", storage.Query{}, []string{"summary"}, true},
		{"phrase", `"Freedom Edge"`, storage.Query{}, []string{"summary"}, true},
		{"phrase order matters", `"Edge Freedom"`, storage.Query{}, nil, true},
		{"or", "marathon OR trilateral", storage.Query{}, []string{"summary", "other"}, false},
		{"not", "ballistic -drills", storage.Query{}, []string{"title"}, true},
		{"case and diacritics", "PYÖNGYANG", storage.Query{}, []string{"other"}, true},
		{"prefix", "tour*", storage.Query{}, []string{"other"}, true},
		{"topic", "missile", storage.Query{Topic: "statements"}, []string{"body"}, true},
		{"topic is matched whole", "missile", storage.Query{Topic: "missile"}, nil, true},
		{"topic with not", "ballistic -drills", storage.Query{Topic: "missiles"}, []string{"title"}, true},
		{"feed", "missile", storage.Query{Feed: "yonhap"}, []string{"title"}, true},
		{"since", "missile", storage.Query{Since: day(1)}, []string{"body"}, true},
		{"until", "missile", storage.Query{Until: day(1)}, []string{"title"}, true},
		{"limit", "missile", storage.Query{Limit: 1}, []string{"title"}, true},
		{"offset", "missile", storage.Query{Limit: 1, Offset: 1}, []string{"body"}, true},
		{"korean word", "북한", storage.Query{}, []string{"korean"}, true},
		{"korean stem with particle", "미사일", storage.Query{}, []string{"korean"}, true},
		{"no match", "submarine", storage.Query{}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Search(ctx, tt.query, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			keys := itemKeys(got)
			if !tt.order {
				keys = sortedCopy(keys)
				tt.want = sortedCopy(tt.want)
			}
			if !sameStrings(keys, tt.want) {
				t.Fatalf("Search(%q) = %v, want %v", tt.query, keys, tt.want)
			}
		})
	}
	// A short prefix or too many prefixes are refused before the database
	// reads a posting list; two long ones are fine.
	for _, q := range []string{"a*", "to*", "북*", "ballistic-m*", "missile -t*", "tou* bal* mis*", "a* b* c* d*"} {
		var qe *storage.QueryError
		if got, err := s.Search(ctx, q, storage.Query{}); !errors.As(err, &qe) || qe.Msg == "" {
			t.Errorf("Search(%q) = %v, %v; want a *storage.QueryError", q, itemKeys(got), err)
		}
	}
	if got, err := s.Search(ctx, "tou* OR bal*", storage.Query{}); err != nil || len(got) != 3 {
		t.Errorf("Search(two prefixes) = %v, %v; want other, title and body", itemKeys(got), err)
	}
	// Results are whole items.
	got, err := s.Search(ctx, "trilateral", storage.Query{})
	if err != nil || len(got) != 1 || !sameStrings(got[0].Summary, items[2].summary) || got[0].ID == 0 {
		t.Fatalf("Search returned %#v, %v", got, err)
	}
}

func sortedCopy(s []string) []string {
	out := append([]string(nil), s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func testSearchJunk(t *testing.T, s storage.Store) {
	ctx := context.Background()
	it := newItem("1", "yonhap", day(0), "missiles")
	it.Title = "Drop in tensions? 북한 says “no” to talks"
	save(t, s, &it, nil)
	junk := []string{
		"", " ", `"`, `""`, `"""`, `*`, `**`, `-`, `--`, `AND OR`, `OR`, `NOT`, `AND`, `NEAR`, `NEAR(a b)`,
		`'; DROP TABLE items; --`, `'`, `\`, `\'`, `(`, `)`, `((a`, `a)`, `:`, `title:x`, `^a`, `a:*`, `!a`, `&|`,
		`<->`, `a <-> b`, `{x}`, `[x]`, `%`, `_`, `a%`, `🚀`, `🇰🇷🔥`, `북한`, `북한 "미사일`, `탄도미사일 발사`,
		"\t\n", "null", "-\"drop\"", "x*y*", "𝔡𝔯𝔬𝔭", "ـ", "\u200b", strings.Repeat("a ", 2000), strings.Repeat("(", 500),
	}
	// Junk either searches or is refused as too costly (x*y* is a short
	// prefix), never fails otherwise.
	var qe *storage.QueryError
	for _, q := range junk {
		if _, err := s.Search(ctx, q, storage.Query{}); err != nil && !errors.As(err, &qe) {
			t.Errorf("Search(%q): %v", q, err)
		}
		if _, err := s.Search(ctx, q, storage.Query{Topic: q, Feed: q}); err != nil && !errors.As(err, &qe) {
			t.Errorf("Search(%q) with topic and feed %q: %v", q, q, err)
		}
	}
	for _, q := range []string{"", `"`, "*", "🚀", "OR", "-drop"} {
		got, err := s.Search(ctx, q, storage.Query{})
		if err != nil || len(got) != 0 {
			t.Errorf("Search(%q) = %v, %v; want nothing", q, itemKeys(got), err)
		}
	}
	// Words inside junk still search; the table survived the "DROP".
	for _, q := range []string{`'; DROP`, `"drop`, "북한", "tensions?!"} {
		got, err := s.Search(ctx, q, storage.Query{})
		if err != nil || len(got) != 1 {
			t.Errorf("Search(%q) = %v, %v; want the item", q, itemKeys(got), err)
		}
	}
}

func testTimeline(t *testing.T, s storage.Store) {
	ctx := context.Background()
	// Stories are published in one order and happened in another.
	type fixture struct {
		id        string
		published time.Time
		event     time.Time
		topics    []string
	}
	fixtures := []fixture{
		{"s1", day(0), day(-3), []string{"missiles"}},
		{"s2", day(1), day(-1), []string{"missiles", "north-korea"}},
		{"s3", day(2), day(-5), []string{"drills"}},
		{"s4", day(3), day(-2), []string{"missiles"}},
		{"s5", day(4), day(-4), []string{"missiles"}},
		{"s6", day(5), day(-2), []string{"missiles"}}, // same event date as s4
		{"none", day(6), time.Time{}, []string{"missiles"}},
		{"future", day(6), time.Now().Add(time.Hour), []string{"missiles"}},
	}
	for i, f := range fixtures {
		it := newItem(fmt.Sprint(i), "yonhap", f.published, f.topics...)
		st := newStory(f.id, it, f.event, f.topics...)
		save(t, s, &it, &st)
	}
	tests := []struct {
		name string
		q    storage.Query
		want []string
	}{
		{"all topics by event date, ties by id", storage.Query{}, []string{"s2", "s6", "s4", "s1", "s5", "s3"}},
		{"topic", storage.Query{Topic: "missiles"}, []string{"s2", "s6", "s4", "s1", "s5"}},
		{"first page", storage.Query{Topic: "missiles", Limit: 2}, []string{"s2", "s6"}},
		{"second page", storage.Query{Topic: "missiles", Limit: 2, Offset: 2}, []string{"s4", "s1"}},
		{"last page", storage.Query{Topic: "missiles", Limit: 2, Offset: 4}, []string{"s5"}},
		{"since inclusive until exclusive", storage.Query{Topic: "missiles", Since: day(-4), Until: day(-2)}, []string{"s1", "s5"}},
		{"other topic", storage.Query{Topic: "north-korea"}, []string{"s2"}},
		{"explicit until includes the future", storage.Query{Topic: "missiles", Until: time.Now().Add(2 * time.Hour), Limit: 1}, []string{"future"}},
		{"unknown topic", storage.Query{Topic: "nope"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Timeline(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if ids := storyIDs(got); !sameStrings(ids, tt.want) {
				t.Fatalf("Timeline = %v, want %v", ids, tt.want)
			}
		})
	}
	got, err := s.Timeline(ctx, storage.Query{Topic: "north-korea"})
	if err != nil || len(got) != 1 || !sameStrings(got[0].Topics, []string{"missiles", "north-korea"}) || len(got[0].Sources) != 1 {
		t.Fatalf("Timeline returned %#v, %v; want whole stories", got, err)
	}
}

func testStories(t *testing.T, s storage.Store) {
	ctx := context.Background()
	for i := range 6 {
		topics := []string{"missiles"}
		if i%2 == 0 {
			topics = []string{"drills"}
		}
		it := newItem(fmt.Sprint(i), "yonhap", day(i), topics...)
		st := newStory(fmt.Sprintf("s%d", i), it, day(-i), topics...)
		save(t, s, &it, &st)
	}
	future := newItem("f", "yonhap", time.Now().Add(time.Hour))
	fst := newStory("future", future, day(0))
	save(t, s, &future, &fst)
	tests := []struct {
		name string
		q    storage.Query
		want []string
	}{
		{"window since inclusive, newest first, future kept", storage.Query{Since: day(3)}, []string{"future", "s5", "s4", "s3"}},
		{"topic", storage.Query{Since: day(1), Topic: "missiles"}, []string{"s5", "s3", "s1"}},
		{"until exclusive", storage.Query{Since: day(1), Until: day(3)}, []string{"s2", "s1"}},
		{"limit", storage.Query{Since: day(0), Limit: 2}, []string{"future", "s5"}},
		{"no limit", storage.Query{Limit: -1}, []string{"future", "s5", "s4", "s3", "s2", "s1", "s0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Stories(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if ids := storyIDs(got); !sameStrings(ids, tt.want) {
				t.Fatalf("Stories = %v, want %v", ids, tt.want)
			}
		})
	}
}

func testOutboxFIFO(t *testing.T, s storage.Store) {
	ctx := context.Background()
	if channels, err := s.PendingChannels(ctx); err != nil || len(channels) != 0 {
		t.Fatalf("empty outbox: PendingChannels = %v, %v", channels, err)
	}
	// Created out of order, with ties: order is created time, then insertion.
	posts := []model.Post{
		newPost("c", "alerts", day(0).Add(2*time.Second)),
		newPost("a", "alerts", day(0)),
		newPost("z", "digest", day(0)),
		newPost("b2", "alerts", day(0).Add(time.Second)),
		newPost("b1", "alerts", day(0).Add(time.Second)),
		newPost("b0", "alerts", day(0).Add(time.Second)),
	}
	if err := s.AddPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
	it := newItem("1", "yonhap", day(0))
	save(t, s, &it, nil, newPost("d", "alerts", day(0).Add(3*time.Second)), newPost("b3", "alerts", day(0).Add(time.Second)))

	got, err := s.PendingPosts(ctx, "alerts", 100)
	if err != nil {
		t.Fatal(err)
	}
	if ids, want := postIDs(got), []string{"a", "b2", "b1", "b0", "b3", "c", "d"}; !sameStrings(ids, want) {
		t.Fatalf("PendingPosts = %v, want %v", ids, want)
	}
	if want := storedPost(posts[1]); !reflect.DeepEqual(got[0], want) {
		t.Fatalf("post round trip:\n got %#v\nwant %#v", got[0], want)
	}
	if got, err := s.PendingPosts(ctx, "alerts", 2); err != nil || !sameStrings(postIDs(got), []string{"a", "b2"}) {
		t.Fatalf("PendingPosts(limit 2) = %v, %v", postIDs(got), err)
	}
	if got, err := s.PendingPosts(ctx, "alerts", 0); err != nil || len(got) != 7 {
		t.Fatalf("PendingPosts(limit 0) = %v, %v; want the default limit", postIDs(got), err)
	}
	if channels, err := s.PendingChannels(ctx); err != nil || !sameStrings(channels, []string{"alerts", "digest"}) {
		t.Fatalf("PendingChannels = %v, %v", channels, err)
	}
	// Defaults: id, state and creation time are filled and visible to the caller.
	defaults := []model.Post{{Kind: model.PostNotice, Channel: "admin", Content: model.Content{Notice: "feed broken"}}}
	before := time.Now().Add(-time.Second)
	if err := s.AddPosts(ctx, defaults); err != nil {
		t.Fatal(err)
	}
	p := defaults[0]
	if p.ID == "" || p.State != model.PostPending || p.CreatedAt.Before(before) {
		t.Fatalf("AddPosts defaults = id %q state %q created %v", p.ID, p.State, p.CreatedAt)
	}
	if got, err := s.Post(ctx, p.ID); err != nil || got.Content.Notice != "feed broken" || got.State != model.PostPending {
		t.Fatalf("Post(%s) = %#v, %v", p.ID, got, err)
	}
	if err := s.AddPosts(ctx, nil); err != nil {
		t.Fatalf("AddPosts(nil): %v", err)
	}
	if err := s.AddPosts(ctx, []model.Post{newPost("a", "alerts", day(0))}); err == nil {
		t.Fatal("AddPosts accepted a duplicate post id")
	}
}

// Pending posts come by priority, then FIFO, from the query itself: an
// urgent post written behind a backlog longer than any batch is first in
// the next one.
func testOutboxPriority(t *testing.T, s storage.Store) {
	ctx := context.Background()
	at := func(id string, prio model.Priority, kind model.PostKind, sec int) model.Post {
		p := newPost(id, "alerts", day(0).Add(time.Duration(sec)*time.Second))
		p.Priority, p.Kind = prio, kind
		return p
	}
	var backlog []model.Post
	for i := range 600 {
		backlog = append(backlog, at(fmt.Sprintf("info-%03d", i), model.PriorityInfo, model.PostAlert, i))
	}
	if err := s.AddPosts(ctx, backlog); err != nil {
		t.Fatal(err)
	}
	later := []model.Post{
		at("edit-1", model.PriorityLow, model.PostUpdate, 1000),
		at("alert-1", model.PriorityAlert, model.PostAlert, 1001),
		at("urgent-2", model.PriorityUrgent, model.PostAlert, 1003),
		at("urgent-1", model.PriorityUrgent, model.PostAlert, 1002),
		at("digest-1", model.PriorityLow, model.PostDigest, 999),
		at("urgent-3", model.PriorityUrgent, model.PostAlert, 1003), // a tie: insertion order
	}
	if err := s.AddPosts(ctx, later); err != nil {
		t.Fatal(err)
	}
	got, err := s.PendingPosts(ctx, "alerts", 5)
	if err != nil {
		t.Fatal(err)
	}
	if ids, want := postIDs(got), []string{"urgent-1", "urgent-2", "urgent-3", "alert-1", "info-000"}; !sameStrings(ids, want) {
		t.Fatalf("PendingPosts(5) behind 600 info posts = %v, want %v", ids, want)
	}
	if got[0].Priority != model.PriorityUrgent || got[3].Priority != model.PriorityAlert || got[4].Priority != model.PriorityInfo {
		t.Fatalf("priorities read back: %d %d %d", got[0].Priority, got[3].Priority, got[4].Priority)
	}
	for _, id := range []string{"urgent-1", "urgent-2", "urgent-3", "alert-1"} {
		if err := s.MarkSent(ctx, id, "m-"+id, day(1)); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 600 {
		if err := s.MarkSent(ctx, fmt.Sprintf("info-%03d", i), "m", day(1)); err != nil {
			t.Fatal(err)
		}
	}
	got, err = s.PendingPosts(ctx, "alerts", 10)
	if ids, want := postIDs(got), []string{"digest-1", "edit-1"}; err != nil || !sameStrings(ids, want) {
		t.Fatalf("low-priority posts = %v, %v; want %v (oldest first)", ids, err, want)
	}
}

func testOutboxMarks(t *testing.T, s storage.Store) {
	ctx := context.Background()
	if err := s.AddPosts(ctx, []model.Post{newPost("p1", "alerts", day(0)), newPost("p2", "alerts", day(0)), newPost("p3", "alerts", day(0))}); err != nil {
		t.Fatal(err)
	}
	sentAt := time.Date(2026, 3, 10, 18, 0, 1, 500000000, seoul)
	firstAt := sentAt.Add(-time.Minute)
	if err := s.MarkFirstAttempt(ctx, "p1", firstAt); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkFirstAttempt(ctx, "p1", sentAt); err != nil { // a retry keeps the first time
		t.Fatal(err)
	}
	if err := s.MarkAttempt(ctx, "p1", "429 too many requests"); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSent(ctx, "p1", "1234567890", sentAt); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkAttempt(ctx, "p2", "timeout"); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkAttempt(ctx, "p2", "502 bad gateway"); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkFailed(ctx, "p3", "403 missing access"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		id       string
		state    model.PostState
		attempts int
		lastErr  string
		msgID    string
		sentAt   time.Time
		firstAt  time.Time
	}{
		{"p1", model.PostSent, 2, "429 too many requests", "1234567890", storedTime(sentAt), storedTime(firstAt)},
		{"p2", model.PostPending, 2, "502 bad gateway", "", time.Time{}, time.Time{}},
		{"p3", model.PostFailed, 1, "403 missing access", "", time.Time{}, time.Time{}},
	}
	for _, tt := range tests {
		p, err := s.Post(ctx, tt.id)
		if err != nil {
			t.Fatal(err)
		}
		if p.State != tt.state || p.Attempts != tt.attempts || p.LastError != tt.lastErr || p.MessageID != tt.msgID || !p.SentAt.Equal(tt.sentAt) {
			t.Errorf("%s = state %q attempts %d error %q message %q sent %v; want %q %d %q %q %v",
				tt.id, p.State, p.Attempts, p.LastError, p.MessageID, p.SentAt, tt.state, tt.attempts, tt.lastErr, tt.msgID, tt.sentAt)
		}
		if !p.FirstAttemptAt.Equal(tt.firstAt) {
			t.Errorf("%s first attempt = %v, want %v", tt.id, p.FirstAttemptAt, tt.firstAt)
		}
	}
	if got, err := s.PendingPosts(ctx, "alerts", 10); err != nil || !sameStrings(postIDs(got), []string{"p2"}) {
		t.Fatalf("pending after marks = %v, %v; want [p2]", postIDs(got), err)
	}
	if err := s.MarkSent(ctx, "p2", "99", day(1)); err != nil {
		t.Fatal(err)
	}
	if channels, err := s.PendingChannels(ctx); err != nil || len(channels) != 0 {
		t.Fatalf("PendingChannels after all sent = %v, %v", channels, err)
	}
	for name, mark := range map[string]func() error{
		"MarkSent":         func() error { return s.MarkSent(ctx, "missing", "1", day(0)) },
		"MarkAttempt":      func() error { return s.MarkAttempt(ctx, "missing", "x") },
		"MarkFirstAttempt": func() error { return s.MarkFirstAttempt(ctx, "missing", day(0)) },
		"MarkFailed":       func() error { return s.MarkFailed(ctx, "missing", "x") },
		"MarkSuperseded":   func() error { return s.MarkSuperseded(ctx, []string{"missing"}, "1", day(0)) },
	} {
		if err := mark(); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("%s(missing) = %v, want ErrNotFound", name, err)
		}
	}

	// Updates a newer one replaces are recorded sent in its message at once.
	if err := s.AddPosts(ctx, []model.Post{newPost("u1", "alerts", day(0)), newPost("u2", "alerts", day(0)), newPost("u3", "alerts", day(0))}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSuperseded(ctx, []string{"u1", "u2"}, "777", sentAt); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"u1", "u2"} {
		p, err := s.Post(ctx, id)
		if err != nil || p.State != model.PostSent || p.MessageID != "777" || p.Attempts != 1 || !p.SentAt.Equal(storedTime(sentAt)) {
			t.Errorf("%s after MarkSuperseded = state %q message %q attempts %d sent %v, %v; want sent as 777, 1 attempt, at %v",
				id, p.State, p.MessageID, p.Attempts, p.SentAt, err, storedTime(sentAt))
		}
	}
	if got, err := s.PendingPosts(ctx, "alerts", 10); err != nil || !sameStrings(postIDs(got), []string{"u3"}) {
		t.Fatalf("pending after MarkSuperseded = %v, %v; want [u3]", postIDs(got), err)
	}
	if err := s.MarkSuperseded(ctx, nil, "777", sentAt); err != nil {
		t.Errorf("MarkSuperseded of none = %v", err)
	}
}

func testAlertPostFor(t *testing.T, s storage.Store) {
	ctx := context.Background()
	alert := newPost("alert", "alerts", day(0))
	otherRule := newPost("other-rule", "alerts", day(0))
	otherRule.Rule = "drills"
	otherChannel := newPost("other-channel", "desk", day(0))
	update := newPost("update", "alerts", day(0).Add(time.Second))
	update.Kind, update.ReplaceOf = model.PostUpdate, "alert"
	if err := s.AddPosts(ctx, []model.Post{alert, otherRule, otherChannel, update}); err != nil {
		t.Fatal(err)
	}
	// A pending alert is found: a second source arriving before the first
	// alert is delivered must edit it, not post again.
	if p, err := s.AlertPostFor(ctx, "story-1", "missile-launch", "alerts"); err != nil || p.ID != "alert" || p.State != model.PostPending {
		t.Fatalf("AlertPostFor while pending = %q %s, %v; want the pending alert", p.ID, p.State, err)
	}
	for _, id := range []string{"alert", "other-rule", "other-channel", "update"} {
		if err := s.MarkSent(ctx, id, "m-"+id, day(1)); err != nil {
			t.Fatal(err)
		}
	}
	tests := []struct {
		story, rule, channel, want string
	}{
		{"story-1", "missile-launch", "alerts", "alert"},
		{"story-1", "drills", "alerts", "other-rule"},
		{"story-1", "missile-launch", "desk", "other-channel"},
		{"story-2", "missile-launch", "alerts", ""},
		{"story-1", "nope", "alerts", ""},
	}
	for _, tt := range tests {
		p, err := s.AlertPostFor(ctx, tt.story, tt.rule, tt.channel)
		if tt.want == "" {
			if !errors.Is(err, storage.ErrNotFound) {
				t.Errorf("AlertPostFor(%s, %s, %s) = %v, %v; want ErrNotFound", tt.story, tt.rule, tt.channel, p.ID, err)
			}
			continue
		}
		if err != nil || p.ID != tt.want || p.MessageID != "m-"+tt.want {
			t.Errorf("AlertPostFor(%s, %s, %s) = %q, %v; want %q", tt.story, tt.rule, tt.channel, p.ID, err, tt.want)
		}
	}

	// After the cooldown a story alerts again: the newest alert is the one
	// later sources edit; a failed alert is never edited.
	again := newPost("again", "alerts", day(2))
	failed := newPost("failed", "alerts", day(3))
	if err := s.AddPosts(ctx, []model.Post{again, failed}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkFailed(ctx, "failed", "400 bad embed"); err != nil {
		t.Fatal(err)
	}
	if p, err := s.AlertPostFor(ctx, "story-1", "missile-launch", "alerts"); err != nil || p.ID != "again" {
		t.Errorf("AlertPostFor after a re-alert = %q, %v; want the newest alert that did not fail", p.ID, err)
	}
}

func testFeedState(t *testing.T, s storage.Store) {
	ctx := context.Background()
	full := model.FeedState{
		Feed:         "yonhap",
		URL:          "https://en.yna.example/rss/nk.xml",
		ETag:         `W/"5e1-abc"`,
		LastModified: "Tue, 10 Mar 2026 09:00:00 GMT",
		BodyHash:     "sha256:0f3a",
		LastPoll:     time.Date(2026, 3, 10, 18, 0, 1, 987654321, seoul),
		LastSuccess:  time.Date(2026, 3, 10, 17, 50, 0, 0, seoul),
		LastError:    "GET https://en.yna.example/rss/nk.xml: 503 Service Unavailable",
		Failures:     3,
		Broken:       true,
		NextPoll:     time.Date(2026, 3, 10, 9, 20, 0, 0, time.UTC),
		Interval:     17*time.Minute + 30*time.Second + 250*time.Millisecond,
		ItemsSeen:    1 << 40,
		Initialized:  true,
		RedirectURL:  "https://www.yna.example/rss/nk.xml",
		RedirectSeen: 2,
		Known: []model.KnownItem{
			{Sum: 0xfedcba9876543210, GUID: 0x1f2e3d4c5b6a7980, Published: 1773133200},
			{Sum: math.MaxUint64, GUID: 0, Published: 0}, // no GUID, undated
			{Sum: 1, GUID: math.MaxUint64, Published: -1},
		},
	}
	if err := s.SaveFeedState(ctx, full); err != nil {
		t.Fatal(err)
	}
	got, err := s.FeedState(ctx, "yonhap")
	if err != nil {
		t.Fatal(err)
	}
	if want := storedFeedState(full); !reflect.DeepEqual(got, want) {
		t.Fatalf("FeedState:\n got %#v\nwant %#v", got, want)
	}
	if got.LastPoll.Location() != time.UTC {
		t.Errorf("LastPoll location = %v, want UTC", got.LastPoll.Location())
	}
	// An update that drops the known items keeps none of the old ones.
	forgot := full
	forgot.Known = nil
	if err := s.SaveFeedState(ctx, forgot); err != nil {
		t.Fatal(err)
	}
	if got, err := s.FeedState(ctx, "yonhap"); err != nil || !reflect.DeepEqual(got, storedFeedState(forgot)) {
		t.Fatalf("FeedState after emptying Known = %#v, %v", got, err)
	}
	// Saving again replaces every field, zero values included.
	if err := s.SaveFeedState(ctx, full); err != nil {
		t.Fatal(err)
	}
	empty := model.FeedState{Feed: "yonhap"}
	if err := s.SaveFeedState(ctx, empty); err != nil {
		t.Fatal(err)
	}
	if got, err := s.FeedState(ctx, "yonhap"); err != nil || !reflect.DeepEqual(got, empty) {
		t.Fatalf("FeedState after reset = %#v, %v", got, err)
	}
	kcna := model.FeedState{Feed: "kcna", Interval: time.Hour, Known: []model.KnownItem{{Sum: 7, GUID: 8, Published: 9}}}
	if err := s.SaveFeedState(ctx, kcna); err != nil {
		t.Fatal(err)
	}
	states, err := s.FeedStates(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(states) != 2 || !reflect.DeepEqual(states[0], kcna) || !reflect.DeepEqual(states[1], empty) {
		t.Fatalf("FeedStates = %#v", states)
	}
	if err := s.SaveFeedState(ctx, model.FeedState{}); err == nil {
		t.Fatal("SaveFeedState accepted a state without a feed name")
	}
}

func testMeta(t *testing.T, s storage.Store) {
	ctx := context.Background()
	if _, err := s.Meta(ctx, "digest:last"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("Meta(unset) = %v, want ErrNotFound", err)
	}
	for _, v := range []string{"2026-03-10T09:00:00Z", "", "뮤트 🔇 until tomorrow"} {
		if err := s.SetMeta(ctx, "digest:last", v); err != nil {
			t.Fatal(err)
		}
		if got, err := s.Meta(ctx, "digest:last"); err != nil || got != v {
			t.Fatalf("Meta = %q, %v; want %q", got, err, v)
		}
	}
}

func testMutes(t *testing.T, s storage.Store) {
	ctx := context.Background()
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	check := func(at time.Time, want []model.Mute) {
		t.Helper()
		got, err := s.Mutes(ctx, at)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("Mutes(%v) = %v, want %v", at, got, want)
		}
		for i := range want {
			if got[i].Channel != want[i].Channel || got[i].Topic != want[i].Topic || !got[i].Until.Equal(want[i].Until) ||
				got[i].Until.Location() != time.UTC {
				t.Fatalf("Mutes(%v) = %v, want %v", at, got, want)
			}
		}
	}
	check(now, nil)
	desk := model.Mute{Channel: "desk", Topic: "north-korea", Until: now.Add(time.Hour)}
	ops := model.Mute{Channel: "ops", Topic: "북한 🔇", Until: now.Add(2 * time.Hour)}
	over := model.Mute{Channel: "desk", Topic: "missiles", Until: now.Add(-time.Minute)}
	ends := model.Mute{Channel: "desk", Topic: "drills", Until: now} // ends as now begins
	for _, m := range []model.Mute{ops, desk, over, ends} {
		if err := s.SetMute(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	check(now, []model.Mute{desk, ops})
	check(now.Add(90*time.Minute), []model.Mute{ops})
	desk.Until = now.Add(3 * time.Hour) // a second /mute replaces the first
	if err := s.SetMute(ctx, desk); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMute(ctx, model.Mute{Channel: ops.Channel, Topic: ops.Topic}); err != nil { // /unmute
		t.Fatal(err)
	}
	if err := s.SetMute(ctx, model.Mute{Channel: "nowhere", Topic: "x"}); err != nil {
		t.Fatalf("ending a mute that is not there: %v", err)
	}
	check(now, []model.Mute{desk})
	check(now.Add(4*time.Hour), nil)
}

func testChannelStates(t *testing.T, s storage.Store) {
	ctx := context.Background()
	since := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	check := func(want ...model.ChannelState) {
		t.Helper()
		got, err := s.ChannelStates(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("ChannelStates = %+v, want %+v", got, want)
		}
		for i := range want {
			if got[i].Channel != want[i].Channel || !got[i].Broken || !got[i].Since.Equal(want[i].Since) ||
				got[i].Status != want[i].Status || got[i].Code != want[i].Code || got[i].Reason != want[i].Reason {
				t.Fatalf("ChannelStates = %+v, want %+v", got, want)
			}
		}
	}
	check()
	alerts := model.ChannelState{Channel: "alerts", Broken: true, Since: since, Status: 403, Code: 50013, Reason: "Missing Permissions"}
	gone := model.ChannelState{Channel: "북한 %_:x", Broken: true, Since: since.Add(time.Minute), Status: 404, Code: 10003, Reason: "Unknown Channel"}
	for _, st := range []model.ChannelState{gone, alerts} {
		if err := s.SaveChannelState(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetMeta(ctx, "channel-stat", "not a channel state"); err != nil {
		t.Fatal(err)
	}
	check(alerts, gone)
	if err := s.SaveChannelState(ctx, model.ChannelState{Channel: "alerts"}); err != nil { // works again
		t.Fatal(err)
	}
	if err := s.SaveChannelState(ctx, model.ChannelState{Channel: "never-broken"}); err != nil {
		t.Fatalf("clearing a channel never recorded: %v", err)
	}
	check(gone)
}

func testNotFound(t *testing.T, s storage.Store) {
	ctx := context.Background()
	lookups := map[string]func() error{
		"ItemByLink":   func() error { _, err := s.ItemByLink(ctx, "https://missing.example/"); return err },
		"Story":        func() error { _, err := s.Story(ctx, "missing"); return err },
		"Post":         func() error { _, err := s.Post(ctx, "missing"); return err },
		"AlertPostFor": func() error { _, err := s.AlertPostFor(ctx, "s", "r", "c"); return err },
		"FeedState":    func() error { _, err := s.FeedState(ctx, "missing"); return err },
		"Meta":         func() error { _, err := s.Meta(ctx, "missing"); return err },
	}
	for name, lookup := range lookups {
		err := lookup()
		if !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("%s = %v, want ErrNotFound", name, err)
			continue
		}
		if err == storage.ErrNotFound || !strings.Contains(err.Error(), "missing") && name != "AlertPostFor" {
			t.Errorf("%s error %q does not say what was missing", name, err)
		}
	}
}

func testLargeUnicode(t *testing.T, s storage.Store) {
	ctx := context.Background()
	var b strings.Builder
	for b.Len() < 100*1024 {
		b.WriteString("북한은 10일 오전 동해상으로 단거리 탄도미사일 2발을 발사했다. 🚀 Pyongyang — «KCNA» said 'no'; ")
	}
	it := newItem("unicode", "yonhap-ko", day(0), "north-korea", "미사일")
	it.Title = "北 \"탄도미사일\" 발사… 日·美 `긴급` 협의 <b>&amp;</b> 👀"
	it.Text = b.String()
	it.Author = "김정은 ≠ Kim Jong Un"
	it.Summary = []string{"북한은 10일 오전 동해상으로 단거리 탄도미사일 2발을 발사했다.", "Right-to-left: مرحبا", "Combining: e\u0301"}
	it.Categories = []string{"정치", "北韓"}
	it.Lang = "ko"
	st := newStory("이야기-1", it, day(0), "미사일")
	save(t, s, &it, &st)
	got, err := s.ItemByLink(ctx, it.Link)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, storedItem(it)) {
		t.Fatalf("unicode item did not round-trip (text %d bytes, got %d)", len(it.Text), len(got.Text))
	}
	if story, err := s.Story(ctx, "이야기-1"); err != nil || !reflect.DeepEqual(story, storedStory(st)) {
		t.Fatalf("unicode story = %#v, %v", story, err)
	}
	if items, err := s.Latest(ctx, storage.Query{Topic: "미사일"}); err != nil || len(items) != 1 {
		t.Fatalf("Latest(topic 미사일) = %v, %v", itemKeys(items), err)
	}
	if items, err := s.Search(ctx, "탄도미사일", storage.Query{Topic: "미사일"}); err != nil || len(items) != 1 {
		t.Fatalf("Search(탄도미사일) = %v, %v", itemKeys(items), err)
	}
}

// testEdits: the updates of one message come back oldest first, in the
// order written among equal times, whatever their state, and only its own.
func testEdits(t *testing.T, s storage.Store) {
	ctx := context.Background()
	fold := newPost("fold", "alerts", day(0))
	fold.Kind = model.PostFold
	fold.Content = model.Content{Fold: &model.Fold{Feed: "Yonhap", Rule: "missile-launch", Total: 1,
		Items: []model.FoldItem{{Title: "one", Link: "https://news.example/1"}}}}
	edit := func(id string, at time.Time, of string, n int) model.Post {
		p := newPost(id, "alerts", at)
		p.Kind, p.ReplaceOf, p.Priority = model.PostUpdate, of, model.PriorityLow
		p.Content = model.Content{Fold: &model.Fold{Feed: "Yonhap", Rule: "missile-launch", Total: n,
			Items: []model.FoldItem{{Title: id, Link: "https://news.example/" + id}}}}
		return p
	}
	// Written out of time order, and two at the same instant.
	posts := []model.Post{fold,
		edit("e3", day(0).Add(3*time.Second), "fold", 4),
		edit("e1", day(0).Add(time.Second), "fold", 2),
		edit("e2a", day(0).Add(2*time.Second), "fold", 3),
		edit("e2b", day(0).Add(2*time.Second), "fold", 3),
		edit("other", day(0).Add(time.Second), "alert", 1),
	}
	if err := s.AddPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSent(ctx, "e1", "m-1", day(1)); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkFailed(ctx, "e2a", "refused"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Edits(ctx, "fold")
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, p := range got {
		ids = append(ids, p.ID)
		if p.Content.Fold == nil || p.Content.Fold.Items[0].Title != p.ID {
			t.Errorf("edit %s came back with content %+v", p.ID, p.Content)
		}
	}
	if want := []string{"e1", "e2a", "e2b", "e3"}; !slices.Equal(ids, want) {
		t.Errorf("Edits(fold) = %v, want %v", ids, want)
	}
	if got, err := s.Edits(ctx, "e3"); err != nil || len(got) != 0 {
		t.Errorf("Edits of a post nobody edits = %d posts, %v; want none", len(got), err)
	}
}

// Backlog counts each channel's pending posts and finds its oldest; sent
// and failed posts leave it, and a channel with none is not listed.
func testBacklog(t *testing.T, s storage.Store) {
	ctx := context.Background()
	if got, err := s.Backlog(ctx); err != nil || len(got) != 0 {
		t.Fatalf("empty outbox: Backlog = %v, %v", got, err)
	}
	posts := []model.Post{
		newPost("a1", "alerts", day(0).Add(3*time.Second)),
		newPost("a2", "alerts", day(0).Add(time.Second)),
		newPost("a3", "alerts", day(0).Add(2*time.Second)),
		newPost("d1", "digest", day(1)),
		newPost("n1", "admin", day(2)),
	}
	if err := s.AddPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkSent(ctx, "a2", "m-a2", day(3)); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkFailed(ctx, "n1", "refused"); err != nil {
		t.Fatal(err)
	}
	got, err := s.Backlog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []storage.ChannelBacklog{
		{Channel: "alerts", Pending: 2, Oldest: day(0).Add(2 * time.Second)},
		{Channel: "digest", Pending: 1, Oldest: day(1)},
	}
	if len(got) != len(want) {
		t.Fatalf("Backlog = %+v, want %+v", got, want)
	}
	for i := range want {
		if got[i].Channel != want[i].Channel || got[i].Pending != want[i].Pending || !got[i].Oldest.Equal(want[i].Oldest) {
			t.Fatalf("Backlog[%d] = %+v, want %+v", i, got[i], want[i])
		}
	}
}

// Ping answers on an open store and says so when its deadline passed.
func testPing(t *testing.T, s storage.Store) {
	if err := s.Ping(context.Background()); err != nil {
		t.Fatalf("Ping: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Ping(ctx); err == nil {
		t.Fatal("Ping with a cancelled context answered nil")
	}
}
