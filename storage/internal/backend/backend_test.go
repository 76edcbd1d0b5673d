package backend

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

func TestLimit(t *testing.T) {
	for _, tt := range []struct{ in, want int }{{0, DefaultLimit}, {5, 5}, {-1, -1}, {-9, -1}} {
		if got := Limit(storage.Query{Limit: tt.in}); got != tt.want {
			t.Errorf("Limit(%d) = %d, want %d", tt.in, got, tt.want)
		}
	}
	if got := Offset(storage.Query{Offset: -3}); got != 0 {
		t.Errorf("Offset(-3) = %d", got)
	}
}

func TestReadMigrations(t *testing.T) {
	fsys := fstest.MapFS{
		"m/0010_later.sql": {Data: []byte("B")},
		"m/0002_first.sql": {Data: []byte("A")},
	}
	ms, err := ReadMigrations(fsys, "m")
	if err != nil || len(ms) != 2 || ms[0].Version != 2 || ms[1].SQL != "B" {
		t.Fatalf("ReadMigrations = %#v, %v", ms, err)
	}
	for name, bad := range map[string]fstest.MapFS{
		"duplicate": {"m/0001_a.sql": {}, "m/01_b.sql": {}},
		"no number": {"m/init.sql": {}},
		"not sql":   {"m/0001_a.txt": {}},
		"zero":      {"m/0000_a.sql": {}},
	} {
		if _, err := ReadMigrations(bad, "m"); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestPreparePosts(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	posts := []model.Post{{Channel: "a"}, {ID: "x", Channel: "b", State: model.PostSent, CreatedAt: now.Add(-time.Hour)}}
	if err := PreparePosts(posts, now); err != nil {
		t.Fatal(err)
	}
	if posts[0].ID == "" || posts[0].State != model.PostPending || !posts[0].CreatedAt.Equal(now) {
		t.Errorf("defaults not filled: %#v", posts[0])
	}
	if posts[1].ID != "x" || posts[1].State != model.PostSent || !posts[1].CreatedAt.Equal(now.Add(-time.Hour)) {
		t.Errorf("given values changed: %#v", posts[1])
	}
	if err := PreparePosts([]model.Post{{ID: "y"}}, now); err == nil {
		t.Error("a post without a channel was accepted")
	}
}

func TestContentEncoding(t *testing.T) {
	pub := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	c := model.Content{Headline: "North Korea fires missile", Link: "https://a.example/1", Feed: "Yonhap", Published: pub,
		Summary: []string{"One.", "Two."}, Items: []string{"link:https://a.example/1"}, Severity: model.SeverityUrgent,
		Rule: "nk-launch", Terms: []string{"missile"}, Mentions: []string{"777"}, StoryTitle: "Missile launch",
		Sources:  []model.Source{{Feed: "Yonhap", Title: "t", Link: "https://a.example/1", Published: pub}},
		TimeZone: "Asia/Seoul",
		Digest: &model.DigestContent{Name: "morning", Since: pub, Until: pub.Add(time.Hour), NotShown: 2,
			Sections: []model.DigestSection{{Topic: "north-korea", Title: "North Korea", Stories: 1,
				Entries: []model.DigestEntry{{StoryID: "s1", Headline: "h", Sources: 3, Updated: pub}}}}}}
	enc, err := EncodeContent(c)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(enc, `{"v":2,"headline":`) || !strings.Contains(enc, `"story_title":`) || !strings.Contains(enc, `"not_shown":2`) {
		t.Errorf("encoded %s: want the version first and snake_case keys", enc)
	}
	got, err := DecodeContent(enc)
	if err != nil || !reflect.DeepEqual(got, c) {
		t.Fatalf("round trip:\n got %#v, %v\nwant %#v", got, err, c)
	}

	// A message written before posts were platform-neutral comes back verbatim.
	old := `{"content":"\u003c@\u0026777\u003e **Urgent:** launch","embeds":[{"title":"t","footer":"Yonhap"}],"roles":["777"]}`
	got, err = DecodeContent(old)
	if err != nil || string(got.Legacy) != old || got.Headline != "" {
		t.Fatalf("legacy row decoded to %#v, %v", got, err)
	}
	// and survives being written again.
	if enc, err = EncodeContent(got); err != nil {
		t.Fatal(err)
	}
	if again, err := DecodeContent(enc); err != nil || string(again.Legacy) != old {
		t.Fatalf("legacy content re-encoded as %s decodes to %#v, %v", enc, again, err)
	}

	for _, bad := range []string{``, `not json`, `{"v":3,"headline":"from a newer wirewatch"}`} {
		if got, err := DecodeContent(bad); err == nil {
			t.Errorf("DecodeContent(%q) = %#v, want an error", bad, got)
		}
	}
}
