package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"wirewatch/model"
	"wirewatch/redact"
	"wirewatch/storage"
)

// Discord JSON error codes the outbox tells apart.
const (
	codeUnknownChannel = 10003
	codeUnknownMessage = 10008
)

// channel is the delivery state of one channel. A worker and Flush share it;
// mu makes their passes take turns, so a channel never has two posts in
// flight and never sends one post twice at once.
type channel struct {
	name    string
	wake    chan struct{}
	running bool // a worker goroutine serves it; guarded by Outbox.mu

	mu          sync.Mutex
	parkedUntil time.Time           // real time; after a 401, 403 or 404
	loaded      bool                // its stored state was read
	broken      *model.ChannelState // its platform refuses the bot there (403, 404)
	brokenTries int                 // tries since it broke, for the backoff
	retryAt     time.Time           // real time; backoff of the head post
	head        string              // id of the post being retried
	tries       int                 // failed attempts at head in this process
	ambiguousAt time.Time           // Clock time of head's first attempt that may have posted
	checked     map[string]bool     // posts from before start already reconciled
	unrecorded  map[string]string   // post id → message id sent but not yet recorded
	// originals holds the posts edited by updates, as read in this pass:
	// a fold's original, with its long list, was read and decoded once
	// for each of its pending updates at every pass. A post leaves it when
	// it is settled (settle), so a state read here is never stale.
	originals map[string]model.Post

	// Coalescing edits (coalesce.go).
	changed map[string]time.Time // message id → real time it was last sent or edited, within EditInterval
	newest  map[string]string    // of the loaded posts: original post id → newest pending update of it
	editDue time.Time            // real time; the earliest an update waiting for EditInterval may go

	// wrote closes on the first Notify naming the channel after the pass
	// loaded its posts.
	wrote <-chan struct{}

	// writes counts the Notify calls that named the channel (or none): a
	// pass that sees it change reloads the channel's posts, since a post
	// written meanwhile may outrank them. signal is closed, and replaced,
	// by each of them: a send of a post below urgent waiting for the
	// platform's rate limit yields to it.
	writes   atomic.Uint64
	signalMu sync.Mutex
	signal   chan struct{}
}

// written records that posts were written to the channel.
func (ch *channel) written() {
	ch.writes.Add(1)
	ch.signalMu.Lock()
	if ch.signal != nil {
		close(ch.signal)
	}
	ch.signal = make(chan struct{})
	ch.signalMu.Unlock()
}

// wroteSignal returns the channel the next Notify naming ch closes.
func (ch *channel) wroteSignal() <-chan struct{} {
	ch.signalMu.Lock()
	defer ch.signalMu.Unlock()
	if ch.signal == nil {
		ch.signal = make(chan struct{})
	}
	return ch.signal
}

func (ch *channel) poke() {
	select {
	case ch.wake <- struct{}{}:
	default:
	}
}

// passResult says when a pass wants to run again (real time; zero: on the
// next poke) and why.
type passResult struct {
	next   time.Time
	retry  bool // a post waits for its backoff
	parked bool // the channel is left alone until next
	wait   bool // an update waits for its message's EditInterval
}

// outcome is what became of one post in a pass.
type outcome int

const (
	settled  outcome = iota // sent or failed: on to the next post
	skipped                 // waits for something else; later posts may go
	yielded                 // not sent: posts were written while it waited for the rate limit
	retrying                // failed for now; the channel waits for ch.retryAt
	parking                 // the channel is parked until ch.parkedUntil
	stopping                // ctx ended
)

