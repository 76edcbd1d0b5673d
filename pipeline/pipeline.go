// Package pipeline runs wirewatch's main job: due feeds are fetched, new
// items kept, summarized, grouped into stories and matched against the
// alert rules, and each item is stored together with the posts it causes,
// in one transaction, before the outbox delivers them.
//
// Feeds stream: Run polls each feed when its own next poll time comes (a
// timer on the earliest, not a global tick), and a feed's new items are
// stored and the outbox woken as soon as that feed's document is parsed,
// never waiting for other feeds. A slow, huge or hostile feed delays only
// itself. Cycle polls everything due once and waits, for the demo and tests.
// New items are stored in batches (storeBatch per transaction). Article
// pages are fetched after their items were stored and alerted from the
// feed's text, within budgets, and edit what they improve (pages.go).
//
// A post records what to say (model.Content: the report, the rule, the
// story's sources, a digest's stories), never how a platform shows it: the
// pipeline plans, the sink renders at send time. Planning applies flood
// control (flood.go): new alerts over a feed's per-poll cap or a channel's
// window cap are folded into paged fold posts, never dropped, and role
// pings over a channel's cap are left out.
//
// Rules: fetching, parsing, summarizing and rule matching run in parallel,
// one goroutine per feed being polled, at most polling.concurrency of them.
// Grouping, planning and storing (the commit) are serialized by one lock,
// so the story grouper and the alerts it causes see items one at a time, in
// a fixed order. A poll's commit takes it before bulk work that waits (a
// large poll's later batches, article pages), and a batch is cut short
// when another waits, so a flood holds another feed's alert back by one
// short batch at most (commit.go). The running configuration and compiled rules are swapped
// atomically on reload and read once per poll, so a poll never mixes two
// configurations. A feed's first poll records its backlog without posting
// it, and items older than polling.max_item_age are recorded, not posted.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math"
	"net/http"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"

	"wirewatch/config"
	"wirewatch/feeds"
	"wirewatch/model"
	"wirewatch/rules"
	"wirewatch/storage"
	"wirewatch/stories"
	"wirewatch/summarize"
)

// SummarySentences is how many sentences an alert's summary carries.
const SummarySentences = 3

// PruneInterval is how often, at most, storing new items prunes the story
// window (stories with no report within the window leave it).
const PruneInterval = time.Minute

// Runtime is one configuration with its compiled rules and story
// vocabulary. It is replaced whole on reload.
type Runtime struct {
	Config     *config.Config
	Rules      *rules.Engine
	Vocabulary *stories.Vocabulary
}

// NewRuntime compiles cfg's rules and story vocabulary; the error lists
// every mistake with its position.
func NewRuntime(cfg *config.Config) (*Runtime, error) {
	rules, err := rules.Compile(cfg)
	voc, verr := stories.NewVocabulary(cfg.Stories.Vocabulary)
	var list, vlist config.Errors
	if errors.As(err, &list) && errors.As(verr, &vlist) {
		return nil, append(list, vlist...)
	}
	if err != nil {
		return nil, err
	}
	if verr != nil {
		return nil, verr
	}
	return &Runtime{Config: cfg, Rules: rules, Vocabulary: voc}, nil
}

// NewGrouper returns an empty story grouper as the running pipeline groups:
// the config's window and vocabulary, dates read in each feed's zone and
// stories dated in the bot's, where dates are shown, and a report that
// links two stories merging them.
func (rt *Runtime) NewGrouper() *stories.Grouper {
	cfg := rt.Config
	g := stories.NewGrouperWith(cfg.Stories.Window, rt.Vocabulary)
	g.LocationOf = cfg.FeedLocation
	g.DeskZone = cfg.Location()
	g.LeadOf = summarize.StoryLead
	g.Merges = true
	return g
}

// Prepare cleans an item's text, writes its summary and finds its topics
// and the rules it matches, as the pipeline does before grouping: topics
// and rules come from one tokenization of the item.
func (rt *Runtime) Prepare(it *model.Item) []model.Match {
	it.Text = summarize.Clean(it.Text)
	it.Summary = summarize.Summarize(it.Title, it.Text, SummarySentences)
	topics, matches := rt.Rules.Analyze(*it)
	it.Topics = topics
	return matches
}

// Options tune a Pipeline; zero values are fine outside tests.
type Options struct {
	Logger    *slog.Logger
	Clock     func() time.Time
	Transport http.RoundTripper // for feed and page fetches; nil for the guarded default
	// Notify is called after posts were written (it wakes the outbox),
	// with the channels they were written to; none named: any channel.
	Notify func(channels ...string)
	// Observer is told what each poll did (metrics); nil for nothing.
	Observer Observer
	// SplitDigest splits a digest into the parts its channels' platform
	// shows one message each (bot.SplitDigest); nil posts a digest whole.
	SplitDigest func(model.DigestContent) []model.DigestContent
	// SummaryEvery is how often Run logs one line adding up the polls it
	// finished since the last one (none when it polled nothing); default
	// DefaultSummaryEvery.
	SummaryEvery time.Duration
}

