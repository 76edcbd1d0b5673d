// Package model holds wirewatch's domain types: the feed items, stories,
// alerts and posts that flow one way through the pipeline
// (feeds → storage → summarize → stories → alerts → outbox → bot).
//
// Rules: this package imports nothing of the project and holds no behaviour
// beyond small, pure helpers on its own types. Every other package may import
// it; it is the one place where a type shared by two stages is defined.
package model

import "time"

// Item is one normalized entry of a feed. Everything in it came from the
// feed or the article page and is untrusted: it must be escaped before it is
// shown in a channel and capped before it is stored.
type Item struct {
	ID         int64     // storage row id; 0 until stored
	Key        string    // stable identity: "guid:<feed>:<guid>", else "link:<canonical link>", else "hash:<sha>"
	Feed       string    // name of the feed in the config
	GUID       string    // the feed's own id, if any
	Link       string    // canonical link (tracking parameters removed, AMP unwrapped)
	Title      string    // plain text
	Text       string    // plain text of the content (HTML stripped), possibly a teaser
	Author     string    // plain text
	Categories []string  // plain text
	Lang       string    // BCP 47 language tag if known ("en", "ko"), else ""
	Published  time.Time // publication time; first-seen time when the feed gave none
	FirstSeen  time.Time // when wirewatch first saw the item
	Summary    []string  // extractive summary sentences, in article order
	Topics     []string  // names of the config topics the item mentions
	StoryID    string    // id of the story the item belongs to
	EventDate  time.Time // when the reported event happened, if resolved; zero otherwise
}

// Story groups the items that report one event, from one or more outlets.
type Story struct {
	ID        string    // uuid
	Title     string    // the most central headline
	Link      string    // link of the first item
	FirstSeen time.Time // publication time of the first item
	Updated   time.Time // publication time of the newest item
	EventDate time.Time // best-supported event date, else FirstSeen
	Sources   []Source  // one per item, first item first
	Topics    []string  // union of the items' topics
	// Summary is one sentence that says what happened: the lead of the
	// story's most central report, without attributions that make sense
	// only in that outlet ("he told this newspaper"). Plain, untrusted
	// text; "" while no report had one.
	Summary string
	// Severity is the highest severity of the rules its reports matched;
	// "" when none matched. A digest ranks stories by it.
	Severity Severity
	// MergedInto is the story this one became part of when a later report
	// showed both were one event; "" while it stands alone. A merged
	// story's items are that story's.
	MergedInto string
}

// Outlets are the story's sources one per outlet: each feed's first
// report, first report first. A feed that re-publishes its items under new
// GUIDs, or updates its own report ("(LEAD)", "UPDATE 2"), is still one
// source.
func (s Story) Outlets() []Source {
	out := make([]Source, 0, len(s.Sources))
	for _, src := range s.Sources {
		seen := false
		for _, o := range out {
			if o.Feed == src.Feed {
				seen = true
				break
			}
		}
		if !seen {
			out = append(out, src)
		}
	}
	return out
}

// Source is one outlet's report of a story.
type Source struct {
	Feed      string    `json:"feed,omitempty"`
	Title     string    `json:"title,omitempty"`
	Link      string    `json:"link,omitempty"`
	Published time.Time `json:"published,omitzero"`
}

// Severity ranks an alert; urgent alerts may mention roles and break quiet hours.
type Severity string

// Severities, in increasing order.
const (
	SeverityInfo   Severity = "info"
	SeverityAlert  Severity = "alert"
	SeverityUrgent Severity = "urgent"
)

// Rank orders severities: info < alert < urgent; unknown is -1.
func (s Severity) Rank() int {
	switch s {
	case SeverityInfo:
		return 0
	case SeverityAlert:
		return 1
	case SeverityUrgent:
		return 2
	}
	return -1
}

// Match is one rule that matched one item. Channels and Mentions are
// shared by every match of the rule: read them, do not modify them.
type Match struct {
	Rule     string   // rule name
	Severity Severity // the rule's severity
	Channels []string // channel names the rule routes to
	Mentions []string // role ids an urgent rule may ping
	Terms    []string // the words or phrases that matched, shown with the alert
}

// PostKind tells a new alert from an update of an earlier one and from a digest.
type PostKind string

