package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/rand/v2"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/pipeline"
	"wirewatch/rules"
	"wirewatch/storage"
	"wirewatch/storage/sqlite"
)

// floodItem is the i-th item of a flood: a flashpoint somewhere, in words
// no other item shares, so that each is an event of its own (a story of one
// source) and would alert on its own.
func floodItem(i int) (title, text string) {
	r := rand.New(rand.NewPCG(uint64(i), 20261204))
	syllables := []string{"ka", "lo", "mi", "ren", "tas", "vu", "zel", "dor", "phi", "gan", "quo", "sib", "tev", "wan", "yor", "bex"}
	word := func() string {
		var b strings.Builder
		for range 4 {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		return b.String()
	}
	w := make([]string, 6)
	for j := range w {
		w[j] = word()
	}
	return fmt.Sprintf("%s %s %s flashpoint %s", w[0], w[1], w[2], w[3]), fmt.Sprintf("%s %s.", w[4], w[5])
}

// newFloodRun polls the feed once, so that its backlog is recorded. Its
// cycle reports how often the pipeline woke the outbox.
func newFloodRun(t *testing.T, perPoll, maxAlerts int) (*feedSite, *time.Time, func() (int, error), storage.Store) {
	t.Helper()
	site := &feedSite{}
	now := time.Now()
	for i := range 30 { // a backlog that would alert: recorded, never posted nor folded
		title, text := floodItem(5000 + i)
		site.add(fmt.Sprintf("old-%02d", i), title, text, now.Add(-time.Hour))
	}
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	cfg := loadConfig(t, "testdata/flood.toml", "{{BASE}}", srv.URL,
		"{{PER_POLL}}", fmt.Sprint(perPoll), "{{MAX_ALERTS}}", fmt.Sprint(maxAlerts))
	clock := new(time.Time)
	*clock = now
	rt, err := pipeline.NewRuntime(cfg)
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "w.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var notified atomic.Int64
	p, err := pipeline.New(context.Background(), store, rt, pipeline.Options{
		Clock:  func() time.Time { return *clock },
		Notify: func(...string) { notified.Add(1) },
	})
	if err != nil {
		t.Fatal(err)
	}
	cycle := func() (int, error) {
		before := notified.Load()
		_, err := p.Cycle(context.Background())
		return int(notified.Load() - before), err
	}
	if _, err := cycle(); err != nil {
		t.Fatal(err)
	}
	return site, clock, cycle, store
}

func pending(t *testing.T, store storage.Store, channel string) []model.Post {
	t.Helper()
	posts, err := store.PendingPosts(context.Background(), channel, 100000)
	if err != nil {
		t.Fatal(err)
	}
	return posts
}

// A feed that publishes 500 or 5,000 matching items in one poll posts its
// cap of alerts and one fold message: the fold's first post lists the
// first batch's folded items and each later batch writes an update of it
// listing its own, every item in exactly one post. Delivered through the
// Discord sink to the loopback Discord, the channel shows the alerts and
// one message per fold, whose Previous/Next buttons page through every
// folded link exactly once. The backlog of the first poll posts nothing.
func TestFloodFoldsOverCap(t *testing.T) {
	for _, tt := range []struct {
		name       string
		items      int
		perPoll    int
		maxAlerts  int
		wantAlerts int
	}{
		{"desk caps", 500, 3, 30, 3},
		// Over its cap of 20 a poll is a flood: its first 3 items alert.
		{"defaults", 500, 20, 30, 3},
		{"channel cap lower", 500, 20, 2, 2},
		{"defaults, 5,000 items", 5000, 20, 30, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			site, clock, cycle, store := newFloodRun(t, tt.perPoll, tt.maxAlerts)
			if n := len(pending(t, store, "alerts")) + len(pending(t, store, "ops")); n != 0 {
				t.Fatalf("the new feed's backlog posted %d posts", n)
			}
			base := *clock
			links := map[string]bool{}
			for i := range tt.items {
				title, text := floodItem(i)
				guid := fmt.Sprintf("flood-%04d", i)
				site.add(guid, title, text, base.Add(-2*time.Hour+time.Duration(i)*time.Second))
				links["http://example.test/"+guid] = true
			}
			*clock = base.Add(time.Minute)
			notified, err := cycle()
			if err != nil {
				t.Fatal(err)
			}
			posts := pending(t, store, "alerts")
			seen := map[string]int{}
			alerts, folds, foldEdits, folded, lastTotal := 0, 0, 0, 0, 0
			first := ""
			for _, p := range posts {
				switch {
				case p.Kind == model.PostAlert:
					alerts++
					seen[p.Content.Link]++
					continue
				case p.Kind == model.PostFold:
					folds++
					first = p.ID
					if p.Priority != model.PriorityInfo {
						t.Errorf("fold priority %d, want info", p.Priority)
					}
				case p.Kind == model.PostUpdate && p.Content.Fold != nil:
					foldEdits++
					if p.ReplaceOf == "" || p.ReplaceOf != first {
						t.Errorf("fold update replaces %q, want the fold's first post %q", p.ReplaceOf, first)
					}
				default:
					t.Errorf("unexpected %s post", p.Kind)
					continue
				}
				f := p.Content.Fold
				if f == nil || f.Feed != "Flood Wire" || f.Rule != "flashpoints" || len(f.Items) == 0 || len(f.Items) > 200 {
					t.Fatalf("fold post %+v", p.Content)
				}
				for _, it := range f.Items {
					seen[it.Link]++
				}
				folded += len(f.Items)
				if f.Total != folded || f.Total <= lastTotal {
					t.Errorf("fold post says %d items in all; %d folded by then", f.Total, folded)
				}
				lastTotal = f.Total
			}
			t.Logf("%d items: %d alerts, %d fold post and %d updates of it listing %d items; the outbox woken %d times", tt.items, alerts, folds, foldEdits, folded, notified)
			// Batches of at most 200 items (fewer when one takes long to
			// plan), each with its fold's post or an update of it. A batch
			// with an alert or the fold's post wakes the outbox as it is
			// stored, so they go out while the rest is stored; a batch
			// that only updates the fold does not, unless it is the last.
			batches := folds + foldEdits
			if least := (tt.items + 199) / 200; folds != 1 || batches < least {
				t.Errorf("%d fold posts and %d updates, want 1 and at least one per later batch of 200 (%d)", folds, foldEdits, least-1)
			}
			if most := min(batches, alerts+2); notified < min(batches, 2) || notified > most {
				t.Errorf("the outbox was woken %d times for %d batches; want the first and the last, and at most one more per alert (%d)", notified, batches, most)
			}
			for l := range links {
				if seen[l] != 1 {
					t.Fatalf("%s is in %d posts, want exactly one", l, seen[l])
				}
			}
			if alerts != tt.wantAlerts {
				t.Errorf("%d alerts, want the cap of %d", alerts, tt.wantAlerts)
			}
			capName := model.CapFeed
			if tt.maxAlerts < tt.perPoll {
				capName = model.CapChannel
			}
			want := map[string]int{model.RoutePosted: tt.wantAlerts, model.RouteFolded + " " + capName + " " + first: tt.items - tt.wantAlerts}
			if got := routeOutcomes(t, store, base); !maps.Equal(got, want) {
				t.Errorf("decision records: %v, want %v", got, want)
			}

			const channel = "100000000000000001"
			srv := deliver(t, store, "alerts", channel)
			msgs := srv.Messages(channel)
			if len(msgs) != alerts+1 {
				t.Errorf("%d messages in the channel, want the %d alerts and one fold", len(msgs), alerts)
			}
			var fold []discordtest.Message
			shown := map[string]int{}
			for _, m := range msgs {
				for _, e := range m.Embeds {
					if strings.Contains(e.Title, "more items from Flood Wire matched flashpoints") {
						fold = append(fold, m)
						break
					}
					shown[e.URL]++
				}
			}
			if len(fold) != 1 {
				t.Fatalf("%d fold messages, want 1", len(fold))
			}
			if want := fmt.Sprintf("%d more items", folded); !strings.HasPrefix(fold[0].Embeds[0].Title, want) {
				t.Errorf("fold message title %q, want %q…", fold[0].Embeds[0].Title, want)
			}
			t.Logf("the fold message was edited %d times", fold[0].Edits)
			for l := range pageThrough(t, srv, store, fold[0]) {
				shown[l]++
			}
			for l := range links {
				if shown[l] != 1 {
					t.Fatalf("%s shown %d times by the alerts and the fold's pages, want once", l, shown[l])
				}
			}
		})
	}
}

