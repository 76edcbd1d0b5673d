package model

import (
	"encoding/json"
	"time"
)

// Content is what a post says, in no platform's terms: the pipeline fills
// it when it plans a post, and the sink renders it (escaping, limits,
// layout) when it sends. Text in it is plain and untrusted, as it came from
// the feed; nothing is escaped or cut for display here.
//
// Which fields are set depends on the post's kind:
//   - an alert: the first report (Headline, Link, Feed, Published, Summary,
//     Items), the rule (Rule, Severity, Terms, Mentions) and the story
//     (StoryTitle, Updated, Sources);
//   - an update: the alert's whole current state, the same fields as the
//     alert with every source so far, so the edited message can be rendered
//     from the update alone; Reply marks an update sent as a new message
//     instead of an edit: a reply to the alert (stories.updates = "reply")
//     or, with Thread, a message in a thread started on the alert
//     (stories.updates = "thread"); Answers names the alert's post;
//   - a notice: Notice;
//   - a digest: Digest;
//   - a fold (flood control): Fold, with Feed, Rule and Severity.
//
// Legacy holds, verbatim, the message of a post written before posts were
// platform-neutral (a Discord message: content, embeds, roles); the Discord
// and console sinks send it exactly as it was. Nothing new writes it.
type Content struct {
	Headline   string    `json:"headline,omitempty"`    // the first report's headline
	Link       string    `json:"link,omitempty"`        // the first report's link
	Feed       string    `json:"feed,omitempty"`        // the outlet of the first report (feed name)
	Published  time.Time `json:"published,omitzero"`    // when the first report was published
	Summary    []string  `json:"summary,omitempty"`     // the first report's summary sentences, in article order
	Items      []string  `json:"items,omitempty"`       // keys of the items the post is about, first report first
	Severity   Severity  `json:"severity,omitempty"`    // the rule's severity
	Rule       string    `json:"rule,omitempty"`        // the rule's name
	Terms      []string  `json:"terms,omitempty"`       // the words or phrases that matched
	Mentions   []string  `json:"mentions,omitempty"`    // role ids an urgent alert may ping; nothing else pings
	StoryTitle string    `json:"story_title,omitempty"` // the story's headline (its most central report's)
	Updated    time.Time `json:"updated,omitzero"`      // the story's newest report
	Sources    []Source  `json:"sources,omitempty"`     // the story's sources so far, first report first
	Reply      bool      `json:"reply,omitempty"`       // an update posted as a new message instead of an edit
	Thread     bool      `json:"thread,omitempty"`      // with Reply: posted in a thread started on the alert
	Answers    string    `json:"answers,omitempty"`     // with Reply: the id of the alert post it answers
	// MergedInto is set on the edit of an alert whose story became part
	// of another story that has its own alert in the channel: that story.
	MergedInto *MergedStory `json:"merged_into,omitempty"`

	TimeZone string `json:"time_zone,omitempty"` // IANA zone the desk reads times in; "" is UTC

	Notice string         `json:"notice,omitempty"` // an operational notice's text
	Digest *DigestContent `json:"digest,omitempty"` // a digest's stories
	Fold   *Fold          `json:"fold,omitempty"`   // a fold's items (see PostFold)

	Legacy json.RawMessage `json:"legacy,omitempty"` // a pre-Content post's message, verbatim
}

// MergedStory names the story an alerted story became part of.
type MergedStory struct {
	Title string `json:"title,omitempty"` // its headline (its most central report's)
	Link  string `json:"link,omitempty"`  // its first report's link
}

// DigestContent is what a scheduled digest says: the events of the
// period [Since, Until) that its topics' stories tell, most important
// first (a story told over adjacent days is one entry), grouped by topic.
// A digest too long for one message is split into parts at entry
// boundaries, one post each (Part of Parts); NotShown and the "… and N
// more" it makes belong to the last part.
type DigestContent struct {
	Name     string          `json:"name"`
	Since    time.Time       `json:"since"`
	Until    time.Time       `json:"until"`
	Sections []DigestSection `json:"sections"`
	Total    int             `json:"total,omitempty"`     // entries of the period, listed or not
	NotShown int             `json:"not_shown,omitempty"` // entries of the period left out of every section
	Part     int             `json:"part,omitempty"`      // this post's part, from 1; 0 for a digest of one part
	Parts    int             `json:"parts,omitempty"`     // how many parts the digest has
}

// DigestSection is one topic of a digest, with at most the digest's
// max_stories entries.
type DigestSection struct {
	Topic     string        `json:"topic"`               // the topic's name
	Title     string        `json:"title"`               // its display name
	Stories   int           `json:"stories"`             // entries of the topic in the period, listed or not
	Continued bool          `json:"continued,omitempty"` // the section began in the part before
	Entries   []DigestEntry `json:"entries"`
}

// DigestEntry is one event in a digest section: one story, or the
// stories of adjacent days that tell the same event.
type DigestEntry struct {
	StoryID   string    `json:"story_id"`          // the best-sourced story's
	Headline  string    `json:"headline"`          // its headline
	Link      string    `json:"link,omitempty"`    // its link
	Summary   string    `json:"summary,omitempty"` // one sentence; may be empty
	Feed      string    `json:"feed,omitempty"`    // the first source's outlet
	Sources   int       `json:"sources"`           // how many outlets reported it
	Severity  Severity  `json:"severity,omitempty"`
	EventDate time.Time `json:"event_date,omitzero"` // the event's day, midnight in the desk's zone
	Updated   time.Time `json:"updated,omitzero"`    // its newest report
}
