// Package storage keeps wirewatch's state: items (new ones only), stories,
// the outbox of posts, feed polling state and small key/value metadata.
//
// Rules: Store is the contract every backend implements (storage/sqlite, the
// embedded default; storage/postgres, for several replicas), and
// storage/storagetest is the conformance suite each backend must pass. An item
// and the posts it causes are written in one transaction (SaveItem, or
// SaveItems for a batch of them), so a crash never leaves an alert without its
// item or an item whose alert was lost; a digest's posts and its last run
// likewise (AddPostsMovingMeta).
// Backends never interpret content; they store and return it. Their SQL is
// written once (storage/internal/sqlq, behind a small dialect); each
// backend keeps its transactions, full-text index, leases and migrations.
package storage

import (
	"context"
	"errors"
	"time"

	"wirewatch/model"
)

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

// ErrDeposed is returned for a write refused because another replica has
// been elected leader since this one was (storage/postgres): the replica
// must stop, and its posts are the new leader's to deliver.
var ErrDeposed = errors.New("refused: another replica leads now")

// QueryError is a search refused for what it would cost (a prefix too
// short, too many prefixes); Msg says so in words for the user.
type QueryError struct{ Msg string }

func (e *QueryError) Error() string { return e.Msg }

// Store is the storage contract every backend implements: the union of
// the roles below. It is safe for concurrent use. Consumers declare the
// small part they use where they use it (pipeline.Store, outbox.Store,
// lookup.Store, bot.CommandStore); the roles name the parts.
type Store interface {
	Items
	Stories
	Posts
	FeedStates
	Mutes
	Meta
	ChannelStates
	// Ping reads the database with ctx's deadline: it answers only when
	// the server (or the file) does. /readyz asks it.
	Ping(ctx context.Context) error
	Close() error
}

// Items are the stored news items: new ones written with their stories
// and posts, and looked up.
type Items interface {
	// KnownKeys reports which of keys are already stored, so the pipeline
	// summarizes only new items.
	KnownKeys(ctx context.Context, keys []string) (map[string]bool, error)
	// SaveItem stores a new item, upserts its story and adds posts to the
	// outbox, all in one transaction. It returns false (and writes nothing)
	// when an item with the same Key is already stored, e.g. by another
	// replica. It sets item.ID.
	SaveItem(ctx context.Context, item *model.Item, story *model.Story, posts []model.Post) (bool, error)
	// SaveItems stores a batch of new items in order, each with its story
	// and posts, as SaveItem does for one, in one transaction for the whole
	// batch. saved[i] is false when batch[i]'s key is already stored: none
	// of batch[i] (item, story state, posts) is written then, and the rest
	// of the batch is. On error nothing is written. It sets each saved
	// item's ID.
	SaveItems(ctx context.Context, batch []ItemWrite) (saved []bool, err error)
	// SaveFullText records what an item's article page added, after the
	// item was stored from its feed's text: the stored item with item.Key
	// takes item's Text, Summary and Topics (and is searched by them);
	// each post of revised takes its Content (found by ID; an alert whose
	// first report got a better summary); posts are added (the edits and
	// alerts that follow); story, when not nil, gives the item's story its
	// new Summary and Severity (what the article changed of them; its
	// other fields stay). All in one transaction; ErrNotFound, with
	// nothing written, when no item or revised post is stored.
	SaveFullText(ctx context.Context, item model.Item, story *model.Story, revised []model.Post, posts []model.Post) error
	// Item returns the item with the given canonical link.
	ItemByLink(ctx context.Context, link string) (model.Item, error)
	// ItemByKey returns the item with the given key (model.Item.Key).
	ItemByKey(ctx context.Context, key string) (model.Item, error)
	// ItemByGUID returns the first item stored with the given GUID, of
	// any feed.
	ItemByGUID(ctx context.Context, guid string) (model.Item, error)
	// Decision returns what the pipeline decided about the item with the
	// given key, stored with it (ItemWrite.Decision); ErrNotFound for an
	// item stored without one.
	Decision(ctx context.Context, key string) (model.Decision, error)
	// Latest returns the newest items, optionally of one topic, newest first.
	Latest(ctx context.Context, q Query) ([]model.Item, error)
	// Search runs a full-text query over titles, text and summaries, best first.
	Search(ctx context.Context, text string, q Query) ([]model.Item, error)
}

// Stories are the stories items were grouped into.
type Stories interface {
	// Story returns one story. The ID of a story merged into another
	// returns that other story (whose ID differs).
	Story(ctx context.Context, id string) (model.Story, error)
	// Stories returns stories whose Updated time is at or after since, newest
	// first, for reloading the grouping window at start-up, optionally of one topic.
	// Stories merged into another are left out.
	Stories(ctx context.Context, q Query) ([]model.Story, error)
	// Timeline returns the stories of a topic (all topics when q.Topic is "")
	// whose event date lies in [q.Since, q.Until), ordered by event date,
	// newest first, paged by q.Limit and q.Offset. Stories merged into
	// another are left out: the story they became part of stands for them.
	Timeline(ctx context.Context, q Query) ([]model.Story, error)
}