// DefaultSummaryEvery is how often Run sums up its polls in the log.
const DefaultSummaryEvery = time.Minute

// Store is the part of storage.Store the pipeline uses; storage.Store
// satisfies it.
type Store interface {
	// Items: which are new, storing them with their stories and posts.
	KnownKeys(ctx context.Context, keys []string) (map[string]bool, error)
	SaveItems(ctx context.Context, batch []storage.ItemWrite) ([]bool, error)
	Latest(ctx context.Context, q storage.Query) ([]model.Item, error)
	// SaveFullText stores what an article page added to a stored item.
	SaveFullText(ctx context.Context, item model.Item, story *model.Story, revised []model.Post, posts []model.Post) error
	// Stories reloads the grouping window; Story is an item's story when
	// its article page arrives.
	Stories(ctx context.Context, q storage.Query) ([]model.Story, error)
	Story(ctx context.Context, id string) (model.Story, error)
	// Posts: digests and notices, and the alert a later source or an
	// article page edits.
	AddPosts(ctx context.Context, posts []model.Post) error
	// AddPostsMovingMeta writes a digest's posts with its last run.
	AddPostsMovingMeta(ctx context.Context, posts []model.Post, m storage.MetaMove) (bool, error)
	AlertPostFor(ctx context.Context, storyID, rule, channel string) (model.Post, error)
	StoryAlerts(ctx context.Context, storyID string) ([]model.Post, error) // the alerts a merge edits
	Post(ctx context.Context, id string) (model.Post, error)
	// Feed states.
	FeedState(ctx context.Context, feed string) (model.FeedState, error)
	FeedStates(ctx context.Context) ([]model.FeedState, error)
	SaveFeedState(ctx context.Context, st model.FeedState) error
	// Mutes in force, read once per feed poll.
	Mutes(ctx context.Context, at time.Time) ([]model.Mute, error)
	// Meta: digest runs and configured feed URLs.
	Meta(ctx context.Context, key string) (string, error)
	SetMeta(ctx context.Context, key, value string) error
}

// Pipeline polls feeds and turns new items into stored posts.
type Pipeline struct {
	store   Store
	runtime atomic.Pointer[Runtime]
	opts    Options
	log     *slog.Logger
	wake    chan struct{} // SetRuntime wakes Run's scheduler

	mu        sync.Mutex // guards fetcher, pages and built, rebuilt when polling settings change, and busy
	fetcher   *feeds.Fetcher
	pages     *feeds.PageClients
	pageLimit *feeds.Limiter // article pages in flight, apart from feed polls
	built     config.Polling
	busy      map[string]bool // feeds being polled, so none is polled twice at once

	pagesRunning sync.WaitGroup // polls whose article pages are being fetched
	pagesQueued  atomic.Int64   // article pages waiting or in flight

	commit      commitLock               // serializes grouping, planning and storing; guards the fields below
	grouper     *stories.Grouper         // rebuilt by loadWindow
	window      time.Duration            // the grouper's window
	voc         *stories.Vocabulary      // the grouper's vocabulary
	pruned      time.Time                // when the grouper was last pruned
	urlsChecked *config.Config           // the config whose feed URLs were last compared
	poll        *pollFlood               // flood control of the poll being stored
	floods      map[string]*channelFlood // flood control per channel name
	folds       map[foldKey]*foldGroup   // the fold message of each channel, feed and rule
	planned     map[alertKey]model.Post  // alerts planned in the batch being stored
	looked      map[alertKey]alertLookup // alerts storage returned during the batch
	begun       map[string]bool          // stories the batch began, with nothing merged into them: storage holds no alert of them
	wroteTo     map[string]bool          // channels the batch stored posts for, for Notify
}

// New returns a pipeline over store with the given runtime. It loads the
// story window from storage so grouping survives restarts.
func New(ctx context.Context, store Store, rt *Runtime, opts Options) (*Pipeline, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.Notify == nil {
		opts.Notify = func(...string) {}
	}
	if opts.SummaryEvery <= 0 {
		opts.SummaryEvery = DefaultSummaryEvery
	}
	p := &Pipeline{store: store, opts: opts, log: opts.Logger, wake: make(chan struct{}, 1), busy: map[string]bool{}}
	p.runtime.Store(rt)
	if err := p.loadWindow(ctx, rt); err != nil {
		return nil, err
	}
	return p, nil
}