// pageThrough presses a fold message's Next button until it is disabled,
// through the slash commands' handler on a gateway session, and counts the
// links each page shows.
func pageThrough(t *testing.T, srv *discordtest.Server, store storage.Store, msg discordtest.Message) map[string]int {
	t.Helper()
	dg, err := srv.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	dg.StateEnabled = false
	cmds := bot.NewCommands(store, func() (*config.Config, *rules.Engine) { return nil, nil }, bot.CommandOptions{UserBurst: 1 << 20, DeferAfter: time.Minute}) // pages as fast as it can: no member rate; answered, not deferred, however slow the race detector and a loaded machine make a page
	t.Cleanup(cmds.Close)
	dg.AddHandler(cmds.Handle)
	if err := dg.Open(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dg.Close() })
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	links := map[string]int{}
	link := regexp.MustCompile(`\]\((http[^)\s]+)\)|<(http[^>\s]+)>`)
	for pages := 0; ; pages++ {
		next, ok := nextButton(t, msg.Components)
		if !ok {
			if pages == 0 {
				t.Fatalf("the fold message has no Next button: %s", msg.Components)
			}
			t.Logf("%d pages behind the fold's buttons", pages)
			return links
		}
		if pages > 1000 {
			t.Fatal("more than 1,000 pages")
		}
		in := srv.DispatchInteraction(discordtest.InteractionSpec{
			Type: discordgo.InteractionMessageComponent, GuildID: "500", ChannelID: msg.ChannelID, MessageID: msg.ID,
			Data: discordgo.MessageComponentInteractionData{CustomID: next, ComponentType: discordgo.ButtonComponent},
		})
		cb, err := in.Wait(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if cb.Type != discordgo.InteractionResponseUpdateMessage {
			t.Fatalf("page button answered with type %d, want an update of the message (%s)", cb.Type, cb.Content)
		}
		m, ok := in.Original()
		if !ok || m.ID != msg.ID {
			t.Fatal("the page button did not update the fold message")
		}
		msg = m
		for _, e := range msg.Embeds {
			for _, sm := range link.FindAllStringSubmatch(e.Description, -1) {
				links[sm[1]+sm[2]]++
			}
		}
	}
}

