package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync"
	"time"

	"wirewatch/model"
)

// Store is the part of storage.Store the outbox uses; storage.Store
// satisfies it.
type Store interface {
	// PendingChannels lists the channels that have pending posts.
	PendingChannels(ctx context.Context) ([]string, error)
	// LeaseChannel takes or renews this sender's lease on a channel and
	// reports whether it holds it (another replica may).
	LeaseChannel(ctx context.Context, channel string) (bool, error)
	// PendingPosts returns up to limit pending posts of one channel,
	// highest priority first, then oldest first.
	PendingPosts(ctx context.Context, channel string, limit int) ([]model.Post, error)
	// Post returns one post by id (storage.ErrNotFound if there is none).
	Post(ctx context.Context, id string) (model.Post, error)
	// MarkSent records the message id of a delivered post.
	MarkSent(ctx context.Context, id, messageID string, at time.Time) error
	// MarkSuperseded records, in one write, pending updates that a newer
	// update of the same message replaces: sent, as that message.
	MarkSuperseded(ctx context.Context, ids []string, messageID string, at time.Time) error
	// MarkFirstAttempt records when a post is first sent, before the
	// call, keeping the first time (storage.ErrNotFound if there is none).
	MarkFirstAttempt(ctx context.Context, id string, at time.Time) error
	// MarkAttempt records a failed attempt that will be retried.
	MarkAttempt(ctx context.Context, id string, errMsg string) error
	// MarkFailed records a post that was refused for good.
	MarkFailed(ctx context.Context, id string, errMsg string) error
	// ChannelStates and SaveChannelState keep the channels found broken.
	ChannelStates(ctx context.Context) ([]model.ChannelState, error)
	SaveChannelState(ctx context.Context, st model.ChannelState) error
}

// HoldFunc decides whether a post must wait (quiet hours) at time now, and
// until when; a zero until means "ask again at the next rescan".
type HoldFunc func(p model.Post, now time.Time) (until time.Time, hold bool)

// DefaultBrokenBackoffMax is the longest wait between tries of a broken
// channel, and how long a refused token stops delivery (Options).
const DefaultBrokenBackoffMax = 10 * time.Minute

// Options tune an Outbox. Zero values take the defaults given per field.
type Options struct {
	// Channels maps a channel name to its id on its platform. It wins over
	// the id stored in the post, so a channel moved in the config takes its
	// pending posts along. Names missing here use Post.ChannelID.
	Channels map[string]string
	// Platform names the platform a channel is on: the key of its Sink in
	// the Sinks given to New. It is asked at each delivery, so a config
	// reload applies. Nil, or a channel whose platform has no Sink, means
	// the only Sink when there is exactly one.
	Platform func(channel string) string
	// BackoffMin and BackoffMax bound the exponential backoff between
	// attempts at one post; defaults 100ms and 5m. A 5xx from Discord is
	// mostly momentary, and a channel waits while its head post backs off:
	// at a 1 s start, two 503s in a row held an urgent alert 3 s.
	BackoffMin, BackoffMax time.Duration
	// UrgentBackoffMin is where the backoff of an urgent post starts after
	// Discord answered 5xx without Retry-After (a 429 or Retry-After is
	// honoured as it is); default BackoffMin/4. A 5xx is Discord's
	// momentary failure, not our pace (the REST limiter keeps the pace
	// either way), the nonce makes a retry safe, and urgent posts are few:
	// a 503 cost an urgent alert 100 ms, two in a row 300 ms.
	UrgentBackoffMin time.Duration
	// Jitter is the fraction of each backoff that is randomised (0.2: ±20%);
	// 0 means the default 0.2, a negative value means none.
	Jitter float64
	// NonceWindow is how long Discord is trusted to dedupe a nonce. Discord
	// says "a few minutes"; shorter is safer (it only costs a lookup of the
	// channel's recent messages). Default 1m.
	NonceWindow time.Duration
	// MaxAttempts fails a post after that many transient failures; 0 (the
	// default) retries until it goes through.
	MaxAttempts int
	// BrokenBackoffMin and BrokenBackoffMax bound the wait between tries
	// of a broken channel (its platform answered 403 or 404: no permission,
	// or no such channel): its posts stay pending, and it is tried again
	// after BrokenBackoffMin, doubling to BrokenBackoffMax, so a permission
	// given back is used within BrokenBackoffMax without a restart, while
	// the refusals stay far below Discord's invalid-request limit (10,000
	// per 10 minutes bans the bot's IP). Defaults 30s and 10m. A refused
	// token (401) stops every channel of its platform for BrokenBackoffMax.
	BrokenBackoffMin, BrokenBackoffMax time.Duration
	// ChannelChanged, if set, is called once when a channel becomes broken
	// and once when it works again (not at each try; the state is stored,
	// so a restart does not call it again for a channel still broken):
	// wirewatch run tells the admin channel. It runs on the channel's
	// worker, so it must be quick.
	ChannelChanged func(st model.ChannelState)
	// CallTimeout bounds each Sink call; default 30s.
	CallTimeout time.Duration
	// Rescan is how often Run looks for pending posts without a Notify;
	// default 30s.
	Rescan time.Duration
	// Batch is how many pending posts a worker loads at a time; default 50.
	Batch int
	// ReconcileTimeout bounds one search of a channel's messages when
	// reconciling (Sink.Recent pages through everything the bot sent since
	// a post's first attempt); default 5m.
	ReconcileTimeout time.Duration
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// Clock gives the time for records, holds and the nonce window (tests);
	// default time.Now. Waits always use real timers.
	Clock func() time.Time
	// Hold, if set, is asked before each post is sent (quiet hours; see
	// QuietHours). A held post stays pending and does not block later posts.
	Hold HoldFunc
	// EditInterval is the least time between two changes to one message
	// (its send, then each edit): an update of a message changed more
	// recently waits, and of several pending updates of one message only
	// the newest is sent (see coalesce.go). Default 5s; negative for no
	// wait (pending updates are still coalesced). wirewatch run takes it
	// from [stories] edit_interval.
	EditInterval time.Duration
	// Delivered, if set, is called after a post was accepted by its
	// platform and recorded as sent (metrics: alert latency). It runs on
	// the channel's worker, so it must be quick.
	Delivered func(p model.Post)
}

