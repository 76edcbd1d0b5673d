package backend

import (
	"errors"
	"fmt"
	"time"

	"wirewatch/storage"
)

// CheckBatch refuses a batch of item writes a backend must not store (an
// item without a key, text CheckItem refuses, a post without a channel) and
// fills its posts' defaults (PreparePosts). Stories are checked by
// LastStoryWrites, once each, instead of once per item that joined them.
func CheckBatch(batch []storage.ItemWrite, now time.Time) error {
	for _, w := range batch {
		if w.Item == nil || w.Item.Key == "" {
			return errors.New("save item: empty key")
		}
		if err := CheckItem(w.Item, nil); err != nil {
			return fmt.Errorf("save item: %w", err)
		}
		if err := PreparePosts(w.Posts, now); err != nil {
			return fmt.Errorf("save item %s: %w", w.Item.Key, err)
		}
	}
	return nil
}

// LastStoryWrites returns, in batch order, the index of the last saved write
// of each story: each write carries its story whole as it then was, so
// writing the last state of each is writing them all in turn. It refuses a
// story CheckItem would.
func LastStoryWrites(batch []storage.ItemWrite, saved []bool) ([]int, error) {
	last := map[string]int{}
	for i, w := range batch {
		if saved[i] && w.Story != nil {
			last[w.Story.ID] = i
		}
	}
	var out []int
	for i, w := range batch {
		if saved[i] && w.Story != nil && last[w.Story.ID] == i {
			if err := CheckItem(w.Item, w.Story); err != nil {
				return nil, fmt.Errorf("save item: %w", err)
			}
			out = append(out, i)
		}
	}
	return out, nil
}
