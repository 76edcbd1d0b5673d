package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wirewatch/model"
	"wirewatch/storage/sqlite"
)

var update = flag.Bool("update", false, "rewrite the testdata/json/*.golden files from the commands' output")

// deskConfig is a desk in Seoul with a rule whose cooldown is not the
// default, a feed never polled, and a second feed.
const deskConfig = `
[bot]
timezone = "Asia/Seoul"
database = %q

[[feeds]]
name = "Harbor Wire"
url = "https://harbor.example/feed.xml"

[[feeds]]
name = "Quiet Gazette"
url = "https://quiet.example/rss"

[[topics]]
name = "north-korea"
title = "North Korea"
aliases = ["North Korea", "Pyongyang"]

[[channels]]
name = "desk"
id = "600000000000000001"

[[rules]]
name = "nk-launch"
query = 'topic:north-korea AND missile NEAR/6 (launch* OR fire*)'
channels = ["desk"]
severity = "urgent"
mentions = ["200000000000000001"]
cooldown = "90m"

[[rules]]
name = "sanctions"
query = 'sanctions'
channels = ["desk"]

[[digests]]
name = "morning"
schedule = "CRON_TZ=Asia/Seoul 0 8 * * *"
channels = ["desk"]
`

// goldenDesk writes the desk's config and a database with three items in
// two stories and three feed states, all at fixed times in late 2026, and
// returns the config's path.
func goldenDesk(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	path := filepath.Join(dir, "desk.toml")
	if err := os.WriteFile(path, []byte(fmt.Sprintf(deskConfig, filepath.Join(dir, "desk.db"))), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "desk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	launch := time.Date(2026, 11, 28, 22, 30, 0, 0, time.UTC) // 07:30 on the 29th in Seoul
	eventDay := time.Date(2026, 11, 29, 12, 0, 0, 0, time.UTC)
	items := []model.Item{
		{Key: "guid:Harbor Wire:1", Feed: "Harbor Wire", GUID: "1", Link: "https://harbor.example/2026/missile",
			Title: "North Korea fires ballistic missile into East Sea", Text: "North Korea fired a ballistic missile on Sunday.",
			Author: "Kim Min-ji", Categories: []string{"Defence"}, Lang: "en",
			Published: launch, FirstSeen: launch.Add(2 * time.Minute), Summary: []string{"North Korea fired a ballistic missile on Sunday."},
			Topics: []string{"north-korea"}, StoryID: "story-launch", EventDate: eventDay},
		{Key: "guid:Quiet Gazette:7", Feed: "Quiet Gazette", GUID: "7", Link: "https://quiet.example/7",
			Title: "Pyongyang launches missile, Seoul says", Text: "Pyongyang launched a missile, Seoul said.",
			Published: launch.Add(20 * time.Minute), FirstSeen: launch.Add(25 * time.Minute),
			Topics: []string{"north-korea"}, StoryID: "story-launch", EventDate: eventDay},
		{Key: "guid:Harbor Wire:2", Feed: "Harbor Wire", GUID: "2", Link: "https://harbor.example/2026/sanctions",
			Title: "EU widens sanctions on shipping", Text: "The EU widened sanctions on shipping firms.",
			Published: launch.Add(-48 * time.Hour), FirstSeen: launch.Add(-47 * time.Hour),
			Summary: []string{"The EU widened sanctions on shipping firms."}, StoryID: "story-sanctions"},
	}
	var launchStory model.Story
	for i := range items {
		it := &items[i]
		story := model.Story{ID: it.StoryID, Title: it.Title, Link: it.Link, FirstSeen: it.Published, Updated: it.Published,
			EventDate: it.EventDate, Topics: it.Topics, Sources: []model.Source{{Feed: it.Feed, Title: it.Title, Link: it.Link, Published: it.Published}}}
		if len(it.Summary) > 0 {
			story.Summary = it.Summary[0]
		}
		if it.StoryID == "story-launch" {
			if launchStory.ID == "" {
				launchStory = story
			} else {
				launchStory.Sources = append(launchStory.Sources, story.Sources...)
				launchStory.Updated = it.Published
			}
			story = launchStory
		}
		if ok, err := st.SaveItem(ctx, it, &story, nil); err != nil || !ok {
			t.Fatalf("save %s: %v %v", it.Key, ok, err)
		}
	}
	for _, s := range []model.FeedState{
		{Feed: "Harbor Wire", URL: "https://harbor.example/feed.xml", LastPoll: launch.Add(time.Hour), LastSuccess: launch.Add(time.Hour),
			NextPoll: launch.Add(90 * time.Minute), Interval: 30 * time.Minute, ItemsSeen: 2, Initialized: true},
		{Feed: "Gone Daily", URL: "https://gone.example/feed?token=s3cr3t-value-123456", LastPoll: launch.Add(-time.Hour),
			LastSuccess: launch.Add(-72 * time.Hour), LastError: "http status 410 Gone", Failures: 9, Broken: true, ItemsSeen: 40},
	} {
		if err := st.SaveFeedState(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	return path
}

// TestJSONGolden runs every command that prints --json on a desk with fixed
// content and compares the output with testdata/json/NAME.golden (go test
// -run TestJSONGolden -update rewrites them). Each output is also checked
// for the conventions: snake_case keys and no null lists.
func TestJSONGolden(t *testing.T) {
	cfg := goldenDesk(t)
	all := []string{"--config", cfg, "--days", "3660", "--json"}
	tests := []struct {
		name string
		args []string
	}{
		{"timeline", append([]string{"timeline", "north-korea"}, all...)},
		{"search", append([]string{"search", "missile"}, all...)},
		{"search-empty", append([]string{"search", "zeppelin"}, all...)},
		{"latest", []string{"latest", "--config", cfg, "--json"}},
		{"rules-list", []string{"rules", "list", "--config", cfg, "--json"}},
		{"rules-test", append([]string{"rules", "test", "nk-launch"}, all...)},
		// the items are weeks old, so today has none
		{"rules-test-empty", []string{"rules", "test", "nk-launch", "--config", cfg, "--days", "1", "--json"}},
		{"feeds", []string{"feeds", "list", "--config", cfg, "--json"}},
		// the morning brief of the launch's day: the day before at 08:00 to 08:00
		{"digest", []string{"digest", "morning", "--config", cfg, "--at", "2026-11-29 08:00", "--json"}},
		{"digest-empty", []string{"digest", "morning", "--config", cfg, "--at", "2026-11-20T08:00:00+09:00", "--json"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runSplit(t, tt.args...)
			if code != 0 || stderr != "" {
				t.Fatalf("wirewatch %s: exit %d, stderr:\n%s", strings.Join(tt.args, " "), code, stderr)
			}
			stdout = strings.ReplaceAll(stdout, filepath.Dir(cfg), "DIR")
			checkJSONConventions(t, stdout)
			golden := filepath.Join("testdata", "json", tt.name+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -run TestJSONGolden -update)", err)
			}
			if stdout != string(want) {
				t.Errorf("wirewatch %s differs from %s:\n%s", strings.Join(tt.args, " "), golden, stdout)
			}
		})
	}
}

// jsonTimeKeys are the keys whose values are instants.
var jsonTimeKeys = map[string]bool{"published": true, "first_seen": true, "last_poll": true, "last_success": true,
	"next_poll": true, "since": true, "until": true, "updated": true}

// checkJSONConventions fails on a key that is not snake_case, on a null
// anywhere but a time (lists are [] when empty), and on a time or day that
// is not RFC 3339 in the desk's zone.
func checkJSONConventions(t *testing.T, doc string) {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, doc)
	}
	if _, ok := v.([]any); !ok {
		t.Errorf("top level is %T, want a list", v)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case []any:
			for i, e := range v {
				walk(fmt.Sprintf("%s[%d]", path, i), e)
			}
		case map[string]any:
			for k, e := range v {
				if k != strings.ToLower(k) || strings.ContainsAny(k, "- ") {
					t.Errorf("%s: key %q is not snake_case", path, k)
				}
				p := path + "." + k
				isTime := jsonTimeKeys[k] ||
					k == "since" || k == "until" || k == "updated"
				isDay := k == "date" || k == "event_date"
				switch s := e.(type) {
				case nil:
					if !isTime && !isDay {
						t.Errorf("%s is null", p)
					}
				case string:
					if isTime {
						if tm, err := time.Parse(time.RFC3339, s); err != nil || !strings.HasSuffix(s, "+09:00") {
							t.Errorf("%s = %q, want RFC 3339 in Asia/Seoul (%v)", p, s, err)
						} else if tm.Nanosecond() != 0 {
							t.Errorf("%s = %q has fractions of a second", p, s)
						}
					}
					if _, err := time.Parse(time.DateOnly, s); isDay && err != nil {
						t.Errorf("%s = %q, want YYYY-MM-DD", p, s)
					}
				}
				walk(p, e)
			}
		}
	}
	walk("", v)
}