// SetRuntime swaps in a new configuration; polls that start after it use it.
func (p *Pipeline) SetRuntime(rt *Runtime) {
	p.runtime.Store(rt)
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// Runtime returns the configuration in force.
func (p *Pipeline) Runtime() *Runtime { return p.runtime.Load() }

// loadWindow builds the story grouper afresh from the stories and items of
// the window in storage: at start, when a reload changes the window, and
// when storage refused an item the grouper had already taken in, so that
// memory never holds a source the database does not.
func (p *Pipeline) loadWindow(ctx context.Context, rt *Runtime) error {
	cfg := rt.Config
	since := p.opts.Clock().Add(-stories.Retention(cfg.Stories.Window)) // as long as a grouper keeps them
	items, err := p.store.Latest(ctx, storage.Query{Since: since, Limit: -1})
	if err != nil {
		return fmt.Errorf("load story window: %w", err)
	}
	sts, err := p.store.Stories(ctx, storage.Query{Since: since, Limit: -1})
	if err != nil {
		return fmt.Errorf("load story window: %w", err)
	}
	g := rt.NewGrouper()
	g.Load(items, sts)
	p.grouper, p.window, p.voc = g, cfg.Stories.Window, rt.Vocabulary
	return nil
}

// clients returns the fetcher and page clients for the polling settings in
// force, building them again only when the settings changed.
func (p *Pipeline) clients(pol config.Polling) (*feeds.Fetcher, *feeds.PageClients, *feeds.Limiter) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.fetcher != nil && p.built == pol {
		return p.fetcher, p.pages, p.pageLimit
	}
	opts := feeds.Options{
		UserAgent:    pol.UserAgent,
		Timeout:      pol.Timeout,
		MaxBodyBytes: pol.MaxBodyBytes,
		PerHost:      pol.PerHost,
		Concurrency:  pol.Concurrency,
		Transport:    p.opts.Transport,
	}
	p.fetcher = feeds.NewFetcher(opts)
	p.pages = feeds.NewPageClients(opts)
	p.pageLimit = feeds.NewLimiter(pol.Concurrency, pol.PerHost)
	p.built = pol
	return p.fetcher, p.pages, p.pageLimit
}

// Stats counts what one cycle (or one feed's poll) did.
type Stats struct {
	Polled, Failed, NotModified int
	NewItems, Backlog, Posts    int
}

func (s *Stats) add(o Stats) {
	s.Polled += o.Polled
	s.Failed += o.Failed
	s.NotModified += o.NotModified
	s.NewItems += o.NewItems
	s.Backlog += o.Backlog
	s.Posts += o.Posts
}

// Cycle polls every feed that is due once, at most polling.concurrency at a
// time, and returns when all are done, their article pages included. For
// the demo and tests, whose output must not depend on which server answers
// first, feeds are stored in the order they were due (most overdue first,
// then config order), each as soon as it and those before it are done; Run
// stores each feed the moment it is done. Feeds Run is polling at the
// moment are skipped.
func (p *Pipeline) Cycle(ctx context.Context) (Stats, error) {
	rt := p.runtime.Load()
	states, err := p.feedStates(ctx)
	if err != nil {
		return Stats{}, err
	}
	if err := p.prepare(ctx, rt, states); err != nil {
		return Stats{}, err
	}
	due := feeds.Due(rt.Config.Feeds, states, p.opts.Clock())
	var (
		mu    sync.Mutex
		total Stats
		errs  []error
		wg    sync.WaitGroup
	)
	// Concurrency workers take the due feeds in turn: the fetcher limits
	// requests too, but a goroutine per feed costs memory while it waits
	// and a stack to grow again for every parse.
	// turns[i] is closed when the feeds before the i-th are stored. The
	// feeds are handed out in order, so the one a worker waits for is
	// always held by another worker.
	turns := make([]chan struct{}, len(due)+1)
	for i := range turns {
		turns[i] = make(chan struct{})
	}
	close(turns[0])
	next := make(chan int)
	for range min(max(1, rt.Config.Polling.Concurrency), len(due)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f := due[i]
				if !p.claim(f.Name) {
					<-turns[i]
					close(turns[i+1])
					continue
				}
				prev, had := states[f.Name]
				st, _, err := p.pollFeed(ctx, rt, f, prev, had, turns[i])
				close(turns[i+1])
				p.release(f.Name)
				mu.Lock()
				total.add(st)
				if err != nil {
					errs = append(errs, fmt.Errorf("feed %s: %w", f.Name, err))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range due {
		next <- i
	}
	close(next)
	wg.Wait()
	p.pagesRunning.Wait() // the article pages of these polls (and any other running)
	return total, errors.Join(append(errs, ctx.Err())...)
}

// prepare brings the pipeline up to rt before polls under it start: the
// story window when its length or vocabulary changed, and feeds whose URL the admins
// changed (their states in states are reset too).
func (p *Pipeline) prepare(ctx context.Context, rt *Runtime, states map[string]model.FeedState) error {
	p.lockCommit()
	defer p.unlockCommit()
	if rt.Config.Stories.Window != p.window || rt.Vocabulary != p.voc {
		if err := p.loadWindow(ctx, rt); err != nil {
			return err
		}
	}
	if rt.Config != p.urlsChecked {
		if err := p.followConfiguredURLs(ctx, rt.Config.Feeds, states); err != nil {
			return err
		}
		p.urlsChecked = rt.Config
	}
	return nil
}

// claim marks a feed as being polled; false when it already is.
func (p *Pipeline) claim(feed string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.busy[feed] {
		return false
	}
	p.busy[feed] = true
	return true
}

func (p *Pipeline) release(feed string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.busy, feed)
}

func (p *Pipeline) polling(feed string) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.busy[feed]
}

