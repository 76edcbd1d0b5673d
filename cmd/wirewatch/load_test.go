package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"wirewatch/bot"
	"wirewatch/bot/discordtest"
	"wirewatch/lookup"
	"wirewatch/storage"
)

// The load runs drive `wirewatch run` itself (runMain, as the binary does:
// the pipeline, the outbox, the Discord sink and discordgo, unmodified)
// against outlets on 127.0.0.1 and the loopback Discord of bot/discordtest,
// which answers 5% of message creates and edits with a 503.
//
// An ordinary outlet publishes a few items and keeps its newest ones; the
// bot polls it every few seconds. Every so often one of them publishes an
// urgent item that a rule routes to one of the desks, with a role ping. The
// hostile run adds two feeds once the backlog is recorded: one whose 50 new
// teaser items link to pages that never answer, and one that publishes
// 5,000 matching items in one poll, routed to the first desk.

// desk is one channel the rules post to, and the category that routes an
// item there. Rules match categories, not words of the text, so that the
// urgent items share no words: each is a story of its own, as a real
// urgent report of another event would be.
type desk struct {
	name, marker, id, role string
}

var desks = func() []desk {
	markers := []string{"wxamber", "wxbirch", "wxcedar", "wxdune", "wxember", "wxfjord", "wxgrove", "wxheath", "wxinlet", "wxjade",
		"wxkelp", "wxlarch", "wxmoss", "wxnettle", "wxopal", "wxpine", "wxquartz", "wxreed", "wxslate", "wxtide"}
	out := make([]desk, len(markers))
	for i, m := range markers {
		out[i] = desk{
			name:   "desk-" + strings.TrimPrefix(m, "wx"),
			marker: m,
			id:     fmt.Sprintf("2000000000000000%02d", i),
			role:   fmt.Sprintf("4000000000000000%02d", i),
		}
	}
	return out
}()

const (
	loadGuild     = "300000000000000001"
	opsChannelID  = "200000000000000099"
	urgentWord    = "flashalert"   // in every urgent item: the urgent rules need it
	bulletinWord  = "bulletinwx"   // in the teaser feed's items: an alert-severity rule
	floodDesk     = 0              // the flood's matching items go to desks[0]
	teaserDesk    = 1              // the teaser feed's items go to desks[1]
	loadPingCap   = 3              // role pings per channel per window the issue asks for
	loadFloodFeed = "Flood Wire"   // publishes loadScenario.flood items in one poll
	loadHangFeed  = "Hanging Wire" // its new items' pages never answer
)

// loadScenario is one run's shape.
type loadScenario struct {
	name     string
	ordinary int           // ordinary feeds
	interval time.Duration // their polling interval
	urgent   int           // urgent items published by ordinary feeds
	over     time.Duration // the span the urgent items are published over
	desks    int           // how many of desks the urgent items go to, in turn
	drain    time.Duration // after the last one, how long to wait for what is missing
	hostile  bool          // add the hanging-pages feed and the flood feed
	teasers  int           // new items of the hanging-pages feed
	flood    int           // new items of the flood feed
	seed     uint64
}

func calmScenario() loadScenario {
	return loadScenario{name: "calm", ordinary: 100, interval: 3 * time.Second, urgent: 60, over: 20 * time.Second, desks: 10, drain: 20 * time.Second, seed: 21}
}

func hostileScenario() loadScenario {
	return withHostileFeeds(calmScenario())
}

// withHostileFeeds is s with the hanging-pages feed and the flood feed.
func withHostileFeeds(s loadScenario) loadScenario {
	s.name, s.hostile, s.teasers, s.flood = "hostile", true, 50, 5000
	return s
}

// latencyScenario is a calm run of the benchmark: twice the urgent items
// to twice the desks, so each desk sees them at the same pace as in the
// test; the benchmark pools two such runs of each kind, so that the p99 of
// 240 is the third slowest, not the slowest.
func latencyScenario(seed uint64) loadScenario {
	s := calmScenario()
	s.urgent, s.desks, s.seed = 120, 20, seed
	return s
}

// urgentItem is an urgent item of an ordinary feed, and where it went.
type urgentItem struct {
	feed *outlet
	item loadItem
	desk int
}

