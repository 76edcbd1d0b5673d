package outbox

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"wirewatch/model"
	"wirewatch/redact"
)

// Health is what the outbox knows of its platforms and channels, for
// /readyz and /feeds.
type Health struct {
	// Refused lists the platforms whose token was refused (401): nothing
	// is delivered to any of their channels.
	Refused []string
	// Broken lists the channels whose platform refuses the bot there.
	Broken []model.ChannelState
}

// Health reports the platforms whose token was refused and the channels
// found broken by this outbox.
func (o *Outbox) Health() Health {
	o.mu.Lock()
	defer o.mu.Unlock()
	var h Health
	for name := range o.refused {
		h.Refused = append(h.Refused, name)
	}
	for _, st := range o.broken {
		h.Broken = append(h.Broken, st)
	}
	slices.Sort(h.Refused)
	slices.SortFunc(h.Broken, func(a, b model.ChannelState) int { return strings.Compare(a.Channel, b.Channel) })
	return h
}

// loadState reads whether a channel was recorded broken (by this process
// or an earlier one), once, so that a restart neither tells the admins
// again nor forgets to tell them it works.
func (o *Outbox) loadState(ctx context.Context, ch *channel) error {
	if ch.loaded {
		return nil
	}
	states, err := o.store.ChannelStates(ctx)
	if err != nil {
		return fmt.Errorf("channel states: %w", err)
	}
	for _, st := range states {
		if st.Channel == ch.name && st.Broken {
			o.setBroken(ch.name, &st)
		}
	}
	ch.loaded = true
	return nil
}

// breakChannel keeps a channel whose platform refused the bot there (403,
// 404) alone for a backoff that doubles from BrokenBackoffMin to
// BrokenBackoffMax; the first time, it records the channel broken and
// calls ChannelChanged.
func (o *Outbox) breakChannel(ctx context.Context, ch *channel, de *DeliveryError, log *slog.Logger) (outcome, error) {
	ch.brokenTries++
	wait := o.opts.BrokenBackoffMin
	for i := 1; i < ch.brokenTries && wait < o.opts.BrokenBackoffMax; i++ {
		wait *= 2
	}
	wait = min(wait, o.opts.BrokenBackoffMax)
	ch.parkedUntil = time.Now().Add(wait)
	if o.brokenState(ch.name) != nil {
		log.Warn("channel still refused; its posts stay pending", "status", de.Status, "code", de.Code, "next_try", wait)
		return parking, nil
	}
	st := model.ChannelState{Channel: ch.name, Broken: true, Since: o.opts.Clock(), Status: de.Status, Code: de.Code, Reason: redact.Text(de.Err.Error())}
	if err := o.store.SaveChannelState(ctx, st); err != nil {
		return stopping, fmt.Errorf("record channel %s broken: %w", ch.name, err)
	}
	o.setBroken(ch.name, &st)
	log.Error("channel refused: the bot may not post there (no permission, or no such channel); its posts stay pending and it is tried again with backoff",
		"status", de.Status, "code", de.Code, "next_try", wait)
	if o.opts.ChannelChanged != nil {
		o.opts.ChannelChanged(st)
	}
	return parking, nil
}

// working records that a channel took a post: if it was broken, it works
// again, and ChannelChanged hears so once; if its platform had refused the
// token, the token works again.
func (o *Outbox) working(ctx context.Context, ch *channel) {
	ch.brokenTries = 0
	name, _ := o.platform(ch.name)
	o.mu.Lock()
	_, refused := o.refused[name]
	delete(o.refused, name)
	o.mu.Unlock()
	if refused {
		o.log.Info("the platform accepts the bot's token again; delivery resumes", "platform", name)
	}
	was := o.brokenState(ch.name)
	if was == nil {
		return
	}
	st := model.ChannelState{Channel: ch.name}
	if err := o.store.SaveChannelState(ctx, st); err != nil {
		// Kept broken in memory: the next delivered post clears it.
		o.log.Warn("record channel working again", "channel", ch.name, "err", err)
		return
	}
	o.setBroken(ch.name, nil)
	o.log.Info("channel works again; its pending posts are being delivered", "channel", ch.name, "broken_for", o.opts.Clock().Sub(was.Since).Round(time.Second))
	if o.opts.ChannelChanged != nil {
		st.Since = was.Since
		o.opts.ChannelChanged(st)
	}
}

// brokenState is a channel's broken record, nil while it works.
func (o *Outbox) brokenState(channel string) *model.ChannelState {
	o.mu.Lock()
	defer o.mu.Unlock()
	if st, ok := o.broken[channel]; ok {
		return &st
	}
	return nil
}

// setBroken records a channel broken, or working when st is nil. Broken
// states live under o.mu, not the channel's lock, which a pass holds
// through its sends: /readyz must not wait for a send.
func (o *Outbox) setBroken(channel string, st *model.ChannelState) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if st == nil {
		delete(o.broken, channel)
		return
	}
	o.broken[channel] = *st
}

// refusedUntil is when the channels of a channel's platform may be tried
// again after its token was refused; zero when it was not, or a post went
// through since.
func (o *Outbox) refusedUntil(channel string) time.Time {
	name, _ := o.platform(channel)
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.refused[name]
}

// refuseToken stops delivery to every channel of a channel's platform for
// BrokenBackoffMax after it refused the bot's token (401): every call would
// be refused alike, and each counts toward the invalid-request limit. The
// first refusal is logged at ERROR; later ones (a token still wrong after
// the wait) at WARN.
func (o *Outbox) refuseToken(ch *channel) outcome {
	name, _ := o.platform(ch.name)
	until := time.Now().Add(o.opts.BrokenBackoffMax)
	o.mu.Lock()
	_, again := o.refused[name]
	o.refused[name] = until
	o.mu.Unlock()
	ch.parkedUntil = until
	if again {
		o.log.Warn("the platform still refuses the bot's token (401); delivery stays stopped", "platform", name, "channel", ch.name, "next_try", o.opts.BrokenBackoffMax)
	} else {
		o.log.Error("the platform refused the bot's token (401 Unauthorized): delivery stopped on every channel; set a valid token and restart (every post stays pending)",
			"platform", name, "channel", ch.name, "next_try", o.opts.BrokenBackoffMax)
	}
	return parking
}
