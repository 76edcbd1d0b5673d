package bot

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"
	"golang.org/x/time/rate"

	"wirewatch/lookup"
)

// Budgets: no member can make the commands cost much. Each member's
// commands draw on a token bucket of their own (rate.Limiter); storage
// lookups (lookup.Commands but the Light ones, /why, /rules test and the
// page buttons) run at most MaxLookups at once and /summary at most MaxSummaries at
// once, across all members; and a lookup that has not finished within
// LookupBudget is stopped and answered politely. A command waits for a
// free slot within its budget, so a burst is served in turn rather than
// refused; one that finds none in time is told wirewatch is busy.

// kind is what a command costs.
type kind uint8

const (
	kindCheap   kind = iota // configuration only, or an admin's write
	kindLookup              // reads the archive
	kindSummary             // fetches and summarizes a page
)

// What a member is told when a lookup spends its time budget (a
// lookup.Command's TooLong says it for its command).
const (
	tooLongOther = "That took too long; try again in a minute."
	tooLongRules = "That rule test took too long; try fewer days."
)

// tooLongOf is what a member is told when the lookup of that name spends
// its time budget.
func tooLongOf(name string) string {
	if lc, ok := lookup.CommandNamed(name); ok && lc.TooLong != "" {
		return lc.TooLong
	}
	return tooLongOther
}

// budget holds the shared limits of the commands.
type budget struct {
	lookups   chan struct{}
	summaries chan struct{}
	every     rate.Limit
	burst     int

	mu    sync.Mutex
	users map[string]*rate.Limiter
}

// maxTrackedUsers bounds the per-member buckets kept; full buckets (members
// who have not used a command for a while) are dropped beyond it.
const maxTrackedUsers = 4096

func newBudget(o CommandOptions) *budget {
	return &budget{
		lookups:   make(chan struct{}, o.MaxLookups),
		summaries: make(chan struct{}, o.MaxSummaries),
		every:     rate.Every(o.UserInterval),
		burst:     o.UserBurst,
		users:     map[string]*rate.Limiter{},
	}
}

// allow takes one command from user's bucket, or says how long to wait.
func (b *budget) allow(user string, now time.Time) (bool, time.Duration) {
	b.mu.Lock()
	defer b.mu.Unlock()
	lim := b.users[user]
	if lim == nil {
		if len(b.users) >= maxTrackedUsers {
			for id, l := range b.users {
				if l.TokensAt(now) >= float64(b.burst) {
					delete(b.users, id)
				}
			}
		}
		lim = rate.NewLimiter(b.every, b.burst)
		b.users[user] = lim
	}
	r := lim.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return false, d
	}
	return true, 0
}

// slots is the semaphore of a kind; nil for kindCheap.
func (b *budget) slots(k kind) chan struct{} {
	switch k {
	case kindLookup:
		return b.lookups
	case kindSummary:
		return b.summaries
	}
	return nil
}

// errBusy is a command that found no free slot within its budget.
var errBusy = errors.New("no free slot")

// acquire waits for a slot of kind k until ctx ends; release frees it.
func (b *budget) acquire(ctx context.Context, k kind) (release func(), err error) {
	sem := b.slots(k)
	if sem == nil {
		return func() {}, nil
	}
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, errBusy
	}
}

// budgeted wraps a command's work in its budget: the member's rate, a slot
// of its kind, and for lookups the time budget with a polite answer when
// it is spent.
func (c *Commands) budgeted(k kind, tooLong string, work func(context.Context, *request) (reply, error)) func(context.Context, *request) (reply, error) {
	return func(ctx context.Context, in *request) (reply, error) {
		if ok, wait := c.budget.allow(userID(in.i), time.Now()); !ok {
			c.log.Info("command rate-limited", "user", userID(in.i), "wait", wait)
			return reply{}, userErrorf("You are sending commands faster than wirewatch answers them; try again in %d s.",
				int(math.Ceil(wait.Seconds())))
		}
		if k == kindLookup {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, c.opts.LookupBudget)
			defer cancel()
		}
		if c.opts.Looked != nil {
			began := time.Now()
			defer func() { c.opts.Looked(lookupName(in.i), time.Since(began)) }()
		}
		release, err := c.budget.acquire(ctx, k)
		if err != nil {
			c.log.Warn("command found no free slot", "kind", k, "user", userID(in.i))
			return reply{}, userErrorf("wirewatch is busy answering other lookups; try again in a minute.")
		}
		defer release()
		r, err := work(ctx, in)
		// The driver may report the interrupted query in its own words.
		if k == kindLookup && err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) && c.stop.Err() == nil {
			c.log.Warn("lookup over its time budget", "budget", c.opts.LookupBudget, "user", userID(in.i), "err", err)
			return reply{}, userErrorf("%s", tooLong)
		}
		return r, err
	}
}

func (k kind) String() string {
	return [...]string{"cheap", "lookup", "summary"}[k]
}

var _ fmt.Stringer = kind(0)

// lookupName names an interaction's work for metrics: the slash command's
// name, or "button:" and the kind of page button pressed. Only names that
// reach a handler get here, so the set is small and fixed.
func lookupName(i *discordgo.InteractionCreate) string {
	switch i.Type {
	case discordgo.InteractionApplicationCommand:
		return i.ApplicationCommandData().Name
	case discordgo.InteractionMessageComponent:
		kind, _, _ := strings.Cut(i.MessageComponentData().CustomID, ":")
		switch kind {
		case timelineButton:
			return "button:timeline"
		case searchButton:
			return "button:search"
		case foldButton:
			return "button:fold"
		}
	}
	return "other"
}