// Kinds of post.
const (
	PostAlert  PostKind = "alert"  // first report of a story for a rule and channel
	PostUpdate PostKind = "update" // another source for a story already alerted: edit the earlier message
	PostDigest PostKind = "digest" // a scheduled digest
	PostNotice PostKind = "notice" // an operational notice for admins (feed broken, config refused)
)

// PostState is where a post is in the outbox.
type PostState string

// Outbox states.
const (
	PostPending PostState = "pending"
	PostSent    PostState = "sent"
	PostFailed  PostState = "failed" // gave up: the platform refused it permanently (a 4xx other than 429)
)

// Post is one message for one channel, written to the outbox before it is sent.
type Post struct {
	ID        string    // uuid
	Kind      PostKind  // alert, update, digest or notice
	Priority  Priority  // delivery order within the channel (PriorityOf); higher first
	Channel   string    // channel name in the config
	ChannelID string    // the channel's id on its platform ("" for the console)
	StoryID   string    // story the post is about, if any
	Rule      string    // rule that caused it, if any
	Nonce     string    // at most 25 characters, derived from story+rule+channel (or post id)
	Content   Content   // what to say; the sink renders it for its platform when it sends
	ReplaceOf string    // for PostUpdate: id of the post whose message is edited
	State     PostState // pending, sent or failed
	MessageID string    // the platform's message id once sent
	Attempts  int       // send attempts so far
	LastError string    // last delivery error, for operators
	CreatedAt time.Time // when it entered the outbox (FIFO order per channel and priority)
	SentAt    time.Time // when the platform accepted it
	// FirstAttemptAt is when the post was first handed to its platform,
	// recorded before that call; zero while it has never been tried, so
	// no message can exist for it. A restart reconciles from it.
	FirstAttemptAt time.Time
	// AnswersMessage is the message id of the post Content.Answers names,
	// filled by the outbox when it hands the post to its sink (a reply
	// refers to it; a thread is started on it). Not stored.
	AnswersMessage string
}

// FeedState is what wirewatch remembers about polling one feed.
type FeedState struct {
	Feed         string    // feed name in the config
	URL          string    // URL currently polled (changes only after repeated permanent redirects)
	ETag         string    // sent back exactly as If-None-Match
	LastModified string    // sent back exactly as If-Modified-Since
	BodyHash     string    // hash of the last body, when the server sends no validators
	LastPoll     time.Time // last attempt
	LastSuccess  time.Time // last poll that returned a feed or a 304
	LastError    string    // last error message, "" after a success
	Failures     int       // consecutive failures
	Broken       bool      // marked broken after a run of failures; admins were told once
	NextPoll     time.Time // when the feed is due again
	Interval     time.Duration
	ItemsSeen    int64  // items stored from this feed, ever
	Initialized  bool   // the first poll (backlog, not posted) is done
	RedirectURL  string // target of a permanent redirect seen RedirectSeen times in a row
	RedirectSeen int
	Known        []KnownItem // the items of the last parsed document, in document order
}

// KnownItem is what a feed's last parsed document said of one item. The
// next poll skips parsing the items whose bytes did not change, so what
// parsing them would have given (their GUID, for spotting repeated ones,
// and their date, for the publishing rate) is kept here.
type KnownItem struct {
	Sum       uint64 // first 8 bytes of the SHA-256 of the item element's bytes, decoded to UTF-8
	GUID      uint64 // the same of its trimmed GUID; 0 if it has none
	Published int64  // its date as written, Unix seconds; 0 if it has none or repeats another item
}

// Mute silences a topic's alerts in a channel until a time. /mute writes
// it; the pipeline reads the mutes in force before it plans posts.
type Mute struct {
	Channel string // the channel's config name
	Topic   string
	Until   time.Time
}

// ChannelState is a channel's delivery health as the outbox saw it: broken
// while its platform refuses the bot there (no permission, channel gone),
// its posts kept pending and retried with backoff until it works again.
type ChannelState struct {
	Channel string    // the channel's config name
	Broken  bool      // false: it works (only broken channels are stored)
	Since   time.Time // when it broke
	Status  int       // the platform's HTTP status (403, 404)
	Code    int       // the platform's error code, if any
	Reason  string    // the platform's answer, redacted
}