// pass delivers the channel's pending posts in order (by priority, then
// oldest first, as PendingPosts gives them) until they run out, a post must
// be retried later, or the channel is parked.
func (o *Outbox) pass(ctx context.Context, ch *channel) (passResult, error) {
	ch.mu.Lock()
	defer ch.mu.Unlock()
	if err := o.loadState(ctx, ch); err != nil {
		return passResult{}, err
	}
	if until := o.refusedUntil(ch.name); time.Now().Before(until) {
		return passResult{next: until, parked: true}, nil
	}
	if now := time.Now(); now.Before(ch.parkedUntil) {
		return passResult{next: ch.parkedUntil, parked: true}, nil
	} else if now.Before(ch.retryAt) {
		return passResult{next: ch.retryAt, retry: true}, nil
	}
	if o.sink(ch.name) == nil {
		o.park(ch, o.log.With("channel", ch.name, "err", "no sink serves the channel's platform"))
		return passResult{next: ch.parkedUntil, parked: true}, nil
	}
	limit := o.opts.Batch
	ch.editDue = time.Time{}
	clear(ch.originals)
	for {
		rest, res, stop, err := o.urgentFirst(ctx, ch)
		if stop || err != nil {
			return res, err
		}
		if !rest {
			return passResult{next: ch.editDue, wait: !ch.editDue.IsZero()}, nil
		}
		ch.wrote = ch.wroteSignal()
		written := ch.writes.Load()
		// urgentFirst has just taken or renewed the lease.
		posts, err := o.store.PendingPosts(ctx, ch.name, limit)
		if err != nil {
			return passResult{}, fmt.Errorf("pending posts: %w", err)
		}
		loaded := len(posts)
		posts, oc, err := o.reconcileStale(ctx, ch, posts)
		if res, stop := o.stop(ch, oc); stop || err != nil {
			return res, err
		}
		ch.newest = newestUpdates(posts)
		if posts, err = o.supersedeLoaded(ctx, ch, posts); err != nil {
			return passResult{}, err
		}
		var held time.Time
		nskipped, stale := 0, false
		for _, p := range posts {
			if o.opts.Hold != nil {
				if until, hold := o.opts.Hold(p, o.opts.Clock()); hold {
					nskipped++
					held = earliest(held, until)
					continue
				}
			}
			oc, err := o.deliver(ctx, ch, p)
			if err != nil {
				return passResult{}, err
			}
			if oc == skipped {
				nskipped++
				continue
			}
			if oc == yielded {
				stale = true
				break
			}
			if res, stop := o.stop(ch, oc); stop {
				return res, nil
			}
			// Posts written since the load may outrank the rest of it:
			// load again, so an urgent post waits for one send at most.
			if ch.writes.Load() != written {
				stale = true
				break
			}
		}
		if loaded < limit && !stale {
			return passResult{next: earliest(o.holdDeadline(held), ch.editDue), wait: !ch.editDue.IsZero()}, nil
		}
		// Held and waiting posts come first in every load; look past them.
		limit = nskipped + o.opts.Batch
	}
}

// urgentFirst sends the channel's urgent alerts before the rest of its
// posts is read: it reads the pending post that comes first on its own,
// sends it if it is an urgent alert, and reads the next, until the first
// is something else. A pass reads the channel's posts a batch at a time,
// and a flood's channel holds a batch of fold updates that list hundreds
// of items each: reading and decoding them took 9-12 ms before each send
// of an urgent alert there, and again before each retry after a 5xx. rest
// reports that posts other than urgent alerts are pending; stop, that the
// pass ends with res (a retry, a parked channel, the end of ctx).
func (o *Outbox) urgentFirst(ctx context.Context, ch *channel) (rest bool, res passResult, stop bool, err error) {
	for leased := false; ; leased = true {
		ch.wrote = ch.wroteSignal()
		var posts []model.Post
		if leased {
			if posts, err = o.store.PendingPosts(ctx, ch.name, 1); err != nil {
				err = fmt.Errorf("pending posts: %w", err)
			}
		} else {
			posts, err = o.pendingPosts(ctx, ch.name, 1)
		}
		if err != nil || len(posts) == 0 {
			return false, passResult{}, false, err
		}
		p := posts[0]
		if p.Priority < model.PriorityUrgent || p.Kind == model.PostUpdate || o.unreconciled(ch, p) {
			return true, passResult{}, false, nil
		}
		if o.opts.Hold != nil {
			if _, hold := o.opts.Hold(p, o.opts.Clock()); hold {
				return true, passResult{}, false, nil
			}
		}
		oc, err := o.deliver(ctx, ch, p)
		if err != nil {
			return false, passResult{}, false, err
		}
		if res, stop := o.stop(ch, oc); stop {
			return false, res, true, nil
		}
		if oc != settled {
			return true, passResult{}, false, nil // skipped or yielded: the batch's turn
		}
	}
}

// unreconciled reports whether p may have been sent by an earlier run and
// was not yet looked for in the channel (reconcileStale).
func (o *Outbox) unreconciled(ch *channel, p model.Post) bool {
	return p.CreatedAt.Before(o.start) && !p.FirstAttemptAt.IsZero() && !ch.checked[p.ID]
}