func (o *Options) setDefaults() {
	if o.BackoffMin <= 0 {
		o.BackoffMin = 100 * time.Millisecond
	}
	if o.BackoffMax <= 0 {
		o.BackoffMax = 5 * time.Minute
	}
	if o.BackoffMax < o.BackoffMin {
		o.BackoffMax = o.BackoffMin
	}
	if o.UrgentBackoffMin <= 0 || o.UrgentBackoffMin > o.BackoffMin {
		o.UrgentBackoffMin = o.BackoffMin / 4
	}
	if o.Jitter == 0 {
		o.Jitter = 0.2
	}
	if o.Jitter < 0 {
		o.Jitter = 0
	}
	if o.Jitter > 1 {
		o.Jitter = 1
	}
	if o.NonceWindow <= 0 {
		o.NonceWindow = time.Minute
	}
	if o.BrokenBackoffMin <= 0 {
		o.BrokenBackoffMin = 30 * time.Second
	}
	if o.BrokenBackoffMax < o.BrokenBackoffMin {
		o.BrokenBackoffMax = max(DefaultBrokenBackoffMax, o.BrokenBackoffMin)
	}
	if o.CallTimeout <= 0 {
		o.CallTimeout = 30 * time.Second
	}
	if o.Rescan <= 0 {
		o.Rescan = 30 * time.Second
	}
	if o.Batch <= 0 {
		o.Batch = 50
	}
	if o.ReconcileTimeout <= 0 {
		o.ReconcileTimeout = 5 * time.Minute
	}
	if o.EditInterval == 0 {
		o.EditInterval = 5 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	if o.Clock == nil {
		o.Clock = time.Now
	}
}

// ErrParked is wrapped by Flush's error for channels left alone after a 401,
// 403 or 404, or without a Sink; their posts stay pending.
var ErrParked = errors.New("channel parked")

// Outbox delivers pending posts through the Sink of each channel's
// platform. It is safe for concurrent use; call Run at most once at a time.
type Outbox struct {
	store  Store
	sinks  Sinks
	opts   Options
	log    *slog.Logger
	start  time.Time // posts created before it may have been sent by an earlier run
	notify chan struct{}

	mu    sync.Mutex
	chans map[string]*channel
	// wakeAll and woken say which channels the Notify calls since Run's
	// last scan named (wakeAll: any, as for a Notify naming none). Guarded
	// by mu.
	wakeAll bool
	woken   map[string]bool
	// refused maps a platform whose token was refused (401) to when its
	// channels are tried again, until a post goes through; broken holds
	// the channels whose platform refuses the bot there (403, 404). Both
	// guarded by mu, never held across a send.
	refused map[string]time.Time
	broken  map[string]model.ChannelState
}

// New returns an Outbox that delivers through sinks, one per platform.
// Posts created before New are treated as possibly sent by an earlier run:
// they are reconciled before their first send.
func New(store Store, sinks Sinks, opts Options) *Outbox {
	opts.setDefaults()
	return &Outbox{
		store:   store,
		sinks:   sinks,
		opts:    opts,
		log:     opts.Logger.With("component", "outbox"),
		start:   opts.Clock(),
		notify:  make(chan struct{}, 1),
		chans:   make(map[string]*channel),
		woken:   make(map[string]bool),
		refused: make(map[string]time.Time),
		broken:  make(map[string]model.ChannelState),
	}
}

// Notify wakes Run to look for pending posts now (the pipeline calls it
// after writing posts), and makes a delivery pass under way reload its
// channel after the post in hand, so that a new urgent post is sent next.
// channels names the channels the posts were written to; none names
// every channel. A channel not named is neither woken nor made to reload:
// a flood's fold channel, whose pass reads every pending update of the
// fold, is not read again for each urgent alert of another channel, nor
// is a channel's urgent alert slowed by the reloads of another's. A named
// channel whose worker runs is woken at once; Run's scan starts the
// workers of the others. It never blocks.
func (o *Outbox) Notify(channels ...string) {
	o.mu.Lock()
	scan := len(channels) == 0
	if scan {
		o.wakeAll = true
		for _, ch := range o.chans {
			ch.written()
		}
	}
	for _, name := range channels {
		ch := o.channelLocked(name)
		ch.written()
		if ch.running {
			// Its worker reads the channel's posts itself: poke it now
			// rather than after Run's scan, a read of the database and
			// another goroutine's turn later.
			ch.poke()
			continue
		}
		o.woken[name] = true
		scan = true
	}
	o.mu.Unlock()
	if !scan {
		return
	}
	select {
	case o.notify <- struct{}{}:
	default:
	}
}

// Run delivers posts until ctx is cancelled: it scans for channels with
// pending posts on Notify and every Rescan, and starts one worker goroutine
// per such channel. It returns nil once ctx is cancelled and every worker
// has stopped.
func (o *Outbox) Run(ctx context.Context) error {
	var workers sync.WaitGroup
	defer workers.Wait()
	ticker := time.NewTicker(o.opts.Rescan)
	defer ticker.Stop()
	all := true // the first scan, and each rescan, wakes every channel
	for {
		if err := o.scan(ctx, &workers, all); err != nil && ctx.Err() == nil {
			o.log.Warn("scan pending channels", "err", err)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-o.notify:
			all = false
		case <-ticker.C:
			all = true
		}
	}
}

// scan starts a worker for each channel with pending posts, and wakes
// those that Notify named since the last scan (all of them when all is set
// or a Notify named none).
func (o *Outbox) scan(ctx context.Context, workers *sync.WaitGroup, all bool) error {
	o.mu.Lock()
	all = all || o.wakeAll
	woken := o.woken
	o.wakeAll, o.woken = false, make(map[string]bool)
	o.mu.Unlock()
	names, err := o.store.PendingChannels(ctx)
	if err != nil {
		// Wake them at the next scan.
		o.mu.Lock()
		o.wakeAll = o.wakeAll || all
		for name := range woken {
			o.woken[name] = true
		}
		o.mu.Unlock()
		return fmt.Errorf("pending channels: %w", err)
	}
	for _, name := range names {
		o.mu.Lock()
		ch := o.channelLocked(name)
		started := !ch.running
		if started {
			ch.running = true
			workers.Go(func() { o.work(ctx, ch) })
		}
		o.mu.Unlock()
		if all || woken[name] || started {
			ch.poke()
		}
	}
	return nil
}

// work is a channel's worker: a delivery pass, then a wait for a poke, a
// retry or hold deadline, or the end.
func (o *Outbox) work(ctx context.Context, ch *channel) {
	defer func() {
		o.mu.Lock()
		ch.running = false
		o.mu.Unlock()
	}()
	for {
		res, err := o.pass(ctx, ch)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			o.log.Warn("deliver", "channel", ch.name, "err", err)
			res.next = time.Now().Add(o.opts.BackoffMin)
		}
		if !waitUntil(ctx, ch.wake, res.next) {
			return
		}
	}
}