// pollFeed polls one feed, which the caller has claimed, and commits what it
// found once turn is closed (nil: at once). It returns the feed's state as now stored (its next poll time set
// even when storing failed, so a broken database is not polled in a loop).
// prev is the feed's stored state; had is false for a feed never polled.
// Its error does not name the feed: the caller's log line has it in a
// field, and Cycle adds it.
func (p *Pipeline) pollFeed(ctx context.Context, rt *Runtime, f config.Feed, prev model.FeedState, had bool, turn <-chan struct{}) (Stats, model.FeedState, error) {
	fetcher, _, _ := p.clients(rt.Config.Polling)
	r := p.pollOne(ctx, rt, fetcher, f, prev, had, p.opts.Clock())
	if turn != nil {
		select {
		case <-turn:
		case <-ctx.Done():
		}
	}
	if ctx.Err() != nil {
		return Stats{}, r.prev, ctx.Err()
	}
	st, state, err := p.handle(ctx, rt, r)
	if pages := pagesFor(rt, r, p.opts.Clock()); len(pages) > 0 {
		// Stored and alerted from the feed's text: the pages follow,
		// outside the feed's slot, and edit what they improve.
		p.pagesRunning.Add(1)
		go func() {
			defer p.pagesRunning.Done()
			p.fetchPages(ctx, rt, f, pages, r.flood)
		}()
	}
	return st, state, err
}

func (p *Pipeline) feedStates(ctx context.Context) (map[string]model.FeedState, error) {
	list, err := p.store.FeedStates(ctx)
	if err != nil {
		return nil, fmt.Errorf("load feed states: %w", err)
	}
	m := make(map[string]model.FeedState, len(list))
	for _, s := range list {
		m[s.Feed] = s
	}
	return m, nil
}

// configuredURLKey is the metadata key holding the URL a feed's config
// gave when its state was last saved.
func configuredURLKey(feed string) string { return "feed-url:" + feed }

// followConfiguredURLs starts a feed over from its configured URL when the
// admins changed it; it runs once per configuration, not per cycle. The polled URL differs from the configured one after a
// permanent redirect too, so the configured URL is remembered apart.
func (p *Pipeline) followConfiguredURLs(ctx context.Context, list []config.Feed, states map[string]model.FeedState) error {
	for _, f := range list {
		was, err := p.store.Meta(ctx, configuredURLKey(f.Name))
		if err != nil && !errors.Is(err, storage.ErrNotFound) {
			return fmt.Errorf("configured URL of feed %s: %w", f.Name, err)
		}
		if was == f.URL {
			continue
		}
		if st, ok := states[f.Name]; ok && was != "" {
			p.log.Info("feed URL changed in the config", "feed", f.Name, "from", was, "to", f.URL)
			fresh := model.FeedState{Feed: f.Name, URL: f.URL, Initialized: st.Initialized, ItemsSeen: st.ItemsSeen}
			if err := p.store.SaveFeedState(ctx, fresh); err != nil {
				return fmt.Errorf("reset feed %s: %w", f.Name, err)
			}
			states[f.Name] = fresh
		}
		if err := p.store.SetMeta(ctx, configuredURLKey(f.Name), f.URL); err != nil {
			return fmt.Errorf("configured URL of feed %s: %w", f.Name, err)
		}
	}
	return nil
}

// polled is one feed's poll outcome, handed from the fetching goroutine to
// the commit.
type polled struct {
	feed  config.Feed
	prev  model.FeedState
	res   feeds.Result
	err   error
	known bool // the feed had a state before (else its items are backlog)

	fresh     []model.Item    // the items not stored yet, oldest first, enriched
	matches   [][]model.Match // the rules each fresh item matches
	wantsPage []bool          // the item is a teaser whose article page full_text asks for
	freshErr  error           // looking up which items are new failed
	// flood is the poll's flood control, for the alerts of its items from
	// the feed's text and later from their article pages alike.
	flood *pollFlood

	took   time.Duration // how long fetching and parsing the document took
	parsed time.Time     // when the document was parsed (wall clock, for alert latency)
}

