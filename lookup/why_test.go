package lookup_test

import (
	"context"
	"strings"
	"testing"

	"wirewatch/lookup"
	"wirewatch/model"
	"wirewatch/storage"
)

// An alert planned when an item's article page arrived, after the item and
// its decision record were stored, is shown with the recorded ones.
func TestWhyShowsAlertFromArticlePage(t *testing.T) {
	cfg, st := setup(t)
	ctx := context.Background()
	it := model.Item{Key: "guid:Yonhap:teaser", Feed: "Yonhap", GUID: "teaser", Link: "https://en.yna.example/teaser",
		Title: "Read more: a statement", Text: "A statement was issued.", Published: now, FirstSeen: now, StoryID: "s-teaser"}
	story := model.Story{ID: "s-teaser", Title: it.Title, Link: it.Link, FirstSeen: now, Updated: now}
	posted := model.Post{ID: "p-desk", Kind: model.PostAlert, Channel: "desk", ChannelID: "1", StoryID: story.ID, Rule: "early",
		Nonce: "n1", Content: model.Content{Headline: it.Title, Items: []string{it.Key}}, State: model.PostPending, CreatedAt: now}
	dec := &model.Decision{Story: model.StoryNew, StoryID: story.ID,
		Routes: []model.RouteDecision{{Channel: "desk", Rule: "early", Outcome: model.RoutePosted, Post: posted.ID}}}
	if _, err := st.SaveItems(ctx, []storage.ItemWrite{{Item: &it, Story: &story, Posts: []model.Post{posted}, Decision: dec}}); err != nil {
		t.Fatal(err)
	}
	fromPage := posted
	fromPage.ID, fromPage.Channel, fromPage.Rule, fromPage.Nonce = "p-page", "ops", "statements", "n2"
	if err := st.AddPosts(ctx, []model.Post{fromPage}); err != nil {
		t.Fatal(err)
	}
	w, err := lookup.WhyItem(ctx, st, cfg, nil, it.Link, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Posts) != 2 || w.Posts[0].Post.ID != "p-desk" || w.Posts[1].Post.ID != "p-page" || w.Posts[1].Route.Outcome != model.RoutePage {
		t.Fatalf("posts = %+v, want the recorded alert, then the page's", w.Posts)
	}
	text := strings.Join(lookup.WhyLines(w, cfg.Location()), "\n")
	if !strings.Contains(text, "#ops (statements): alert posted when its article page arrived") {
		t.Errorf("why says:\n%s", text)
	}
}