// nextButton is the custom_id of an enabled Next button among components.
func nextButton(t *testing.T, raw json.RawMessage) (string, bool) {
	t.Helper()
	var rows []struct {
		Components []struct {
			Label    string `json:"label"`
			CustomID string `json:"custom_id"`
			Disabled bool   `json:"disabled"`
		} `json:"components"`
	}
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &rows); err != nil {
			t.Fatalf("components %s: %v", raw, err)
		}
	}
	for _, r := range rows {
		for _, b := range r.Components {
			if strings.HasPrefix(b.Label, "Next") && !b.Disabled {
				return b.CustomID, true
			}
		}
	}
	return "", false
}

// A poll's alerts after its first few go out one priority lower, so that
// another feed's urgent alert written later is delivered before them; a
// poll with more matching items than its cap (a flood) keeps only its
// first alert at its rule's priority.
func TestFloodBurstYieldsPriority(t *testing.T) {
	for _, tt := range []struct {
		items, urgent, lower int
	}{
		{items: 10, urgent: 3, lower: 7}, // under the cap of 20
		{items: 25, urgent: 1, lower: 2}, // over it, a flood: 3 alerts, 22 folded
	} {
		t.Run(fmt.Sprint(tt.items), func(t *testing.T) {
			site, clock, cycle, store := newFloodRun(t, 20, 30)
			base := *clock
			for i := range tt.items {
				title, text := floodItem(i)
				site.add(fmt.Sprintf("burst-%02d", i), title, text, base.Add(-10*time.Minute+time.Duration(i)*time.Second))
			}
			*clock = base.Add(time.Minute)
			if _, err := cycle(); err != nil {
				t.Fatal(err)
			}
			var urgent, lower int
			for _, p := range pending(t, store, "alerts") {
				if p.Kind != model.PostAlert {
					continue
				}
				switch p.Priority {
				case model.PriorityUrgent:
					urgent++
				case model.PriorityAlert:
					lower++
				default:
					t.Errorf("alert at priority %d", p.Priority)
				}
			}
			if urgent != tt.urgent || lower != tt.lower {
				t.Errorf("of %d urgent items of one poll, %d alerts went at the urgent priority and %d one lower; want %d and %d",
					tt.items, urgent, lower, tt.urgent, tt.lower)
			}
		})
	}
}

