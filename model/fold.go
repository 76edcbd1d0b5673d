package model

import "time"

// PostFold lists new items that matched a rule but were over a
// flood-control cap, instead of alerting on each (Content.Fold).
const PostFold PostKind = "fold"

// Fold is what a fold post says: items of one feed that matched one rule
// while the feed's poll or the channel was over its cap for alerts. A fold
// is one message: its first post (PostFold) and the updates of it
// (PostUpdate with ReplaceOf) each list their own items, written with
// them; together they list every item folded, and each says how many the
// fold held when it was written.
type Fold struct {
	Feed     string   `json:"feed"`               // feed name in the config
	Rule     string   `json:"rule"`               // the rule the items matched
	Severity Severity `json:"severity,omitempty"` // the rule's severity
	// Page and Pages numbered the posts a fold was once split over, each
	// a message of its own; posts written since leave them zero.
	Page  int        `json:"page,omitempty"`
	Pages int        `json:"pages,omitempty"`
	Total int        `json:"total"` // items the fold held with this post's
	Items []FoldItem `json:"items"` // this post's items, oldest first
}

// FoldItem is one folded item: untrusted text from the feed, as for Item.
type FoldItem struct {
	Title     string    `json:"title"`
	Link      string    `json:"link,omitempty"`
	Published time.Time `json:"published,omitzero"`
}