// pendingPosts takes or renews the channel's lease, then reads its pending
// posts; while another replica holds the lease there are none to send here
// (the lease lapses if that replica dies, and a later pass takes it over).
func (o *Outbox) pendingPosts(ctx context.Context, channel string, limit int) ([]model.Post, error) {
	held, err := o.store.LeaseChannel(ctx, channel)
	if err != nil || !held {
		return nil, err
	}
	posts, err := o.store.PendingPosts(ctx, channel, limit)
	if err != nil {
		return nil, fmt.Errorf("pending posts: %w", err)
	}
	return posts, nil
}

// stop turns an outcome that ends a pass into its result.
func (o *Outbox) stop(ch *channel, oc outcome) (passResult, bool) {
	switch oc {
	case retrying:
		return passResult{next: ch.retryAt, retry: true}, true
	case parking:
		return passResult{next: ch.parkedUntil, parked: true}, true
	case stopping:
		return passResult{}, true
	}
	return passResult{}, false
}

// holdDeadline converts the end of a hold (Clock time) to a real deadline
// for timers, at least BackoffMin away so that a Hold answering with a past
// time cannot make a worker spin.
func (o *Outbox) holdDeadline(until time.Time) time.Time {
	if until.IsZero() {
		return until
	}
	return time.Now().Add(max(until.Sub(o.opts.Clock()), o.opts.BackoffMin))
}

func earliest(a, b time.Time) time.Time {
	if a.IsZero() || (!b.IsZero() && b.Before(a)) {
		return b
	}
	return a
}

// deliver sends, edits or records one post.
func (o *Outbox) deliver(ctx context.Context, ch *channel, p model.Post) (outcome, error) {
	if msgID, ok := ch.unrecorded[p.ID]; ok {
		return o.markSent(ctx, ch, p, msgID)
	}
	if p.Content.Answers != "" {
		ready, err := o.answering(ctx, &p)
		if err != nil || !ready {
			return skipped, err
		}
	}
	if p.Kind == model.PostUpdate && p.ReplaceOf != "" {
		orig, err := o.original(ctx, ch, p.ReplaceOf)
		switch {
		case errors.Is(err, storage.ErrNotFound):
			// The original is gone: the update is all there is to show.
		case err != nil:
			return stopping, fmt.Errorf("original %s of post %s: %w", p.ReplaceOf, p.ID, err)
		case orig.State == model.PostPending:
			return skipped, nil // sent with its original's turn; edit it then
		case orig.State == model.PostSent && orig.MessageID != "":
			return o.coalesce(ctx, ch, p, orig)
		}
	}
	return o.send(ctx, ch, p)
}

// original returns the post an update edits, read once per pass.
func (o *Outbox) original(ctx context.Context, ch *channel, id string) (model.Post, error) {
	if orig, ok := ch.originals[id]; ok {
		return orig, nil
	}
	orig, err := o.store.Post(ctx, id)
	if err != nil {
		return orig, err
	}
	if ch.originals == nil {
		ch.originals = make(map[string]model.Post)
	}
	ch.originals[id] = orig
	return orig, nil
}

// answering fills in the message a post answers (a reply, or a message in
// its thread): not ready while that post waits to be sent. An answered post
// that is gone or failed leaves a message of its own.
func (o *Outbox) answering(ctx context.Context, p *model.Post) (ready bool, err error) {
	orig, err := o.store.Post(ctx, p.Content.Answers)
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return true, nil
	case err != nil:
		return false, fmt.Errorf("answered post %s of post %s: %w", p.Content.Answers, p.ID, err)
	case orig.State == model.PostPending:
		return false, nil
	}
	p.AnswersMessage = orig.MessageID
	return true, nil
}