// 30 urgent items in two minutes ping the role 3 times; the other alerts
// post without the ping, and the admin channel is told once.
func TestPingsLimitedPerWindow(t *testing.T) {
	site, clock, cycle, store := newFloodRun(t, 20, 30)
	base := *clock
	for poll := range 6 { // a poll every 20 s, 5 new items each
		for j := range 5 {
			i := poll*5 + j
			title, text := floodItem(1000 + i)
			site.add(fmt.Sprintf("urgent-%02d", i), title, text, base.Add(time.Duration(poll)*20*time.Second))
		}
		// The feed's next poll, 20 s on with jitter.
		*clock = feedStates(t, store)["Flood Wire"].NextPoll
		if _, err := cycle(); err != nil {
			t.Fatal(err)
		}
	}
	alerts, pings := 0, 0
	for _, p := range pending(t, store, "alerts") {
		if p.Kind != model.PostAlert {
			t.Errorf("unexpected %s post", p.Kind)
			continue
		}
		alerts++
		if len(p.Content.Mentions) > 0 {
			pings++
		}
	}
	t.Logf("6 polls over %s", clock.Sub(base).Round(time.Second))
	if alerts != 30 || pings != 3 {
		t.Errorf("%d alerts, %d with a ping; want 30 alerts, 3 pings", alerts, pings)
	}
	if got, want := routeOutcomes(t, store, base), map[string]int{model.RoutePosted: 3, model.RoutePosted + " no ping": 27}; !maps.Equal(got, want) {
		t.Errorf("decision records: %v, want %v", got, want)
	}
	notices := pending(t, store, "ops")
	if len(notices) != 1 || notices[0].Kind != model.PostNotice || !strings.Contains(notices[0].Content.Notice, "#alerts") {
		t.Fatalf("admin notices %+v, want one about #alerts", notices)
	}
	t.Logf("notice: %s", notices[0].Content.Notice)

	srv := deliver(t, store, "alerts", "100000000000000001")
	msgs, pinged := srv.Messages("100000000000000001"), 0
	for _, m := range msgs {
		if len(m.Pinged.Roles) > 0 {
			pinged++
		}
	}
	if len(msgs) != 30 || pinged != 3 {
		t.Errorf("Discord shows %d alerts, %d of which pinged; want 30 and 3", len(msgs), pinged)
	}
	if ops := srv.Messages("100000000000000002"); len(ops) != 1 {
		t.Errorf("%d messages in the admin channel, want 1", len(ops))
	}
}

