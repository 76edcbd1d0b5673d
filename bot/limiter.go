package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"wirewatch/outbox"
)

// ErrTooManyInvalid is wrapped by the error a tripped Limiter returns.
var ErrTooManyInvalid = errors.New("too many invalid Discord requests (401/403/429)")

// BreakerError is returned, without calling Discord, while the Limiter's
// invalid-request breaker is open.
type BreakerError struct {
	Count      int           // invalid answers in the window
	Window     time.Duration // the sliding window
	RetryAfter time.Duration // until the oldest one leaves the window
}

func (e *BreakerError) Error() string {
	return fmt.Sprintf("discord limiter: %d invalid requests in the last %s, pausing for %s so that Discord does not ban this IP (its limit is 10,000 per 10 minutes): %v",
		e.Count, e.Window, e.RetryAfter.Round(time.Second), ErrTooManyInvalid)
}

func (e *BreakerError) Unwrap() error { return ErrTooManyInvalid }

// LimiterOptions tune a Limiter. Zero values take the defaults given per field.
type LimiterOptions struct {
	// GlobalRate and GlobalBurst shape the token bucket every REST call but
	// interaction callbacks goes through; defaults 40/s and 5, under
	// Discord's 50 requests per second.
	GlobalRate  float64
	GlobalBurst int
	// GlobalReserve tokens of the global bucket are left to urgent alerts'
	// requests by every other request (default 2, at most GlobalBurst-1;
	// negative for none): a burst of admin notices and edits took the
	// bucket's 5 and made an urgent alert wait 40 ms for a token.
	GlobalReserve int
	// ChannelLimit messages per ChannelWindow per channel are allowed before
	// Discord's X-RateLimit-* headers say otherwise; defaults 5 and 5s.
	ChannelLimit  int
	ChannelWindow time.Duration
	// Margin is added to the window of a request Discord left unanswered
	// (dropped connection, 5xx without headers); default ChannelWindow/10.
	Margin time.Duration
	// InvalidLimit 401/403/429 answers per InvalidWindow trip the breaker;
	// defaults 1000 and 10m (Discord bans an IP at 10,000 per 10 minutes).
	InvalidLimit  int
	InvalidWindow time.Duration
	// UrgentReserve places of a channel's message-create window are left
	// to urgent alerts by every other create in a channel that takes urgent
	// alerts (UrgentChannels, or one that sent an urgent alert within
	// UrgentMemory), so that an urgent alert finds a place at once however
	// many lower posts are queued; a channel without urgent traffic keeps
	// its whole window. Defaults 2 (never more than the limit less one),
	// and 10m; a negative UrgentReserve keeps no reserve.
	UrgentReserve  int
	UrgentMemory   time.Duration
	UrgentChannels func(channelID string) bool
	// FreshStart says no earlier process posted with this token within the
	// last window (a Discord of our own, started with this process), so the
	// first window need not be counted as used.
	FreshStart bool
	// Logger defaults to slog.Default().
	Logger *slog.Logger
	// Answered, if set, is told the status of each answer Discord gave
	// and, for a 429, whether it was global (metrics). It is called with
	// the Limiter's lock held, so it must be quick and not call back.
	Answered func(status int, global bool)
}