// loadRun is one run of the bot under a scenario.
type loadRun struct {
	sc       loadScenario
	dir      string
	discord  *discordtest.Server
	ordinary []*outlet
	hang     *outlet // nil in the calm run
	flood    *outlet // nil in the calm run
	words    *wordGen
	// urgentWords writes the urgent items alone, so both scenarios of
	// one seed publish the same urgent items.
	urgentWords *wordGen
	urgent      []urgentItem
	teasers     []loadItem
	floods      []loadItem
	started     time.Time // when the hostile feeds published (or the urgent items began)
	exitCode    int

	// Read from the database after the bot stopped: the links of the
	// stored items, and the links named by posts still waiting in the
	// outbox or listed behind a fold message's page buttons.
	stored, pending map[string]bool
	// written is when each urgent item's alert was written to the outbox
	// (by guid), to tell the pipeline's share of a latency from delivery's,
	// and attempted when the outbox first handed it to Discord.
	written, attempted map[string]time.Time
	// floodPlanned is when the flood's last batch was planned (its fold's
	// newest post), to show how long storing the flood took.
	floodPlanned time.Time
}

// runLoad runs the bot through a scenario and returns what happened; the
// checks and figures are the caller's.
func runLoad(tb testing.TB, sc loadScenario) *loadRun {
	tb.Helper()
	r := &loadRun{sc: sc, dir: tb.TempDir(), words: newWordGen(sc.seed), urgentWords: newWordGen(sc.seed + 1)}
	r.discord = discordtest.NewServer(discordtest.Options{Seed: sc.seed})
	defer r.discord.Close()
	r.discord.AddGuild(loadGuild, "Desk")
	for _, d := range r.desks() {
		r.discord.AddChannel(loadGuild, d.id, d.name)
	}
	r.discord.AddChannel(loadGuild, opsChannelID, "ops")
	for _, spec := range []discordtest.FaultSpec{
		{Method: "POST", Path: "/channels/*/messages"},
		{Method: "PATCH", Path: "/channels/*/messages/*"},
	} {
		// Drawn by the message, not at random: the calm and the hostile
		// run send the same urgent alerts, which then meet the same 503s,
		// so their ratio measures the hostile feeds, not the draw.
		spec.Kind, spec.Status, spec.Times, spec.Probability, spec.ByContent = discordtest.FaultServerError, http.StatusServiceUnavailable, discordtest.Always, 0.05, true
		r.discord.Fail(spec)
	}

	base := time.Now().Add(-2 * time.Hour)
	for i := range sc.ordinary {
		o := newOutlet(fmt.Sprintf("Outlet %03d", i), 8, pagesFast)
		defer o.close()
		for j := range 4 {
			o.publish(o.item(fmt.Sprintf("o%03d-old%d", i, j), r.words.words(8), r.words.words(30)+".", base.Add(time.Duration(j)*time.Minute)))
		}
		r.ordinary = append(r.ordinary, o)
	}
	if sc.hostile {
		r.hang = newOutlet(loadHangFeed, 0, pagesHang)
		defer r.hang.close()
		r.flood = newOutlet(loadFloodFeed, 0, pagesFast)
		defer r.flood.close()
		for j := range 3 {
			r.hang.publish(r.hang.item(fmt.Sprintf("hang-old%d", j), r.words.words(8), r.words.words(20)+"…", base))
			r.flood.publish(r.flood.item(fmt.Sprintf("flood-old%d", j), r.words.words(8), r.words.words(20)+".", base))
		}
	}

	path := filepath.Join(r.dir, "wirewatch.toml")
	if err := os.WriteFile(path, []byte(r.config()), 0o600); err != nil {
		tb.Fatal(err)
	}
	tb.Setenv("DISCORD_TOKEN", "load-test-token")

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int, 1)
	out := &syncBuffer{}
	go func() { done <- runMain(ctx, []string{"run", "-config", path}, out, out) }()
	stopBot := func() {
		cancel()
		select {
		case r.exitCode = <-done:
		case <-time.After(30 * time.Second):
			tb.Fatal("the bot did not stop within 30 s of its context ending")
		}
	}

	// The backlog: every feed answered twice, so its first poll was handled.
	if !r.waitUntil(60*time.Second, done, r.backlogRecorded) {
		stopBot()
		tb.Fatalf("%s: the feeds' backlog was not recorded within 60 s (%d of %d feeds answered twice; exit %d):\n%s",
			sc.name, r.countAnswered(2), len(r.all()), r.exitCode, out)
	}
	r.started = time.Now()
	if sc.hostile {
		r.publishHostile()
	}
	r.publishUrgent(done)
	// Settled is read from Discord and, once every urgent item is shown,
	// from the database the bot writes (a fold paged over a hundred
	// messages takes minutes to go out at Discord's pace; stored and
	// pending, nothing is lost).
	db, err := openStore(context.Background(), r.dbPath())
	if err != nil {
		stopBot()
		tb.Fatal(err)
	}
	var read time.Time
	r.waitUntil(sc.drain, done, func() bool {
		if !r.urgentShown(r.view()) || time.Since(read) < time.Second {
			return false
		}
		read = time.Now()
		return r.readDatabase(db) == nil && r.settled()
	})
	db.Close()
	stopBot()
	if db, err = openStore(context.Background(), r.dbPath()); err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	if err := r.readDatabase(db); err != nil {
		tb.Fatal(err)
	}
	if err := r.readWritten(db); err != nil {
		tb.Fatal(err)
	}
	return r
}

