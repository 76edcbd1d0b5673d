package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

// digestDayConfig is a Seoul desk: eleven outlets, four topics, an urgent
// rule for launches and a morning brief of every topic but Russia.
const digestDayConfig = `
[bot]
timezone = "Asia/Seoul"
%s
[[topics]]
name = "north-korea"
title = "North Korea"
aliases = ["North Korea", "North Korean", "N. Korea", "Pyongyang", "KCNA", "Kim Jong Un"]

[[topics]]
name = "south-korea"
title = "South Korea"
aliases = ["South Korea", "South Korean", "S. Korea", "Seoul"]

[[topics]]
name = "united-states"
title = "United States"
aliases = ["United States", "U.S.", "Washington", "Pentagon"]

[[topics]]
name = "japan"
title = "Japan"
aliases = ["Japan", "Japanese", "Tokyo"]

[[channels]]
name = "desk"
id = "100000000000000001"

[[channels]]
name = "brief"
id = "100000000000000002"
delivery = "digest-only"

[[rules]]
name = "satellite-launch"
query = 'satellite AND (launch OR launches OR launched)'
channels = ["desk"]
severity = "urgent"

[[digests]]
name = "morning-brief"
schedule = "CRON_TZ=Asia/Seoul 0 8 * * *"
channels = ["brief"]
topics = ["north-korea", "south-korea", "united-states", "japan"]
`