// send posts p with its nonce, after reconciling when an earlier attempt
// may have posted it and the nonce can no longer be trusted to dedupe.
func (o *Outbox) send(ctx context.Context, ch *channel, p model.Post) (outcome, error) {
	o.track(ch, p)
	if !ch.ambiguousAt.IsZero() && o.opts.Clock().Sub(ch.ambiguousAt) > o.opts.NonceWindow {
		found, err := o.findSent(ctx, o.channelID(p), []model.Post{p}, ch.ambiguousAt)
		switch {
		case err != nil && ctx.Err() != nil:
			return stopping, nil
		case err != nil && !IsPermanent(err):
			return o.failure(ctx, ch, p, fmt.Errorf("reconcile: %w", err), false)
		case err != nil:
			o.log.Warn("cannot read channel history; relying on the nonce", "channel", p.Channel, "post", p.ID, "err", err)
		case found[p.ID] != "":
			o.log.Info("reconciled post with a message found in the channel", "channel", p.Channel, "post", p.ID, "message", found[p.ID])
			return o.markSent(ctx, ch, p, found[p.ID])
		}
	}
	attempt := o.opts.Clock()
	if p.FirstAttemptAt.IsZero() {
		// Recorded before the call: a run that dies during it leaves the
		// time a restart reconciles from.
		if err := o.store.MarkFirstAttempt(ctx, p.ID, attempt); err != nil {
			return stopping, fmt.Errorf("mark first attempt of post %s: %w", p.ID, err)
		}
	}
	cctx, cancel := context.WithTimeout(o.yieldable(ctx, ch, p), o.opts.CallTimeout)
	msgID, err := o.sink(p.Channel).Send(cctx, o.channelID(p), p, nonce(p))
	cancel()
	if errors.Is(err, ErrYielded) {
		return yielded, nil
	}
	if err != nil {
		if ambiguous(err) && ch.ambiguousAt.IsZero() {
			ch.ambiguousAt = attempt
		}
		return o.failure(ctx, ch, p, err, false)
	}
	return o.markSent(ctx, ch, p, msgID)
}

// edit replaces the message of orig with the content of the update p; the
// message stays marked as orig's. An edit is idempotent, so a retry needs no
// reconciling.
func (o *Outbox) edit(ctx context.Context, ch *channel, p, orig model.Post) (outcome, error) {
	o.track(ch, p)
	cctx, cancel := context.WithTimeout(o.yieldable(ctx, ch, p), o.opts.CallTimeout)
	p.ReplaceOf = orig.ID
	err := o.sink(p.Channel).Edit(cctx, o.channelID(orig), orig.MessageID, p)
	cancel()
	if errors.Is(err, ErrYielded) {
		return yielded, nil
	}
	if err != nil {
		return o.failure(ctx, ch, p, err, true)
	}
	return o.markSent(ctx, ch, p, orig.MessageID)
}

// yieldable lets a post below urgent give up its wait for the platform's
// rate limit when posts are written meanwhile (WithYield): one of them may
// be urgent, and it should not wait for the next window behind p. An
// urgent post waits its turn.
func (o *Outbox) yieldable(ctx context.Context, ch *channel, p model.Post) context.Context {
	if p.Priority >= model.PriorityUrgent || ch.wrote == nil {
		return ctx
	}
	return WithYield(ctx, ch.wrote)
}

// track makes p the head post whose attempts are counted.
func (o *Outbox) track(ch *channel, p model.Post) {
	if ch.head != p.ID {
		ch.head, ch.tries, ch.ambiguousAt = p.ID, 0, time.Time{}
	}
}

// settle forgets the per-post state of a post that left the pending state.
func settle(ch *channel, p model.Post) {
	delete(ch.checked, p.ID)
	delete(ch.originals, p.ID)
	delete(ch.unrecorded, p.ID)
	if ch.head == p.ID {
		ch.head, ch.tries, ch.ambiguousAt = "", 0, time.Time{}
	}
}

// markSent records a delivered post. If the record fails the message id is
// kept, so the next pass records it instead of sending again.
func (o *Outbox) markSent(ctx context.Context, ch *channel, p model.Post, msgID string) (outcome, error) {
	if err := o.store.MarkSent(ctx, p.ID, msgID, o.opts.Clock()); err != nil {
		ch.unrecorded[p.ID] = msgID
		return stopping, fmt.Errorf("mark post %s sent as %s: %w", p.ID, msgID, err)
	}
	settle(ch, p)
	o.working(ctx, ch)
	o.noteChange(ch, msgID)
	if o.opts.Delivered != nil {
		o.opts.Delivered(p)
	}
	o.log.Info("post delivered", "channel", p.Channel, "post", p.ID, "kind", p.Kind, "message", msgID)
	return settled, nil
}

