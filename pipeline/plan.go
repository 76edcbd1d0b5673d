package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"wirewatch/alerts"
	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/storage"
)

// plan turns the rules an item matches into posts: one alert per (story,
// channel), under the most severe rule that routes there; a later source of
// the same story within the rule's cooldown updates the earlier alert
// instead of posting again.
func (p *Pipeline) plan(ctx context.Context, rt *Runtime, it model.Item, story model.Story, matches []model.Match) ([]model.Post, error) {
	now := p.opts.Clock()
	var posts []model.Post
	for _, route := range routes(rt.Config, matches) {
		muted, err := p.muted(ctx, route.channel.Name, it.Topics, now)
		if err != nil {
			return nil, err
		}
		if muted {
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
		if ok {
			posts = append(posts, post)
		}
	}
	return posts, nil
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
	loc := displayLocation(rt.Config)
	prev, err := p.store.AlertPostFor(ctx, story.ID, m.Rule, ch.Name)
	switch {
	case errors.Is(err, storage.ErrNotFound):
	case err != nil:
		return model.Post{}, false, fmt.Errorf("look up earlier alert of story %s: %w", story.ID, err)
	case !alerts.InCooldown(alertedAt(prev, now), cooldown, now):
	default:
		return p.update(rt, prev, story, m, ch, it, loc, now)
	}
	post := newPost(model.PostAlert, ch, now)
	post.StoryID, post.Rule = story.ID, m.Rule
	post.Priority = model.PriorityOf(model.PostAlert, m.Severity)
	// prev.ID keeps a re-alert after the cooldown from reusing the first
	// alert's nonce, which Discord would deduplicate into the old message.
	post.Nonce = alerts.Nonce(story.ID, m.Rule, ch.Name, prev.ID)
	post.Message = alerts.RenderAlert(it, story, m, loc)
	return post, true, nil
}

// update edits (or answers) the earlier alert of a story with its new sources.
func (p *Pipeline) update(rt *Runtime, prev model.Post, story model.Story, m model.Match, ch config.Channel, it model.Item, loc *time.Location, now time.Time) (model.Post, bool, error) {
	switch rt.Config.Stories.Updates {
	case "none":
		return model.Post{}, false, nil
	case "reply":
		post := newPost(model.PostAlert, ch, now)
		post.StoryID, post.Rule = story.ID, m.Rule
		post.Priority = model.PriorityLow // news of more sources, as an edit would be
		post.Nonce = alerts.Nonce("reply", story.ID, m.Rule, ch.Name, it.Key)
		post.Message = alerts.RenderUpdate(story, m, loc)
		return post, true, nil
	}
	post := newPost(model.PostUpdate, ch, now)
	post.StoryID, post.Rule, post.ReplaceOf = story.ID, m.Rule, prev.ID
	post.Nonce = alerts.Nonce("edit", story.ID, m.Rule, ch.Name, it.Key)
	// The edited message keeps the first report's embed and adds the sources.
	first := prev.Message
	upd := alerts.RenderUpdate(story, m, loc)
	post.Message = mergeUpdate(first, upd)
	return post, true, nil
}

// mergeUpdate keeps the original alert and appends the update's embeds,
// within Discord's ten-embed limit.
func mergeUpdate(orig, upd model.Message) model.Message {
	out := orig
	out.Embeds = append([]model.Embed(nil), orig.Embeds...)
	if len(out.Embeds) > 1 {
		out.Embeds = out.Embeds[:1]
	}
	out.Embeds = append(out.Embeds, upd.Embeds...)
	if len(out.Embeds) > 10 {
		out.Embeds = out.Embeds[:10]
	}
	return out
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

func displayLocation(cfg *config.Config) *time.Location {
	if cfg.Bot.Location != nil {
		return cfg.Bot.Location
	}
	return time.UTC
}

// muted reports whether any of the item's topics is muted in the channel.
func (p *Pipeline) muted(ctx context.Context, channel string, topics []string, now time.Time) (bool, error) {
	for _, t := range topics {
		v, err := p.store.Meta(ctx, model.MuteKey(channel, t))
		if errors.Is(err, storage.ErrNotFound) || v == "" {
			continue
		}
		if err != nil {
			return false, fmt.Errorf("read mute of %s in %s: %w", t, channel, err)
		}
		until, err := time.Parse(time.RFC3339, v)
		if err == nil && now.Before(until) {
			return true, nil
		}
	}
	return false, nil
}
