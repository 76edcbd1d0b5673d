package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/storage/sqlite"
)

// An alert says what happened in no platform's terms; an update carries the
// first report as the alert said it plus every source so far, so a sink can
// render the whole edited message from it.
func TestAlertAndUpdateContent(t *testing.T) {
	seoul, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{Bot: config.Bot{Location: seoul}}
	pub := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	first := model.Item{Key: "guid:yonhap:1", Feed: "Yonhap", Title: "N. Korea fires missile", Link: "https://a.example/1",
		Published: pub, Summary: []string{"One.", "Two."}}
	story := model.Story{ID: "s1", Title: "N. Korea fires missile", Updated: pub,
		Sources: []model.Source{{Feed: "Yonhap", Title: first.Title, Link: first.Link, Published: pub}}}
	m := model.Match{Rule: "nk-launch", Severity: model.SeverityUrgent, Mentions: []string{"777"}, Terms: []string{"missile"}}

	alert := alertContent(cfg, first, story, m)
	want := model.Content{Headline: first.Title, Link: first.Link, Feed: "Yonhap", Published: pub, Summary: first.Summary,
		Items: []string{first.Key}, Severity: model.SeverityUrgent, Rule: "nk-launch", Terms: []string{"missile"},
		Mentions: []string{"777"}, StoryTitle: story.Title, Updated: pub, Sources: story.Sources, TimeZone: "Asia/Seoul"}
	if got, _ := json.Marshal(alert); string(got) != string(must(json.Marshal(want))) {
		t.Errorf("alert content\n got %s\nwant %s", got, must(json.Marshal(want)))
	}

	second := model.Item{Key: "guid:kyodo:2", Feed: "Kyodo", Title: "Missile lands outside EEZ", Link: "https://b.example/2",
		Published: pub.Add(time.Hour), Summary: []string{"Kyodo's lead."}}
	story.Sources = append(story.Sources, model.Source{Feed: "Kyodo", Title: second.Title, Link: second.Link, Published: second.Published})
	story.Updated = second.Published
	upd := updateContent(cfg, alert, second, story, m)
	if upd.Headline != first.Title || upd.Feed != "Yonhap" || !slices.Equal(upd.Summary, first.Summary) {
		t.Errorf("update lost the first report: %+v", upd)
	}
	if len(upd.Sources) != 2 || !upd.Updated.Equal(second.Published) || !slices.Equal(upd.Items, []string{first.Key, second.Key}) {
		t.Errorf("update: sources %d, updated %v, items %v; want both reports", len(upd.Sources), upd.Updated, upd.Items)
	}
	if len(alert.Items) != 1 {
		t.Errorf("the update changed the alert's items: %v", alert.Items)
	}

	// The earlier post was a reply (stories.updates was "reply"): an edit
	// of it still shows the whole alert.
	reply := upd
	reply.Reply = true
	if updateContent(cfg, reply, second, story, m).Reply {
		t.Error("an update of a reply is planned as a reply")
	}

	// The earlier alert was written by the old code: the item at hand
	// stands in for the first report.
	legacy := model.Content{Legacy: json.RawMessage(`{"content":"old"}`)}
	upd = updateContent(cfg, legacy, second, story, m)
	if len(upd.Legacy) != 0 || upd.Headline != second.Title || len(upd.Sources) != 2 {
		t.Errorf("update of a legacy alert: %+v", upd)
	}

	// No summary: the text's lead, whole words, bounded.
	bare := first
	bare.Summary, bare.Text = nil, strings.Repeat("Pyongyang said the launch was a routine test. ", 60)
	lead := alertContent(cfg, bare, story, m).Summary
	if len(lead) != 1 || utf8.RuneCountInString(lead[0]) > maxLeadRunes+2 || !strings.HasPrefix(lead[0], "Pyongyang said the launch") || !strings.HasSuffix(lead[0], " …") {
		t.Errorf("lead of a text without summary: %q", lead)
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}

// A digest lists each topic's stories, at most max_stories, counts the
// rest, skips topics without stories, and puts the section with the most
// important entry first (here, with one outlet each and no rule, the
// newest).
func TestDigestContent(t *testing.T) {
	ctx := context.Background()
	cfg, err := config.Parse("digest.toml", []byte(`
[[topics]]
name = "north-korea"
title = "North Korea"
aliases = ["North Korea"]

[[topics]]
name = "japan"
title = "Japan"
aliases = ["Japan"]

[[topics]]
name = "china"
aliases = ["China"]

[[channels]]
name = "brief"
id = "100000000000000001"

[[digests]]
name = "morning"
schedule = "CRON_TZ=UTC 0 8 * * *"
channels = ["brief"]
max_stories = 2
`))
	if err != nil {
		t.Fatal(err)
	}
	rt, err := NewRuntime(cfg)
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	since := time.Date(2026, 11, 16, 8, 0, 0, 0, time.UTC)
	for i, s := range []struct {
		topic, title string
		hour         int
	}{
		{"north-korea", "Pyongyang opens new hospital in Sinuiju", 1},
		{"north-korea", "North Korean hackers stole crypto worth $300 million", 5},
		{"north-korea", "Kim Jong Un visits tractor factory", 3},
		{"japan", "Tokyo stocks close higher on chip rally", 2},
	} {
		at := since.Add(time.Duration(s.hour) * time.Hour)
		it := model.Item{Key: fmt.Sprintf("guid:w:%d", i), Feed: "Wire", Title: s.title, Link: fmt.Sprintf("http://n.example/%d", i),
			Published: at, FirstSeen: at, Topics: []string{s.topic}, StoryID: fmt.Sprintf("s%d", i)}
		st := model.Story{ID: it.StoryID, Title: it.Title, Link: it.Link, FirstSeen: at, Updated: at, EventDate: at, Topics: it.Topics,
			Sources: []model.Source{{Feed: it.Feed, Title: it.Title, Link: it.Link, Published: at}}}
		if ok, err := store.SaveItem(ctx, &it, &st, nil); err != nil || !ok {
			t.Fatal(ok, err)
		}
	}
	posts, err := PlanDigest(ctx, store, rt, cfg.Digests[0], since, since.Add(24*time.Hour), nil)
	if err != nil || len(posts) != 1 {
		t.Fatal(len(posts), err)
	}
	d := posts[0].Content.Digest
	var got []string
	for _, sec := range d.Sections {
		line := fmt.Sprintf("%s (%s, %d):", sec.Topic, sec.Title, sec.Stories)
		for _, e := range sec.Entries {
			line += " " + e.Headline
		}
		got = append(got, line)
	}
	// No digest topics: every topic.
	want := []string{
		"north-korea (North Korea, 3): North Korean hackers stole crypto worth $300 million Kim Jong Un visits tractor factory",
		"japan (Japan, 1): Tokyo stocks close higher on chip rally",
	}
	if !slices.Equal(got, want) {
		t.Errorf("sections\n got %q\nwant %q", got, want)
	}
	if d.Total != 4 || d.NotShown != 1 {
		t.Errorf("total %d, not shown %d; want 4 and 1", d.Total, d.NotShown)
	}
	if e := d.Sections[1].Entries[0]; e.Sources != 1 || e.Feed != "Wire" || e.StoryID != "s3" || e.Link != "http://n.example/3" ||
		!e.EventDate.Equal(time.Date(2026, 11, 16, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("entry %+v", e)
	}

	if posts, err := PlanDigest(ctx, store, rt, cfg.Digests[0], since.Add(48*time.Hour), since.Add(72*time.Hour), nil); err != nil || len(posts) != 0 {
		t.Errorf("a digest of a quiet day: %d posts, %v; want nothing to post", len(posts), err)
	}
}
