package pipeline

import (
	"context"
	"fmt"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/stories"
)

// planMerges edits the alerts of stories the grouper merged when an item
// linked them, so each channel keeps one alert per event: where both
// stories had an alert in a channel, the surviving story's shows the merged
// sources and the absorbed one's says which story it became part of (it
// stays, edited, not deleted: readers may have replied to it); where only
// the absorbed story had one, it becomes the surviving story's alert and
// shows the merged sources. The item's own plan, which follows, edits the
// surviving alerts again as for any later source. Nothing is edited when
// the desk wants no updates or the feed's items are not posted (its first
// poll). It returns the posts and the absorbed stories.
func (p *Pipeline) planMerges(ctx context.Context, rt *Runtime, merges []stories.Merge, story model.Story, postable bool) ([]model.Post, []string, error) {
	if len(merges) == 0 {
		return nil, nil, nil
	}
	var absorbed []string
	for _, m := range merges {
		absorbed = append(absorbed, m.From)
	}
	if !postable || rt.Config.Stories.Updates == "none" {
		return nil, absorbed, nil
	}
	now := p.opts.Clock()
	into, err := p.storyAlerts(ctx, story.ID)
	if err != nil {
		return nil, nil, err
	}
	var posts []model.Post
	edited := map[string]bool{} // channels whose surviving alert takes the merge
	for _, from := range absorbed {
		alerts, err := p.storyAlerts(ctx, from)
		if err != nil {
			return nil, nil, err
		}
		for channel, old := range alerts {
			ch := rt.Config.Channel(channel)
			if ch == nil {
				continue // a channel no longer configured
			}
			survivor, ok := into[channel]
			if !ok {
				// The absorbed story's alert is the event's alert here now.
				survivor = old
			} else {
				c := old.Content
				c.MergedInto = &model.MergedStory{Title: story.Title, Link: story.Link}
				c.TimeZone = rt.Config.Location().String()
				posts = append(posts, mergeEdit(*ch, old, from, c, story.ID, now))
			}
			for _, key := range old.Content.Items {
				survivor.Content.Items = appendNew(survivor.Content.Items, key)
			}
			into[channel] = survivor
			edited[channel] = true
		}
	}
	for channel, alert := range into {
		ch := rt.Config.Channel(channel)
		if !edited[channel] || ch == nil {
			continue
		}
		c := alert.Content
		c.StoryTitle, c.Updated, c.Sources = story.Title, story.Updated, story.Outlets()
		c.Reply, c.Thread, c.Answers = false, false, ""
		c.TimeZone = rt.Config.Location().String()
		posts = append(posts, mergeEdit(*ch, alert, story.ID, c, story.ID, now))
		// The item's own update of this alert builds on the merged items.
		k := alertKey{story.ID, alert.Rule, channel}
		if _, planned := p.planned[k]; planned {
			p.planned[k] = alert
		} else {
			p.looked[k] = alertLookup{post: alert}
		}
	}
	return posts, absorbed, nil
}

// mergeEdit is the update of an alert's message that a merge makes.
func mergeEdit(ch config.Channel, alert model.Post, storyID string, c model.Content, survivor string, now time.Time) model.Post {
	post := newPost(model.PostUpdate, ch, now)
	post.StoryID, post.Rule, post.ReplaceOf = storyID, alert.Rule, alert.ID
	post.Nonce = outbox.Nonce("merge", alert.ID, survivor)
	post.Content = c
	return post
}

// storyAlerts returns a story's alert in each channel, as storage has
// them (StoryAlerts) or as planned earlier in the batch being stored; of
// a channel's alerts under several rules, the newest.
func (p *Pipeline) storyAlerts(ctx context.Context, storyID string) (map[string]model.Post, error) {
	stored, err := p.store.StoryAlerts(ctx, storyID)
	if err != nil {
		return nil, fmt.Errorf("alerts of story %s: %w", storyID, err)
	}
	out := map[string]model.Post{}
	for _, post := range stored { // oldest first
		out[post.Channel] = post
	}
	for k, post := range p.planned {
		if k.story == storyID {
			out[k.channel] = post
		}
	}
	return out, nil
}