// waitUntil waits for a poke, for next (if not zero) or for ctx; it reports
// false when ctx is done.
func waitUntil(ctx context.Context, wake <-chan struct{}, next time.Time) bool {
	var timeout <-chan time.Time
	if !next.IsZero() {
		t := time.NewTimer(time.Until(next))
		defer t.Stop()
		timeout = t.C
	}
	select {
	case <-ctx.Done():
		return false
	case <-wake:
	case <-timeout:
	}
	return true
}

// Flush delivers every post pending now, channels in parallel, retrying
// transient failures until they go through or ctx ends, and waiting for
// updates whose message changed less than EditInterval ago; bound it with
// ctx when MaxAttempts is 0. Held posts stay pending and are not an error;
// channels parked after a 401, 403 or 404 are reported with ErrParked.
func (o *Outbox) Flush(ctx context.Context) error {
	names, err := o.store.PendingChannels(ctx)
	if err != nil {
		return fmt.Errorf("flush: pending channels: %w", err)
	}
	errs := make([]error, len(names))
	var wg sync.WaitGroup
	for i, name := range names {
		wg.Go(func() { errs[i] = o.drain(ctx, o.channel(name)) })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// drain runs delivery passes over one channel until nothing is left to try
// now, sleeping through retry backoffs.
func (o *Outbox) drain(ctx context.Context, ch *channel) error {
	for {
		res, err := o.pass(ctx, ch)
		if err != nil {
			return fmt.Errorf("flush %s: %w", ch.name, err)
		}
		if ctx.Err() != nil {
			return fmt.Errorf("flush %s: %w", ch.name, ctx.Err())
		}
		if res.parked {
			return fmt.Errorf("flush %s: until %s: %w", ch.name, res.next.Format(time.RFC3339), ErrParked)
		}
		if !res.retry && !res.wait {
			return nil
		}
		t := time.NewTimer(time.Until(res.next))
		select {
		case <-ctx.Done():
			t.Stop()
			return fmt.Errorf("flush %s: %w", ch.name, ctx.Err())
		case <-t.C:
		}
	}
}

// channel returns the delivery state of a channel, creating it.
func (o *Outbox) channel(name string) *channel {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.channelLocked(name)
}

// channelLocked is channel for a caller holding o.mu.
func (o *Outbox) channelLocked(name string) *channel {
	ch, ok := o.chans[name]
	if !ok {
		ch = &channel{
			name:       name,
			wake:       make(chan struct{}, 1),
			checked:    make(map[string]bool),
			unrecorded: make(map[string]string),
			changed:    make(map[string]time.Time),
		}
		o.chans[name] = ch
	}
	return ch
}

// channelID is where a post goes: the configured id of its channel, else
// the id stored with the post.
func (o *Outbox) channelID(p model.Post) string {
	if id, ok := o.opts.Channels[p.Channel]; ok && id != "" {
		return id
	}
	return p.ChannelID
}

// sink is the Sink of a channel's platform, or nil when no Sink serves it.
func (o *Outbox) sink(channel string) Sink {
	_, s := o.platform(channel)
	return s
}

// platform is the name and Sink of a channel's platform; nil when no Sink
// serves it.
func (o *Outbox) platform(channel string) (string, Sink) {
	if o.opts.Platform != nil {
		name := o.opts.Platform(channel)
		if s, ok := o.sinks[name]; ok {
			return name, s
		}
	}
	if len(o.sinks) == 1 {
		for name, s := range o.sinks {
			return name, s
		}
	}
	return "", nil
}

// backoff returns the wait after the n-th failed attempt (n ≥ 1).
func (o *Outbox) backoff(n int) time.Duration { return o.backoffFrom(o.opts.BackoffMin, n) }

// backoffFrom is backoff starting from first.
func (o *Outbox) backoffFrom(first time.Duration, n int) time.Duration {
	d := first
	for i := 1; i < n && d < o.opts.BackoffMax; i++ {
		d *= 2
	}
	d = min(d, o.opts.BackoffMax)
	if j := o.opts.Jitter; j > 0 {
		d = time.Duration(float64(d) * (1 - j + 2*j*rand.Float64()))
	}
	return d
}
