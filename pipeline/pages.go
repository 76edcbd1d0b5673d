package pipeline

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"time"

	"wirewatch/config"
	"wirewatch/feeds"
	"wirewatch/model"
	"wirewatch/storage"
)

// Article pages. An item is stored and alerts from its feed's own text at
// once; the article page of a teaser (full_text) is fetched afterwards,
// off the alert path, and when it arrives the item takes its text,
// summary and topics, an alert whose first report it is shows the better
// summary (the alert is revised, and edited if already sent), and a rule
// that only the full text matches alerts then, under the flood control of
// the poll that found the item (its per-poll cap, the channel's alert and
// ping caps, its fold). Fetching is bounded:
//   - per poll of one feed, at most pagesPerPoll pages (items that matched a
//     rule first, newest first), all within pageBudget x polling.timeout
//     from the end of the poll;
//   - overall, at most pagesQueued pages waiting or in flight (more are
//     skipped: their items keep the feed's text), polling.concurrency of
//     them fetched at once and polling.per_host per host, on a limiter of
//     their own, so hanging pages never hold a feed poll's slot.
//
// No wait before the first post (full_text_wait) is made: a wait would
// delay every teaser's alert by its length whether the page is fast or
// not, while the edit brings the better summary seconds later anyway.
const (
	pagesPerPoll = 20
	pageBudget   = 2
	pagesQueued  = 200
)

// page is an item whose article page is to be fetched.
type page struct {
	item   model.Item
	routed map[string]bool // channels the feed's own text already routed the item to
}

// pagesFor picks, among a poll's new items that were stored (their ID set),
// those whose article page is fetched: not for a new feed's backlog, nor for
// items too old to alert (fetching them would cost the sites much and the
// users nothing).
func pagesFor(rt *Runtime, r polled, now time.Time) []page {
	if !r.known {
		return nil
	}
	var matched, rest []page
	for i := len(r.fresh) - 1; i >= 0; i-- { // newest first
		it := r.fresh[i]
		if it.ID == 0 || !r.wantsPage[i] || now.Sub(it.Published) > rt.Config.Polling.MaxItemAge {
			continue
		}
		pg := page{item: it, routed: map[string]bool{}}
		for _, route := range routes(rt.Config, r.matches[i]) {
			pg.routed[route.channel.Name] = true
		}
		if len(pg.routed) > 0 {
			matched = append(matched, pg)
		} else {
			rest = append(rest, pg)
		}
	}
	out := append(matched, rest...)
	return out[:min(len(out), pagesPerPoll)]
}

// fetchPages fetches the article pages of one poll and applies each as it
// arrives. It returns when all are done or the poll's budget is spent.
func (p *Pipeline) fetchPages(ctx context.Context, rt *Runtime, f config.Feed, pages []page, flood *pollFlood) {
	ctx, cancel := context.WithTimeout(ctx, pageBudget*max(rt.Config.Polling.Timeout, time.Second))
	defer cancel()
	_, _, limit := p.clients(rt.Config.Polling)
	done := make(chan struct{}, len(pages))
	started := 0
	for _, pg := range pages {
		if p.pagesQueued.Add(1) > pagesQueued {
			p.pagesQueued.Add(-1)
			p.log.Warn("article page skipped: too many pages waiting", "feed", f.Name, "link", pg.item.Link)
			continue
		}
		started++
		go func() {
			defer func() { done <- struct{}{} }()
			defer p.pagesQueued.Add(-1)
			p.fetchPage(ctx, rt, f, pg, limit, flood)
		}()
	}
	for range started {
		<-done
	}
}

