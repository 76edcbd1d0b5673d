package lookup_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/lookup"
	"wirewatch/model"
	"wirewatch/rules"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

const testConfig = `
[bot]
timezone = "Asia/Seoul"

[[feeds]]
name = "Yonhap"
url = "https://en.yna.example/RSS/nk.xml"

[[feeds]]
name = "KCNA Watch"
url = "https://kcnawatch.example/feed/"

[[topics]]
name = "north-korea"
title = "North Korea"
aliases = ["North Korea", "Pyongyang"]

[[topics]]
name = "japan"
aliases = ["Japan"]

[[channels]]
name = "desk"
id = "600000000000000001"

[[rules]]
name = "nk-launch"
query = 'topic:north-korea AND missile NEAR/6 (launch* OR fire*)'
channels = ["desk"]
`

var now = time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)

func setup(t *testing.T) (*config.Config, storage.Store) {
	t.Helper()
	cfg, err := config.Parse("wirewatch.toml", []byte(testConfig))
	if err != nil {
		t.Fatal(err)
	}
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return cfg, st
}

func save(t *testing.T, st storage.Store, k int, title string, published time.Time, topics ...string) {
	t.Helper()
	it := model.Item{
		Key: fmt.Sprintf("guid:Yonhap:%d", k), Feed: "Yonhap", GUID: fmt.Sprint(k), Link: fmt.Sprintf("https://en.yna.example/%d", k),
		Title: title, Text: "Officials said the situation was being watched.", Published: published, FirstSeen: published,
		Summary: []string{"Summary of " + title + "."}, Topics: topics, StoryID: fmt.Sprintf("s-%d", k),
		EventDate: published.Truncate(24 * time.Hour),
	}
	story := model.Story{ID: it.StoryID, Title: title, Link: it.Link, FirstSeen: published, Updated: published,
		EventDate: it.EventDate, Topics: topics, Sources: []model.Source{{Feed: it.Feed, Title: title, Link: it.Link, Published: published}}}
	if ok, err := st.SaveItem(context.Background(), &it, &story, nil); err != nil || !ok {
		t.Fatalf("save %d: %v %v", k, ok, err)
	}
}

func TestParseRange(t *testing.T) {
	seoul, _ := time.LoadLocation("Asia/Seoul")
	day := func(s string) time.Time { d, _ := time.ParseInLocation(time.DateOnly, s, seoul); return d }
	y, m, d := now.In(seoul).Date()
	tomorrow := time.Date(y, m, d+1, 0, 0, 0, 0, seoul)
	cases := []struct {
		name     string
		days     int
		from, to string
		want     lookup.Range
		err      string
	}{
		{name: "default: 30 whole days ending today", want: lookup.Range{From: tomorrow.AddDate(0, 0, -30), To: tomorrow}},
		{name: "days", days: 7, want: lookup.Range{From: tomorrow.AddDate(0, 0, -7), To: tomorrow}},
		{name: "both dates", from: "2026-01-01", to: "2026-01-31", want: lookup.Range{From: day("2026-01-01"), To: day("2026-02-01")}},
		{name: "from and days", days: 10, from: "2026-01-01", want: lookup.Range{From: day("2026-01-01"), To: day("2026-01-11")}},
		{name: "from only ends today", from: "2026-03-01", want: lookup.Range{From: day("2026-03-01"), To: tomorrow}},
		{name: "to and days", days: 3, to: "2026-01-31", want: lookup.Range{From: day("2026-01-29"), To: day("2026-02-01")}},
		{name: "negative days", days: -5, err: "days must be between 1 and 3660, not -5"},
		{name: "huge days", days: 100000, err: "days must be between"},
		{name: "year one", from: "0001-01-01", err: "out of range"},
		{name: "far future", to: "9999-12-31", err: "out of range"},
		{name: "bad month", from: "2025-13-45", err: `not "2025-13-45"`},
		{name: "long junk", from: strings.Repeat("9", 500), err: "must be a date"},
		{name: "reversed", from: "2026-02-01", to: "2026-01-01", err: "must be before"},
		{name: "too long", from: "1990-01-01", to: "2026-01-01", err: "at most 3660 days"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := lookup.ParseRange(tc.days, tc.from, tc.to, 30, now, seoul)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) || !lookup.IsInput(err) {
					t.Fatalf("err %v, want an input error with %q", err, tc.err)
				}
				return
			}
			if err != nil || !got.From.Equal(tc.want.From) || !got.To.Equal(tc.want.To) {
				t.Fatalf("got %v–%v, %v; want %v–%v", got.From, got.To, err, tc.want.From, tc.want.To)
			}
		})
	}
}

