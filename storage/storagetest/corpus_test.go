package storagetest

import (
	"reflect"
	"testing"

	"wirewatch/model"
	"wirewatch/storage/internal/backend"
)

func TestCorpus(t *testing.T) {
	var first []model.Item
	stories := map[string]bool{}
	for it, st := range Corpus(300, 7) {
		if err := backend.CheckItem(&it, &st); err != nil {
			t.Fatal(err)
		}
		if it.StoryID != st.ID || len(it.Topics) == 0 || it.Published.After(BenchNow) {
			t.Fatalf("bad item %#v", it)
		}
		stories[st.ID] = true
		first = append(first, it)
	}
	if len(first) != 300 || len(stories) != 100 {
		t.Fatalf("%d items in %d stories, want 300 in 100", len(first), len(stories))
	}
	i := 0
	for it := range Corpus(300, 7) {
		if !reflect.DeepEqual(it, first[i]) {
			t.Fatalf("item %d differs between runs with one seed", i)
		}
		i++
	}
}