// pollOne polls one due feed and, when it has a new document, finds its
// new items, fills in their full text, and summarizes and matches them,
// all outside the commit lock.
func (p *Pipeline) pollOne(ctx context.Context, rt *Runtime, fetcher *feeds.Fetcher, f config.Feed, prev model.FeedState, had bool, now time.Time) polled {
	if !had || prev.URL == "" {
		prev = model.FeedState{Feed: f.Name, URL: f.URL, Initialized: prev.Initialized}
	}
	r := polled{feed: f, prev: prev, known: had && prev.Initialized}
	began := time.Now()
	r.res, r.err = fetcher.Poll(ctx, f, prev, now)
	r.parsed = time.Now()
	r.took = r.parsed.Sub(began)
	if r.err == nil && !r.res.NotModified {
		r.fresh, r.freshErr = p.newItems(ctx, r.res.Items)
		r.matches = make([][]model.Match, len(r.fresh))
		r.wantsPage = make([]bool, len(r.fresh))
		parallel(len(r.fresh), func(i int) {
			r.wantsPage[i] = wantsFullText(f, r.fresh[i].Text)
			r.matches[i] = rt.Prepare(&r.fresh[i])
		})
		matching := 0
		for _, m := range r.matches {
			if len(m) > 0 {
				matching++
			}
		}
		r.flood = newPollFlood(rt, f, matching)
	}
	return r
}

// parallel runs do(0..n-1) on as many goroutines as there are processors
// but one: a feed that publishes thousands of items at once is summarized
// and matched on every core but the one left to other feeds' polls and to
// delivery, whose urgent alerts would otherwise queue for a core behind it.
func parallel(n int, do func(i int)) {
	workers := min(n, max(1, runtime.GOMAXPROCS(0)-1))
	if workers <= 1 {
		for i := range n {
			do(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				do(i)
			}
		}()
	}
	wg.Wait()
}

// handle stores one feed's new items with their posts and its new state,
// taking the commit lock for each batch of items and for the state, so that
// other feeds' polls are stored between the batches of a large one. It
// returns the feed's state.
func (p *Pipeline) handle(ctx context.Context, rt *Runtime, r polled) (Stats, model.FeedState, error) {
	now := p.opts.Clock()
	log := p.log.With("feed", r.feed.Name, "url", r.prev.URL)
	var resPtr *feeds.Result
	if r.err == nil {
		resPtr = &r.res
	}
	state, transition := feeds.Schedule(stateAfter(r), r.feed, rt.Config.Polling, resPtr, r.err, now)
	st := Stats{Polled: 1}
	p.observer().Polled(r.feed.Name, pollResult(r), r.took, state.Failures)
	switch {
	case r.err != nil:
		st.Failed++
		// The line names the feed and URL: its err says only why.
		log.Warn("poll failed", "err", feeds.Cause(r.err), "failures", state.Failures, "next", state.NextPoll)
	case r.res.NotModified:
		st.NotModified++
	default:
		if r.freshErr != nil {
			return st, state, fmt.Errorf("find new items: %w", r.freshErr)
		}
		added, posts, err := p.storeItems(ctx, rt, r.feed, r.fresh, r.matches, r.flood, r.known, r.parsed)
		if err != nil {
			return st, state, err
		}
		state.ItemsSeen += int64(added)
		if r.known {
			st.NewItems += added
		} else {
			st.Backlog += added
		}
		st.Posts += posts
		state.Initialized = true
		// items counts the whole document: the items parsed and those the
		// fetcher skipped as unchanged since the last poll. A poll that
		// found nothing new is told by the summary line only.
		level := slog.LevelDebug
		if added > 0 {
			level = slog.LevelInfo
		}
		log.Log(ctx, level, "polled", "items", len(r.res.Items)+r.res.Unchanged, "new", added, "first_poll", !r.known, "posts", posts, "next", state.NextPoll)
	}
	p.lockCommit()
	defer p.unlockCommit()
	p.prune(now, st.NewItems+st.Backlog > 0)
	if cur := p.runtime.Load().Config.Feed(r.feed.Name); cur != nil && cur.URL != r.feed.URL {
		// The admins moved the feed while it was polled: the state of the
		// old URL must not overwrite the reset that the move causes.
		return st, p.storedState(ctx, r.feed.Name, state), nil
	}
	if err := p.notice(ctx, rt, r.feed, state, transition); err != nil {
		return st, state, err
	}
	if err := p.store.SaveFeedState(ctx, state); err != nil {
		return st, state, fmt.Errorf("save state: %w", err)
	}
	return st, state, nil
}

// storedState returns a feed's stored state, or fallback when it cannot be read.
func (p *Pipeline) storedState(ctx context.Context, feed string, fallback model.FeedState) model.FeedState {
	st, err := p.store.FeedState(ctx, feed)
	if err != nil {
		return fallback
	}
	return st
}

// prune drops stories that left the window from the grouper. Pruning
// rebuilds the grouper's index: worth it a minute after stories were added,
// or hourly so that old ones leave the window on quiet days.
func (p *Pipeline) prune(now time.Time, added bool) {
	if (added && now.Sub(p.pruned) > PruneInterval) || now.Sub(p.pruned) > time.Hour {
		p.grouper.Prune(now)
		p.pruned = now
	}
}