func TestCleanQuery(t *testing.T) {
	for _, tc := range []struct{ in, want, err string }{
		{in: "  missile\tlaunch \n", want: "missile launch"},
		{in: "a\x00b\x1bc", want: "a b c"},
		{in: "   ", err: "give words"},
		{in: strings.Repeat("x", 201), err: "limit is 200"},
		{in: strings.Repeat("한", 200), want: strings.Repeat("한", 200)},
	} {
		got, err := lookup.CleanQuery(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("CleanQuery(%.20q) = %q, %v; want error %q", tc.in, got, err, tc.err)
			}
			continue
		}
		if got != tc.want || err != nil {
			t.Errorf("CleanQuery(%.20q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestTimelinePagedWalksEveryStoryOnce(t *testing.T) {
	cfg, st := setup(t)
	ctx := context.Background()
	for k := range 23 {
		save(t, st, k, fmt.Sprintf("Pyongyang event number %d", k), now.AddDate(0, 0, -1-3*k), "north-korea")
	}
	save(t, st, 99, "Japan only", now.AddDate(0, 0, -2), "japan")
	r, _ := lookup.DaysRange(365, now, time.UTC)
	var seen []string
	for pg := 0; ; pg++ {
		p, err := lookup.TimelinePaged(ctx, st, cfg, "north-korea", r, pg, 10)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range p.Entries {
			seen = append(seen, e.Title)
		}
		if !p.More {
			if pg != 2 || len(p.Entries) != 3 {
				t.Fatalf("last page %d has %d entries; want page 2 with 3", pg, len(p.Entries))
			}
			break
		}
	}
	if len(seen) != 23 || seen[0] != "Pyongyang event number 0" || seen[22] != "Pyongyang event number 22" {
		t.Fatalf("pages showed %d entries: %q", len(seen), seen)
	}
	if _, err := lookup.TimelinePaged(ctx, st, cfg, "narnia", r, 0, 10); !lookup.IsInput(err) {
		t.Errorf("unknown topic: %v", err)
	}
	if _, err := lookup.TimelinePaged(ctx, st, cfg, "north-korea", r, -1, 10); !lookup.IsInput(err) {
		t.Errorf("page -1: %v", err)
	}
	if _, err := lookup.TimelinePaged(ctx, st, cfg, "north-korea", r, 5000, 10); !lookup.IsInput(err) {
		t.Errorf("page 5000: %v", err)
	}
}

func TestSearchAndLatest(t *testing.T) {
	cfg, st := setup(t)
	ctx := context.Background()
	save(t, st, 1, "North Korea fires missile", now.Add(-time.Hour), "north-korea")
	save(t, st, 2, "Japan protests missile", now.Add(-2*time.Hour), "japan")
	save(t, st, 3, "Old missile story", now.AddDate(0, 0, -400), "north-korea")
	r, _ := lookup.DaysRange(30, now, time.UTC)

	items, err := lookup.Search(ctx, st, cfg, "missile", "", r, 10, 0)
	if err != nil || len(items) != 2 {
		t.Fatalf("search: %d items, %v", len(items), err)
	}
	items, err = lookup.Search(ctx, st, cfg, "missile", "japan", r, 10, 0)
	if err != nil || len(items) != 1 || items[0].Title != "Japan protests missile" {
		t.Fatalf("search in japan: %+v, %v", items, err)
	}
	items, err = lookup.Search(ctx, st, cfg, "missile", "", r, 1, 1)
	if err != nil || len(items) != 1 {
		t.Fatalf("search page 2: %+v, %v", items, err)
	}
	for _, bad := range []struct{ text, topic string }{{"", ""}, {strings.Repeat("a", 10000), ""}, {"missile", "narnia"}} {
		if _, err := lookup.Search(ctx, st, cfg, bad.text, bad.topic, r, 10, 0); !lookup.IsInput(err) {
			t.Errorf("search %.10q in %q: %v, want an input error", bad.text, bad.topic, err)
		}
	}
	if _, err := lookup.Search(ctx, st, cfg, "x", "", r, 10, lookup.MaxOffset+1); !lookup.IsInput(err) {
		t.Errorf("deep offset: %v", err)
	}

	items, err = lookup.Latest(ctx, st, cfg, "north-korea", 5)
	if err != nil || len(items) != 2 || items[0].Title != "North Korea fires missile" {
		t.Fatalf("latest: %+v, %v", items, err)
	}
	var buf bytes.Buffer
	lookup.WriteItems(&buf, cfg, items[:1])
	want := fmt.Sprintf("%s  North Korea fires missile  [Yonhap]\n  https://en.yna.example/1\n  - Summary of North Korea fires missile.\n",
		items[0].Published.In(cfg.Bot.Location).Format("2006-01-02 15:04"))
	if buf.String() != want {
		t.Errorf("WriteItems:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestRuleTest(t *testing.T) {
	cfg, st := setup(t)
	ctx := context.Background()
	eng, err := rules.Compile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	// 600 items (more than one scan batch); every 50th is a launch.
	for k := range 600 {
		title := fmt.Sprintf("Pyongyang holds meeting %d", k)
		if k%50 == 0 {
			title = fmt.Sprintf("North Korea fires missile %d", k)
		}
		save(t, st, k, title, now.Add(-time.Duration(k+1)*time.Minute))
	}
	r, _ := lookup.DaysRange(30, now, time.UTC)
	items, err := lookup.RuleTest(ctx, st, cfg, eng, "nk-launch", r, 50)
	if err != nil || len(items) != 12 {
		t.Fatalf("rule test: %d items, %v; want 12", len(items), err)
	}
	if items[0].Item.Title != "North Korea fires missile 0" || items[11].Item.Title != "North Korea fires missile 550" {
		t.Errorf("order: %q … %q", items[0].Item.Title, items[11].Item.Title)
	}
	if got := strings.Join(items[0].Terms, ","); !strings.Contains(got, "missile") || !strings.Contains(got, "fires") {
		t.Errorf("matched terms = %q, want the words that set the rule off", got)
	}
	items, err = lookup.RuleTest(ctx, st, cfg, eng, "nk-launch", r, 3)
	if err != nil || len(items) != 3 {
		t.Fatalf("limit 3: %d, %v", len(items), err)
	}
	var re *lookup.RuleError
	if _, err := lookup.RuleTest(ctx, st, cfg, eng, "nope", r, 3); !errors.As(err, &re) || re.Known[0] != "nk-launch" {
		t.Errorf("unknown rule: %v", err)
	}
}

func TestFeedHealth(t *testing.T) {
	cfg, st := setup(t)
	ctx := context.Background()
	states := []model.FeedState{
		{Feed: "Yonhap", LastPoll: now, LastSuccess: now, NextPoll: now.Add(5 * time.Minute), ItemsSeen: 42},
		{Feed: "Removed Feed", LastPoll: now.Add(-time.Hour), LastError: "http status 410 Gone", Failures: 9, Broken: true},
	}
	for _, s := range states {
		if err := st.SaveFeedState(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	list, err := lookup.FeedHealth(ctx, st, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 3 || list[0].Name != "Yonhap" || !list[0].Healthy() || list[0].ItemsSeen != 42 ||
		list[1].Name != "KCNA Watch" || list[1].Polled || !list[1].Configured ||
		list[2].Name != "Removed Feed" || list[2].Configured || !list[2].Broken || list[2].Healthy() {
		t.Fatalf("feed health %+v", list)
	}
	var buf bytes.Buffer
	lookup.WriteFeeds(&buf, cfg, list, now)
	out := buf.String()
	for _, want := range []string{"Yonhap  [ok]", "KCNA Watch  [not polled yet]", "Removed Feed  [BROKEN, no longer configured]", "last error: http status 410 Gone", "42 items seen"} {
		if !strings.Contains(out, want) {
			t.Errorf("WriteFeeds lacks %q:\n%s", want, out)
		}
	}
}