// failure decides what a failed Sink call means for p and its channel.
func (o *Outbox) failure(ctx context.Context, ch *channel, p model.Post, err error, editing bool) (outcome, error) {
	if ctx.Err() != nil {
		return stopping, nil // shutting down: the attempt does not count
	}
	// The backoff counts from the failure, not from when its record is
	// written: the write may wait for another transaction on the
	// database's one write connection (a large poll's batch) for longer
	// than an urgent post's first backoff.
	failed := time.Now()
	log := o.log.With("channel", p.Channel, "post", p.ID, "kind", p.Kind, "err", err)
	var de *DeliveryError
	errors.As(err, &de)
	switch {
	case de != nil && de.Status == http.StatusUnauthorized:
		// The token is wrong, not the post: keep it and stop asking.
		if mErr := o.store.MarkAttempt(ctx, p.ID, redact.Text(err.Error())); mErr != nil {
			return stopping, fmt.Errorf("mark attempt of post %s: %w", p.ID, mErr)
		}
		return o.refuseToken(ch), nil
	case de != nil && channelGone(de, editing):
		// The channel is closed to the bot, not the post wrong: keep it
		// for when the permission comes back.
		if mErr := o.store.MarkAttempt(ctx, p.ID, redact.Text(err.Error())); mErr != nil {
			return stopping, fmt.Errorf("mark attempt of post %s: %w", p.ID, mErr)
		}
		return o.breakChannel(ctx, ch, de, log)
	case de != nil && de.Permanent:
		if mErr := o.store.MarkFailed(ctx, p.ID, redact.Text(err.Error())); mErr != nil {
			return stopping, fmt.Errorf("mark post %s failed: %w", p.ID, mErr)
		}
		settle(ch, p)
		if de.Payload != "" {
			log = log.With("payload", redact.Text(de.Payload))
		}
		log.Error("post refused for good", "status", de.Status, "code", de.Code)
		return settled, nil
	}
	if o.opts.MaxAttempts > 0 && p.Attempts+1 >= o.opts.MaxAttempts {
		msg := fmt.Sprintf("gave up after %d attempts: %v", p.Attempts+1, err)
		if mErr := o.store.MarkFailed(ctx, p.ID, redact.Text(msg)); mErr != nil {
			return stopping, fmt.Errorf("mark post %s failed: %w", p.ID, mErr)
		}
		settle(ch, p)
		log.Error("post given up", "attempts", p.Attempts+1)
		return settled, nil
	}
	ch.tries++
	if mErr := o.store.MarkAttempt(ctx, p.ID, redact.Text(err.Error())); mErr != nil {
		return stopping, fmt.Errorf("mark attempt of post %s: %w", p.ID, mErr)
	}
	wait := RetryAfter(err)
	switch {
	case wait > 0:
	case p.Priority >= model.PriorityUrgent && de != nil && de.Status >= 500:
		wait = o.backoffFrom(o.opts.UrgentBackoffMin, ch.tries)
	default:
		wait = o.backoff(ch.tries)
	}
	ch.retryAt = failed.Add(wait)
	log.Warn("delivery failed; will retry", "attempt", p.Attempts+1, "wait", wait)
	return retrying, nil
}

// park leaves a channel without a Sink alone for BrokenBackoffMax.
func (o *Outbox) park(ch *channel, log *slog.Logger) outcome {
	ch.parkedUntil = time.Now().Add(o.opts.BrokenBackoffMax)
	log.Error("channel parked; its posts stay pending", "for", o.opts.BrokenBackoffMax)
	return parking
}

// channelGone reports whether a permanent error means the channel itself is
// unusable (no access, or deleted), not just this post or message.
func channelGone(de *DeliveryError, editing bool) bool {
	switch de.Status {
	case http.StatusForbidden:
		return true
	case http.StatusNotFound:
		if editing {
			return de.Code == codeUnknownChannel // else the message was deleted
		}
		return de.Code != codeUnknownMessage
	}
	return false
}

// ambiguous reports whether a failed send may still have created the
// message: a timeout, a network error, a 5xx, or a 2xx whose answer could
// not be read. Only a 4xx (a 429 included) says that nothing was created.
func ambiguous(err error) bool {
	var de *DeliveryError
	if !errors.As(err, &de) {
		return true
	}
	return de.Status < 400 || de.Status >= 500
}