// stateAfter is the state a poll left: the fetcher's on success, the old one on failure.
func stateAfter(r polled) model.FeedState {
	if r.err != nil {
		return r.prev
	}
	return r.res.State
}

// notice tells the admin channel once when a feed breaks or recovers.
func (p *Pipeline) notice(ctx context.Context, rt *Runtime, f config.Feed, st model.FeedState, t feeds.Transition) error {
	var text string
	switch t {
	case feeds.BecameBroken:
		text = fmt.Sprintf("Feed %q is broken after %d failed polls: %s. It is still retried and will recover by itself.", f.Name, st.Failures, st.LastError)
	case feeds.Recovered:
		text = fmt.Sprintf("Feed %q works again.", f.Name)
	default:
		return nil
	}
	p.log.Warn("feed notice", "feed", f.Name, "notice", text)
	admin := rt.Config.Discord.AdminChannel
	ch := rt.Config.Channel(admin)
	if ch == nil {
		return nil
	}
	post := NoticePost(*ch, text, p.opts.Clock())
	if err := p.store.AddPosts(ctx, []model.Post{post}); err != nil {
		return fmt.Errorf("add notice: %w", err)
	}
	p.opts.Notify()
	return nil
}

// storeBatch is how many new items one transaction stores at most;
// batchTime how long at most a batch is grouped and planned under the
// commit lock before it is written when another poll waits for it, and
// batchMaxTime when none does. The cap on time bounds the write itself:
// a poll that comes while a batch is written waits for all of it, and a
// flood's 200 items, planned for 0.6 s on a loaded machine, took 80 ms to
// write. 25 ms instead of 100 was tried: the hostile alert-latency ratio
// was within 1.5x in three of five runs (one of three at 100 ms, within
// the noise), but under the race detector the flood test's 5,000 items,
// in many more transactions, took four minutes. Large enough that a feed publishing thousands at once is stored
// in seconds, small enough that other feeds' polls wait little for theirs.
const (
	storeBatch   = 200
	batchTime    = 5 * time.Millisecond
	batchMaxTime = 100 * time.Millisecond
)

// storeItems keeps the new items of one feed, oldest first, in batches of
// storeBatch, each under the commit lock, with flood the poll's flood
// control, and returns how many were stored and how many posts they caused.
func (p *Pipeline) storeItems(ctx context.Context, rt *Runtime, f config.Feed, fresh []model.Item, matches [][]model.Match, flood *pollFlood, postable bool, parsed time.Time) (int, int, error) {
	added, posts := 0, 0
	var muted mutes
	if postable {
		var err error
		if muted, err = p.mutesNow(ctx); err != nil {
			return 0, 0, err
		}
	}
	for start := 0; start < len(fresh); {
		end := min(start+storeBatch, len(fresh))
		if start == 0 {
			p.lockCommit()
		} else {
			p.lockCommitBulk()
		}
		p.poll = flood
		took, a, n, edits, err := p.storeBatch(ctx, rt, f, fresh[start:end], matches[start:end], muted, postable, parsed)
		p.poll = nil
		wrote := slices.Collect(maps.Keys(p.wroteTo))
		p.wroteTo = nil
		p.unlockCommit()
		first := start == 0
		start += took
		added, posts = added+a, posts+n
		if n > 0 && (first || n > edits || start >= len(fresh) || err != nil) {
			// A long feed's first alerts go out while its later batches
			// are stored. A later batch that only updates messages (its
			// fold's, a story's alert) wakes delivery only as the poll's
			// last: the outbox sends an edit at most every edit interval
			// anyway, and a flood stored in hundreds of short batches
			// woke every channel's delivery hundreds of times, taking
			// the CPU from other feeds' urgent alerts. Only the channels
			// written to are woken, so a flood's fold channel is not read
			// again for every other feed's alert, nor theirs for its.
			p.opts.Notify(wrote...)
		}
		if err != nil {
			p.lockCommitBulk()
			p.dropFolds(flood)
			p.unlockCommit()
			return added, posts, err
		}
	}
	return added, posts, nil
}

// alertKey names the alert of a story for a rule in a channel.
type alertKey struct{ story, rule, channel string }

