package main

import (
	"encoding/json"
	"io"
	"time"

	"wirewatch/config"
	"wirewatch/lookup"
	"wirewatch/model"
	"wirewatch/stories"
)

// The --json output of every command has one set of conventions, so a
// script reads them all the same way: snake_case keys; a list is [] when
// empty, never null; a duration is a string as the config writes it ("6h",
// "30m"); an instant is RFC 3339 in the desk's zone (the config's
// bot.timezone), to the second, or null when it never happened; a day (an
// event date) is YYYY-MM-DD in that zone. Internal fields (config
// positions, storage keys) are left out. These types are the schema; the
// README's "JSON output" section documents them and testdata/json/*.golden
// pins them.

// itemJSON is one stored item (search, latest, rules test).
type itemJSON struct {
	ID         int64    `json:"id"` // stable within one database
	Feed       string   `json:"feed"`
	Title      string   `json:"title"`
	Link       string   `json:"link"`
	Published  *string  `json:"published"`
	FirstSeen  *string  `json:"first_seen"`
	Author     string   `json:"author"`
	Language   string   `json:"language"` // BCP 47 tag, "" when unknown
	Categories []string `json:"categories"`
	Topics     []string `json:"topics"`
	Summary    []string `json:"summary"`
	Text       string   `json:"text"`
	StoryID    string   `json:"story_id"`
	EventDate  *string  `json:"event_date"` // null until resolved
}

// timelineJSON is one timeline entry: an event's day and its stories.
type timelineJSON struct {
	Date     *string  `json:"date"`
	Title    string   `json:"title"`
	Link     string   `json:"link"`
	Summary  string   `json:"summary"` // the story's one sentence; "" when it has none
	Sources  int      `json:"sources"`
	StoryIDs []string `json:"story_ids"`
	Links    []string `json:"links"`
}

// ruleJSON is one configured rule (rules list).
type ruleJSON struct {
	Name     string   `json:"name"`
	Query    string   `json:"query"`
	Channels []string `json:"channels"`
	Severity string   `json:"severity"`
	Mentions []string `json:"mentions"`
	Cooldown string   `json:"cooldown"`
}

// ruleHitJSON is a stored item a rule would have matched (rules test).
type ruleHitJSON struct {
	Item  itemJSON `json:"item"`
	Terms []string `json:"terms"`
}

// feedJSON is one feed's health (feeds list).
type feedJSON struct {
	Name        string  `json:"name"`
	URL         string  `json:"url"` // redacted
	State       string  `json:"state"`
	Configured  bool    `json:"configured"`
	LastPoll    *string `json:"last_poll"`
	LastSuccess *string `json:"last_success"`
	NextPoll    *string `json:"next_poll"`
	LastError   string  `json:"last_error"` // redacted; "" after a success
	Failures    int     `json:"failures"`   // in a row
	ItemsSeen   int64   `json:"items_seen"`
}

// deskTimes writes instants and days in the desk's zone.
type deskTimes struct{ loc *time.Location }

func newDeskTimes(cfg *config.Config) deskTimes { return deskTimes{loc: cfg.Location()} }

func (d deskTimes) instant(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.In(d.loc).Format(time.RFC3339)
	return &s
}

// day writes the day t falls on in the desk's zone, as the timeline dates
// events (stories keep an event's day at noon UTC).
func (d deskTimes) day(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.In(d.loc).Format(time.DateOnly)
	return &s
}

func orEmpty[T any](v []T) []T {
	if v == nil {
		return []T{}
	}
	return v
}

func (d deskTimes) item(it model.Item) itemJSON {
	return itemJSON{
		ID: it.ID, Feed: it.Feed, Title: it.Title, Link: it.Link,
		Published: d.instant(it.Published), FirstSeen: d.instant(it.FirstSeen),
		Author: it.Author, Language: it.Lang, Categories: orEmpty(it.Categories), Topics: orEmpty(it.Topics),
		Summary: orEmpty(it.Summary), Text: it.Text, StoryID: it.StoryID, EventDate: d.day(it.EventDate),
	}
}

func (d deskTimes) items(items []model.Item) []itemJSON {
	out := make([]itemJSON, 0, len(items))
	for _, it := range items {
		out = append(out, d.item(it))
	}
	return out
}

func (d deskTimes) timeline(entries []stories.Entry) []timelineJSON {
	out := make([]timelineJSON, 0, len(entries))
	for _, e := range entries {
		out = append(out, timelineJSON{Date: d.day(e.Date), Title: e.Title, Link: e.Link, Summary: e.Summary, Sources: e.Sources,
			StoryIDs: orEmpty(e.StoryIDs), Links: orEmpty(e.Links)})
	}
	return out
}

func (d deskTimes) ruleHits(hits []lookup.RuleHit) []ruleHitJSON {
	out := make([]ruleHitJSON, 0, len(hits))
	for _, h := range hits {
		out = append(out, ruleHitJSON{Item: d.item(h.Item), Terms: orEmpty(h.Terms)})
	}
	return out
}

func (d deskTimes) feeds(statuses []lookup.FeedStatus) []feedJSON {
	out := make([]feedJSON, 0, len(statuses))
	for _, f := range statuses {
		out = append(out, feedJSON{Name: f.Name, URL: f.URL, State: feedState(f), Configured: f.Configured,
			LastPoll: d.instant(f.LastPoll), LastSuccess: d.instant(f.LastSuccess), NextPoll: d.instant(f.NextPoll),
			LastError: f.LastError, Failures: f.Failures, ItemsSeen: f.ItemsSeen})
	}
	return out
}