func (o *LimiterOptions) defaults() {
	if o.GlobalRate <= 0 {
		o.GlobalRate = 40
	}
	if o.GlobalBurst <= 0 {
		o.GlobalBurst = 5
	}
	if o.GlobalReserve == 0 {
		o.GlobalReserve = 2
	}
	if o.ChannelLimit <= 0 {
		o.ChannelLimit = 5
	}
	if o.ChannelWindow <= 0 {
		o.ChannelWindow = 5 * time.Second
	}
	if o.Margin <= 0 {
		o.Margin = o.ChannelWindow / 10
	}
	if o.InvalidLimit <= 0 {
		o.InvalidLimit = 1000
	}
	if o.InvalidWindow <= 0 {
		o.InvalidWindow = 10 * time.Minute
	}
	if o.UrgentReserve == 0 {
		o.UrgentReserve = 2
	}
	if o.UrgentMemory <= 0 {
		o.UrgentMemory = 10 * time.Minute
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
}

// Limiter is an http.RoundTripper that keeps a bot under Discord's rate
// limits so that, in normal running, Discord never answers 429: a global
// token bucket, per-route buckets learned from X-RateLimit-* headers (message
// routes are limited pre-emptively before any header is seen), a pause on a
// global 429, and a breaker on invalid requests. In a channel that takes
// urgent alerts, other message creates leave UrgentReserve places of each
// window to them, and every request below urgent leaves GlobalReserve
// tokens of the global bucket to them. Waits honour the request's context, and a wait of a
// request whose context carries outbox.Yield ends, unsent, when it closes. It is the only rate limiter that waits: it hides the bucket
// headers from discordgo, whose own limiter sleeps without a context.
type Limiter struct {
	next   http.RoundTripper
	opts   LimiterOptions
	global *rate.Limiter
	// globalMu makes a request below urgent read the global bucket's
	// tokens and take one at once, so that two such requests cannot both
	// see a token above the reserve and take the reserve's.
	globalMu sync.Mutex

	started time.Time

	mu          sync.Mutex
	changed     chan struct{} // closed and replaced whenever a bucket changes
	buckets     map[string]*routeBucket
	globalUntil time.Time
	invalid     []time.Time
	stats       LimiterStats
}

// LimiterStats counts what the Limiter saw.
type LimiterStats struct {
	Requests  int // requests sent to Discord
	Status429 int // 429 answers received
	Invalid   int // 401/403/429 answers in the current window
	Waits     int // requests held back by a route bucket or a global pause
	Refused   int // requests refused by the breaker
}

// routeBucket is one Discord route bucket as seen from the client.
type routeBucket struct {
	limit     int
	window    time.Duration
	remaining int       // from the last answer with headers
	resetAt   time.Time // end of Discord's current window, never estimated early
	known     bool      // headers were seen
	inflight  int
	unknown   []unknownSend // sends answered without headers: Discord may have counted them
	used      time.Time

	channel    string    // of a message-create bucket; "" for other routes
	urgentSeen time.Time // the last urgent create admitted
}

// unknownSend is a send Discord answered without bucket headers (a 5xx, a
// dropped connection): it holds its place for a window after it was sent,
// unless a later answer with headers, to a request sent after this one was
// answered, already counted it.
type unknownSend struct {
	sent, answered time.Time
}

type urgentKey struct{}

// withUrgent marks a request as an urgent alert's, which may take the
// places other creates leave free (LimiterOptions.UrgentReserve).
func withUrgent(ctx context.Context) context.Context {
	return context.WithValue(ctx, urgentKey{}, true)
}

func isUrgent(ctx context.Context) bool {
	u, _ := ctx.Value(urgentKey{}).(bool)
	return u
}

// NewLimiter wraps next (http.DefaultTransport when nil).
func NewLimiter(next http.RoundTripper, opts LimiterOptions) *Limiter {
	opts.defaults()
	if next == nil {
		next = http.DefaultTransport
	}
	return &Limiter{
		next:    next,
		opts:    opts,
		started: time.Now(),
		global:  rate.NewLimiter(rate.Limit(opts.GlobalRate), opts.GlobalBurst),
		changed: make(chan struct{}),
		buckets: map[string]*routeBucket{},
	}
}

// Stats returns the counters so far.
func (l *Limiter) Stats() LimiterStats {
	l.mu.Lock()
	defer l.mu.Unlock()
	st := l.stats
	st.Invalid = len(l.pruneInvalidLocked(time.Now()))
	return st
}

// RoundTrip implements http.RoundTripper.
func (l *Limiter) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if err := l.breaker(); err != nil {
		return nil, err
	}
	key, preemptive := routeKey(req.Method, req.URL.Path)
	exempt := strings.HasPrefix(apiPath(req.URL.Path), "/interactions/")
	b, err := l.admit(req, key, preemptive, exempt)
	if err != nil {
		return nil, err
	}
	if !exempt {
		if err := l.waitGlobal(ctx, isUrgent(ctx)); err != nil {
			l.release(b, nil, time.Time{})
			if ctx.Err() == nil {
				// The bucket refuses at once a wait that would outlast the
				// deadline, with an error of its own; it is still the
				// deadline that stops the request, a transient failure.
				err = fmt.Errorf("%w: %v", context.DeadlineExceeded, err)
			}
			return nil, fmt.Errorf("discord limiter: %w", err)
		}
	}
	sent := time.Now()
	resp, err := l.next.RoundTrip(req)
	if err != nil {
		l.release(b, nil, sent)
		return nil, err
	}
	l.observe(b, resp, sent)
	hideBucketHeaders(resp.Header)
	return resp, nil
}

