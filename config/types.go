package config

import (
	"time"

	"github.com/robfig/cron/v3"
)

// Config is a whole, validated wirewatch configuration. Values are already
// parsed (durations, time zones); Pos fields say where each value was written
// so later checks (rule syntax, routes) can point at file:line:col.
type Config struct {
	Path     string // file the config was read from
	Bot      Bot
	Discord  Discord
	Polling  Polling
	Stories  Stories
	Feeds    []Feed
	Topics   []Topic
	Channels []Channel
	Rules    []Rule
	Digests  []Digest
	// DiscordIDs are the Discord ids written in the file outside
	// [[channels]] (application_id, guild_ids, rules' mentions), in file
	// order, with where each was written, for checks that point at one
	// (wirewatch check flags the example's placeholders).
	DiscordIDs []IDRef
}

// IDRef is an id written in the file: under Key (such as
// "discord.guild_ids"), at Pos.
type IDRef struct {
	Key string
	ID  string
	Pos Pos
}

// Pos is a position in the config file; Line and Col start at 1.
type Pos struct {
	File string
	Line int
	Col  int
}

// Bot is the [bot] table.
type Bot struct {
	Name     string         // shown in the User-Agent and footers; default "wirewatch"
	Database string         // SQLite file path, or a postgres:// URL; default "wirewatch.db"
	Location *time.Location // time zone for display and quiet hours; default UTC
	LogLevel string         // debug, info, warn, error; default info
	// Listen is the host:port of the HTTP server that answers /metrics,
	// /healthz and /readyz; "" (the default) runs none.
	Listen string
}

// Discord is the [discord] table. The token is never in the file: it comes
// from the DISCORD_TOKEN environment variable.
type Discord struct {
	Enabled       bool     // the table is present
	ApplicationID string   // needed to register slash commands
	GuildIDs      []string // register commands per guild; empty means globally
	AdminChannel  string   // channel name for operational notices; "" for none
	// APIBase replaces https://discord.com/api in every REST call (a
	// rate-limit proxy); "" talks to Discord itself. Absolute http(s), no
	// userinfo, query or fragment, no trailing slash.
	APIBase string
}

// Polling is the [polling] table: defaults for every feed.
type Polling struct {
	Tick            string        // cron spec of the digest checks (feeds are polled when due); default "@every 1m"
	DefaultInterval time.Duration // default 10m
	MinInterval     time.Duration // default 2m
	MaxInterval     time.Duration // default 1h
	Timeout         time.Duration // whole request; default 20s
	MaxBodyBytes    int64         // default 10 MiB
	PerHost         int           // requests in flight per host; default 2
	Concurrency     int           // requests in flight overall; default 8
	MaxItemAge      time.Duration // older items are recorded, not posted; default 48h
	// MaxAlertsPerPoll caps the new alerts one poll of one feed may post;
	// the feed's other new matching items of that poll are folded into one
	// post per rule and channel. Default 20.
	MaxAlertsPerPoll int
	UserAgent        string // default "wirewatch/<version> (+https://github.com/wirewatch/wirewatch; feed reader)"
}

// Stories is the [stories] table.
type Stories struct {
	Window  time.Duration // how far back a new item looks for its story; default 72h
	Updates string        // "edit" (edit the alert with the story's sources), "reply" (a reply to the alert per new outlet), "thread" (a thread on the alert, a message per new outlet), or "none"; default "edit"
	// EditInterval is the least time between two changes to one alert
	// message (its send, then each edit); updates within it wait and only
	// the newest goes. Default 5s; 0 edits as soon as an update is written
	// (pending updates still coalesce). Read at start-up.
	EditInterval time.Duration

	// Vocabulary is the [stories.vocabulary] table: the desk's own words,
	// which extend (or, with replace = true, replace) the shipped ones.
	Vocabulary Vocabulary
}

// Feed is one [[feeds]] entry.
type Feed struct {
	Pos          Pos
	Name         string
	URL          string
	URLPos       Pos
	Interval     time.Duration  // 0: adaptive within the polling bounds
	FullText     string         // "auto" (default), "true" or "false"
	Location     *time.Location // the outlet's time zone, for event dates; default the bot's
	AllowPrivate bool           // allow loopback/private addresses (tests, the demo, intranet feeds)
}

// Topic is one [[topics]] entry: a named set of aliases.
type Topic struct {
	Pos     Pos
	Name    string   // slug used in rules and commands: "north-korea"
	Title   string   // display name: "North Korea"
	Aliases []string // words and phrases that mean the topic
}

// Channel is one [[channels]] entry: a channel wirewatch posts to, on a
// platform (Discord by default).
type Channel struct {
	Pos         Pos
	Name        string // name used by rules and digests
	Platform    string // the platform the channel is on; DefaultPlatform when not written
	PlatformPos Pos    // where platform is written; zero when it is not
	ID          string // the channel's id on its platform; its form is the platform's to check
	IDPos       Pos    // where id is written
	DigestOnly  bool   // delivery = "digest-only": rules do not post here
	Quiet       *QuietHours
	// Flood control: at most MaxAlerts new alerts and MaxPings role pings
	// per AlertWindow. Alerts over the cap are folded into one post per
	// feed and rule; an alert over the ping cap posts without its mentions.
	// Defaults 30, 3 and 10m (see Limits).
	MaxAlerts   int
	MaxPings    int
	AlertWindow time.Duration
}

// Limits returns the channel's flood-control caps, with the defaults for
// those left zero (a Channel built in code rather than loaded).
func (c Channel) Limits() (maxAlerts, maxPings int, window time.Duration) {
	maxAlerts, maxPings, window = c.MaxAlerts, c.MaxPings, c.AlertWindow
	if maxAlerts <= 0 {
		maxAlerts = DefaultMaxAlerts
	}
	if maxPings <= 0 {
		maxPings = DefaultMaxPings
	}
	if window <= 0 {
		window = DefaultAlertWindow
	}
	return maxAlerts, maxPings, window
}

// AlertsPerPoll returns MaxAlertsPerPoll, or its default when zero.
func (p Polling) AlertsPerPoll() int {
	if p.MaxAlertsPerPoll <= 0 {
		return DefaultMaxAlertsPerPoll
	}
	return p.MaxAlertsPerPoll
}

// QuietHours silence non-urgent alerts between Start and End (minutes after
// midnight) in Location; alerts wait in the outbox until the hours end.
type QuietHours struct {
	Start, End int
	Location   *time.Location
}

// Rule is one [[rules]] entry. Query is compiled by package rules; QueryPos
// points at the first character inside the quotes, so an error at byte
// offset n of the query is at QueryPosAt(n), which resolves escapes,
// non-ASCII text (columns count runes) and multi-line strings.
type Rule struct {
	Pos      Pos
	Name     string
	Query    string
	QueryPos Pos
	Channels []string
	Severity string        // info, alert, urgent; default alert
	Mentions []string      // role ids, only for urgent rules
	Cooldown time.Duration // same story does not re-alert within it; default 6h

	// queryAt[i] is where byte i of Query was written (escapes and
	// multi-line strings resolved); one more entry for the closing quote.
	// Set by the loader; QueryPosAt falls back to QueryPos without it.
	queryAt []Pos
}

// Digest is one [[digests]] entry.
type Digest struct {
	Pos        Pos
	Name       string
	Schedule   string // cron spec; the loader adds CRON_TZ=<bot timezone> when it has no zone
	Channels   []string
	Topics     []string // empty: all topics
	MaxStories int      // per topic; default 5

	parsed cron.Schedule // Schedule as the loader parsed it; see Parsed
}