// readWritten records when each stored urgent item's alert was written.
func (r *loadRun) readWritten(store storage.Store) error {
	ctx := context.Background()
	r.written, r.attempted = map[string]time.Time{}, map[string]time.Time{}
	for _, u := range r.urgent {
		it, err := store.ItemByLink(ctx, u.item.link)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		d := desks[u.desk]
		post, err := store.AlertPostFor(ctx, it.StoryID, "urgent-"+strings.TrimPrefix(d.name, "desk-"), d.name)
		if errors.Is(err, storage.ErrNotFound) {
			continue
		}
		if err != nil {
			return err
		}
		r.written[u.item.guid] = post.CreatedAt
		if !post.FirstAttemptAt.IsZero() {
			r.attempted[u.item.guid] = post.FirstAttemptAt
		}
	}
	return nil
}

func (r *loadRun) dbPath() string { return filepath.Join(r.dir, "w.db") }

// desks are the desks of the run's scenario.
func (r *loadRun) desks() []desk { return desks[:r.sc.desks] }

// readDatabase records which items the bot stored and which links its
// pending posts name.
func (r *loadRun) readDatabase(store storage.Store) error {
	ctx := context.Background()
	items, err := store.Latest(ctx, storage.Query{Limit: -1})
	if err != nil {
		return err
	}
	r.stored, r.pending = map[string]bool{}, map[string]bool{}
	for _, it := range items {
		r.stored[it.Link] = true
	}
	chans, err := store.PendingChannels(ctx)
	if err != nil {
		return err
	}
	for _, ch := range chans {
		posts, err := store.PendingPosts(ctx, ch, 1_000_000)
		if err != nil {
			return err
		}
		for _, p := range posts {
			raw, err := json.Marshal(p)
			if err != nil {
				return err
			}
			for _, l := range linkRE.FindAllString(string(raw), -1) {
				r.pending[l] = true
			}
		}
	}
	return r.readFolds(ctx, store)
}

// readFolds records the links of every fold message in Discord as its
// page buttons read them: the message shows its newest few, and its pages
// every item of the fold's posts (its first post, named by the message's
// marker, and the updates of it).
func (r *loadRun) readFolds(ctx context.Context, store storage.Store) error {
	for _, d := range r.desks() {
		for _, m := range r.discord.Messages(d.id) {
			if len(m.Embeds) == 0 || !foldedRE.MatchString(m.Embeds[0].Title) {
				continue
			}
			marker := bot.MessageMarker(bot.Message{Embeds: bot.FromEmbeds(m.Embeds)})
			f, ok, err := lookup.Fold(ctx, store, strings.TrimPrefix(marker, "ref:"))
			if err != nil {
				return err
			}
			if !ok {
				return fmt.Errorf("fold message %s names no fold post (marker %q)", m.ID, marker)
			}
			for _, it := range f.Items {
				r.pending[it.Link] = true
			}
			if d.id != desks[floodDesk].id {
				continue
			}
			id := strings.TrimPrefix(marker, "ref:")
			edits, err := store.Edits(ctx, id)
			if err != nil {
				return err
			}
			first, err := store.Post(ctx, id)
			if err != nil {
				return err
			}
			for _, post := range append(edits, first) {
				if post.CreatedAt.After(r.floodPlanned) {
					r.floodPlanned = post.CreatedAt
				}
			}
		}
	}
	return nil
}

// waitUntil polls cond until it holds, the bot exits, or within passes.
func (r *loadRun) waitUntil(within time.Duration, done chan int, cond func() bool) bool {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if cond() {
			return true
		}
		select {
		case code := <-done:
			r.exitCode = code
			done <- code
			return false
		case <-time.After(100 * time.Millisecond):
		}
	}
	return cond()
}

