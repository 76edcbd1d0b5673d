package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/storage"
)

// plan turns the rules an item matches into posts: one alert per (story,
// channel), under the most severe rule that routes there; a later source of
// the same story within the rule's cooldown updates the earlier alert
// instead of posting again. Alerts over a flood-control cap are folded
// (see flood.go). What became of each route is added to dec.
func (p *Pipeline) plan(ctx context.Context, rt *Runtime, it model.Item, story model.Story, matches []model.Match, muted mutes, dec *model.Decision) ([]model.Post, error) {
	posts, err := p.planPosts(ctx, rt, it, story, matches, muted, dec)
	if err != nil {
		return nil, err
	}
	return p.limit(rt, it, posts, p.opts.Clock(), dec), nil
}

// planPosts is plan before flood control.
func (p *Pipeline) planPosts(ctx context.Context, rt *Runtime, it model.Item, story model.Story, matches []model.Match, muted mutes, dec *model.Decision) ([]model.Post, error) {
	if copiesOf(story, it) > 1 {
		dec.CopyOf = copiedLink(story, it)
		return nil, nil // the outlet's copy of its own report under a new GUID
	}
	now := p.opts.Clock()
	var posts []model.Post
	for _, route := range routes(rt.Config, matches) {
		rd := model.RouteDecision{Channel: route.channel.Name, Rule: route.match.Rule}
		if topic, until, ok := muted.first(route.channel.Name, it.Topics, now); ok {
			rd.Outcome, rd.Topic, rd.Until = model.RouteMuted, topic, until
			dec.Routes = append(dec.Routes, rd)
			continue
		}
		var cooldown time.Duration
		if r := rt.Config.Rule(route.match.Rule); r != nil {
			cooldown = r.Cooldown
		}
		post, ok, err := p.postFor(ctx, rt, it, story, route.match, route.channel, cooldown, now)
		if err != nil {
			return nil, err
		}
		switch {
		case !ok:
			rd.Outcome = model.RouteNoUpdate
		case post.Kind == model.PostUpdate || post.Content.Reply:
			rd.Outcome, rd.Post, rd.Of = model.RouteUpdated, post.ID, post.ReplaceOf
		default:
			rd.Outcome, rd.Post = model.RoutePosted, post.ID
			if until, held := quietUntil(route.channel, route.match.Severity, now); held {
				rd.Outcome, rd.Until = model.RouteQuiet, until
			}
		}
		dec.Routes = append(dec.Routes, rd)
		if ok {
			posts = append(posts, post)
		}
	}
	return posts, nil
}

// copiedLink is the link of the outlet's earlier report the item copies.
func copiedLink(story model.Story, it model.Item) string {
	for _, src := range story.Sources {
		if src.Feed == it.Feed && src.Link != it.Link && strings.TrimSpace(src.Title) == strings.TrimSpace(it.Title) {
			return src.Link
		}
	}
	return it.Link
}

// route is the rule an item is posted under in one channel.
type route struct {
	channel config.Channel
	match   model.Match
}

// routes picks, for each channel the matches route to, the most severe
// match (the first in config order among equals), so that a story matched
// by several rules is still one message per channel. Digest-only channels
// take no alerts.
func routes(cfg *config.Config, matches []model.Match) []route {
	var out []route
	index := map[string]int{}
	for _, m := range matches {
		for _, name := range m.Channels {
			ch := cfg.Channel(name)
			if ch == nil || ch.DigestOnly {
				continue
			}
			i, seen := index[name]
			if !seen {
				index[name] = len(out)
				out = append(out, route{channel: *ch, match: m})
				continue
			}
			if m.Severity.Rank() > out[i].match.Severity.Rank() {
				out[i].match = m
			}
		}
	}
	return out
}

func (p *Pipeline) postFor(ctx context.Context, rt *Runtime, it model.Item, story model.Story, m model.Match, ch config.Channel, cooldown time.Duration, now time.Time) (model.Post, bool, error) {
	prev, err := p.alertPostFor(ctx, story.ID, m.Rule, ch.Name)
	switch {
	case errors.Is(err, storage.ErrNotFound):
	case err != nil:
		return model.Post{}, false, fmt.Errorf("look up earlier alert of story %s: %w", story.ID, err)
	case !inCooldown(alertedAt(prev, now), cooldown, now):
	default:
		return p.update(rt, prev, story, m, ch, it, now)
	}
	post := newPost(model.PostAlert, ch, now)
	post.StoryID, post.Rule = story.ID, m.Rule
	post.Priority = model.PriorityOf(model.PostAlert, m.Severity)
	// prev.ID keeps a re-alert after the cooldown from reusing the first
	// alert's nonce, which Discord would deduplicate into the old message.
	post.Nonce = outbox.Nonce(story.ID, m.Rule, ch.Name, prev.ID)
	post.Content = alertContent(rt.Config, it, story, m)
	return post, true, nil
}