// waitGlobal takes a token of the global bucket, waiting for it. A request
// that is not an urgent alert's leaves the bucket's last GlobalReserve
// tokens to urgent ones: it waits until the bucket holds one more than
// that. A burst of other requests (admin notices, edits, a fold's pages)
// then no longer makes an urgent alert wait for tokens that refill at
// GlobalRate (25 ms each at 40/s), and the rate of all requests together
// stays the bucket's.
func (l *Limiter) waitGlobal(ctx context.Context, urgent bool) error {
	reserve := l.globalReserve()
	if urgent || reserve == 0 {
		return l.global.Wait(ctx)
	}
	need := float64(reserve + 1)
	for {
		now := time.Now()
		l.globalMu.Lock()
		tokens := l.global.TokensAt(now)
		if tokens >= need && l.global.AllowN(now, 1) {
			l.globalMu.Unlock()
			return nil
		}
		l.globalMu.Unlock()
		wait := time.Duration((need - tokens) / float64(l.global.Limit()) * float64(time.Second))
		if deadline, ok := ctx.Deadline(); ok && now.Add(wait).After(deadline) {
			// As rate.Limiter.Wait does: a wait that would outlast the
			// deadline is refused at once.
			return fmt.Errorf("rate: wait of %s would exceed the context deadline", wait.Round(time.Millisecond))
		}
		timer := time.NewTimer(max(wait, time.Millisecond))
		select {
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		case <-timer.C:
		}
	}
}

// globalReserve is how many tokens of the global bucket are left to urgent
// requests: GlobalReserve, at most the burst less one.
func (l *Limiter) globalReserve() int {
	if l.opts.GlobalReserve < 0 {
		return 0
	}
	return min(l.opts.GlobalReserve, l.opts.GlobalBurst-1)
}

// hideBucketHeaders removes the headers discordgo's own rate limiter reads.
// The Limiter has learnt from them; left in place, discordgo would sleep on
// its own (ignoring the request's context) and block every other request
// after a global 429 without being asked. X-RateLimit-Limit, -Bucket,
// -Global and -Scope stay for logging.
func hideBucketHeaders(h http.Header) {
	h.Del("X-RateLimit-Remaining")
	h.Del("X-RateLimit-Reset")
	h.Del("X-RateLimit-Reset-After")
}

// admit waits until the route bucket and any global pause let the request
// go, and reserves its place in the bucket.
func (l *Limiter) admit(req *http.Request, key string, preemptive, exempt bool) (*routeBucket, error) {
	ctx := req.Context()
	urgent, yield := isUrgent(ctx), outbox.Yield(ctx)
	waited := false
	for {
		now := time.Now()
		l.mu.Lock()
		var wait time.Duration
		if !exempt && now.Before(l.globalUntil) {
			wait = l.globalUntil.Sub(now)
		}
		b := l.buckets[key]
		if b == nil && preemptive {
			b = l.newMessageBucket(now, req.Method, req.URL.Path)
			l.buckets[key] = b
		}
		if wait == 0 && b != nil {
			wait = b.admit(now, l.opts.Margin, l.reserve(b, urgent, now))
		}
		changed := l.changed
		if wait == 0 {
			if waited {
				l.stats.Waits++
			}
			if b != nil {
				b.used = now
				if urgent {
					b.urgentSeen = now
				}
			}
			l.mu.Unlock()
			return b, nil
		}
		l.mu.Unlock()
		waited = true
		timer := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, fmt.Errorf("discord limiter: waiting for %s: %w", key, ctx.Err())
		case <-yield:
			timer.Stop()
			return nil, fmt.Errorf("discord limiter: waiting for %s: %w", key, outbox.ErrYielded)
		case <-changed:
		case <-timer.C:
		}
		timer.Stop()
	}
}