func (r *loadRun) all() []*outlet {
	out := slices.Clone(r.ordinary)
	if r.hang != nil {
		out = append(out, r.hang, r.flood)
	}
	return out
}

func (r *loadRun) backlogRecorded() bool { return r.countAnswered(2) == len(r.all()) }

// countAnswered is how many feeds answered at least n documents.
func (r *loadRun) countAnswered(n int) int {
	c := 0
	for _, o := range r.all() {
		if o.answered() >= n {
			c++
		}
	}
	return c
}

func (r *loadRun) publishHostile() {
	now := time.Now()
	for i := range r.sc.teasers {
		it := r.hang.item(fmt.Sprintf("hang-%03d", i), r.words.words(8), r.words.words(25)+" … Read more",
			now.Add(-time.Duration(r.sc.teasers-i)*time.Second), bulletinWord)
		r.teasers = append(r.teasers, it)
	}
	r.hang.publish(r.teasers...)
	for i := range r.sc.flood {
		it := r.flood.item(fmt.Sprintf("flood-%05d", i), r.words.words(8), r.words.words(30)+".",
			now.Add(-time.Duration(r.sc.flood-i)*time.Millisecond), urgentWord, desks[floodDesk].marker)
		r.floods = append(r.floods, it)
	}
	r.flood.publish(r.floods...)
}

// publishUrgent spreads the urgent items over the scenario's span, each in
// another ordinary feed and desk, with a routine item now and then.
func (r *loadRun) publishUrgent(done chan int) {
	step := r.sc.over / time.Duration(r.sc.urgent)
	next := time.Now()
	for i := range r.sc.urgent {
		time.Sleep(time.Until(next))
		next = next.Add(step)
		o := r.ordinary[(i*37)%len(r.ordinary)]
		d := i % r.sc.desks
		it := o.item(fmt.Sprintf("urgent-%03d", i), r.urgentWords.words(8), r.urgentWords.words(30)+".", time.Now(), urgentWord, desks[d].marker)
		r.urgent = append(r.urgent, urgentItem{feed: o, item: it, desk: d})
		o.publish(it)
		if i%3 == 0 {
			ro := r.ordinary[r.words.intN(len(r.ordinary))]
			ro.publish(ro.item(fmt.Sprintf("routine-%03d", i), r.words.words(8), r.words.words(30)+".", time.Now()))
		}
		select {
		case code := <-done:
			done <- code
			return
		default:
		}
	}
}

// urgentShown: every urgent item is in Discord.
func (r *loadRun) urgentShown(v loadView) bool {
	for _, u := range r.urgent {
		if len(v.alerts[u.item.link]) == 0 {
			return false
		}
	}
	return true
}

// settled: every urgent item is in Discord, and every item of the hostile
// feeds is accounted for (as of the last readDatabase).
func (r *loadRun) settled() bool {
	v := r.view()
	return r.urgentShown(v) && r.accounted(v, r.floods) == len(r.floods) && r.accounted(v, r.teasers) == len(r.teasers)
}

// loadView is what the loopback Discord shows.
type loadView struct {
	alerts  map[string][]discordtest.Message // item link → messages whose main embed links it
	linked  map[string]bool                  // every item link shown anywhere
	byDesk  map[string][]discordtest.Message // channel id → messages
	created int
}

var (
	linkRE   = regexp.MustCompile(`http://127\.0\.0\.1:\d+/a/[A-Za-z0-9-]+`)
	foldedRE = regexp.MustCompile(`\d[\d,]* more items?`) // what a fold post says
)

func (r *loadRun) view() loadView {
	v := loadView{alerts: map[string][]discordtest.Message{}, linked: map[string]bool{}, byDesk: map[string][]discordtest.Message{}}
	ids := []string{opsChannelID}
	for _, d := range r.desks() {
		ids = append(ids, d.id)
	}
	for _, id := range ids {
		for _, m := range r.discord.Messages(id) {
			v.created++
			v.byDesk[id] = append(v.byDesk[id], m)
			if len(m.Embeds) > 0 && m.Embeds[0].URL != "" {
				v.alerts[m.Embeds[0].URL] = append(v.alerts[m.Embeds[0].URL], m)
			}
			text := shownText(m)
			for _, l := range linkRE.FindAllString(text, -1) {
				v.linked[l] = true
			}
		}
	}
	return v
}

// accounted counts the items that are not lost: stored, and named in a
// message in Discord (an alert or a fold post) or in a post the outbox
// still holds.
func (r *loadRun) accounted(v loadView, items []loadItem) int {
	n := 0
	for _, it := range items {
		if r.stored[it.link] && (v.linked[it.link] || r.pending[it.link]) {
			n++
		}
	}
	return n
}

