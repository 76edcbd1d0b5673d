package lookup

import (
	"context"
	"errors"
	"fmt"

	"wirewatch/model"
	"wirewatch/storage"
)

// FoldStore is the part of storage a flood's fold is read from.
type FoldStore interface {
	Post(ctx context.Context, id string) (model.Post, error)
	Edits(ctx context.Context, id string) ([]model.Post, error)
}

// Fold returns every item of the fold whose first post is id, oldest
// first, with its feed, rule and severity: the items of its first post,
// then of each update of it in the order written. ok is false when id is
// no fold's first post (a forged or outdated button). It reads one post
// and its updates, so a fold of any size is two queries.
func Fold(ctx context.Context, store FoldStore, id string) (f model.Fold, ok bool, err error) {
	first, err := store.Post(ctx, id)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return model.Fold{}, false, nil
	case err != nil:
		return model.Fold{}, false, fmt.Errorf("fold %s: %w", id, err)
	case first.Kind != model.PostFold || first.Content.Fold == nil:
		return model.Fold{}, false, nil
	}
	edits, err := store.Edits(ctx, id)
	if err != nil {
		return model.Fold{}, false, fmt.Errorf("fold %s: %w", id, err)
	}
	f = *first.Content.Fold
	f.Page, f.Pages = 0, 0
	f.Items = append([]model.FoldItem(nil), f.Items...)
	for _, e := range edits {
		if e.Content.Fold != nil {
			f.Items = append(f.Items, e.Content.Fold.Items...)
		}
	}
	f.Total = len(f.Items)
	return f, true, nil
}
