// Package lookup answers the questions users ask of stored news: a topic's
// timeline, a search, the latest items, what a rule would have matched, how
// the feeds are doing, and every item of a flood's fold (its page buttons). The slash commands, the command line and the demo
// all answer through it, so they always agree. Commands declares each
// lookup once (name, parameters, Run); the command line and the slash
// commands are made from it, and each renders results by their type.
//
// Rules: lookups only read storage; they validate their arguments (unknown
// topic or rule, absurd ranges, overlong queries, deep pages) and say what is
// wrong in words a user can act on: such errors satisfy IsInput, anything
// else is the system's fault. Every lookup is bounded (MaxDays, MaxLimit,
// MaxOffset, MaxRuleScan) so no request can read a whole archive.
package lookup

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"wirewatch/config"
	"wirewatch/model"
	"wirewatch/storage"
	"wirewatch/stories"
)

// Store is the part of storage lookups read.
type Store interface {
	Timeline(ctx context.Context, q storage.Query) ([]model.Story, error)
	Search(ctx context.Context, text string, q storage.Query) ([]model.Item, error)
	Latest(ctx context.Context, q storage.Query) ([]model.Item, error)
}

// MaxDays bounds a lookup's range, so a typo cannot ask for a century.
const MaxDays = 3660

// TopicError says a topic name is not in the config, and which are.
type TopicError struct {
	Name  string
	Known []string
}

func (e *TopicError) Error() string {
	return fmt.Sprintf("no topic named %q; known topics: %s", e.Name, strings.Join(e.Known, ", "))
}

// CheckTopic returns a *TopicError unless name is "" or a configured topic.
func CheckTopic(cfg *config.Config, name string) error {
	if name == "" {
		return nil
	}
	known := make([]string, 0, len(cfg.Topics))
	for _, t := range cfg.Topics {
		if t.Name == name {
			return nil
		}
		known = append(known, t.Name)
	}
	sort.Strings(known)
	return &TopicError{Name: name, Known: known}
}

// Range is a lookup's time range: [From, To).
type Range struct{ From, To time.Time }

// DaysRange is the range of whole days that ends with today in loc:
// days=1 is today, days=7 today and the six days before. Event dates are
// days (stories keep them at noon UTC), so the range is aligned to
// midnights, not to the current instant, or today's events would fall out.
func DaysRange(days int, now time.Time, loc *time.Location) (Range, error) {
	if days <= 0 || days > MaxDays {
		return Range{}, inputf("days must be between 1 and %d, not %d", MaxDays, days)
	}
	if loc == nil {
		loc = time.UTC
	}
	y, m, d := now.In(loc).Date()
	tomorrow := time.Date(y, m, d+1, 0, 0, 0, 0, loc)
	return Range{From: tomorrow.AddDate(0, 0, -days), To: tomorrow}, nil
}

// Timeline returns a topic's timeline entries in the range, newest first,
// with adjacent days of the same event merged. It reads at most limit
// stories from offset.
func Timeline(ctx context.Context, st Store, cfg *config.Config, topic string, r Range, limit, offset int) ([]stories.Entry, error) {
	if err := CheckTopic(cfg, topic); err != nil {
		return nil, err
	}
	limit, offset, err := page(limit, offset)
	if err != nil {
		return nil, err
	}
	sts, err := st.Timeline(ctx, storage.Query{Topic: topic, Since: r.From, Until: r.To, Limit: limit, Offset: offset})
	if err != nil {
		return nil, fmt.Errorf("timeline of %s: %w", topic, err)
	}
	return stories.TimelineWith(sts, cfg.Location(), Vocabulary(cfg)), nil
}

// Vocabulary is the desk vocabulary timelines read headlines with: the
// config's, or the default when it does not compile (check reports why).
func Vocabulary(cfg *config.Config) *stories.Vocabulary {
	v, err := stories.NewVocabulary(cfg.Stories.Vocabulary)
	if err != nil {
		return stories.DefaultVocabulary()
	}
	return v
}

// WriteTimeline prints entries: date, headline and sources on one line,
// then the story's one-sentence summary (when it has one) and the link,
// indented under it.
func WriteTimeline(w interface{ Write([]byte) (int, error) }, cfg *config.Config, entries []stories.Entry) {
	loc := cfg.Location()
	for _, e := range entries {
		fmt.Fprintf(w, "%s  %s  (%s)\n", e.Date.In(loc).Format("2006-01-02"), e.Title, plural(e.Sources, "source"))
		if s := strings.Join(strings.Fields(e.Summary), " "); s != "" {
			fmt.Fprintf(w, "            %s\n", s)
		}
		fmt.Fprintf(w, "            %s\n", e.Link)
	}
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