func (r *loadRun) countStored(items []loadItem) int {
	n := 0
	for _, it := range items {
		if r.stored[it.link] {
			n++
		}
	}
	return n
}

// shownText is all a message shows: content, and its embeds' titles,
// links, text, fields and footers.
func shownText(m discordtest.Message) string {
	var b strings.Builder
	b.WriteString(m.Content)
	for _, e := range m.Embeds {
		b.WriteString("\n" + e.Title + "\n" + e.URL + "\n" + e.Description)
		for _, f := range e.Fields {
			b.WriteString("\n" + f.Name + "\n" + f.Value)
		}
		if e.Footer != nil {
			b.WriteString("\n" + e.Footer.Text)
		}
	}
	return b.String()
}

// latencies returns, for each urgent item shown in Discord, the time from
// the first document holding it to the message's creation, and how many
// were never shown.
func (r *loadRun) latencies(v loadView) (lat []time.Duration, missing int) {
	for _, u := range r.urgent {
		ms := v.alerts[u.item.link]
		served, ok := u.feed.servedAt(u.item.guid)
		if len(ms) == 0 || !ok {
			missing++
			continue
		}
		lat = append(lat, ms[0].CreatedAt.Sub(served))
	}
	slices.Sort(lat)
	return lat, missing
}

// never is the latency of an item never shown.
const never = time.Duration(math.MaxInt64)

// percentile is the nearest-rank percentile of sorted durations; items
// never shown count as slower than any shown (the result is then +Inf
// when they reach the rank).
func percentile(sorted []time.Duration, missing int, p float64) time.Duration {
	n := len(sorted) + missing
	if n == 0 {
		return 0
	}
	rank := int(float64(n)*p/100+0.999999) - 1
	if rank < 0 {
		rank = 0
	}
	if rank >= len(sorted) {
		return never
	}
	return sorted[rank]
}

func (r *loadRun) config() string {
	var b strings.Builder
	fmt.Fprintf(&b, `[bot]
database = %q
log_level = "error"

[discord]
application_id = "100000000000000001"
guild_ids = [%q]
admin_channel = "ops"
api_base = %q

[polling]
tick = "@every 1s"
min_interval = "1s"
default_interval = %q

`, r.dbPath(), loadGuild, r.discord.URL()+"/api/", r.sc.interval.String())
	for _, o := range r.all() {
		fmt.Fprintf(&b, "[[feeds]]\nname = %q\nurl = %q\ninterval = %q\nallow_private = true\n\n", o.name, o.feedURL(), r.sc.interval.String())
	}
	fmt.Fprintf(&b, "[[channels]]\nname = \"ops\"\nid = %q\n\n", opsChannelID)
	for _, d := range r.desks() {
		fmt.Fprintf(&b, "[[channels]]\nname = %q\nid = %q\n\n", d.name, d.id)
	}
	for _, d := range r.desks() {
		fmt.Fprintf(&b, "[[rules]]\nname = \"urgent-%s\"\nquery = 'category:%s AND category:%s'\nchannels = [%q]\nseverity = \"urgent\"\nmentions = [%q]\n\n",
			strings.TrimPrefix(d.name, "desk-"), urgentWord, d.marker, d.name, d.role)
	}
	fmt.Fprintf(&b, "[[rules]]\nname = \"bulletins\"\nquery = 'category:%s'\nchannels = [%q]\nseverity = \"alert\"\n", bulletinWord, desks[teaserDesk].name)
	return b.String()
}

// loadReport is what a run showed, for the test's checks and the benchmark's log.
type loadReport struct {
	p50, p99         time.Duration
	written50        time.Duration // the median time from the document to the alert written to the outbox
	written99        time.Duration // ... and its p99: the pipeline's share of the latency
	delivered        int
	missing          int
	duplicated       int           // urgent items shown more than once
	floodMessages    int           // messages in the flood's desk that show flood items or fold them
	floodStored      int           // flood items in the database
	floodTook        time.Duration // from publishing the flood to planning its last batch
	floodAccounted   int           // ... also in an alert or fold post, sent or pending
	teaserStored     int
	teaserAccounted  int
	maxOvertaken     int // most flood messages created while an urgent alert of that desk waited in the outbox
	maxPings         int // most role pings in one channel
	pageRequests     int64
	violations       []string
	created, folds   int
	requests, faults int
	slowest          []string // the three slowest urgent items, and why
}

