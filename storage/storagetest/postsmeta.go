package storagetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"wirewatch/model"
	"wirewatch/storage"
)

// testAddPostsMovingMeta: a digest's posts and its last run are one write.
// A failed post leaves the run unmoved, a run that no longer holds the old
// value stores no post, and of several writers of the same move exactly
// one stores its posts.
func testAddPostsMovingMeta(t *testing.T, s storage.Store) {
	ctx := context.Background()
	const key = "digest:morning:last"
	move := storage.MetaMove{Key: key, Old: "2026-03-09T08:00:00Z", New: "2026-03-10T08:00:00Z"}
	wantMeta := func(want string) {
		t.Helper()
		if got, err := s.Meta(ctx, key); err != nil || got != want {
			t.Fatalf("Meta = %q, %v; want %q", got, err, want)
		}
	}
	wantPosts := func(stored bool, ids ...string) {
		t.Helper()
		for _, id := range ids {
			_, err := s.Post(ctx, id)
			if stored && err != nil || !stored && !errors.Is(err, storage.ErrNotFound) {
				t.Fatalf("post %s: %v; want stored %v", id, err, stored)
			}
		}
	}

	// A key never set holds no old value: nothing is written.
	if moved, err := s.AddPostsMovingMeta(ctx, []model.Post{newPost("d1", "brief", day(0))}, move); err != nil || moved {
		t.Fatalf("move of an unset key = %v, %v; want false, nil", moved, err)
	}
	wantPosts(false, "d1")
	if _, err := s.Meta(ctx, key); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("Meta after a refused move of an unset key: %v, want ErrNotFound", err)
	}

	if err := s.SetMeta(ctx, key, move.Old); err != nil {
		t.Fatal(err)
	}
	if err := s.AddPosts(ctx, []model.Post{newPost("p0", "alerts", day(0))}); err != nil {
		t.Fatal(err)
	}
	// The second post reuses a stored id: its write fails, and so does the move.
	if moved, err := s.AddPostsMovingMeta(ctx, []model.Post{newPost("d1", "brief", day(0)), newPost("p0", "brief", day(0))}, move); err == nil || moved {
		t.Fatalf("move with a clashing post = %v, %v; want an error", moved, err)
	}
	wantMeta(move.Old)
	wantPosts(false, "d1")

	if moved, err := s.AddPostsMovingMeta(ctx, []model.Post{newPost("d1", "brief", day(0)), newPost("d2", "brief", day(0))}, move); err != nil || !moved {
		t.Fatalf("move = %v, %v; want true, nil", moved, err)
	}
	wantMeta(move.New)
	wantPosts(true, "d1", "d2")

	// The same move again, as a second run of the same slot: the key no
	// longer holds the old value, so its posts are not stored.
	if moved, err := s.AddPostsMovingMeta(ctx, []model.Post{newPost("d3", "brief", day(0))}, move); err != nil || moved {
		t.Fatalf("repeated move = %v, %v; want false, nil", moved, err)
	}
	wantMeta(move.New)
	wantPosts(false, "d3")

	// No posts: the value moves alone.
	if moved, err := s.AddPostsMovingMeta(ctx, nil, storage.MetaMove{Key: key, Old: move.New, New: "later"}); err != nil || !moved {
		t.Fatalf("move without posts = %v, %v; want true, nil", moved, err)
	}
	wantMeta("later")

	// Writers racing over the same move: one moves it and stores its post.
	race := storage.MetaMove{Key: key, Old: "later", New: "latest"}
	const writers = 8
	var wg sync.WaitGroup
	results := make([]bool, writers)
	errs := make([]error, writers)
	for i := range writers {
		wg.Go(func() {
			results[i], errs[i] = s.AddPostsMovingMeta(ctx, []model.Post{newPost(fmt.Sprintf("r%d", i), "brief", day(1))}, race)
		})
	}
	wg.Wait()
	movedBy := 0
	for i := range writers {
		if errs[i] != nil {
			t.Fatalf("writer %d: %v", i, errs[i])
		}
		if results[i] {
			movedBy++
			wantPosts(true, fmt.Sprintf("r%d", i))
		} else {
			wantPosts(false, fmt.Sprintf("r%d", i))
		}
	}
	if movedBy != 1 {
		t.Fatalf("%d of %d racing writers moved the value, want 1", movedBy, writers)
	}
	wantMeta("latest")
}
