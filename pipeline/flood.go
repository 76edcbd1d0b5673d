package pipeline

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/outbox"
)

// Flood control. One feed that publishes hundreds of matching items at once
// (a glitch that re-dates its archive, a live blog) must not bury a channel
// in alerts nor ping its roles every few seconds, and nothing it published
// may be lost. So, when posts are planned:
//   - at most [polling] max_alerts_per_poll new items of one poll of one
//     feed post alerts, and at most a channel's max_alerts alerts reach it
//     per alert_window; every alert over a cap is folded instead: its item
//     is listed in a fold post (model.PostFold) of its feed, rule and
//     channel, written in the same transaction as the item, so every
//     folded item appears in some fold post;
//   - at most a channel's max_pings alerts per alert_window ping roles; an
//     alert over it posts without its mentions, and the admin channel is
//     told once per window.
//
// The windows are counted when posts are planned, in memory: a restart
// starts them afresh. A new feed's backlog plans no posts, so it is never
// counted or folded.

// window counts events in a sliding window of time.
type window struct {
	times []time.Time // oldest first, all within the window of the last use
}

// full reports whether most events already happened in the window ending
// at now, forgetting those before it.
func (w *window) full(most int, span time.Duration, now time.Time) bool {
	cut := 0
	for cut < len(w.times) && !w.times[cut].After(now.Add(-span)) {
		cut++
	}
	w.times = w.times[cut:]
	return len(w.times) >= most
}

// add records an event at now.
func (w *window) add(now time.Time) { w.times = append(w.times, now) }

// reopens is when the oldest event in the window leaves it.
func (w *window) reopens(span time.Duration) time.Time {
	if len(w.times) == 0 {
		return time.Time{}
	}
	return w.times[0].Add(span)
}

// channelFlood is the flood state of one channel.
type channelFlood struct {
	alerts, pings window
	toldUntil     time.Time // the admins were told of limited pings until then
}

// A fold is paged over posts of at most foldPage items and about
// foldPageChars characters of titles (counted up to foldTitleChars each)
// and links: about what one Discord message shows with every link whole.
const (
	foldPage       = 50
	foldPageChars  = 4000
	foldTitleChars = 60
)

// pageFold splits a fold's items into pages.
func pageFold(items []model.FoldItem) [][]model.FoldItem {
	var pages [][]model.FoldItem
	start, chars := 0, 0
	for i, it := range items {
		n := len(it.Link) + min(utf8.RuneCountInString(it.Title), foldTitleChars)
		if i > start && (i-start == foldPage || chars+n > foldPageChars) {
			pages = append(pages, items[start:i])
			start, chars = i, 0
		}
		chars += n
	}
	if start < len(items) {
		pages = append(pages, items[start:])
	}
	return pages
}

// pollBurst is how many items of one poll of one feed alert at their
// rule's priority; the poll's later alerts go out one priority lower. A
// channel takes 5 messages per 5 s, so the 20 alerts a poll may post would
// otherwise hold another feed's urgent alert 20 s behind them: with this,
// it waits behind a burst's first few at most.
const pollBurst = 3

// foldKey names the fold of one rule in one channel.
type foldKey struct{ channel, rule string }

// pollFlood is the flood control of one poll of one feed: how many of its
// items alerted, and what was folded or must be told since the last batch
// was written.
type pollFlood struct {
	feed    string
	cap     int // max_alerts_per_poll
	alerted int // items of the poll that posted an alert
	folds   map[foldKey]*model.Fold
	order   []foldKey    // folds in the order they began
	notices []model.Post // to the admin channel
}

func newPollFlood(rt *Runtime, f config.Feed) *pollFlood {
	return &pollFlood{feed: f.Name, cap: rt.Config.Polling.AlertsPerPoll()}
}

// fold lists an item in the fold of the alert it was to post.
func (pf *pollFlood) fold(alert model.Post, it model.Item) {
	k := foldKey{alert.Channel, alert.Rule}
	f, ok := pf.folds[k]
	if !ok {
		if pf.folds == nil {
			pf.folds = map[foldKey]*model.Fold{}
		}
		f = &model.Fold{Feed: pf.feed, Rule: alert.Rule, Severity: alert.Content.Severity}
		pf.folds[k] = f
		pf.order = append(pf.order, k)
	}
	f.Items = append(f.Items, model.FoldItem{Title: it.Title, Link: it.Link, Published: it.Published})
}