func (r *loadRun) report() loadReport {
	v := r.view()
	lat, missing := r.latencies(v)
	rep := loadReport{p50: percentile(lat, missing, 50), p99: percentile(lat, missing, 99), delivered: len(lat), missing: missing, created: v.created}
	for _, u := range r.urgent {
		if len(v.alerts[u.item.link]) > 1 {
			rep.duplicated++
		}
	}
	rep.slowest = r.slowest(v, 3)
	rep.written50, rep.written99 = r.writtenAfter(50), r.writtenAfter(99)
	st := r.discord.Stats()
	rep.requests, rep.faults, rep.violations = st.Requests, st.Injected, r.discord.Violations()
	for _, ms := range v.byDesk {
		pings := 0
		for _, m := range ms {
			if len(m.Pinged.Roles) > 0 || m.Pinged.Everyone {
				pings++
			}
			if foldedRE.MatchString(shownText(m)) {
				rep.folds++
			}
		}
		rep.maxPings = max(rep.maxPings, pings)
	}
	if !r.sc.hostile {
		return rep
	}
	rep.pageRequests = r.hang.pageHits.Load()
	rep.floodAccounted, rep.teaserAccounted = r.accounted(v, r.floods), r.accounted(v, r.teasers)
	rep.floodStored, rep.teaserStored = r.countStored(r.floods), r.countStored(r.teasers)
	if !r.floodPlanned.IsZero() {
		rep.floodTook = r.floodPlanned.Sub(r.started)
	}
	floodLinks := map[string]bool{}
	for _, it := range r.floods {
		floodLinks[it.link] = true
	}
	var floodAt []time.Time // creation times of the flood's messages
	for _, m := range v.byDesk[desks[floodDesk].id] {
		text := shownText(m)
		isFlood := foldedRE.MatchString(text)
		for _, l := range linkRE.FindAllString(text, -1) {
			isFlood = isFlood || floodLinks[l]
		}
		if isFlood {
			floodAt = append(floodAt, m.CreatedAt)
		}
	}
	rep.floodMessages = len(floodAt)
	for _, u := range r.urgent {
		ms := v.alerts[u.item.link]
		served, ok := u.feed.servedAt(u.item.guid)
		if u.desk != floodDesk || len(ms) == 0 || !ok {
			continue
		}
		// From when its alert was written: the flood's messages sent while
		// the pipeline still worked on the item waited for nothing of it.
		if w, ok := r.written[u.item.guid]; ok {
			served = w
		}
		n := 0
		for _, at := range floodAt {
			if at.After(served) && at.Before(ms[0].CreatedAt) {
				n++
			}
		}
		rep.maxOvertaken = max(rep.maxOvertaken, n)
	}
	return rep
}

// writtenAfter is the p-th percentile of the time from the document
// holding an urgent item to its alert written to the outbox.
func (r *loadRun) writtenAfter(p float64) time.Duration {
	var after []time.Duration
	for _, u := range r.urgent {
		served, ok := u.feed.servedAt(u.item.guid)
		if w, written := r.written[u.item.guid]; ok && written {
			after = append(after, w.Sub(served))
		}
	}
	slices.Sort(after)
	return percentile(after, 0, p)
}

// slowest describes the n slowest urgent items shown: latency, desk, when
// they were published in the run, and how many 5xx their channel was
// answered while they waited.
func (r *loadRun) slowest(v loadView, n int) []string {
	type shown struct {
		u       urgentItem
		lat     time.Duration
		served  time.Time
		created time.Time
	}
	var all []shown
	for _, u := range r.urgent {
		ms := v.alerts[u.item.link]
		served, ok := u.feed.servedAt(u.item.guid)
		if len(ms) > 0 && ok {
			all = append(all, shown{u, ms[0].CreatedAt.Sub(served), served, ms[0].CreatedAt})
		}
	}
	slices.SortFunc(all, func(a, b shown) int { return int(b.lat - a.lat) })
	reqs := r.discord.Requests()
	var out []string
	for _, s := range all[:min(n, len(all))] {
		// The channel's answers while it waited, each's offset from the
		// document: a 5xx and the retry that followed it, or a call
		// answered long after the alert was first sent.
		faults := 0
		var answers []string
		for _, q := range reqs {
			if !strings.HasPrefix(q.Path, "/channels/"+desks[s.u.desk].id+"/") || q.At.Before(s.served) || q.At.After(s.created.Add(5*time.Millisecond)) {
				continue
			}
			if q.Status >= 500 {
				faults++
			}
			answers = append(answers, fmt.Sprintf("%s %s %d", q.Method, q.At.Sub(s.served).Round(time.Millisecond), q.Status))
		}
		stored, attempted := "?", "?"
		if w, ok := r.written[s.u.item.guid]; ok {
			stored = w.Sub(s.served).Round(time.Millisecond).String()
		}
		if a, ok := r.attempted[s.u.item.guid]; ok {
			attempted = a.Sub(s.served).Round(time.Millisecond).String()
		}
		out = append(out, fmt.Sprintf("%s %s in %s at +%s (alert written after %s, first sent after %s; %d 5xx in its channel meanwhile; its channel answered: %s)",
			s.u.item.guid, s.lat.Round(time.Millisecond), desks[s.u.desk].name, s.served.Sub(r.started).Round(100*time.Millisecond), stored, attempted, faults, strings.Join(answers, ", ")))
	}
	return out
}

