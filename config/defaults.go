package config

import (
	"fmt"
	"time"

	"github.com/robfig/cron/v3"
)

// Defaults that code outside the loader needs are methods here, so that a
// config built by hand (tests, the demo) and one loaded from a file answer
// the same and the default is written once.

// Location is the bot's time zone ([bot] timezone): where dates are shown,
// quiet hours kept and digests scheduled. UTC when unset.
func (c *Config) Location() *time.Location {
	if c == nil || c.Bot.Location == nil {
		return time.UTC
	}
	return c.Bot.Location
}

// FeedLocation is the time zone of the named feed's outlet, in which its
// event dates are read: the feed's timezone, else the bot's.
func (c *Config) FeedLocation(feed string) *time.Location {
	if c != nil {
		if f := c.Feed(feed); f != nil {
			return f.Zone(c)
		}
	}
	return c.Location()
}

// Zone is the feed's time zone: its timezone, else the bot's in cfg.
func (f Feed) Zone(cfg *Config) *time.Location {
	if f.Location != nil {
		return f.Location
	}
	return cfg.Location()
}

// Parsed is the digest's schedule, parsed once by the loader (a digest
// built by hand is parsed now).
func (d Digest) Parsed() (cron.Schedule, error) {
	if d.parsed != nil {
		return d.parsed, nil
	}
	s, err := parseCron(d.Schedule)
	if err != nil {
		return nil, fmt.Errorf("schedule %q: %w", d.Schedule, err)
	}
	return s, nil
}

// TickSchedule is polling.tick parsed.
func (p Polling) TickSchedule() (cron.Schedule, error) {
	s, err := parseCron(p.Tick)
	if err != nil {
		return nil, fmt.Errorf("polling tick %q: %w", p.Tick, err)
	}
	return s, nil
}

// ReadyURL is the URL wirewatch health asks by default: /readyz on the
// [bot] listen address, reached from the same host. ok is false when
// listen is empty (no server runs).
func (b Bot) ReadyURL() (u string, ok bool) {
	if b.Listen == "" {
		return "", false
	}
	u = listenURL(b.Listen, "/readyz")
	return u, u != ""
}
