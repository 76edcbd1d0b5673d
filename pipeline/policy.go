package pipeline

import (
	"fmt"
	"time"

	"wirewatch/config"
	"wirewatch/model"
)

// When a planned post goes out: quiet hours, cooldowns and digest
// schedules, pure functions of the config and the clock.

// quietUntil reports whether a post of severity sev to ch must wait for the
// end of the channel's quiet hours at now, and until when. Quiet hours are
// read in the channel's time zone and may cross midnight (22:00–07:00);
// urgent posts are never held.
func quietUntil(ch config.Channel, sev model.Severity, now time.Time) (time.Time, bool) {
	if sev == model.SeverityUrgent || !ch.Quiet.Active(now) {
		return time.Time{}, false
	}
	return ch.Quiet.EndsAt(now), true
}

// inCooldown reports whether a story alerted at prevSentAt is still within
// the rule's cooldown at now, so a new source updates the earlier alert
// instead of alerting again. A zero prevSentAt or cooldown is never in
// cooldown.
func inCooldown(prevSentAt time.Time, cooldown time.Duration, now time.Time) bool {
	if prevSentAt.IsZero() || cooldown <= 0 {
		return false
	}
	return now.Sub(prevSentAt) < cooldown
}

// nextDigestRuns reports whether digest d is due at now, given the time of
// its last run, and when it runs next after now. It is due when at least
// one scheduled run fell in (lastRun, now]: runs missed while wirewatch was
// down make it due once, not once per missed run. A zero lastRun (never
// run) is not due; the first run is the next scheduled one.
func nextDigestRuns(d config.Digest, lastRun, now time.Time) (due bool, next time.Time, err error) {
	s, err := d.Parsed()
	if err != nil {
		return false, time.Time{}, fmt.Errorf("digest %q: %w", d.Name, err)
	}
	next = s.Next(now)
	if lastRun.IsZero() {
		return false, next, nil
	}
	first := s.Next(lastRun)
	return !first.IsZero() && !first.After(now), next, nil
}