// newMessageBucket starts the bucket of a message route. During the first
// window after the Limiter started, the bucket counts as full: a process that
// ran before this one (a restart) may have used Discord's current window.
func (l *Limiter) newMessageBucket(now time.Time, method, path string) *routeBucket {
	b := &routeBucket{limit: l.opts.ChannelLimit, window: l.opts.ChannelWindow}
	if segs := strings.Split(strings.Trim(apiPath(path), "/"), "/"); method == http.MethodPost && len(segs) == 3 {
		b.channel = segs[1]
	}
	if !l.opts.FreshStart && now.Before(l.started.Add(l.opts.ChannelWindow+l.opts.Margin)) {
		for range b.limit {
			b.unknown = append(b.unknown, unknownSend{sent: l.started})
		}
	}
	return b
}

// reserve is how many places of b's window a request must leave free: the
// urgent reserve for a create below urgent in a channel that takes urgent
// alerts, else none.
func (l *Limiter) reserve(b *routeBucket, urgent bool, now time.Time) int {
	if urgent || b.channel == "" || l.opts.UrgentReserve < 0 {
		return 0
	}
	recent := !b.urgentSeen.IsZero() && now.Sub(b.urgentSeen) < l.opts.UrgentMemory
	if !recent && (l.opts.UrgentChannels == nil || !l.opts.UrgentChannels(b.channel)) {
		return 0
	}
	return max(0, min(l.opts.UrgentReserve, b.limit-1))
}

// admit reserves a place if the bucket has one and returns 0, else how long
// to wait at most before asking again (an answer may free a place sooner).
func (b *routeBucket) admit(now time.Time, margin time.Duration, reserve int) time.Duration {
	keep := b.unknown[:0]
	for _, u := range b.unknown {
		if now.Before(u.sent.Add(b.window + margin)) {
			keep = append(keep, u)
		}
	}
	b.unknown = keep
	left := b.limit
	if b.known && now.Before(b.resetAt) {
		left = b.remaining
	}
	if left-b.inflight-len(b.unknown) > reserve {
		b.inflight++
		return 0
	}
	wait := time.Duration(math.MaxInt64)
	if b.known && now.Before(b.resetAt) {
		wait = b.resetAt.Sub(now)
	}
	if len(b.unknown) > 0 {
		wait = min(wait, b.unknown[0].sent.Add(b.window+margin).Sub(now))
	}
	if b.inflight > 0 {
		wait = min(wait, b.window) // woken early by the answer
	}
	if wait == time.Duration(math.MaxInt64) || wait <= 0 {
		wait = time.Millisecond
	}
	return wait
}

// release ends a request that got no usable answer; sent is zero when it
// was never sent.
func (l *Limiter) release(b *routeBucket, _ *http.Response, sent time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if b != nil {
		b.inflight--
		if !sent.IsZero() {
			b.unknown = append(b.unknown, unknownSend{sent: sent, answered: time.Now()})
		}
	}
	l.notifyLocked()
}

func (l *Limiter) notifyLocked() {
	close(l.changed)
	l.changed = make(chan struct{})
}

