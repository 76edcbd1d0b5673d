package pipeline

import (
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/outbox"
	"wirewatch/redact"
)

// QuietHold says whether a post must wait for its channel's quiet hours to
// end, and until when. Urgent alerts and folds, notices and digests are
// never held.
func QuietHold(cfg *config.Config, p model.Post, now time.Time) (time.Time, bool) {
	if p.Kind != model.PostAlert && p.Kind != model.PostUpdate && p.Kind != model.PostFold {
		return time.Time{}, false
	}
	ch := cfg.Channel(p.Channel)
	if ch == nil {
		return time.Time{}, false
	}
	sev := model.SeverityAlert
	if r := cfg.Rule(p.Rule); r != nil {
		sev = model.Severity(r.Severity)
	}
	return quietUntil(*ch, sev, now)
}

// NoticePost is an operational notice for a channel. Its text is redacted
// (URLs, database addresses and errors quoting them may hold secrets).
func NoticePost(ch config.Channel, text string, now time.Time) model.Post {
	post := newPost(model.PostNotice, ch, now)
	post.Content = model.Content{Notice: redact.Text(text)}
	post.Nonce = outbox.Nonce("notice", post.ID)
	return post
}
