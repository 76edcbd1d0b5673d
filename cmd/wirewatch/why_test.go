package main

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/pipeline"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

// whySite serves two RSS feeds, /harbor and /river, whose items a test adds.
type whySite struct {
	mu    sync.Mutex
	items map[string][]string
}

func (s *whySite) add(feed, guid, title, text, link string, at time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.items == nil {
		s.items = map[string][]string{}
	}
	s.items[feed] = append(s.items[feed], fmt.Sprintf(`<item><guid isPermaLink="false">%s</guid><title>%s</title><link>%s</link><pubDate>%s</pubDate><description>%s</description></item>`,
		guid, html.EscapeString(title), link, at.Format(time.RFC1123Z), html.EscapeString(text)))
}

func (s *whySite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	items, ok := s.items[strings.TrimPrefix(r.URL.Path, "/")]
	body := `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>` + strings.Join(items, "") + `</channel></rss>`
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, body)
}

// whyDesk runs the pipeline over the loopback feeds of testdata/why/desk.toml
// for three polls, with the clock at 03:00 UTC (12:00 at the desk in
// Seoul; the night channel's quiet hours, in UTC): the backlog; an alert, an item no rule matches and three
// sanctions items over the per-poll cap; another outlet's report of the
// launch; then the first outlet's copy of its own report under a new GUID
// (each in a poll of its own, so the order is the same every run).
// It returns the config's path and the store, closed when the test ends.
func whyDesk(t *testing.T) (string, storage.Store) {
	t.Helper()
	ctx := context.Background()
	site := &whySite{}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	raw, err := os.ReadFile("testdata/why/desk.toml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "desk.toml")
	body := strings.NewReplacer("{{DB}}", filepath.Join(dir, "desk.db"), "{{BASE}}", srv.URL).Replace(string(raw))
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	rt, err := pipeline.NewRuntime(cfg)
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(ctx, cfg.Bot.Database)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	clock := time.Date(2026, 12, 5, 3, 0, 0, 0, time.UTC)
	p, err := pipeline.New(ctx, store, rt, pipeline.Options{Clock: func() time.Time { return clock }})
	if err != nil {
		t.Fatal(err)
	}
	cycle := func() {
		t.Helper()
		if _, err := p.Cycle(ctx); err != nil {
			t.Fatal(err)
		}
		clock = clock.Add(time.Minute)
	}
	at := func(min int) time.Time { return clock.Add(time.Duration(min) * time.Second) }
	site.add("harbor", "h-old", "Port authority opens new ferry terminal", "The terminal serves island routes.", "https://harbor.example/ferry", at(-3600))
	site.add("river", "r-old", "City council approves budget", "The council voted 7-2.", "https://river.example/budget", at(-3600))
	cycle() // the backlog: stored, not posted

	site.add("harbor", "h-launch", "North Korea fires ballistic missile into East Sea",
		"North Korea fired a short-range ballistic missile from near Pyongyang into the East Sea on Saturday morning, South Korea's Joint Chiefs of Staff said.",
		"https://harbor.example/launch", at(-50))
	site.add("harbor", "h-weather", "Snow expected across the capital region",
		"Forecasters said up to 5 cm of snow could fall overnight.", "https://harbor.example/snow", at(-40))
	site.add("harbor", "h-sanctions-1", "EU adopts sanctions on shipping firms",
		"The European Union adopted sanctions on three shipping firms accused of ship-to-ship transfers.", "https://harbor.example/eu-sanctions", at(-30))
	site.add("harbor", "h-sanctions-2", "Treasury sanctions Macau bank",
		"The U.S. Treasury sanctioned a Macau bank it said laundered funds.", "https://harbor.example/treasury-sanctions", at(-20))
	site.add("harbor", "h-sanctions-3", "UN panel report details sanctions evasion",
		"A UN panel of experts said coal exports continued through third countries.", "https://harbor.example/un-panel", at(-10))
	cycle()

	site.add("river", "r-launch", "North Korea fires ballistic missile toward East Sea, Seoul says",
		"North Korea fired a short-range ballistic missile into the East Sea on Saturday morning, South Korea's military said, the latest in a series of launches.",
		"https://river.example/nk-missile", at(-30))
	clock = clock.Add(30 * time.Second)
	cycle()

	site.add("harbor", "h-launch-copy", "North Korea fires ballistic missile into East Sea",
		"North Korea fired a short-range ballistic missile from near Pyongyang into the East Sea on Saturday morning, South Korea's Joint Chiefs of Staff said.",
		"https://harbor.example/launch?ref=2", at(-20))
	cycle()
	return path, store
}

// sendPost marks a post sent as the outbox does when Discord accepts it.
func sendPost(t *testing.T, store storage.Store, id, messageID string) {
	t.Helper()
	if err := store.MarkSent(context.Background(), id, messageID, time.Date(2026, 12, 5, 3, 5, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
}

// TestWhyExplainsFixtures runs wirewatch why on the items of a real
// pipeline run: a posted alert (and its night channel's quiet hours), one
// folded by the per-poll cap, one no rule matched, one that joined an
// existing story, and a re-published copy.
func TestWhyExplainsFixtures(t *testing.T) {
	cfgPath, store := whyDesk(t)
	ctx := context.Background()
	launch, err := store.ItemByLink(ctx, "https://harbor.example/launch")
	if err != nil {
		t.Fatal(err)
	}
	dec, err := store.Decision(ctx, launch.Key)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range dec.Routes {
		if r.Channel == "desk" {
			sendPost(t, store, r.Post, "700000000000000001")
		}
	}

	tests := []struct {
		name, ref string
		want      []string // lines or parts of lines, in order
		not       []string
	}{
		{"posted, and held by quiet hours", "https://harbor.example/launch", []string{
			"fetched:   2026-12-05 12:01 KST from feed Harbor Wire",
			"new:       yes",
			"summary:   North Korea fired a short-range ballistic missile",
			"story:     began a new story",
			"nk-launch    matched (alert) on missile, fires",
			"sanctions    not matched: missing sanctions",
			"#desk (nk-launch): alert posted",
			": sent, 1 attempt\n",
			"message: https://discord.com/channels/300000000000000001/100000000000000001/700000000000000001",
			"#night (nk-launch): alert held by quiet hours until 2026-12-05 16:00 KST",
			": pending, 0 attempts",
		}, nil},
		{"folded by the per-poll cap", "https://harbor.example/un-panel", []string{
			"sanctions    matched (info) on sanctions",
			"#desk (sanctions): over the feed's alerts-per-poll cap: folded into fold message ",
		}, []string{"alert posted"}},
		{"no rule", "https://harbor.example/snow", []string{
			"nk-launch    not matched: missing missile; launch* OR fire*",
			"sanctions    not matched: missing sanctions",
			"posts:     none: no rule routed it to a channel",
		}, nil},
		{"joined an existing story", "https://river.example/nk-missile", []string{
			"story:     joined story ",
			": title and lead similarity score ",
			"with its 1 report (0.33 joins)",
			"#desk (nk-launch): within the rule's cooldown: an update of the story's alert ",
			"message: https://discord.com/channels/300000000000000001/100000000000000001/700000000000000001",
			"#night (nk-launch): within the rule's cooldown: an update of the story's alert ",
		}, nil},
		{"a copy under a new GUID, found by key", "guid:Harbor Wire:h-launch-copy", []string{
			"found by key",
			"new:       no: a copy of its outlet's own report https://harbor.example/launch",
			"posts:     none\n",
		}, nil},
		{"backlog, found by GUID", "h-old", []string{
			"found by guid",
			"posts:     none: stored with its feed's first poll",
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdout, stderr, code := runSplit(t, "why", tt.ref, "--config", cfgPath)
			if code != 0 || stderr != "" {
				t.Fatalf("wirewatch why %s: exit %d, stderr %q", tt.ref, code, stderr)
			}
			rest := stdout
			for _, w := range tt.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("wirewatch why %s: %q missing (or out of order) in:\n%s", tt.ref, w, stdout)
				}
				rest = rest[i+len(w):]
			}
			for _, n := range tt.not {
				if strings.Contains(stdout, n) {
					t.Errorf("wirewatch why %s says %q:\n%s", tt.ref, n, stdout)
				}
			}
		})
	}

	// A fold message is a real post: its first post lists the folded items.
	panel, _ := store.ItemByLink(ctx, "https://harbor.example/un-panel")
	pd, err := store.Decision(ctx, panel.Key)
	if err != nil || len(pd.Routes) != 1 || pd.Routes[0].Cap != model.CapFeed {
		t.Fatalf("decision of the folded item: %+v, %v", pd, err)
	}
	fold, err := store.Post(ctx, pd.Routes[0].Post)
	if err != nil || fold.Kind != model.PostFold || fold.Content.Fold == nil {
		t.Fatalf("the fold message %s: %+v, %v", pd.Routes[0].Post, fold, err)
	}
	listed := false
	for _, it := range fold.Content.Fold.Items {
		listed = listed || it.Link == panel.Link
	}
	if !listed {
		t.Errorf("the fold message does not list the folded item")
	}

	stdout, stderr, code := runSplit(t, "why", "https://nowhere.example/x", "--config", cfgPath)
	if code != 1 || stdout != "" || !strings.Contains(stderr, "no stored item") {
		t.Errorf("an unknown link: exit %d, stdout %q, stderr %q; want 1, nothing, a message", code, stdout, stderr)
	}
	if _, stderr, code := runSplit(t, "why", "--config", cfgPath); code != 2 || !strings.Contains(stderr, "want one item") {
		t.Errorf("no argument: exit %d, stderr %q", code, stderr)
	}
}

// uuidRE finds the ids of stories and posts, which differ run to run.
var uuidRE = regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

// TestWhyJSONGolden pins wirewatch why --json of the joined report.
func TestWhyJSONGolden(t *testing.T) {
	cfgPath, _ := whyDesk(t)
	stdout, stderr, code := runSplit(t, "why", "https://river.example/nk-missile", "--config", cfgPath, "--json")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	checkJSONConventions(t, "["+stdout+"]") // one object, not a list
	var doc map[string]any
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatal(err)
	}
	ids := map[string]string{}
	stdout = uuidRE.ReplaceAllStringFunc(stdout, func(id string) string {
		if _, ok := ids[id]; !ok {
			ids[id] = fmt.Sprintf("ID-%d", len(ids)+1)
		}
		return ids[id]
	})
	golden := filepath.Join("testdata", "json", "why.golden")
	if *update {
		if err := os.WriteFile(golden, []byte(stdout), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -run TestWhyJSONGolden -update)", err)
	}
	if stdout != string(want) {
		t.Errorf("wirewatch why --json differs from %s:\n%s", golden, stdout)
	}
}