// storeBatch groups and plans a batch of items, or as many of them as
// batchTime allows (took), and stores them in one transaction. Alerts planned earlier in the batch are not stored yet when
// later items of their story are planned, so plan finds them in p.planned.
func (p *Pipeline) storeBatch(ctx context.Context, rt *Runtime, f config.Feed, fresh []model.Item, matches [][]model.Match, muted mutes, postable bool, parsed time.Time) (took, added, posts, updates int, err error) {
	p.planned = map[alertKey]model.Post{}
	p.looked = map[alertKey]alertLookup{}
	p.begun = map[string]bool{}
	defer func() { p.planned, p.looked, p.begun = nil, nil, nil }()
	now := p.opts.Clock()
	began := time.Now()
	batch := make([]storage.ItemWrite, len(fresh))
	storyOf := make([]model.Story, len(fresh))
	extra := make([][]model.Post, len(fresh))
	decisions := make([]model.Decision, len(fresh))
	for i := range fresh {
		it := &fresh[i]
		var join stories.Join
		storyOf[i], join = p.grouper.AddJoin(it, f.Zone(rt.Config))
		decisions[i] = joinDecision(storyOf[i].ID, join)
		if sev := highestSeverity(matches[i]); sev != "" {
			storyOf[i].Severity = p.grouper.Raise(storyOf[i].ID, sev)
		}
		// A story the item began has a new id, so storage holds no alert
		// of it to look up (a flood's thousands of new stories asked it
		// twice each), unless another story is merged into it.
		merges := p.grouper.TakeMerges()
		if join.New && len(merges) == 0 {
			p.begun[storyOf[i].ID] = true
		}
		for _, m := range merges {
			delete(p.begun, m.Into)
			delete(p.begun, m.From)
		}
		// A report that linked two stories made them one: their alerts
		// are edited before the report's own posts are planned.
		ps, absorbed, err := p.planMerges(ctx, rt, merges, storyOf[i], postable)
		if err != nil {
			return 0, 0, 0, 0, p.forget(ctx, rt, err)
		}
		decisions[i].Merged = absorbed
		switch {
		case !postable:
			decisions[i].Unposted = model.UnpostedBacklog
		case now.Sub(it.Published) > rt.Config.Polling.MaxItemAge:
			decisions[i].Unposted = model.UnpostedOld
		default:
			own, err := p.plan(ctx, rt, *it, storyOf[i], matches[i], muted, &decisions[i])
			if err != nil {
				return 0, 0, 0, 0, p.forget(ctx, rt, err)
			}
			ps = append(ps, own...)
			for _, post := range ps {
				if post.Kind == model.PostAlert {
					p.planned[alertKey{post.StoryID, post.Rule, post.Channel}] = post
				}
			}
		}
		// Notices go with the item that caused them, and the batch's
		// last item takes its folds: every folded item is listed in the
		// transaction that stores it. A batch also ends when it has held
		// the commit lock for batchTime while another poll waits for it,
		// so that poll is stored soon after its document came, and after
		// batchMaxTime in any case.
		held := time.Since(began)
		last := i == len(fresh)-1 || held >= batchMaxTime || (held >= batchTime && p.commitWaiting())
		extra[i] = p.poll.take(rt, now, last)
		batch[i] = storage.ItemWrite{Item: it, Story: &storyOf[i], Posts: append(ps, extra[i]...), Merged: absorbed, Decision: &decisions[i]}
		if last {
			batch, extra = batch[:i+1], extra[:i+1]
			break
		}
	}
	took = len(batch)
	dropSupersededEdits(batch)
	saved, err := p.store.SaveItems(ctx, batch)
	if err != nil {
		return took, 0, 0, 0, p.forget(ctx, rt, fmt.Errorf("save %d items: %w", len(batch), err))
	}
	var alerts []model.Post
	p.wroteTo = map[string]bool{}
	for i, ok := range saved {
		switch {
		case ok:
			added++
			posts += len(batch[i].Posts)
			for _, post := range batch[i].Posts {
				p.wroteTo[post.Channel] = true
				switch post.Kind {
				case model.PostAlert:
					alerts = append(alerts, post)
				case model.PostUpdate:
					updates++
				}
			}
		case len(extra[i]) > 0:
			// The item was stored before; the folds and notices it
			// carried are not its own and must not be lost.
			if err := p.store.AddPosts(ctx, extra[i]); err != nil {
				return took, added, posts, updates, p.forget(ctx, rt, err)
			}
			posts += len(extra[i])
			for _, post := range extra[i] {
				p.wroteTo[post.Channel] = true
				if post.Kind == model.PostUpdate {
					updates++
				}
			}
		}
	}
	if postable {
		p.observer().Stored(f.Name, added, alerts, parsed)
	}
	if added < len(batch) {
		// Another replica stored some items first: the grouper took in
		// sources the database does not have.
		if err := p.forget(ctx, rt, nil); err != nil {
			return took, added, posts, updates, err
		}
	}
	return took, added, posts, updates, nil
}

// joinDecision starts an item's decision record with how it found its story.
func joinDecision(storyID string, j stories.Join) model.Decision {
	d := model.Decision{StoryID: storyID, Sources: j.Sources}
	switch {
	case j.New:
		d.Story = model.StoryNew
	case j.SameLink:
		d.Story = model.StoryLink
	default:
		d.Story, d.Score, d.Needed = model.StorySimilar, math.Round(j.Score*100)/100, j.Needed
	}
	return d
}