// deliver sends the pending posts through the outbox, the Discord sink and
// the loopback Discord, and returns what one channel shows.
func deliver(t *testing.T, store storage.Store, channel, id string) *discordtest.Server {
	t.Helper()
	srv := discordtest.New(t, discordtest.Options{MessageWindow: 50 * time.Millisecond})
	srv.AddChannel("500", id, channel)
	srv.AddChannel("500", "100000000000000002", "ops")
	dg, err := srv.Session("tok")
	if err != nil {
		t.Fatal(err)
	}
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	dg.Client.Transport = bot.NewLimiter(srv.Transport(), bot.LimiterOptions{ChannelWindow: 50 * time.Millisecond, Logger: quiet})
	ob := outbox.New(store, outbox.Sinks{"discord": bot.NewDiscord(dg, bot.WithSinkLogger(quiet))}, outbox.Options{Logger: quiet})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	if err := ob.Flush(ctx); err != nil {
		t.Fatalf("deliver: %v", err)
	}
	if v := srv.Violations(); len(v) != 0 {
		t.Errorf("%d violations of Discord's limits, first: %q", len(v), v[0])
	}
	return srv
}

// A flood that lasts several polls is one fold message per alert window:
// the second poll's folded items are updates of the first poll's fold, and
// a poll after the window begins a new one.
func TestFloodFoldSpansPolls(t *testing.T) {
	site, clock, cycle, store := newFloodRun(t, 20, 30)
	base := *clock
	next := 0
	poll := func(n int, at time.Duration) []model.Post {
		t.Helper()
		for range n {
			title, text := floodItem(next)
			site.add(fmt.Sprintf("flood-%04d", next), title, text, base.Add(at-time.Hour+time.Duration(next)*time.Second))
			next++
		}
		*clock = base.Add(at)
		if _, err := cycle(); err != nil {
			t.Fatal(err)
		}
		var folds []model.Post
		for _, p := range pending(t, store, "alerts") {
			if p.Content.Fold != nil {
				folds = append(folds, p)
			}
		}
		return folds
	}
	// Fold posts by kind: first posts, and updates by the post they edit
	// (pending posts come by priority, then age).
	split := func(posts []model.Post) (firsts []model.Post, updates map[string][]model.Post) {
		updates = map[string][]model.Post{}
		for _, p := range posts {
			if p.Kind == model.PostFold {
				firsts = append(firsts, p)
			} else {
				updates[p.ReplaceOf] = append(updates[p.ReplaceOf], p)
			}
		}
		return firsts, updates
	}
	// listed counts the items a fold's posts list, the first and its
	// updates, and the total its newest post says.
	listed := func(first model.Post, updates []model.Post) (items, total int) {
		items, total = len(first.Content.Fold.Items), first.Content.Fold.Total
		for _, u := range updates {
			items += len(u.Content.Fold.Items)
			total = u.Content.Fold.Total
		}
		return items, total
	}
	// A batch is cut when it has taken long to plan, so how many updates a
	// poll writes depends on the machine; what they list does not.
	firsts, updates := split(poll(300, time.Minute)) // a flood: 3 alerts, 297 folded over two batches or more
	if len(firsts) != 1 || len(updates[firsts[0].ID]) == 0 || len(updates) != 1 {
		t.Fatalf("first poll: %d folds and updates of %d posts, want one fold and updates of it", len(firsts), len(updates))
	}
	first := firsts[0]
	fold := first.ID
	if items, total := listed(first, updates[fold]); items != 297 || total != 297 {
		t.Errorf("first poll's fold lists %d items, %d in all; want 297", items, total)
	}
	before := len(updates[fold])
	// 2 minutes on, another flood: 3 alert and 97 fold into the same
	// message.
	firsts, updates = split(poll(100, 3*time.Minute))
	if len(firsts) != 1 || len(updates[fold]) <= before || len(updates) != 1 {
		t.Fatalf("second poll: %d folds, %d updates of the first (%d before); want 1 and more", len(firsts), len(updates[fold]), before)
	}
	if items, total := listed(first, updates[fold]); items != 394 || total != 394 {
		t.Errorf("after the second poll the fold lists %d items, %d in all; want 394", items, total)
	}
	before = len(updates[fold])
	// Past the channel's 10-minute window from the fold's first item: a
	// new fold message.
	firsts, updates = split(poll(100, 12*time.Minute))
	if len(firsts) != 2 || len(updates[fold]) != before {
		t.Fatalf("third poll: %d folds, %d updates of the first (%d before); want a new fold and no more updates", len(firsts), len(updates[fold]), before)
	}
	for _, p := range firsts {
		if p.ID == fold {
			continue
		}
		if items, total := listed(p, updates[p.ID]); items != 97 || total != 97 {
			t.Errorf("the new fold lists %d of %d, want 97 of 97 (3 alerted)", items, total)
		}
	}
}