// Posts are the outbox: posts written with their items or on their own,
// leased per channel and delivered.
type Posts interface {
	// AddPosts adds posts that belong to no new item (digests, notices).
	AddPosts(ctx context.Context, posts []model.Post) error
	// AddPostsMovingMeta adds posts, as AddPosts, and moves a meta value
	// from m.Old to m.New, in one transaction: a digest's posts and its
	// last run are one write, so a crash never leaves posts whose run is
	// not recorded, to be posted again at the next start. When the key
	// does not hold m.Old (another run moved it first, or it was never
	// set) it writes nothing and reports false.
	AddPostsMovingMeta(ctx context.Context, posts []model.Post, m MetaMove) (bool, error)

	// PendingChannels lists the channels that have pending posts.
	PendingChannels(ctx context.Context) ([]string, error)
	// Backlog counts the pending posts of each channel that has any, with
	// the creation time of its oldest, by channel name (for metrics).
	Backlog(ctx context.Context) ([]ChannelBacklog, error)
	// LeaseChannel takes or renews this store's lease on a channel's
	// outbox and reports whether it holds it. While it does, no other
	// replica sharing the database holds it, so one sender at a time sends
	// a channel's posts, in order. A backend only one process opens
	// (SQLite) always grants it.
	LeaseChannel(ctx context.Context, channel string) (bool, error)
	// PendingPosts returns up to limit pending posts of one channel, highest
	// Priority first, then oldest first (FIFO within a priority). The order
	// comes from the query, not from sorting a loaded batch, so an urgent
	// post is in the first batch behind any backlog. It only reads: leases
	// are LeaseChannel's.
	PendingPosts(ctx context.Context, channel string, limit int) ([]model.Post, error)
	// Post returns one post by id.
	Post(ctx context.Context, id string) (model.Post, error)
	// MarkSent records Discord's message id for a delivered post.
	MarkSent(ctx context.Context, id, messageID string, at time.Time) error
	// MarkSuperseded records, in one write, pending updates that a newer
	// update of the same message replaces: sent, as that message.
	MarkSuperseded(ctx context.Context, ids []string, messageID string, at time.Time) error
	// MarkFirstAttempt records, before a post is first handed to its
	// platform, when that happened; later calls keep the first time. A
	// restart reconciles such a post from that time on, and one without it
	// was never sent.
	MarkFirstAttempt(ctx context.Context, id string, at time.Time) error
	// MarkAttempt records a failed attempt that will be retried.
	MarkAttempt(ctx context.Context, id string, errMsg string) error
	// MarkFailed records a post Discord refused for good.
	MarkFailed(ctx context.Context, id string, errMsg string) error
	// AlertPostFor returns the newest alert post of a story for a rule and
	// channel that is pending or sent (not failed), so that a later source
	// edits it instead of posting again — also while the first alert is
	// still waiting in the outbox. When the story has none there, the
	// alert of a story merged into it stands for it.
	AlertPostFor(ctx context.Context, storyID, rule, channel string) (model.Post, error)
	// StoryAlerts returns, for each rule and channel, the alert
	// AlertPostFor would return for the story, oldest first.
	StoryAlerts(ctx context.Context, storyID string) ([]model.Post, error)
	// Edits returns the updates that edit post id's message (ReplaceOf
	// is id), in every state, oldest first (in the order written among
	// equal creation times); none for a post nobody edits.
	Edits(ctx context.Context, id string) ([]model.Post, error)
}

// FeedStates are each feed's polling state.
type FeedStates interface {
	// FeedState returns a feed's polling state; ErrNotFound for a new feed.
	FeedState(ctx context.Context, feed string) (model.FeedState, error)
	// SaveFeedState stores a feed's polling state.
	SaveFeedState(ctx context.Context, st model.FeedState) error
	// FeedStates returns every feed's state, by name.
	FeedStates(ctx context.Context) ([]model.FeedState, error)
}

// Mutes are the topics /mute silenced per channel.
type Mutes interface {
	// Mutes returns the mutes in force at a time (Until after it), by
	// channel, then topic.
	Mutes(ctx context.Context, at time.Time) ([]model.Mute, error)
	// SetMute mutes a topic in a channel until m.Until, replacing an
	// earlier mute of the two; a zero Until ends the mute.
	SetMute(ctx context.Context, m model.Mute) error
}

// MetaMove is a change of the meta value of Key from Old to New.
type MetaMove struct{ Key, Old, New string }

// Meta keeps small values.
type Meta interface {
	// Meta and SetMeta keep small values: last digest runs, cursors.
	Meta(ctx context.Context, key string) (string, error)
	SetMeta(ctx context.Context, key, value string) error
}

// ChannelStates are the channels the outbox found broken (their platform
// refused the bot there), kept so that every replica's /feeds and /readyz
// show them and a restart does not tell the admins again.
type ChannelStates interface {
	// ChannelStates returns the broken channels, by name.
	ChannelStates(ctx context.Context) ([]model.ChannelState, error)
	// SaveChannelState records a channel broken, or, when st.Broken is
	// false, working again (its record removed).
	SaveChannelState(ctx context.Context, st model.ChannelState) error
}

// ChannelBacklog is what waits in one channel's outbox.
type ChannelBacklog struct {
	Channel string
	Pending int
	Oldest  time.Time // creation time of the oldest pending post
}

// ItemWrite is one new item with the story it joined (nil for none) and
// the posts it causes.
type ItemWrite struct {
	Item  *model.Item
	Story *model.Story
	Posts []model.Post
	// Merged are the stories that became part of Story when the item
	// joined it (it linked them): each then points to Story (MergedInto),
	// and its items are Story's.
	Merged []string
	// Decision is what the pipeline decided about the item (its story,
	// its alert per channel), stored with it when the item is saved; nil
	// records none.
	Decision *model.Decision
}

// Query narrows a lookup. Zero values mean "no limit" except Limit, where
// zero means a backend default of 20.
type Query struct {
	Topic  string    // a topic name; "" for all
	Feed   string    // a feed name; "" for all
	Since  time.Time // inclusive
	Until  time.Time // exclusive; zero for now
	Limit  int
	Offset int
}