func (rep loadReport) String() string {
	return fmt.Sprintf("urgent items shown %d, never shown %d, shown twice or more %d; latency p50 %s p99 %s (alert written after p50 %s p99 %s); "+
		"flood: %d messages, %d items stored (last batch planned at +%s), %d in posts; teasers: %d stored, %d in posts; most flood messages ahead of an urgent one %d; "+
		"most pings in a channel %d; hanging page requests %d; %d messages (%d folds), %d REST requests, %d injected 5xx, %d violations; slowest: %s",
		rep.delivered, rep.missing, rep.duplicated, fmtLatency(rep.p50), fmtLatency(rep.p99), fmtLatency(rep.written50), fmtLatency(rep.written99),
		rep.floodMessages, rep.floodStored, rep.floodTook.Round(100*time.Millisecond), rep.floodAccounted, rep.teaserStored, rep.teaserAccounted, rep.maxOvertaken,
		rep.maxPings, rep.pageRequests, rep.created, rep.folds, rep.requests, rep.faults, len(rep.violations), strings.Join(rep.slowest, "; "))
}

func fmtLatency(d time.Duration) string {
	if d == never {
		return "never"
	}
	return d.Round(time.Millisecond).String()
}

// Limits the hostile run must stay within.
const (
	floodMessagesMax = 5 // "at most a handful of messages" for 5,000 items: 3 alerts and the fold
	overtakenMax     = 5 // the flood's first alerts of its priority and one in flight, within one Discord window
)

// TestHostileLoad runs the hostile scenario and checks what the issue asks:
// every urgent item of the ordinary feeds posted exactly once, none waiting
// behind the flood, role pings within the cap, no item of the hostile
// feeds lost, no Discord limit broken, a clean exit, and a run that was
// hostile (the hanging pages were asked for), and a flood of 5,000 items
// that became at most a handful of messages (its first 3 alerts and one
// fold message).
//
// The latency goals are the benchmark's, which checks them with
// WIREWATCH_LOAD_GOALS=1: a p99 is a timing, and on a shared machine a
// timing is a benchmark's figure, not an always-run test's.
func TestHostileLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the bot with 102 feeds for about 30 s")
	}
	sc := hostileScenario()
	// Wait longer for the flood to settle than the benchmark does: what
	// is checked here is that nothing is lost, and on a machine loaded by
	// other tests storing 5,000 items took more than 20 s (the wait ends
	// as soon as everything is accounted for).
	sc.drain = 90 * time.Second
	if raceDetector {
		// The same pace with a smaller load: under the detector the
		// full scenario measures the detector, not the bot.
		sc.ordinary, sc.urgent, sc.teasers, sc.flood = 30, 20, 20, 1000
	}
	r := runLoad(t, sc)
	rep := r.report()
	t.Log(rep)
	if r.exitCode != 0 {
		t.Errorf("run exited %d", r.exitCode)
	}
	if rep.pageRequests == 0 {
		t.Errorf("no page of the hanging feed was requested: the run was not hostile")
	}
	if rep.missing > 0 || rep.duplicated > 0 {
		t.Errorf("of %d urgent items, %d were never shown and %d more than once; want each once", len(r.urgent), rep.missing, rep.duplicated)
	}
	if rep.maxOvertaken > overtakenMax {
		t.Errorf("%d flood messages went out while an urgent alert of the same desk waited; want at most %d", rep.maxOvertaken, overtakenMax)
	}
	if rep.maxPings > loadPingCap {
		t.Errorf("a channel was pinged %d times; want at most %d", rep.maxPings, loadPingCap)
	}
	if rep.floodAccounted < sc.flood || rep.teaserAccounted < sc.teasers {
		t.Errorf("lost items: of %d flood items %d were stored and %d are in an alert or a fold post; of %d teasers %d and %d",
			sc.flood, rep.floodStored, rep.floodAccounted, sc.teasers, rep.teaserStored, rep.teaserAccounted)
	}
	if len(rep.violations) > 0 {
		t.Errorf("%d violations of Discord's limits, first: %s", len(rep.violations), rep.violations[0])
	}
	if rep.floodMessages > floodMessagesMax {
		t.Errorf("the flood of %d items became %d messages by the end of the run; want at most %d", sc.flood, rep.floodMessages, floodMessagesMax)
	}
}