// reconcileStale looks for the messages of posts that an earlier run tried
// to send (it may have sent them and died before recording it) and records
// those it finds. It searches the channel from the earliest first attempt
// among them, so no number of later messages hides one. A post never tried
// has no message and needs no search. It returns the posts still to deliver.
func (o *Outbox) reconcileStale(ctx context.Context, ch *channel, posts []model.Post) ([]model.Post, outcome, error) {
	var stale []model.Post
	var since time.Time
	for _, p := range posts {
		if o.unreconciled(ch, p) {
			stale = append(stale, p)
			since = earliest(since, p.FirstAttemptAt)
		}
	}
	if len(stale) == 0 {
		return posts, settled, nil
	}
	for i := range stale {
		if stale[i].Content.Answers != "" {
			if _, err := o.answering(ctx, &stale[i]); err != nil {
				return nil, stopping, err
			}
		}
	}
	found, err := o.findSent(ctx, o.channelID(stale[0]), stale, since)
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, stopping, nil
	case err != nil && !IsPermanent(err):
		ch.tries++
		ch.retryAt = time.Now().Add(o.backoff(ch.tries))
		o.log.Warn("reconcile: read recent messages; will retry", "channel", ch.name, "err", err)
		return nil, retrying, nil
	case err != nil:
		o.log.Warn("cannot read channel history; relying on the nonce", "channel", ch.name, "err", err)
	}
	for _, p := range stale {
		ch.checked[p.ID] = true
	}
	rest := posts[:0:0]
	for _, p := range posts {
		msgID := found[p.ID]
		if msgID == "" {
			rest = append(rest, p)
			continue
		}
		o.log.Info("reconciled post with a message found in the channel", "channel", ch.name, "post", p.ID, "message", msgID)
		if oc, err := o.markSent(ctx, ch, p, msgID); err != nil {
			return nil, oc, err
		}
	}
	return rest, settled, nil
}

// clockSkew is how far the platform's clock may be behind ours: a search
// for messages sent since a time starts this much earlier.
const clockSkew = time.Minute

// findSent searches the messages the bot sent to a channel since a time
// (the first attempt at the posts) for the posts the sink marked them with,
// and returns post id → message id for those found. A message without a
// mark matches by nonce, when the platform reports one. The posts are of
// one channel.
func (o *Outbox) findSent(ctx context.Context, channelID string, posts []model.Post, since time.Time) (map[string]string, error) {
	cctx, cancel := context.WithTimeout(ctx, o.opts.ReconcileTimeout)
	defer cancel()
	sink := o.sink(posts[0].Channel)
	byPost := make(map[string]string)
	byNonce := make(map[string]string)
	for i, place := range answerPlaces(sink, channelID, posts) {
		recent, err := sink.Recent(cctx, place, since.Add(-clockSkew))
		if err != nil && i > 0 && IsPermanent(err) {
			continue // a thread never started, or deleted: nothing was sent there
		}
		if err != nil {
			return nil, err
		}
		for _, s := range recent {
			switch {
			case s.PostID != "":
				byPost[s.PostID] = s.MessageID
			case s.Nonce != "":
				byNonce[s.Nonce] = s.MessageID
			}
		}
	}
	found := make(map[string]string)
	for _, p := range posts {
		if id, ok := byPost[p.ID]; ok {
			found[p.ID] = id
		} else if id, ok := byNonce[nonce(p)]; ok {
			found[p.ID] = id
		}
	}
	return found, nil
}

// AnswerPlacer is a Sink whose answers to a message may be posted apart
// from its channel (Discord: in a thread started on the message); the
// outbox looks for sent posts there too.
type AnswerPlacer interface {
	AnswerPlace(channelID, messageID string) string
}

// answerPlaces are where posts may have been sent: the channel, then the
// places of the messages thread posts answer.
func answerPlaces(sink Sink, channelID string, posts []model.Post) []string {
	places := []string{channelID}
	placer, ok := sink.(AnswerPlacer)
	if !ok {
		return places
	}
	for _, p := range posts {
		if p.Content.Thread && p.AnswersMessage != "" {
			if place := placer.AnswerPlace(channelID, p.AnswersMessage); !slices.Contains(places, place) {
				places = append(places, place)
			}
		}
	}
	return places
}