// update edits (or answers) the earlier alert of a story with its new sources.
func (p *Pipeline) update(rt *Runtime, prev model.Post, story model.Story, m model.Match, ch config.Channel, it model.Item, now time.Time) (model.Post, bool, error) {
	if rt.Config.Stories.Updates == "none" {
		return model.Post{}, false, nil
	}
	c := updateContent(rt.Config, prev.Content, it, story, m)
	if mode := rt.Config.Stories.Updates; mode == "reply" || mode == "thread" {
		post := newPost(model.PostAlert, ch, now)
		post.StoryID, post.Rule = story.ID, m.Rule
		post.Priority = model.PriorityLow // news of more sources, as an edit would be
		post.Nonce = outbox.Nonce(mode, story.ID, m.Rule, ch.Name, it.Key)
		// The latest alert post of the story may be an earlier reply: every
		// reply answers the first alert, and a thread hangs from it.
		root := prev.ID
		if prev.Content.Reply && prev.Content.Answers != "" {
			root = prev.Content.Answers
		}
		c.Reply, c.Thread, c.Answers = true, mode == "thread", root
		post.Content = c
		return post, true, nil
	}
	post := newPost(model.PostUpdate, ch, now)
	post.StoryID, post.Rule, post.ReplaceOf = story.ID, m.Rule, prev.ID
	post.Nonce = outbox.Nonce("edit", story.ID, m.Rule, ch.Name, it.Key)
	post.Content = c
	return post, true, nil
}

// maxLeadRunes bounds the item text an alert carries when the item has no
// summary: a lead, not the article.
const maxLeadRunes = 1000

// alertContent is what the first alert of a story for a rule says: the
// item's headline, link, outlet, time and summary (its text's lead when it
// has none), the rule, and the story so far.
func alertContent(cfg *config.Config, it model.Item, story model.Story, m model.Match) model.Content {
	summary := it.Summary
	if len(summary) == 0 && strings.TrimSpace(it.Text) != "" {
		summary = []string{leadOf(it.Text, maxLeadRunes)}
	}
	return model.Content{
		Headline:   it.Title,
		Link:       it.Link,
		Feed:       it.Feed,
		Published:  it.Published,
		Summary:    summary,
		Items:      []string{it.Key},
		Severity:   m.Severity,
		Rule:       m.Rule,
		Terms:      m.Terms,
		Mentions:   m.Mentions,
		StoryTitle: story.Title,
		Updated:    story.Updated,
		Sources:    story.Outlets(),
		TimeZone:   cfg.Location().String(),
	}
}

// updateContent is the whole current state of an alerted story: the first
// report as the earlier alert said it, with every source so far, so the
// edited message can be rendered from the update alone. An earlier alert
// written before posts were platform-neutral (Legacy) has no first report
// to copy; the item at hand stands in for it.
func updateContent(cfg *config.Config, prev model.Content, it model.Item, story model.Story, m model.Match) model.Content {
	c := prev
	if len(prev.Legacy) > 0 {
		c = alertContent(cfg, it, story, m)
	}
	c.Items = appendNew(c.Items, it.Key)
	c.StoryTitle, c.Updated, c.Sources = story.Title, story.Updated, story.Outlets()
	c.Reply, c.Thread, c.Answers = false, false, "" // the earlier post may have been a reply; the caller decides
	c.TimeZone = cfg.Location().String()
	return c
}

// copiesOf counts the story's reports that are the item's outlet's copies
// of it, the item included: the same link or the same headline from the
// same feed (a feed that re-published its item under a new GUID).
func copiesOf(story model.Story, it model.Item) int {
	n := 0
	for _, src := range story.Sources {
		if src.Feed == it.Feed && ((it.Link != "" && src.Link == it.Link) || strings.TrimSpace(src.Title) == strings.TrimSpace(it.Title)) {
			n++
		}
	}
	return n
}

// appendNew appends s to list unless list has it, copying list.
func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(slices.Clip(list), s)
}

// leadOf is the start of text, whole words, at most n code points.
func leadOf(text string, n int) string {
	text = strings.Join(strings.Fields(text), " ")
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := []rune(text)[:n]
	if i := strings.LastIndexByte(string(cut), ' '); i > 0 {
		return string(cut)[:i] + " …"
	}
	return string(cut) + "…"
}

// alertedAt is when an earlier alert reached its channel; one still
// waiting in the outbox (quiet hours, a slow channel) counts as alerting now,
// so its cooldown starts when users see it.
func alertedAt(prev model.Post, now time.Time) time.Time {
	if prev.SentAt.IsZero() {
		return now
	}
	return prev.SentAt
}

// mutes are the mutes in force, by channel and topic: their ends.
type mutes map[[2]string]time.Time

// mutesNow reads the mutes in force, once for a feed's new items rather
// than once per item, channel and topic.
func (p *Pipeline) mutesNow(ctx context.Context) (mutes, error) {
	list, err := p.store.Mutes(ctx, p.opts.Clock())
	if err != nil {
		return nil, fmt.Errorf("read mutes: %w", err)
	}
	m := make(mutes, len(list))
	for _, mu := range list {
		m[[2]string{mu.Channel, mu.Topic}] = mu.Until
	}
	return m, nil
}

// first returns the first of topics muted in channel at now, and until when.
func (m mutes) first(channel string, topics []string, now time.Time) (string, time.Time, bool) {
	for _, t := range topics {
		if until, ok := m[[2]string{channel, t}]; ok && now.Before(until) {
			return t, until, true
		}
	}
	return "", time.Time{}, false
}

// any reports whether any of topics is muted in channel at now.
func (m mutes) any(channel string, topics []string, now time.Time) bool {
	_, _, ok := m.first(channel, topics, now)
	return ok
}
