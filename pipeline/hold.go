package pipeline

import (
	"time"

	"wirewatch/alerts"
	"wirewatch/config"
	"wirewatch/model"
)

// QuietHold says whether a post must wait for its channel's quiet hours to
// end, and until when. Urgent alerts, notices and digests are never held.
func QuietHold(cfg *config.Config, p model.Post, now time.Time) (time.Time, bool) {
	if p.Kind != model.PostAlert && p.Kind != model.PostUpdate {
		return time.Time{}, false
	}
	ch, ok := channelByName(cfg, p.Channel)
	if !ok {
		return time.Time{}, false
	}
	return alerts.QuietUntil(ch, ruleSeverity(cfg, p.Rule), now)
}

func ruleSeverity(cfg *config.Config, name string) model.Severity {
	for _, r := range cfg.Rules {
		if r.Name == name {
			return model.Severity(r.Severity)
		}
	}
	return model.SeverityAlert
}

// NoticePost is an operational notice for a channel.
func NoticePost(ch config.Channel, text string, now time.Time) model.Post {
	post := newPost(model.PostNotice, ch, now)
	post.Message = alerts.RenderNotice(text)
	post.Nonce = alerts.Nonce("notice", post.ID)
	return post
}
