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

// digestKey is the metadata key holding a digest's last run.
func digestKey(name string) string { return "digest:" + name + ":last" }

// Digests posts every digest that is due. A digest whose runs were missed
// while wirewatch was down is posted once, covering the whole gap. On the very
// first start a digest only records the time, so a new install does not post
// a digest of its backlog.
func (p *Pipeline) Digests(ctx context.Context) (int, error) {
	rt := p.runtime.Load()
	now := p.opts.Clock()
	posted := 0
	for _, d := range rt.Config.Digests {
		n, err := p.digest(ctx, rt, d, now)
		if err != nil {
			return posted, fmt.Errorf("digest %s: %w", d.Name, err)
		}
		posted += n
	}
	if posted > 0 {
		p.opts.Notify()
	}
	return posted, nil
}

func (p *Pipeline) digest(ctx context.Context, rt *Runtime, d config.Digest, now time.Time) (int, error) {
	raw, err := p.store.Meta(ctx, digestKey(d.Name))
	if errors.Is(err, storage.ErrNotFound) || (err == nil && raw == "") {
		return 0, p.store.SetMeta(ctx, digestKey(d.Name), now.UTC().Format(time.RFC3339))
	}
	if err != nil {
		return 0, err
	}
	last, err := time.Parse(time.RFC3339, raw)
	if err != nil {
		return 0, fmt.Errorf("last run %q: %w", raw, err)
	}
	due, _, err := alerts.NextDigestRuns(d, last, now)
	if err != nil || !due {
		return 0, err
	}
	posts, err := p.digestPosts(ctx, rt, d, last, now)
	if err != nil {
		return 0, err
	}
	if len(posts) > 0 {
		if err := p.store.AddPosts(ctx, posts); err != nil {
			return 0, err
		}
	}
	p.log.Info("digest", "digest", d.Name, "since", last, "posts", len(posts))
	return len(posts), p.store.SetMeta(ctx, digestKey(d.Name), now.UTC().Format(time.RFC3339))
}

func (p *Pipeline) digestPosts(ctx context.Context, rt *Runtime, d config.Digest, since, now time.Time) ([]model.Post, error) {
	topics := d.Topics
	if len(topics) == 0 {
		for _, t := range rt.Config.Topics {
			topics = append(topics, t.Name)
		}
	}
	byTopic := make(map[string][]model.Story, len(topics))
	titles := make(map[string]string, len(topics))
	for _, t := range topics {
		sts, err := p.store.Stories(ctx, storage.Query{Topic: t, Since: since, Until: now, Limit: d.MaxStories})
		if err != nil {
			return nil, err
		}
		byTopic[t] = sts
		titles[t] = rt.Config.TopicTitle(t)
	}
	msg, ok := alerts.RenderDigest(d, byTopic, titles, since, now, displayLocation(rt.Config))
	if !ok {
		return nil, nil
	}
	var posts []model.Post
	for _, name := range d.Channels {
		ch := rt.Config.Channel(name)
		if ch == nil {
			continue
		}
		post := newPost(model.PostDigest, *ch, now)
		post.Rule = d.Name
		post.Nonce = alerts.Nonce("digest", d.Name, ch.Name, now.UTC().Truncate(time.Minute).Format(time.RFC3339))
		post.Message = msg
		posts = append(posts, post)
	}
	return posts, nil
}
