-- Times are unix microseconds (UTC), NULL for the zero time.
-- Lists (categories, summary, topics, sources) are JSON arrays, kept in order;
-- topics are also copied into *_topics tables so they can be filtered by index.

CREATE TABLE items (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    feed       TEXT NOT NULL,
    guid       TEXT NOT NULL,
    link       TEXT NOT NULL,
    title      TEXT NOT NULL,
    text       TEXT NOT NULL,
    author     TEXT NOT NULL,
    categories TEXT NOT NULL,
    lang       TEXT NOT NULL,
    published  INTEGER,
    first_seen INTEGER,
    summary    TEXT NOT NULL,
    topics     TEXT NOT NULL,
    story_id   TEXT NOT NULL,
    event_date INTEGER
);
CREATE INDEX items_link ON items (link);
CREATE INDEX items_published ON items (published, id);
CREATE INDEX items_feed_published ON items (feed, published, id);

CREATE TABLE item_topics (
    item_id   INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    topic     TEXT NOT NULL,
    published INTEGER,
    PRIMARY KEY (item_id, topic)
);
CREATE INDEX item_topics_topic ON item_topics (topic, published, item_id);

-- Contentless: the text lives in items; the index maps rowid = items.id.
CREATE VIRTUAL TABLE items_fts USING fts5 (
    title, summary, text,
    content = '',
    contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    link       TEXT NOT NULL,
    first_seen INTEGER,
    updated    INTEGER,
    event_date INTEGER,
    sources    TEXT NOT NULL,
    topics     TEXT NOT NULL
);
CREATE INDEX stories_event_date ON stories (event_date, id);
CREATE INDEX stories_updated ON stories (updated, id);

CREATE TABLE story_topics (
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    topic      TEXT NOT NULL,
    event_date INTEGER,
    updated    INTEGER,
    PRIMARY KEY (story_id, topic)
);
CREATE INDEX story_topics_event_date ON story_topics (topic, event_date, story_id);
CREATE INDEX story_topics_updated ON story_topics (topic, updated, story_id);

-- seq keeps FIFO order stable for posts created at the same instant.
CREATE TABLE posts (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    channel    TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    story_id   TEXT NOT NULL,
    rule       TEXT NOT NULL,
    nonce      TEXT NOT NULL,
    message    TEXT NOT NULL,
    replace_of TEXT NOT NULL,
    state      TEXT NOT NULL,
    message_id TEXT NOT NULL,
    attempts   INTEGER NOT NULL,
    last_error TEXT NOT NULL,
    created_at INTEGER,
    sent_at    INTEGER
);
CREATE INDEX posts_pending ON posts (channel, created_at, seq) WHERE state = 'pending';
CREATE INDEX posts_story ON posts (story_id, rule, channel);

CREATE TABLE feed_states (
    feed          TEXT PRIMARY KEY,
    url           TEXT NOT NULL,
    etag          TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    body_hash     TEXT NOT NULL,
    last_poll     INTEGER,
    last_success  INTEGER,
    last_error    TEXT NOT NULL,
    failures      INTEGER NOT NULL,
    broken        INTEGER NOT NULL,
    next_poll     INTEGER,
    interval_ns   INTEGER NOT NULL,
    items_seen    INTEGER NOT NULL,
    initialized   INTEGER NOT NULL,
    redirect_url  TEXT NOT NULL,
    redirect_seen INTEGER NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
