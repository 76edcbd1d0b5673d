package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/lookup"
	"wirewatch/outbox"
	"wirewatch/pipeline"
	"wirewatch/storage"
)

// outlets serves one RSS feed per path, each with the items a test adds.
type outlets struct {
	mu    sync.Mutex
	items map[string][]string
}

func (o *outlets) add(path, guid, title, text string, at time.Time) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.items == nil {
		o.items = map[string][]string{}
	}
	o.items[path] = append(o.items[path], fmt.Sprintf(`<item><guid>%s</guid><title>%s</title><link>http://example.test%s/%s</link><pubDate>%s</pubDate><description>%s</description></item>`,
		guid, title, path, guid, at.Format(time.RFC1123Z), text))
}

func (o *outlets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	o.mu.Lock()
	body := `<?xml version="1.0"?><rss version="2.0"><channel><title>` + r.URL.Path + `</title>` + strings.Join(o.items[r.URL.Path], "") + `</channel></rss>`
	o.mu.Unlock()
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprint(w, body)
}

// TestStoriesMergeInBot: two outlets report one tanker attack in words
// that do not meet (one names no ship, the other only the ship and her
// crew), so they are two stories with an alert each; a third outlet's
// report names both the place and the ship and links them. Through the
// pipeline, SQLite, the outbox, the Discord sink and the loopback
// Discord, each channel shows one alert of the event: where both stories
// alerted, the first alert is edited to list the three sources and the
// second is edited into a note that it became part of the first; where
// only the second story alerted, its alert is edited to list the three
// sources; nothing is posted again. The timeline shows one event, every item is in it, and
// the absorbed story's ID leads to it.
func TestStoriesMergeInBot(t *testing.T) {
	ctx := context.Background()
	site := &outlets{}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	vocab, err := os.ReadFile("../stories/testdata/energy.toml")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile("testdata/merge.toml")
	if err != nil {
		t.Fatal(err)
	}
	cfgFile := t.TempDir() + "/merge.toml"
	if err := os.WriteFile(cfgFile, append(raw, vocab...), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := loadConfig(t, cfgFile, "{{BASE}}", srv.URL)
	now := time.Now().UTC()
	day := now.Truncate(24*time.Hour).AddDate(0, 0, -1) // yesterday, named by its weekday
	weekday := day.Weekday().String()
	clock := new(time.Time)
	*clock = now
	p, store := newPipeline(t, cfg, clock)
	cycle := func() {
		t.Helper()
		*clock = clock.Add(time.Minute)
		if _, err := p.Cycle(ctx); err != nil {
			t.Fatal(err)
		}
	}
	cycle() // the feeds' empty backlog

	site.add("/gulf", "g1", "Tanker hit by uncrewed surface vessel off Yemen's Mokha, UKMTO says",
		"A tanker was struck by an uncrewed surface vessel 25 nautical miles southwest of Yemen's Mokha on "+weekday+", the UKMTO agency said.", day.Add(8*time.Hour+50*time.Minute))
	site.add("/tankers", "t1", "Harbour Tern crew safe after drone-boat strike near Bab el-Mandeb",
		"All 22 seafarers aboard the product tanker Harbour Tern are safe after an uncrewed boat hit its port side above the waterline on "+weekday+", the ship's manager said.", day.Add(13*time.Hour))
	cycle()
	first, err := store.Timeline(ctx, storage.Query{Since: day.AddDate(0, 0, -1)})
	if err != nil || len(first) != 2 {
		t.Fatalf("before the linking report: %d stories, %v; want two", len(first), err)
	}

	discord := discordtest.New(t, discordtest.Options{MessageWindow: 50 * time.Millisecond})
	const alertsID, crewID = "100000000000000001", "100000000000000003"
	discord.AddChannel("500", alertsID, "alerts")
	discord.AddChannel("500", crewID, "crew")
	dg, err := discord.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	ob := outbox.New(store, outbox.Sinks{"discord": bot.NewDiscord(dg, bot.WithSinkLogger(quiet))}, outbox.Options{Logger: quiet})
	flush := func() {
		t.Helper()
		fctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := ob.Flush(fctx); err != nil {
			t.Fatalf("deliver: %v", err)
		}
	}
	flush()
	if n, m := len(discord.Messages(alertsID)), len(discord.Messages(crewID)); n != 2 || m != 1 {
		t.Fatalf("before the linking report: %d alerts in #alerts, %d in #crew; want 2 and 1", n, m)
	}

	site.add("/lanes", "l1", "Uncrewed surface vessel hits tanker Harbour Tern off Mokha",
		"The product tanker Harbour Tern was struck by an uncrewed surface vessel southwest of Yemen's Mokha near Bab el-Mandeb on "+weekday+", UKMTO said; its crew are safe.", day.Add(16*time.Hour))
	cycle()
	flush()

	alerts, crew := discord.Messages(alertsID), discord.Messages(crewID)
	if len(alerts) != 2 || len(crew) != 1 {
		t.Fatalf("after the linking report: %d messages in #alerts, %d in #crew; want the same 2 and 1, edited", len(alerts), len(crew))
	}
	survivor, absorbed := alerts[0], alerts[1] // the feeds are polled in any order
	if !strings.HasPrefix(survivor.Embeds[0].Title, "Tanker hit") {
		survivor, absorbed = absorbed, survivor
	}
	if !strings.HasPrefix(survivor.Embeds[0].Title, "Tanker hit by uncrewed surface vessel") || survivor.Edits == 0 ||
		!strings.Contains(survivor.Embeds[0].Description, "**3 sources**") {
		t.Errorf("the surviving alert: %d edits, embeds %s", survivor.Edits, embedTitles(survivor))
	}
	if absorbed.Edits == 0 || len(absorbed.Embeds) != 1 || absorbed.Embeds[0].Title != "Merged into another story" ||
		!strings.Contains(absorbed.Embeds[0].Description, "http://example.test/gulf/g1") {
		t.Errorf("the absorbed alert: %d edits, embeds %s", absorbed.Edits, embedTitles(absorbed))
	}
	for channel, msgs := range map[string][]discordtest.Message{"alerts": alerts, "crew": crew} {
		shown := 0
		for _, m := range msgs {
			if m.Embeds[0].Title != "Merged into another story" {
				shown++
			}
		}
		if shown != 1 {
			t.Errorf("#%s shows %d alerts of the event, want 1", channel, shown)
		}
	}
	if c := crew[0]; !strings.HasPrefix(c.Embeds[0].Title, "Harbour Tern crew safe") || c.Edits == 0 ||
		!strings.Contains(c.Embeds[0].Description, "**3 sources**") {
		t.Errorf("#crew's alert, now the merged story's: %d edits, embeds %s", c.Edits, embedTitles(c))
	}

	sts, err := store.Timeline(ctx, storage.Query{Since: day.AddDate(0, 0, -1)})
	if err != nil || len(sts) != 1 || len(sts[0].Sources) != 3 {
		t.Fatalf("after the linking report the timeline has %d stories, %v; want one of 3 sources", len(sts), err)
	}
	entries, err := lookup.Timeline(ctx, store, cfg, "red-sea", lookup.Range{From: day.AddDate(0, 0, -1), To: now.AddDate(0, 0, 1)}, 20, 0)
	if err != nil || len(entries) != 1 || entries[0].Sources != 3 {
		t.Fatalf("/timeline red-sea = %+v, %v; want one event of 3 sources", entries, err)
	}
	absorbedID := ""
	for _, st := range first {
		if st.ID != sts[0].ID {
			absorbedID = st.ID
		}
	}
	if st, err := store.Story(ctx, absorbedID); err != nil || st.ID != sts[0].ID {
		t.Errorf("the absorbed story's ID leads to %q, %v; want the surviving story", st.ID, err)
	}
	items, err := store.Latest(ctx, storage.Query{Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.StoryID != sts[0].ID {
			t.Errorf("item %q is in story %s, not the merged one", it.Title, it.StoryID)
		}
	}

	// After a restart the window holds the merged story alone: a later
	// report joins it and edits its alerts; nothing is posted anew.
	rt, err := pipeline.NewRuntime(cfg)
	if err != nil {
		t.Fatal(err)
	}
	restarted, err := pipeline.New(ctx, store, rt, pipeline.Options{Clock: func() time.Time { return *clock }})
	if err != nil {
		t.Fatal(err)
	}
	site.add("/gulf", "g2", "Uncrewed surface vessel hits tanker Harbour Tern off Mokha, crew safe",
		"The product tanker Harbour Tern was struck by an uncrewed surface vessel southwest of Yemen's Mokha near Bab el-Mandeb on "+weekday+", UKMTO said; all 22 crew are safe.", day.Add(18*time.Hour))
	*clock = clock.Add(time.Minute)
	if _, err := restarted.Cycle(ctx); err != nil {
		t.Fatal(err)
	}
	flush()
	if a, c := discord.Messages(alertsID), discord.Messages(crewID); len(a) != 2 || len(c) != 1 {
		t.Fatalf("after a restart and a fourth report: %d messages in #alerts, %d in #crew; want the same 2 and 1", len(a), len(c))
	}
	if sts, err := store.Timeline(ctx, storage.Query{Since: day.AddDate(0, 0, -1)}); err != nil || len(sts) != 1 || len(sts[0].Outlets()) != 3 || len(sts[0].Sources) != 4 {
		t.Fatalf("after a restart the fourth report made %d stories, %v; want the one story, 4 reports of 3 outlets", len(sts), err)
	}
	if v := discord.Violations(); len(v) != 0 {
		t.Errorf("%d violations of Discord's limits, first: %q", len(v), v[0])
	}
}

func embedTitles(m discordtest.Message) string {
	var out []string
	for _, e := range m.Embeds {
		out = append(out, fmt.Sprintf("%q", e.Title))
	}
	return "[" + strings.Join(out, ", ") + "]"
}