func (p *Pipeline) fetchPage(ctx context.Context, rt *Runtime, f config.Feed, pg page, limit *feeds.Limiter, flood *pollFlood) {
	log := p.log.With("feed", f.Name, "link", pg.item.Link)
	u, err := url.Parse(pg.item.Link)
	if err != nil || u.Host == "" {
		log.Info("full text unavailable, using the feed's content", "err", "no link")
		return
	}
	release, err := limit.Acquire(ctx, u.Host)
	if err != nil {
		log.Info("full text unavailable, using the feed's content", "err", err)
		return
	}
	text, err := p.fullText(ctx, rt, f, pg.item.Link)
	release()
	if err != nil {
		log.Info("full text unavailable, using the feed's content", "err", feeds.Cause(err)) // the line names the link
		return
	}
	if err := p.applyPage(ctx, rt, pg, text, flood); err != nil && ctx.Err() == nil {
		log.Error("storing an article page failed", "err", err)
	}
}

// applyPage stores an item's article text, summary and topics and the posts
// they cause: the revision and edit of an alert whose first report the item
// is, and alerts in channels the feed's text did not route it to. Edits of
// alerts the item only joined would say nothing new and are not made. The
// new alerts go through flood control as the poll's (flood) did: over its
// per-poll cap or the channel's they are folded, over the channel's ping
// cap they post without their mentions.
func (p *Pipeline) applyPage(ctx context.Context, rt *Runtime, pg page, text string, flood *pollFlood) error {
	it := pg.item
	it.Text = text
	matches := rt.Prepare(&it)
	p.lockCommitBulk()
	defer p.unlockCommit()
	story, err := p.store.Story(ctx, it.StoryID)
	if err != nil && !errors.Is(err, storage.ErrNotFound) {
		return fmt.Errorf("story of item %s: %w", it.Key, err)
	}
	muted, err := p.mutesNow(ctx)
	if err != nil {
		return err
	}
	// The item's stored decision record says what was decided when it was
	// stored; what its page adds shows in its posts.
	var dec model.Decision
	planned, err := p.planPosts(ctx, rt, it, story, matches, muted, &dec)
	if err != nil {
		return err
	}
	var posts, revised []model.Post
	for _, post := range planned {
		switch {
		case post.Kind == model.PostUpdate:
			if len(post.Content.Items) == 0 || post.Content.Items[0] != it.Key || len(it.Summary) == 0 {
				continue
			}
			alert, err := p.store.Post(ctx, post.ReplaceOf)
			if err != nil {
				return fmt.Errorf("alert %s of item %s: %w", post.ReplaceOf, it.Key, err)
			}
			alert.Content.Summary = it.Summary
			post.Content.Summary = it.Summary
			revised = append(revised, alert)
			posts = append(posts, post)
		case post.Kind == model.PostAlert && !post.Content.Reply && !pg.routed[post.Channel]:
			posts = append(posts, post)
		}
	}
	// Flood control sees only the alerts that will be written: one the
	// feed's text already routed was counted (or folded) with the poll.
	if flood != nil {
		now := p.opts.Clock()
		p.poll = flood
		posts = p.limit(rt, it, posts, now, &dec)
		posts = append(posts, flood.take(rt, now, true)...)
		p.poll = nil
	}
	// The article's lead may tell the event better than the teaser did:
	// the story's summary follows it, and its severity a rule only the
	// article matched.
	var relead *model.Story
	if st, changed := p.grouper.Relead(&it, highestSeverity(matches)); changed {
		relead = &st
	}
	if err := p.store.SaveFullText(ctx, it, relead, revised, posts); err != nil {
		if flood != nil {
			p.dropFolds(flood)
		}
		return err
	}
	if len(posts) > 0 {
		// Only the channels the edits are for: a Notify naming none wakes
		// every channel, and a flood's channel then read its batch of long
		// fold updates again for each article page of another feed.
		p.opts.Notify(postChannels(posts)...)
	}
	return nil
}

// postChannels are the channels posts are for, each once.
func postChannels(posts []model.Post) []string {
	var out []string
	for _, post := range posts {
		if !slices.Contains(out, post.Channel) {
			out = append(out, post.Channel)
		}
	}
	return out
}