// routeOutcomes counts the channel decisions recorded with the items
// published since: "posted", or "folded CAP FOLD-POST" for a folded one,
// and " no ping" when the ping cap took its mentions.
func routeOutcomes(t *testing.T, store storage.Store, since time.Time) map[string]int {
	t.Helper()
	ctx := context.Background()
	items, err := store.Latest(ctx, storage.Query{Since: since.Add(-3 * time.Hour), Until: since.Add(time.Hour), Limit: -1})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, it := range items {
		if strings.HasPrefix(it.GUID, "old-") {
			continue // the backlog
		}
		d, err := store.Decision(ctx, it.Key)
		if err != nil {
			t.Fatalf("decision of %s: %v", it.Key, err)
		}
		for _, r := range d.Routes {
			k := r.Outcome
			if r.Outcome == model.RouteFolded {
				k += " " + r.Cap + " " + r.Post
			}
			if r.NoPing {
				k += " no ping"
			}
			out[k]++
		}
	}
	return out
}

// lookupCounter counts the alert lookups that reach storage.
type lookupCounter struct {
	storage.Store
	lookups atomic.Int64
}

func (c *lookupCounter) AlertPostFor(ctx context.Context, storyID, rule, channel string) (model.Post, error) {
	c.lookups.Add(1)
	return c.Store.AlertPostFor(ctx, storyID, rule, channel)
}

// A story an item begins has a new id, so no alert of it is stored: a poll
// of 300 new stories plans their alerts and folds without asking storage
// for an earlier alert of any of them, while a later report of one of
// them asks.
func TestNewStoriesAskNoStoredAlert(t *testing.T) {
	site := &feedSite{}
	now := time.Now()
	srv := httptest.NewServer(site)
	t.Cleanup(srv.Close)
	cfg := loadConfig(t, "testdata/flood.toml", "{{BASE}}", srv.URL, "{{PER_POLL}}", "20", "{{MAX_ALERTS}}", "30")
	var counted *lookupCounter
	clock := now
	p, store := newPipelineWrapped(t, cfg, &clock, func(s storage.Store) storage.Store {
		counted = &lookupCounter{Store: s}
		return counted
	})
	site.add("old", "an old report", "nothing to say.", now.Add(-time.Hour)) // the backlog
	if _, err := p.Cycle(context.Background()); err != nil {
		t.Fatal(err)
	}
	for i := range 300 {
		title, text := floodItem(i)
		site.add(fmt.Sprintf("flood-%04d", i), title, text, now.Add(-time.Hour+time.Duration(i)*time.Second))
	}
	clock = now.Add(time.Minute)
	if _, err := p.Cycle(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(pending(t, store, "alerts")); n < 2 {
		t.Fatalf("%d posts pending, want the flood's alert and its fold", n)
	}
	if n := counted.lookups.Load(); n != 0 {
		t.Errorf("storage was asked %d times for an alert of a story the poll began", n)
	}
	title, text := floodItem(0) // the first item, which alerted
	site.add("flood-again", strings.Join(strings.Fields(title)[:4], " ")+" spreads", "Rescuers reached the site. "+text, now.Add(time.Minute))
	clock = now.Add(2 * time.Minute)
	if _, err := p.Cycle(context.Background()); err != nil {
		t.Fatal(err)
	}
	if counted.lookups.Load() == 0 {
		t.Errorf("a later report of a stored story did not look up its alert")
	}
}