// feedState is a feed's state in one word: ok, new (not polled yet),
// failing or broken.
func feedState(f lookup.FeedStatus) string {
	switch {
	case !f.Polled:
		return "new"
	case f.Broken:
		return "broken"
	case f.LastError != "":
		return "failing"
	}
	return "ok"
}

func rulesJSON(rules []config.Rule) []ruleJSON {
	out := make([]ruleJSON, 0, len(rules))
	for _, r := range rules {
		out = append(out, ruleJSON{Name: r.Name, Query: r.Query, Channels: orEmpty(r.Channels), Severity: r.Severity,
			Mentions: orEmpty(r.Mentions), Cooldown: config.FormatDuration(r.Cooldown)})
	}
	return out
}

// writeJSON writes v indented, one document per call.
func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// whyJSON is an item's whole path (why).
type whyJSON struct {
	Item    itemJSON `json:"item"`
	FoundBy string   `json:"found_by"` // link, canonical link, key or guid
	// New is false for a copy of its outlet's own report (CopyOf).
	New    bool   `json:"new"`
	CopyOf string `json:"copy_of"`
	// Decided is false for an item stored before decisions were recorded:
	// story and posts are then as stored, without the reasons.
	Decided bool          `json:"decided"`
	Story   whyStoryJSON  `json:"story"`
	Rules   []whyRuleJSON `json:"rules"` // as configured now
	// Unposted says why no alert was planned: backlog (the feed's first
	// poll), old (past polling.max_item_age), or "".
	Unposted string        `json:"unposted"`
	Posts    []whyPostJSON `json:"posts"`
}

type whyStoryJSON struct {
	ID      string       `json:"id"`
	Title   string       `json:"title"`
	How     string       `json:"how"`    // new, link, similar; "" when not recorded
	Score   float64      `json:"score"`  // similarity score of a "similar" join
	Needed  float64      `json:"needed"` // the least score that joins
	Before  int          `json:"sources_before"`
	Merged  []string     `json:"merged"`
	Sources []sourceJSON `json:"sources"`
}

type sourceJSON struct {
	Feed      string  `json:"feed"`
	Title     string  `json:"title"`
	Link      string  `json:"link"`
	Published *string `json:"published"`
}

type whyRuleJSON struct {
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Matched  bool     `json:"matched"`
	Terms    []string `json:"terms"`
	Missing  []string `json:"missing"`
	Vetoed   []string `json:"vetoed"`
}

type whyPostJSON struct {
	Channel   string  `json:"channel"`
	Rule      string  `json:"rule"`
	Outcome   string  `json:"outcome"` // posted, quiet, updated, no_update, muted, folded; page (planned when its article page arrived, found among its story's alerts); "" when not recorded
	Until     *string `json:"until"`   // end of quiet hours or of a mute
	Topic     string  `json:"topic"`   // the muted topic
	Cap       string  `json:"cap"`     // the flood cap that folded it: feed or channel
	NoPing    bool    `json:"no_ping"`
	Edits     string  `json:"edits"` // the alert an update edits
	PostID    string  `json:"post_id"`
	Kind      string  `json:"kind"`
	State     string  `json:"state"` // pending, sent, failed; "" when the post is not stored
	Attempts  int     `json:"attempts"`
	LastError string  `json:"last_error"` // redacted
	Message   string  `json:"message"`    // the Discord message link, "" while not sent
}

func (d deskTimes) why(w lookup.Why) whyJSON {
	out := whyJSON{Item: d.item(w.Item), FoundBy: w.FoundBy, New: true, Decided: w.Decision != nil,
		Rules: []whyRuleJSON{}, Posts: []whyPostJSON{}}
	out.Story = whyStoryJSON{ID: w.Item.StoryID, Merged: []string{}, Sources: []sourceJSON{}}
	if w.Story != nil {
		out.Story.Title = w.Story.Title
		for _, s := range w.Story.Sources {
			out.Story.Sources = append(out.Story.Sources, sourceJSON{Feed: s.Feed, Title: s.Title, Link: s.Link, Published: d.instant(s.Published)})
		}
	}
	if dec := w.Decision; dec != nil {
		out.New, out.CopyOf, out.Unposted = dec.CopyOf == "", dec.CopyOf, dec.Unposted
		out.Story.How, out.Story.Score, out.Story.Needed, out.Story.Before, out.Story.Merged = dec.Story, dec.Score, dec.Needed, dec.Sources, orEmpty(dec.Merged)
	}
	for _, x := range w.Rules {
		out.Rules = append(out.Rules, whyRuleJSON{Rule: x.Rule, Severity: string(x.Severity), Matched: x.Matched,
			Terms: orEmpty(x.Terms), Missing: orEmpty(x.Missing), Vetoed: orEmpty(x.Vetoed)})
	}
	for _, p := range w.Posts {
		r := p.Route
		j := whyPostJSON{Channel: r.Channel, Rule: r.Rule, Outcome: r.Outcome, Until: d.instant(r.Until), Topic: r.Topic,
			Cap: r.Cap, NoPing: r.NoPing, Edits: r.Of, PostID: p.Post.ID, Kind: string(p.Post.Kind), State: string(p.Post.State),
			Attempts: p.Post.Attempts, LastError: p.Post.LastError, Message: p.Link}
		if j.Channel == "" {
			j.Channel, j.Rule = p.Post.Channel, p.Post.Rule
		}
		if j.PostID == "" {
			j.PostID = r.Post
		}
		out.Posts = append(out.Posts, j)
	}
	return out
}
