package outbox

import (
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

// QuietHours returns a HoldFunc for the channels' quiet hours: during them,
// alerts and updates of rules that are not urgent wait in the outbox until
// the hours end. Urgent alerts, digests and notices are never held. A rule
// missing from rules counts as not urgent. Quiet hours without a Location
// use loc (the bot's time zone), else UTC.
func QuietHours(channels []config.Channel, rules []config.Rule, loc *time.Location) HoldFunc {
	if loc == nil {
		loc = time.UTC
	}
	quiet := make(map[string]config.QuietHours)
	for _, c := range channels {
		if c.Quiet == nil || c.Quiet.Start == c.Quiet.End {
			continue
		}
		q := *c.Quiet
		if q.Location == nil {
			q.Location = loc
		}
		quiet[c.Name] = q
	}
	urgent := make(map[string]bool)
	for _, r := range rules {
		urgent[r.Name] = model.Severity(r.Severity) == model.SeverityUrgent
	}
	return func(p model.Post, now time.Time) (time.Time, bool) {
		if p.Kind != model.PostAlert && p.Kind != model.PostUpdate {
			return time.Time{}, false
		}
		q, ok := quiet[p.Channel]
		if !ok || urgent[p.Rule] {
			return time.Time{}, false
		}
		return quietUntil(q, now)
	}
}

// quietUntil reports whether now lies in the quiet hours q and, if so, when
// they end. Start > End means the hours span midnight (22:00–07:00).
func quietUntil(q config.QuietHours, now time.Time) (time.Time, bool) {
	local := now.In(q.Location)
	mins := local.Hour()*60 + local.Minute()
	y, m, d := local.Date()
	endOn := func(day int) time.Time {
		return time.Date(y, m, day, q.End/60, q.End%60, 0, 0, q.Location)
	}
	if q.Start < q.End {
		if mins >= q.Start && mins < q.End {
			return endOn(d), true
		}
		return time.Time{}, false
	}
	switch {
	case mins >= q.Start:
		return endOn(d + 1), true
	case mins < q.End:
		return endOn(d), true
	}
	return time.Time{}, false
}

// ChannelIDs maps the configured channels' names to their Discord ids, for
// Options.Channels.
func ChannelIDs(channels []config.Channel) map[string]string {
	ids := make(map[string]string, len(channels))
	for _, c := range channels {
		ids[c.Name] = c.ID
	}
	return ids
}
