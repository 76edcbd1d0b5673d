package pipeline

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/outbox"
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
	due, _, err := nextDigestRuns(d, last, now)
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
	content, ok, err := p.digestContent(ctx, rt, d, since, now)
	if err != nil || !ok {
		return nil, err
	}
	var posts []model.Post
	for _, name := range d.Channels {
		ch := rt.Config.Channel(name)
		if ch == nil {
			continue
		}
		post := newPost(model.PostDigest, *ch, now)
		post.Rule = d.Name
		post.Nonce = outbox.Nonce("digest", d.Name, ch.Name, now.UTC().Truncate(time.Minute).Format(time.RFC3339))
		post.Content = model.Content{Digest: content, TimeZone: rt.Config.Location().String()}
		posts = append(posts, post)
	}
	return posts, nil
}

// digestContent is what a digest says: for each of its topics (in the
// digest's order, else by name) the stories updated since the last run,
// newest first, at most max_stories (default 5) listed. It reports false
// when no topic has a story.
func (p *Pipeline) digestContent(ctx context.Context, rt *Runtime, d config.Digest, since, now time.Time) (*model.DigestContent, bool, error) {
	topics := d.Topics
	if len(topics) == 0 {
		for _, t := range rt.Config.Topics {
			topics = append(topics, t.Name)
		}
		sort.Strings(topics)
	}
	perTopic := d.MaxStories
	if perTopic <= 0 {
		perTopic = 5
	}
	content := &model.DigestContent{Name: d.Name, Since: since, Until: now}
	for _, t := range topics {
		sts, err := p.store.Stories(ctx, storage.Query{Topic: t, Since: since, Until: now, Limit: d.MaxStories})
		if err != nil {
			return nil, false, err
		}
		if len(sts) == 0 {
			continue
		}
		sort.SliceStable(sts, func(i, j int) bool { return sts[i].Updated.After(sts[j].Updated) })
		sec := model.DigestSection{Topic: t, Title: rt.Config.TopicTitle(t), Stories: len(sts)}
		for _, st := range sts[:min(len(sts), perTopic)] {
			sec.Entries = append(sec.Entries, digestEntry(st))
		}
		content.NotShown += sec.Stories - len(sec.Entries)
		content.Sections = append(content.Sections, sec)
	}
	return content, len(content.Sections) > 0, nil
}

// digestEntry is how a digest lists a story.
func digestEntry(st model.Story) model.DigestEntry {
	e := model.DigestEntry{StoryID: st.ID, Headline: st.Title, Link: st.Link, Sources: len(st.Outlets()),
		EventDate: st.EventDate, Updated: st.Updated}
	if len(st.Sources) > 0 {
		e.Feed = st.Sources[0].Feed
	}
	return e
}