// observe learns from an answer: bucket headers, 429s, invalid requests.
func (l *Limiter) observe(b *routeBucket, resp *http.Response, sent time.Time) {
	now := time.Now()
	h := resp.Header
	l.mu.Lock()
	defer l.mu.Unlock()
	defer l.notifyLocked()
	l.stats.Requests++
	status := resp.StatusCode
	if (status == 401 || status == 403 || status == 429) && h.Get("X-RateLimit-Scope") != "shared" {
		l.invalid = append(l.invalid, now)
	}
	global := status == 429 && (h.Get("X-RateLimit-Global") != "" || h.Get("X-RateLimit-Scope") == "global")
	if l.opts.Answered != nil {
		l.opts.Answered(status, global)
	}
	if status == 429 {
		l.stats.Status429++
		retry := retryAfterOf(resp)
		l.opts.Logger.Warn("discord rate limited", slog.String("route", resp.Request.URL.Path),
			slog.Bool("global", global), slog.Duration("retry_after", retry))
		if global {
			l.globalUntil = laterTime(l.globalUntil, now.Add(retry))
		}
	}
	if b == nil {
		// A route met for the first time: keep it only if Discord limits it.
		if key, _ := routeKey(resp.Request.Method, resp.Request.URL.Path); h.Get("X-RateLimit-Remaining") != "" {
			b = &routeBucket{window: l.opts.ChannelWindow, used: now}
			b.inflight = 1
			l.buckets[key] = b
		} else {
			return
		}
	}
	b.inflight--
	if b.learn(h, now) {
		b.forgetCounted(sent)
	} else {
		b.unknown = append(b.unknown, unknownSend{sent: sent, answered: now})
	}
	if status == 429 && !global {
		b.known, b.remaining = true, 0
		b.resetAt = laterTime(b.resetAt, now.Add(retryAfterOf(resp)))
	}
	if len(l.buckets) > 4096 {
		l.sweepLocked(now)
	}
}

// forgetCounted drops the unknown sends answered before sent, the sending
// of a request whose answer had headers: Discord had handled them by then,
// so its remaining count already says whether they took a place.
func (b *routeBucket) forgetCounted(sent time.Time) {
	keep := b.unknown[:0]
	for _, u := range b.unknown {
		if !u.answered.Before(sent) {
			keep = append(keep, u)
		}
	}
	b.unknown = keep
}

// learn reads X-RateLimit-* headers; it reports false when there are none.
func (b *routeBucket) learn(h http.Header, recv time.Time) bool {
	rem, err1 := strconv.Atoi(h.Get("X-RateLimit-Remaining"))
	after, err2 := strconv.ParseFloat(h.Get("X-RateLimit-Reset-After"), 64)
	if err1 != nil || err2 != nil {
		return false
	}
	if limit, err := strconv.Atoi(h.Get("X-RateLimit-Limit")); err == nil && limit > 0 {
		b.limit = limit
	} else if b.limit <= rem {
		b.limit = rem + 1
	}
	ra := time.Duration(math.Ceil(after*1000)) * time.Millisecond
	reset := recv.Add(ra)
	if rem == b.limit-1 && ra > 0 {
		b.window = ra // the first request of a window sees (almost) all of it
	}
	switch {
	case !b.known || !recv.Before(b.resetAt) || reset.After(b.resetAt.Add(b.window/2)):
		b.remaining, b.resetAt = rem, reset // a new window
	default:
		b.remaining = min(b.remaining, rem) // answers of one window may arrive out of order
		b.resetAt = laterTime(b.resetAt, reset)
	}
	b.known = true
	return true
}

func (l *Limiter) sweepLocked(now time.Time) {
	for k, b := range l.buckets {
		if b.inflight == 0 && len(b.unknown) == 0 && now.Sub(b.used) > 2*b.window && !now.Before(b.resetAt) {
			delete(l.buckets, k)
		}
	}
}

func (l *Limiter) breaker() error {
	now := time.Now()
	l.mu.Lock()
	defer l.mu.Unlock()
	inv := l.pruneInvalidLocked(now)
	if len(inv) < l.opts.InvalidLimit {
		return nil
	}
	l.stats.Refused++
	return &BreakerError{Count: len(inv), Window: l.opts.InvalidWindow, RetryAfter: inv[0].Add(l.opts.InvalidWindow).Sub(now)}
}

