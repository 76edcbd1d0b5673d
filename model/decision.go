package model

import "time"

// Decision is what the pipeline decided about one stored item that cannot
// be worked out again later: which story it joined and why, whether it
// repeated its outlet's own report, and, per channel a rule routed it to,
// what became of its alert. It is kept with the item (wirewatch why
// reads it). Its texts are short, written by the pipeline; the names in it
// (rules, channels, feeds) come from the config.
type Decision struct {
	// Story says how the item found its story: StoryNew, StoryLink or
	// StorySimilar; Score is the similarity score of a StorySimilar join
	// (its title and lead against the story's reports), Needed the least
	// score that joins.
	Story   string  `json:"story"`
	StoryID string  `json:"story_id,omitempty"`
	Score   float64 `json:"score,omitempty"`
	Needed  float64 `json:"needed,omitempty"` // the score a join needs
	// Sources is how many reports the story had before this one.
	Sources int `json:"sources,omitempty"`
	// Merged are the stories this report showed to be the same event,
	// now part of StoryID.
	Merged []string `json:"merged,omitempty"`
	// CopyOf is the link of the outlet's earlier report of the story that
	// this item repeats (a new GUID for the same report): it posts nothing.
	CopyOf string `json:"copy_of,omitempty"`
	// Unposted says why the item's matches were not planned at all
	// (UnpostedBacklog, UnpostedOld); "" when they were.
	Unposted string `json:"unposted,omitempty"`
	// Routes are the channel decisions, one per channel a matched rule
	// routes to.
	Routes []RouteDecision `json:"routes,omitempty"`
}

// How an item found its story.
const (
	StoryNew     = "new"     // no story in the window fit it
	StoryLink    = "link"    // a report of the story has the same canonical link
	StorySimilar = "similar" // its title and lead are like the story's reports
)

// Why an item's matches were not planned.
const (
	UnpostedBacklog = "backlog" // the feed's first poll: its backlog is stored, not posted
	UnpostedOld     = "old"     // published longer ago than polling.max_item_age
)

// RouteDecision is what became of an item's alert in one channel.
type RouteDecision struct {
	Channel string `json:"channel"`
	Rule    string `json:"rule"`
	Outcome string `json:"outcome"` // one of the Route* constants
	// Post is the post written for it: the alert, the update, or the
	// fold's message the item was listed in.
	Post string `json:"post,omitempty"`
	// Of is the earlier alert an update edits (RouteUpdated).
	Of string `json:"of,omitempty"`
	// Until is when quiet hours end (RouteQuiet) or a mute ends (RouteMuted).
	Until time.Time `json:"until,omitzero"`
	// Topic is the muted topic (RouteMuted).
	Topic string `json:"topic,omitempty"`
	// Cap names the flood cap that folded the alert (RouteFolded):
	// CapFeed or CapChannel.
	Cap string `json:"cap,omitempty"`
	// NoPing is set when the channel's ping cap took the alert's mentions.
	NoPing bool `json:"no_ping,omitempty"`
}

// What became of an alert in a channel.
const (
	RoutePosted   = "posted"    // a new alert
	RouteQuiet    = "quiet"     // a new alert, held by quiet hours until Until
	RouteUpdated  = "updated"   // the story's alert there was within its cooldown: edited (or answered) instead
	RouteNoUpdate = "no_update" // within the cooldown, and stories.updates = "none"
	RouteMuted    = "muted"     // the channel muted one of the item's topics
	RouteFolded   = "folded"    // over a flood cap: listed in a fold message
	// RoutePage is not stored: a reader (wirewatch why) names so an alert
	// planned when the item's article page arrived, after the item and its
	// record were stored, found among its story's alerts.
	RoutePage = "page"
)

// Flood caps.
const (
	CapFeed    = "feed"    // polling.max_alerts_per_poll (or the flood cap) of the item's feed
	CapChannel = "channel" // the channel's alerts per window
)