// highestSeverity is the highest severity of the rules an item matched,
// "" for none.
func highestSeverity(matches []model.Match) model.Severity {
	var sev model.Severity
	for _, m := range matches {
		if m.Severity.Rank() > sev.Rank() {
			sev = m.Severity
		}
	}
	return sev
}

// forget rebuilds the grouper from storage after it took in items that were
// not stored, and returns err (or the rebuild's error when err is nil).
func (p *Pipeline) forget(ctx context.Context, rt *Runtime, err error) error {
	if lerr := p.loadWindow(ctx, rt); lerr != nil && err == nil {
		return lerr
	}
	return err
}

// dropSupersededEdits keeps, of the edits a batch makes to one message, only
// the last: each carries the whole message as the story then stood, and
// none was sent yet, so the earlier ones would only be overwritten. A
// fold's updates are kept: each lists items no other post does.
func dropSupersededEdits(batch []storage.ItemWrite) {
	last := map[string][2]int{}
	for i, w := range batch {
		for j, post := range w.Posts {
			if post.Kind == model.PostUpdate && post.ReplaceOf != "" && post.Content.Fold == nil {
				last[post.ReplaceOf] = [2]int{i, j}
			}
		}
	}
	for i := range batch {
		ps := batch[i].Posts[:0:0]
		for j, post := range batch[i].Posts {
			if post.Kind == model.PostUpdate && post.ReplaceOf != "" && post.Content.Fold == nil && last[post.ReplaceOf] != [2]int{i, j} {
				continue
			}
			ps = append(ps, post)
		}
		batch[i].Posts = ps
	}
}

// errBegunInBatch is alertPostFor's answer for a story the batch began.
var errBegunInBatch = fmt.Errorf("a story begun in this batch has no stored alert: %w", storage.ErrNotFound)

// alertPostFor is storage's AlertPostFor that also sees the alerts planned
// in the batch being stored.
func (p *Pipeline) alertPostFor(ctx context.Context, storyID, rule, channel string) (model.Post, error) {
	k := alertKey{storyID, rule, channel}
	if post, ok := p.planned[k]; ok {
		return post, nil
	}
	if l, ok := p.looked[k]; ok {
		return l.post, l.err
	}
	if p.begun[storyID] {
		return model.Post{}, errBegunInBatch
	}
	post, err := p.store.AlertPostFor(ctx, storyID, rule, channel)
	if p.looked != nil && (err == nil || errors.Is(err, storage.ErrNotFound)) {
		// The items of a batch often share a story: ask storage once.
		p.looked[k] = alertLookup{post, err}
	}
	return post, err
}

// alertLookup is what storage answered for an alert during a batch.
type alertLookup struct {
	post model.Post
	err  error
}

// newItems drops items already stored (and repeats within the batch), and
// orders the rest oldest first so stories and alerts follow publication order.
func (p *Pipeline) newItems(ctx context.Context, items []model.Item) ([]model.Item, error) {
	keys := make([]string, len(items))
	for i, it := range items {
		keys[i] = it.Key
	}
	known, err := p.store.KnownKeys(ctx, keys)
	if err != nil {
		return nil, fmt.Errorf("check known items: %w", err)
	}
	seen := make(map[string]bool, len(items))
	var fresh []model.Item
	for _, it := range items {
		if known[it.Key] || seen[it.Key] {
			continue
		}
		seen[it.Key] = true
		fresh = append(fresh, it)
	}
	sort.SliceStable(fresh, func(i, j int) bool { return fresh[i].Published.Before(fresh[j].Published) })
	return fresh, nil
}

func wantsFullText(f config.Feed, text string) bool {
	switch f.FullText {
	case "true":
		return true
	case "false":
		return false
	}
	return summarize.IsTeaser(text)
}

func (p *Pipeline) fullText(ctx context.Context, rt *Runtime, f config.Feed, link string) (string, error) {
	if link == "" {
		return "", errors.New("item has no link")
	}
	_, pages, _ := p.clients(rt.Config.Polling)
	// A feed allowed on a private address may have its own articles fetched
	// there (redirects on its host included); a link or redirect elsewhere
	// is untrusted feed content and goes through the guard.
	a, err := summarize.FetchArticle(ctx, pages.For(f.URL, f.AllowPrivate, link), link, rt.Config.Polling.MaxBodyBytes)
	return a.Text, err
}

// newPost is a pending post of a kind for a channel, at the priority of
// its kind; alerts set theirs from their rule's severity.
func newPost(kind model.PostKind, ch config.Channel, now time.Time) model.Post {
	return model.Post{
		ID:        uuid.NewString(),
		Kind:      kind,
		Priority:  model.PriorityOf(kind, ""),
		Channel:   ch.Name,
		ChannelID: ch.ID,
		State:     model.PostPending,
		CreatedAt: now,
	}
}