// BenchmarkAlertLatency measures, in one run, the alert latency of urgent
// items (from the first document holding one to its message in the
// loopback Discord) with the ordinary feeds alone and with the hostile
// feeds added, and their ratio. Run it once: -benchtime 1x.
//
// The bot runs four times, calm, hostile, hostile, calm (each pair with
// the same urgent items), and each kind's percentiles are taken over its
// two runs: on a shared machine whose load drifts during the run, the
// drift then weighs on both kinds alike instead of on the later one.
func BenchmarkAlertLatency(b *testing.B) {
	for range b.N {
		first, second := latencyScenario(21), latencyScenario(31)
		var calmRuns, hostileRuns pooledLatencies
		for _, sc := range []loadScenario{first, withHostileFeeds(first), withHostileFeeds(second), second} {
			r := runLoad(b, sc)
			rep := r.report()
			b.Logf("%s (seed %d): %s", sc.name, sc.seed, rep)
			// Discord's limits hold in every run, calm or hostile: a
			// limit broken is a fault of the bot, not a timing.
			if len(rep.violations) > 0 {
				b.Errorf("%s (seed %d): %d violations of Discord's limits, first: %s", sc.name, sc.seed, len(rep.violations), rep.violations[0])
			}
			pool := &calmRuns
			if sc.hostile {
				pool = &hostileRuns
			}
			pool.add(r.latencies(r.view()))
		}
		calm, hostile := calmRuns.report(), hostileRuns.report()
		b.Logf("calm, %d urgent items: p50 %s p99 %s; hostile, %d: p50 %s p99 %s",
			calm.delivered+calm.missing, fmtLatency(calm.p50), fmtLatency(calm.p99),
			hostile.delivered+hostile.missing, fmtLatency(hostile.p50), fmtLatency(hostile.p99))
		ms := func(d time.Duration) float64 {
			if d == never {
				return math.Inf(1)
			}
			return float64(d) / float64(time.Millisecond)
		}
		b.ReportMetric(ms(calm.p50), "calm-p50-ms")
		b.ReportMetric(ms(calm.p99), "calm-p99-ms")
		b.ReportMetric(ms(hostile.p50), "hostile-p50-ms")
		b.ReportMetric(ms(hostile.p99), "hostile-p99-ms")
		b.ReportMetric(ms(hostile.p99)/ms(calm.p99), "p99-ratio")
		b.ReportMetric(float64(hostile.missing), "hostile-never-shown")
		if os.Getenv("WIREWATCH_LOAD_GOALS") != "" {
			if hostile.p99 > hostileP99Max {
				b.Errorf("goal missed: hostile p99 %s; want at most %s", hostile.p99, hostileP99Max)
			}
			if ratio := ms(hostile.p99) / ms(calm.p99); ratio > p99RatioMax {
				b.Errorf("goal missed: hostile p99 %.2fx the calm one; want at most %.1fx", ratio, p99RatioMax)
			}
		}
	}
}

// pooledLatencies are the urgent items' latencies of several runs.
type pooledLatencies struct {
	lat     []time.Duration // sorted
	missing int
}

func (p *pooledLatencies) add(lat []time.Duration, missing int) {
	p.lat = append(p.lat, lat...)
	slices.Sort(p.lat)
	p.missing += missing
}

// report holds the pool's percentiles and counts.
func (p pooledLatencies) report() loadReport {
	return loadReport{p50: percentile(p.lat, p.missing, 50), p99: percentile(p.lat, p.missing, 99), delivered: len(p.lat), missing: p.missing}
}

// The latency goals: the hostile run's p99, and its ratio to the
// calm run's, measured in one run.
const (
	hostileP99Max = 2 * time.Second
	p99RatioMax   = 1.5
)
