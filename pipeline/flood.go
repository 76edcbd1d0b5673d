package pipeline

import (
	"fmt"
	"slices"
	"time"

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
//     is listed in a fold post (model.Content.Fold) of its feed, rule and
//     channel, written in the same transaction as the item, so every
//     folded item appears in some fold post. The fold of one feed, rule
//     and channel is one message for the channel's alert_window from its
//     first item, over as many polls: its first post (model.PostFold) is
//     sent, and its later posts, one per stored batch, are updates of it
//     that the outbox coalesces into a few edits; the message pages
//     through all the fold's items with its buttons;
//   - at most a channel's max_pings alerts per alert_window ping roles; an
//     alert over it posts without its mentions, and the admin channel is
//     told once per window.
//
// The windows and folds are kept when posts are planned, in memory: a
// restart starts them afresh. A new feed's backlog plans no posts, so it is never
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

// pollBurst is how many items of one poll of one feed alert at their
// rule's priority; the poll's later alerts go out one priority lower. A
// channel takes 5 messages per 5 s, so the 20 alerts a poll may post would
// otherwise hold another feed's urgent alert 20 s behind them: with this,
// it waits behind a burst's first few at most. A poll with more matching
// items than its cap is a flood: only its first alert keeps its priority,
// since its channel's urgent places are for other stories.
const pollBurst, floodBurst = 3, 1

// floodAlerts is how many items of a flood (a poll with more matching items
// than its max_alerts_per_poll) alert one by one; the rest go into the
// fold. A burst within the cap is news told item by item; past it, a feed
// is dumping an archive or a spammer is at work, and twenty alerts would
// fill the channel's minute for what one fold message says better.
const floodAlerts = 3

// foldKey names a fold: the alerts of one feed's rule in one channel.
type foldKey struct{ channel, feed, rule string }

// foldGroup is one fold message: the items folded since its last post,
// how many it folded in all, and its first post, whose message the later
// posts edit. It takes the folded items of its feed, rule and channel for
// one alert_window of that channel from its first, over as many polls.
type foldGroup struct {
	key   foldKey
	began time.Time
	fold  model.Fold // Items: folded since the last post; Total: folded in all
	first string     // id of the fold's first post; "" until it is written
}

// pollFlood is the flood control of one poll of one feed: how many of its
// items alerted, and what was folded or must be told since the last batch
// was written.
type pollFlood struct {
	feed    string
	cap     int           // max_alerts_per_poll; floodAlerts for a flood
	burst   int           // alerts at their rule's priority: pollBurst, or floodBurst
	alerted int           // items of the poll that posted an alert
	order   []*foldGroup  // folds with items to write, in the order they began
	touched []*foldGroup  // every fold the poll added to
	notices []model.Post  // to the admin channel
	folded  []foldedRoute // items folded since the last fold posts were made
}

// newPollFlood starts the flood control of a poll with matching items
// that matched a rule.
func newPollFlood(rt *Runtime, f config.Feed, matching int) *pollFlood {
	pf := &pollFlood{feed: f.Name, cap: rt.Config.Polling.AlertsPerPoll(), burst: pollBurst}
	if matching > pf.cap {
		pf.burst = floodBurst
		pf.cap = min(pf.cap, floodAlerts)
	}
	return pf
}

// fold lists an item in the fold of the alert it was to post: the fold of
// its feed, rule and channel begun within the channel's alert window, or a
// new one.
// rd, the item's record of the route, is given the fold's message when
// the batch's fold posts are made (take).
func (p *Pipeline) fold(alert model.Post, it model.Item, span time.Duration, now time.Time, rd *model.RouteDecision) {
	pf := p.poll
	k := foldKey{alert.Channel, pf.feed, alert.Rule}
	g := p.folds[k]
	if g == nil || !now.Before(g.began.Add(span)) {
		if p.folds == nil {
			p.folds = map[foldKey]*foldGroup{}
		}
		g = &foldGroup{key: k, began: now, fold: model.Fold{Feed: pf.feed, Rule: alert.Rule, Severity: alert.Content.Severity}}
		p.folds[k] = g
	}
	if len(g.fold.Items) == 0 {
		pf.order = append(pf.order, g)
	}
	if !slices.Contains(pf.touched, g) {
		pf.touched = append(pf.touched, g)
	}
	g.fold.Items = append(g.fold.Items, model.FoldItem{Title: it.Title, Link: it.Link, Published: it.Published})
	g.fold.Total++
	rd.Post = ""
	pf.folded = append(pf.folded, foldedRoute{rd, g})
}

// foldedRoute is a route decision waiting for its fold's message id.
type foldedRoute struct {
	route *model.RouteDecision
	group *foldGroup
}

// dropFolds forgets the folds a poll added to when one of its batches was
// not written: their posts may not exist, so later items start a new fold.
func (p *Pipeline) dropFolds(pf *pollFlood) {
	for _, g := range pf.touched {
		if p.folds[g.key] == g {
			delete(p.folds, g.key)
		}
	}
}

// take returns the notices gathered so far and, at the end of a batch
// (all), one post per fold listing the items it folded in the batch, to be
// written with the item being stored: a folded item is written in the same
// transaction as the post that lists it. A fold's first post is its one
// message; its later posts are updates of that message (ReplaceOf), each
// saying how many the fold holds by then, so the outbox edits the message
// (coalescing the edits) instead of posting again, and the message's page
// buttons read every post of the fold back from storage.
func (pf *pollFlood) take(rt *Runtime, now time.Time, all bool) []model.Post {
	var out []model.Post
	if all {
		for _, g := range pf.order {
			if ch := rt.Config.Channel(g.key.channel); ch != nil && len(g.fold.Items) > 0 {
				out = append(out, g.post(rt, *ch, now))
			}
			g.fold.Items = nil
		}
		pf.order = nil
		for _, f := range pf.folded {
			f.route.Post = f.group.first // the fold's one message
		}
		pf.folded = nil
	}
	out = append(out, pf.notices...)
	pf.notices = nil
	return out
}

// post is the fold's next post: its first, or an update of the first.
func (g *foldGroup) post(rt *Runtime, ch config.Channel, now time.Time) model.Post {
	f := g.fold
	f.Page, f.Pages = 0, 0
	var post model.Post
	if g.first == "" {
		post = newPost(model.PostFold, ch, now)
		g.first = post.ID
	} else {
		post = newPost(model.PostUpdate, ch, now)
		post.ReplaceOf = g.first
	}
	post.Rule = f.Rule
	post.Nonce = outbox.Nonce("fold", post.ID)
	post.Content = model.Content{
		Fold: &f, Feed: f.Feed, Rule: f.Rule, Severity: f.Severity,
		TimeZone: rt.Config.Location().String(),
	}
	return post
}

// limit applies flood control to the posts planned for one item: each new
// alert over the feed's per-poll cap or its channel's window cap is folded
// instead of posted, one past the poll's first burst of alerting items is
// delivered one priority lower, and one over the channel's ping cap loses
// its mentions. Updates, replies and other posts pass as they are.
func (p *Pipeline) limit(rt *Runtime, it model.Item, posts []model.Post, now time.Time, dec *model.Decision) []model.Post {
	pf := p.poll
	if pf == nil {
		return posts
	}
	routeOf := func(post model.Post) *model.RouteDecision {
		for i := range dec.Routes {
			if dec.Routes[i].Post == post.ID {
				return &dec.Routes[i]
			}
		}
		return &model.RouteDecision{} // not recorded: nothing to say
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
		if feedCap := pf.alerted >= pf.cap; feedCap || cf.alerts.full(maxAlerts, span, now) {
			rd := routeOf(post)
			rd.Outcome, rd.Until, rd.Cap = model.RouteFolded, time.Time{}, model.CapChannel
			if feedCap {
				rd.Cap = model.CapFeed
			}
			p.fold(post, it, span, now, rd)
			continue
		}
		cf.alerts.add(now)
		alerted = true
		if pf.alerted >= pf.burst && post.Priority > model.PriorityInfo {
			post.Priority--
		}
		if len(post.Content.Mentions) > 0 {
			if cf.pings.full(maxPings, span, now) {
				post.Content.Mentions = nil
				routeOf(post).NoPing = true
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
		ch.Name, maxPings, config.FormatDuration(span), until.In(rt.Config.Location()).Format("15:04 MST"))
	p.poll.notices = append(p.poll.notices, NoticePost(*admin, text, now))
}