// take returns fold posts, paged, and the notices gathered so far, to be
// written with the item being stored: every full page, and with all the
// last, partial ones too (the end of a batch), so that a folded item is
// written in the same transaction as its page.
func (pf *pollFlood) take(rt *Runtime, now time.Time, all bool) []model.Post {
	var out []model.Post
	keep := pf.order[:0:0]
	for _, k := range pf.order {
		f := pf.folds[k]
		pages := pageFold(f.Items)
		if !all && len(pages) > 0 {
			pages = pages[:len(pages)-1] // the last page may grow yet
		}
		done := 0
		for _, pg := range pages {
			done += len(pg)
		}
		if ch := rt.Config.Channel(k.channel); ch != nil && done > 0 {
			out = append(out, foldPosts(rt, *ch, *f, pages, done, now)...)
		}
		if f.Items = f.Items[done:]; len(f.Items) > 0 {
			keep = append(keep, k)
		} else {
			delete(pf.folds, k)
		}
	}
	pf.order = keep
	out = append(out, pf.notices...)
	pf.notices = nil
	return out
}

// foldPosts makes a post of each page of a fold of total items.
func foldPosts(rt *Runtime, ch config.Channel, f model.Fold, pages [][]model.FoldItem, total int, now time.Time) []model.Post {
	out := make([]model.Post, 0, len(pages))
	for i, items := range pages {
		page := f
		page.Page, page.Pages, page.Total, page.Items = i+1, len(pages), total, items
		post := newPost(model.PostFold, ch, now)
		post.Rule = f.Rule
		post.Nonce = outbox.Nonce("fold", post.ID)
		post.Content = model.Content{
			Fold: &page, Feed: f.Feed, Rule: f.Rule, Severity: f.Severity,
			TimeZone: rt.Config.Location().String(),
		}
		out = append(out, post)
	}
	return out
}

// limit applies flood control to the posts planned for one item: each new
// alert over the feed's per-poll cap or its channel's window cap is folded
// instead of posted, one past the poll's first pollBurst alerting items is
// delivered one priority lower, and one over the channel's ping cap loses
// its mentions. Updates, replies and other posts pass as they are.
func (p *Pipeline) limit(rt *Runtime, it model.Item, posts []model.Post, now time.Time) []model.Post {
	pf := p.poll
	if pf == nil {
		return posts
	}
	kept := posts[:0:0]
	alerted := false
	for _, post := range posts {
		ch := rt.Config.Channel(post.Channel)
		if post.Kind != model.PostAlert || post.Content.Reply || ch == nil {
			kept = append(kept, post)
			continue
		}
		maxAlerts, maxPings, span := ch.Limits()
		cf := p.channelFlood(ch.Name)
		if pf.alerted >= pf.cap || cf.alerts.full(maxAlerts, span, now) {
			pf.fold(post, it)
			continue
		}
		cf.alerts.add(now)
		alerted = true
		if pf.alerted >= pollBurst && post.Priority > model.PriorityInfo {
			post.Priority--
		}
		if len(post.Content.Mentions) > 0 {
			if cf.pings.full(maxPings, span, now) {
				post.Content.Mentions = nil
				p.tellPingsLimited(rt, *ch, cf, maxPings, span, now)
			} else {
				cf.pings.add(now)
			}
		}
		kept = append(kept, post)
	}
	if alerted {
		pf.alerted++
	}
	return kept
}

// channelFlood returns a channel's flood state, creating it.
func (p *Pipeline) channelFlood(name string) *channelFlood {
	if p.floods == nil {
		p.floods = map[string]*channelFlood{}
	}
	cf, ok := p.floods[name]
	if !ok {
		cf = &channelFlood{}
		p.floods[name] = cf
	}
	return cf
}

// tellPingsLimited tells the admin channel, once per window, that a
// channel's alerts post without their role pings until the window reopens.
func (p *Pipeline) tellPingsLimited(rt *Runtime, ch config.Channel, cf *channelFlood, maxPings int, span time.Duration, now time.Time) {
	if now.Before(cf.toldUntil) {
		return
	}
	until := cf.pings.reopens(span)
	cf.toldUntil = until
	p.log.Warn("role pings limited", "channel", ch.Name, "max_pings", maxPings, "window", span, "until", until)
	admin := rt.Config.Channel(rt.Config.Discord.AdminChannel)
	if admin == nil {
		return
	}
	text := fmt.Sprintf("Role pings in #%s reached their limit of %d per %s: its urgent alerts post without pinging until %s.",
		ch.Name, maxPings, shortDuration(span), until.In(rt.Config.Location()).Format("15:04 MST"))
	p.poll.notices = append(p.poll.notices, NoticePost(*admin, text, now))
}

// shortDuration writes 10m for 10m0s and 1h for 1h0m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