func (l *Limiter) pruneInvalidLocked(now time.Time) []time.Time {
	cut := now.Add(-l.opts.InvalidWindow)
	i := 0
	for i < len(l.invalid) && !l.invalid[i].After(cut) {
		i++
	}
	l.invalid = l.invalid[i:]
	return l.invalid
}

// retryAfterOf reads a 429's wait: the JSON retry_after (float seconds), else
// the Retry-After header. The body is put back for the caller.
func retryAfterOf(resp *http.Response) time.Duration {
	var d time.Duration
	if resp.Body != nil {
		raw, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		_ = resp.Body.Close()
		resp.Body = io.NopCloser(bytes.NewReader(raw))
		var body struct {
			RetryAfter float64 `json:"retry_after"`
		}
		if err == nil && json.Unmarshal(raw, &body) == nil && body.RetryAfter > 0 {
			d = time.Duration(math.Ceil(body.RetryAfter*1000)) * time.Millisecond
		}
	}
	if d == 0 {
		if secs, err := strconv.ParseFloat(resp.Header.Get("Retry-After"), 64); err == nil {
			d = time.Duration(secs * float64(time.Second))
		}
	}
	if d <= 0 {
		d = time.Second // a 429 without a wait (a Cloudflare page): back off anyway
	}
	return d
}

func laterTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// apiPath strips /api/vN from a Discord URL path.
func apiPath(p string) string {
	rest, ok := strings.CutPrefix(p, "/api/v")
	if !ok {
		return p
	}
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		return rest[i:]
	}
	return p
}

// routeKey names the bucket of a request: the method and the path with its
// major parameter (channel, guild, webhook) kept and other ids replaced.
// preemptive is true for message create/edit, limited before any header.
func routeKey(method, path string) (key string, preemptive bool) {
	segs := strings.Split(strings.Trim(apiPath(path), "/"), "/")
	for i := range segs {
		if i == 0 {
			continue
		}
		switch segs[i-1] {
		case "channels", "guilds", "webhooks":
			continue
		}
		if i >= 2 && segs[i-2] == "webhooks" {
			continue // the webhook token is part of the major parameter
		}
		if isSnowflake(segs[i]) || segs[i] == "@original" {
			segs[i] = ":id"
		}
	}
	route := "/" + strings.Join(segs, "/")
	preemptive = len(segs) >= 3 && segs[0] == "channels" && segs[2] == "messages" &&
		(method == http.MethodPost && len(segs) == 3 || method == http.MethodPatch && len(segs) == 4)
	return method + " " + route, preemptive
}

// isSnowflake tells whether s is a Discord id: decimal digits of a uint64.
func isSnowflake(s string) bool {
	if s == "" || len(s) > 20 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	_, err := strconv.ParseUint(s, 10, 64)
	return err == nil
}

// firstRealID is the smallest id a real Discord object can have: Discord's
// first public ids were made in spring 2015, so an id dated before March
// 2015 was not handed out by Discord.
var firstRealID = snowflakeAt(time.Date(2015, time.March, 1, 0, 0, 0, 0, time.UTC)) + 1

// PlaceholderID tells whether a Discord id is a stand-in, such as
// config.example.toml's "000000000000000001", rather than an id Discord
// handed out: written with a leading zero (Discord never writes one), or
// dated before Discord made its first ids. Such an id in a config that is
// run is a forgotten edit.
func PlaceholderID(id string) bool {
	if !isSnowflake(id) {
		return false
	}
	if len(id) > 1 && id[0] == '0' {
		return true
	}
	n, _ := strconv.ParseUint(id, 10, 64)
	return n < firstRealID
}

// CheckChannelID says what is wrong with a configured Discord channel id,
// or nil: it must be a snowflake (digits of a uint64).
func CheckChannelID(id string) error {
	if !isSnowflake(id) {
		return fmt.Errorf("%q is not a Discord channel id (digits only)", id)
	}
	return nil
}