// TestDigestFixtureDay posts the morning brief of a fixture day of 30
// stories (testdata/digest-day.jsonl): a satellite launch told by six
// outlets over two days, then 29 smaller stories, 3 of them of Japan only,
// a topic muted in the brief's channel. The items go through the
// pipeline's own path (summary, rules, grouping, storing), the digest
// through Digests with the Discord split, and the message through the
// Discord renderer. The launch is the first line, one line, with its
// summary (the lead of its most central report, without datelines and
// "told ..."); no Japan-only story shows;
// "… and 13 more" counts the 28 events less the 15 listed.
func TestDigestFixtureDay(t *testing.T) {
	ctx := context.Background()
	kst, err := time.LoadLocation("Asia/Seoul")
	if err != nil {
		t.Fatal(err)
	}
	type row struct{ Feed, Title, Link, Text, Published string }
	var rows []row
	f, err := os.Open(filepath.Join("testdata", "digest-day.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	feeds := ""
	for sc.Scan() {
		var r row
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(rows, func(o row) bool { return o.Feed == r.Feed }) {
			feeds += fmt.Sprintf("[[feeds]]\nname = %q\nurl = \"https://%d.feeds.example/rss\"\n\n", r.Feed, len(rows))
		}
		rows = append(rows, r)
	}
	cfg, err := config.Parse("day.toml", []byte(fmt.Sprintf(digestDayConfig, feeds)))
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

	lastRun := time.Date(2026, 12, 4, 8, 0, 0, 0, kst)
	clock := lastRun
	p, err := New(ctx, store, rt, Options{Clock: func() time.Time { return clock }, SplitDigest: bot.SplitDigest})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := p.Digests(ctx); err != nil || n != 0 {
		t.Fatalf("first start: %d posts, %v", n, err) // records the last run
	}
	for i, r := range rows {
		pub, err := time.Parse(time.RFC3339, r.Published)
		if err != nil {
			t.Fatal(err)
		}
		clock = pub
		it := model.Item{Key: "link:" + r.Link, Feed: r.Feed, Link: r.Link, Title: r.Title, Text: r.Text, Published: pub, FirstSeen: pub}
		matches := rt.Prepare(&it)
		f := *cfg.Feed(r.Feed)
		if _, _, err := p.storeItems(ctx, rt, f, []model.Item{it}, [][]model.Match{matches}, newPollFlood(rt, f, 0), false, time.Now()); err != nil {
			t.Fatalf("item %d: %v", i, err)
		}
	}
	sts, err := store.Stories(ctx, storage.Query{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	if len(sts) != 30 {
		var titles []string
		for _, st := range sts {
			titles = append(titles, fmt.Sprintf("%d %s", len(st.Sources), st.Title))
		}
		t.Fatalf("%d stories, want 30 (the launch one of them):\n%s", len(sts), strings.Join(titles, "\n"))
	}
	if err := store.SetMute(ctx, model.Mute{Channel: "brief", Topic: "japan", Until: lastRun.Add(72 * time.Hour)}); err != nil {
		t.Fatal(err)
	}

	clock = time.Date(2026, 12, 5, 8, 0, 0, 0, kst)
	if n, err := p.Digests(ctx); err != nil || n != 1 {
		t.Fatalf("morning brief: %d posts, %v; want 1", n, err)
	}
	posts, err := store.PendingPosts(ctx, "brief", 10)
	if err != nil || len(posts) != 1 {
		t.Fatalf("pending: %d, %v", len(posts), err)
	}
	d := posts[0].Content.Digest
	first := d.Sections[0].Entries[0]
	if d.Sections[0].Topic != "north-korea" || first.Sources != 6 || first.Severity != model.SeverityUrgent ||
		!strings.Contains(first.Headline, "satellite") || !first.EventDate.Equal(time.Date(2026, 12, 4, 0, 0, 0, 0, kst)) || !strings.HasPrefix(first.Summary, "North Korea launched a military") {
		t.Errorf("first entry: %s %+v", d.Sections[0].Topic, first)
	}
	launches := 0
	for _, sec := range d.Sections {
		if sec.Topic == "japan" {
			t.Errorf("the muted topic has a section: %+v", sec)
		}
		for _, e := range sec.Entries {
			if strings.Contains(e.Headline, "satellite") {
				launches++
			}
		}
	}
	if launches != 1 {
		t.Errorf("the launch is %d lines, want 1", launches)
	}
	if d.Total != 28 || d.NotShown != 13 {
		t.Errorf("total %d, not shown %d; want 28 events (30 stories, the launch's two days one, 2 Japan-only left out) and 13 not shown", d.Total, d.NotShown)
	}

	msg, err := bot.Render(posts[0])
	if err != nil {
		t.Fatal(err)
	}
	text := bot.MessageText(msg)
	lines := strings.Split(text, "\n")
	// Content, the first section's title, then the launch and its summary.
	if len(lines) < 4 || !strings.Contains(lines[2], "satellite") || !strings.Contains(lines[2], "6 sources · urgent") ||
		!strings.HasPrefix(lines[3], "┃ "+first.Summary) {
		t.Errorf("the launch is not first with its summary:\n%s", text)
	}
	for _, gone := range []string{"Japan —", "Tokyo stocks", "defense budget", "told Yonhap", "(Yonhap)", "this newspaper", "our correspondent"} {
		if strings.Contains(text, gone) {
			t.Errorf("the digest shows %q:\n%s", gone, text)
		}
	}
	if !strings.Contains(text, "… and 13 more: `/timeline`") {
		t.Errorf("no \"… and 13 more\":\n%s", text)
	}
	if testing.Verbose() {
		t.Logf("the brief, times in the desk's zone:\n%s", bot.PlainTimes(text, kst))
	}
}

// Two stories of one event on adjacent days (the grouper kept them apart)
// are one digest line, as on /timeline: the outlets of both, the newer
// report's time, the best-sourced story's headline and summary.
func TestDigestMergesAdjacentDays(t *testing.T) {
	ctx := context.Background()
	cfg, err := config.Parse("digest.toml", []byte(`
[[topics]]
name = "north-korea"
aliases = ["North Korea"]

[[channels]]
name = "brief"
id = "100000000000000001"

[[digests]]
name = "morning"
schedule = "CRON_TZ=UTC 0 8 * * *"
channels = ["brief"]
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
	since := time.Date(2026, 12, 3, 8, 0, 0, 0, time.UTC)
	save := func(id, title, summary string, feeds []string, at time.Time) {
		st := model.Story{ID: id, Title: title, Link: "https://x.example/" + id, FirstSeen: at, Updated: at,
			EventDate: time.Date(at.Year(), at.Month(), at.Day(), 12, 0, 0, 0, time.UTC), Topics: []string{"north-korea"}, Summary: summary}
		for i, f := range feeds {
			pub := at.Add(time.Duration(i) * time.Minute)
			st.Sources = append(st.Sources, model.Source{Feed: f, Title: title, Link: fmt.Sprintf("https://%s.example/%s", f, id), Published: pub})
			st.Updated = pub
			it := model.Item{Key: "link:" + st.Sources[i].Link, Feed: f, Title: title, Link: st.Sources[i].Link, Published: pub, FirstSeen: pub,
				Topics: st.Topics, StoryID: id}
			if ok, err := store.SaveItem(ctx, &it, &st, nil); err != nil || !ok {
				t.Fatal(ok, err)
			}
		}
	}
	save("day1", "North Korea launches spy satellite", "North Korea launched a spy satellite on Thursday.", []string{"yonhap", "reuters", "kyodo", "ap"}, since.Add(2*time.Hour))
	save("day2", "North Korea says spy satellite launch succeeded", "", []string{"kcna", "ap"}, since.Add(22*time.Hour))
	posts, err := PlanDigest(ctx, store, rt, cfg.Digests[0], since, since.Add(24*time.Hour), nil)
	if err != nil || len(posts) != 1 {
		t.Fatal(len(posts), err)
	}
	d := posts[0].Content.Digest
	if d.Total != 1 || len(d.Sections) != 1 || len(d.Sections[0].Entries) != 1 {
		t.Fatalf("want one line, got %+v", d)
	}
	e := d.Sections[0].Entries[0]
	if e.Sources != 5 || e.StoryID != "day1" || e.Headline != "North Korea launches spy satellite" ||
		e.Summary != "North Korea launched a spy satellite on Thursday." || !e.Updated.Equal(since.Add(22*time.Hour+time.Minute)) {
		t.Errorf("line %+v", e)
	}
}

// DigestScore's documented points, and the orders they make.
func TestDigestScore(t *testing.T) {
	h := time.Hour
	tests := []struct {
		outlets int
		sev     model.Severity
		age     time.Duration
		want    float64
	}{
		{1, "", 0, 2},
		{1, "", 12 * h, 1},
		{1, "", 365 * 24 * h, 0},
		{2, "", 12 * h, 3},
		{16, "", 36 * h, 8.25},
		{1, model.SeverityInfo, 12 * h, 2},
		{1, model.SeverityAlert, 12 * h, 3},
		{1, model.SeverityUrgent, 12 * h, 7},
		{1, "", -h, 2}, // a report dated after the digest counts as now
	}
	for _, tt := range tests {
		if got := DigestScore(tt.outlets, tt.sev, tt.age); got < tt.want-1e-9 || got > tt.want+1e-9 {
			t.Errorf("DigestScore(%d, %q, %v) = %.4f, want %.4f", tt.outlets, tt.sev, tt.age, got, tt.want)
		}
	}
	launch := DigestScore(6, "", 10*h)
	if fresh := DigestScore(1, "", 0); launch <= fresh {
		t.Errorf("six outlets 10 h ago (%.2f) must outrank one outlet now (%.2f)", launch, fresh)
	}
	if urgent, six := DigestScore(1, model.SeverityUrgent, 20*h), DigestScore(6, "", 20*h); urgent <= six {
		t.Errorf("an urgent item (%.2f) must outrank six outlets of no rule (%.2f)", urgent, six)
	}
}
