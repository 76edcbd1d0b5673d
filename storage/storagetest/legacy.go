package storagetest

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage"
)

// legacyRows are message columns as wirewatch wrote them before posts were
// platform-neutral (a Discord message: content, embeds, roles), recorded
// from that code (commit aa749d0). bot/testdata/legacy.json holds the same
// rows with what Discord showed for them.
var legacyRows = map[string]string{
	"legacy-alert":  `{"content":"\u003c@\u0026777\u003e **Urgent:** N. Korea fires ballistic missile @​everyone","embeds":[{"title":"N. Korea fires ballistic missile @​everyone","url":"https://en.yna.co.kr/view/1","description":"The JCS said the missile flew 350 km. Japan protested.","color":15158332,"author":"Yonhap","footer":"Yonhap · 2025-01-06 12:00 KST","timestamp":"2025-01-06T03:00:00Z","fields":[{"name":"Rule","value":"nk-launch","inline":true},{"name":"Severity","value":"urgent","inline":true},{"name":"Matched","value":"missile, fires"}]}],"roles":["777"]}`,
	"legacy-update": `{"content":"\u003c@\u0026777\u003e **Urgent:** N. Korea fires ballistic missile @​everyone","embeds":[{"title":"N. Korea fires ballistic missile @​everyone","url":"https://en.yna.co.kr/view/1","description":"The JCS said the missile flew 350 km. Japan protested.","color":15158332,"author":"Yonhap","footer":"Yonhap · 2025-01-06 12:00 KST","timestamp":"2025-01-06T03:00:00Z","fields":[{"name":"Rule","value":"nk-launch","inline":true},{"name":"Severity","value":"urgent","inline":true},{"name":"Matched","value":"missile, fires"}]},{"title":"Also reported by Kyodo (2 sources)","description":"**North Korea fires ballistic missile**\n• Yonhap: [N. Korea fires ballistic missile](https://en.yna.co.kr/view/1) · 2025-01-06 12:00 KST\n• Kyodo: [Missile lands outside EEZ](https://kyodo.example/2) · 2025-01-06 13:00 KST","color":15158332,"footer":"rule nk-launch","timestamp":"2025-01-06T04:00:00Z"}],"roles":["777"]}`,
	"legacy-notice": `{"content":"Feed Yonhap is broken: 404"}`,
}

// RunLegacy checks that posts left pending by an older wirewatch survive:
// each backend reads an old message column back as Content.Legacy, the same
// JSON (PostgreSQL keeps it as jsonb, which reorders keys and spaces, as it
// always did), through every way the outbox and the pipeline read posts.
// setMessage overwrites the message column of a stored post with raw text,
// as the old code wrote it.
func RunLegacy(t *testing.T, open func(t *testing.T) storage.Store, setMessage func(ctx context.Context, s storage.Store, postID, raw string) error) {
	ctx := context.Background()
	s := open(t)
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
	})
	posts := []model.Post{
		{ID: "legacy-alert", Kind: model.PostAlert, Channel: "alerts", ChannelID: "501", StoryID: "story-1", Rule: "nk-launch", Nonce: "wlegacyalert0001", CreatedAt: day(0)},
		{ID: "legacy-update", Kind: model.PostUpdate, Channel: "alerts", ChannelID: "501", StoryID: "story-1", Rule: "nk-launch", Nonce: "wlegacyupdate001", ReplaceOf: "legacy-alert", CreatedAt: day(0).Add(time.Millisecond)},
		{ID: "legacy-notice", Kind: model.PostNotice, Channel: "alerts", ChannelID: "501", Nonce: "wlegacynotice001", CreatedAt: day(0).Add(2 * time.Millisecond)},
	}
	if err := s.AddPosts(ctx, posts); err != nil {
		t.Fatal(err)
	}
	for _, p := range posts {
		if err := setMessage(ctx, s, p.ID, legacyRows[p.ID]); err != nil {
			t.Fatalf("write the old message of %s: %v", p.ID, err)
		}
	}
	check := func(how string, p model.Post) {
		t.Helper()
		want, ok := legacyRows[p.ID]
		if !ok {
			t.Fatalf("%s: unexpected post %s", how, p.ID)
		}
		if !sameJSON(p.Content.Legacy, want) {
			t.Errorf("%s: post %s has Legacy %s, want the old message:\n%s", how, p.ID, p.Content.Legacy, want)
		}
		if p.Content.Headline != "" || p.Content.Notice != "" || p.Content.Digest != nil {
			t.Errorf("%s: post %s: an old message filled new fields: %#v", how, p.ID, p.Content)
		}
	}
	pending, err := s.PendingPosts(ctx, "alerts", 10)
	if err != nil || len(pending) != len(posts) {
		t.Fatalf("PendingPosts = %v, %v; want the %d old posts", postIDs(pending), err, len(posts))
	}
	for _, p := range pending {
		check("PendingPosts", p)
	}
	for _, p := range posts {
		got, err := s.Post(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		check("Post", got)
	}
	alert, err := s.AlertPostFor(ctx, "story-1", "nk-launch", "alerts")
	if err != nil || alert.ID != "legacy-alert" {
		t.Fatalf("AlertPostFor = %s, %v", alert.ID, err)
	}
	check("AlertPostFor", alert)
	if err := s.MarkSent(ctx, alert.ID, "9001", day(1)); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Post(ctx, alert.ID); err != nil || got.State != model.PostSent {
		t.Fatalf("after MarkSent: %#v, %v", got, err)
	} else {
		check("Post after MarkSent", got)
	}
}

// sameJSON reports whether got and want are the same JSON value.
func sameJSON(got []byte, want string) bool {
	var a, b any
	return json.Unmarshal(got, &a) == nil && json.Unmarshal([]byte(want), &b) == nil && reflect.DeepEqual(a, b)
}
