package lookup

import (
	"context"
	"fmt"
	"io"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/redact"
)

// FeedStateStore is the part of storage FeedHealth reads.
type FeedStateStore interface {
	FeedStates(ctx context.Context) ([]model.FeedState, error)
}

// FeedStatus is one feed's health, for operators.
type FeedStatus struct {
	Name        string
	URL         string // as configured, redacted
	Polled      bool   // wirewatch has polled it at least once
	Configured  bool   // still in the config (false: a removed feed's leftover state)
	LastPoll    time.Time
	LastSuccess time.Time
	LastError   string // redacted
	Failures    int    // consecutive
	Broken      bool
	NextPoll    time.Time
	ItemsSeen   int64
}

// Healthy reports whether the last poll succeeded.
func (f FeedStatus) Healthy() bool { return f.Polled && f.LastError == "" && !f.Broken }

// FeedHealth returns every configured feed's status in config order, then
// the stored states of feeds no longer configured.
func FeedHealth(ctx context.Context, st FeedStateStore, cfg *config.Config) ([]FeedStatus, error) {
	states, err := st.FeedStates(ctx)
	if err != nil {
		return nil, fmt.Errorf("feed health: %w", err)
	}
	byName := make(map[string]model.FeedState, len(states))
	for _, s := range states {
		byName[s.Feed] = s
	}
	out := make([]FeedStatus, 0, len(cfg.Feeds)+len(states))
	seen := map[string]bool{}
	for _, f := range cfg.Feeds {
		fs := FeedStatus{Name: f.Name, URL: redact.Text(f.URL), Configured: true}
		if s, ok := byName[f.Name]; ok {
			fillStatus(&fs, s)
		}
		seen[f.Name] = true
		out = append(out, fs)
	}
	for _, s := range states {
		if !seen[s.Feed] {
			fs := FeedStatus{Name: s.Feed, URL: redact.Text(s.URL)}
			fillStatus(&fs, s)
			out = append(out, fs)
		}
	}
	return out, nil
}

func fillStatus(fs *FeedStatus, s model.FeedState) {
	fs.Polled = !s.LastPoll.IsZero() || !s.LastSuccess.IsZero()
	// Stored errors are redacted when written; states stored before that
	// are redacted here.
	fs.LastPoll, fs.LastSuccess, fs.LastError = s.LastPoll, s.LastSuccess, redact.Text(s.LastError)
	fs.Failures, fs.Broken, fs.NextPoll, fs.ItemsSeen = s.Failures, s.Broken, s.NextPoll, s.ItemsSeen
}

// ChannelStateStore is the part of storage BrokenChannels reads.
type ChannelStateStore interface {
	ChannelStates(ctx context.Context) ([]model.ChannelState, error)
}

// BrokenChannel is a channel whose platform refuses the bot there: its
// posts are kept and retried.
type BrokenChannel struct {
	model.ChannelState
	Configured bool // false: a channel since removed from the config
}

// BrokenChannels returns the channels the outbox found broken, by name.
func BrokenChannels(ctx context.Context, st ChannelStateStore, cfg *config.Config) ([]BrokenChannel, error) {
	states, err := st.ChannelStates(ctx)
	if err != nil {
		return nil, fmt.Errorf("broken channels: %w", err)
	}
	out := make([]BrokenChannel, 0, len(states))
	for _, s := range states {
		s.Reason = redact.Text(s.Reason)
		out = append(out, BrokenChannel{ChannelState: s, Configured: cfg.Channel(s.Channel) != nil})
	}
	return out, nil
}

// WriteBrokenChannels prints a block per broken channel, after the feeds.
func WriteBrokenChannels(w io.Writer, cfg *config.Config, list []BrokenChannel) {
	for _, c := range list {
		gone := ""
		if !c.Configured {
			gone = ", no longer configured"
		}
		fmt.Fprintf(w, "channel %s  [REFUSES THE BOT%s]\n  since %s · %d, code %d · its posts are kept and retried\n  %s\n",
			c.Channel, gone, c.Since.In(cfg.Location()).Format("2006-01-02 15:04 MST"), c.Status, c.Code, c.Reason)
	}
}

// WriteFeeds prints one block per feed: state, last success, next poll,
// items seen and the last error.
func WriteFeeds(w io.Writer, cfg *config.Config, list []FeedStatus, now time.Time) {
	loc := cfg.Location()
	stamp := func(t time.Time) string {
		if t.IsZero() {
			return "never"
		}
		return t.In(loc).Format("2006-01-02 15:04 MST")
	}
	for _, f := range list {
		state := "ok"
		switch {
		case !f.Polled:
			state = "not polled yet"
		case f.Broken:
			state = "BROKEN"
		case f.LastError != "":
			state = fmt.Sprintf("failing (%d in a row)", f.Failures)
		}
		if !f.Configured {
			state += ", no longer configured"
		}
		fmt.Fprintf(w, "%s  [%s]\n  last success %s · next poll %s · %d items seen\n", f.Name, state, stamp(f.LastSuccess), stamp(f.NextPoll), f.ItemsSeen)
		if f.LastError != "" {
			fmt.Fprintf(w, "  last error: %s\n", f.LastError)
		}
	}
}

// WriteItems prints items one block each: time, title, feed, link and the
// summary sentences.
func WriteItems(w io.Writer, cfg *config.Config, items []model.Item) {
	loc := cfg.Location()
	for _, it := range items {
		fmt.Fprintf(w, "%s  %s  [%s]\n  %s\n", it.Published.In(loc).Format("2006-01-02 15:04"), it.Title, it.Feed, it.Link)
		for _, s := range it.Summary {
			fmt.Fprintf(w, "  - %s\n", s)
		}
	}
}
