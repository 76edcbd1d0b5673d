package model

import "time"

// PostFold lists new items that matched a rule but were over a
// flood-control cap, instead of alerting on each (Content.Fold).
const PostFold PostKind = "fold"

// Fold is what a fold post says: items of one feed that matched one rule
// while the feed's poll or the channel was over its cap for alerts. A long
// fold is paged over several posts, each listing its own items; together
// they list every item folded.
type Fold struct {
	Feed     string     `json:"feed"`               // feed name in the config
	Rule     string     `json:"rule"`               // the rule the items matched
	Severity Severity   `json:"severity,omitempty"` // the rule's severity
	Page     int        `json:"page"`               // 1-based page of this post
	Pages    int        `json:"pages"`              // posts the fold was paged over
	Total    int        `json:"total"`              // items folded over all pages
	Items    []FoldItem `json:"items"`              // this page's items, oldest first
}

// FoldItem is one folded item: untrusted text from the feed, as for Item.
type FoldItem struct {
	Title     string    `json:"title"`
	Link      string    `json:"link,omitempty"`
	Published time.Time `json:"published,omitzero"`
}
