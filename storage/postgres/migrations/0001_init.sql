-- Lists are text[] kept in order; topics are also copied into *_topics
-- tables so they can be filtered by a btree in date order.

CREATE TABLE items (
    id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,
    feed       TEXT NOT NULL,
    guid       TEXT NOT NULL,
    link       TEXT NOT NULL,
    title      TEXT NOT NULL,
    text       TEXT NOT NULL,
    author     TEXT NOT NULL,
    categories TEXT[] NOT NULL,
    lang       TEXT NOT NULL,
    published  TIMESTAMPTZ,
    first_seen TIMESTAMPTZ,
    summary    TEXT[] NOT NULL,
    topics     TEXT[] NOT NULL,
    story_id   TEXT NOT NULL,
    event_date TIMESTAMPTZ,
    -- title weighs A, summary B, text C; filled on insert.
    search     TSVECTOR NOT NULL
);
CREATE INDEX items_link ON items (link);
CREATE INDEX items_published ON items (published, id);
CREATE INDEX items_feed_published ON items (feed, published, id);
CREATE INDEX items_search ON items USING GIN (search);

CREATE TABLE item_topics (
    item_id   BIGINT NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    topic     TEXT NOT NULL,
    published TIMESTAMPTZ,
    PRIMARY KEY (item_id, topic)
);
CREATE INDEX item_topics_topic ON item_topics (topic, published, item_id);

CREATE TABLE stories (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    link       TEXT NOT NULL,
    first_seen TIMESTAMPTZ,
    updated    TIMESTAMPTZ,
    event_date TIMESTAMPTZ,
    sources    JSONB NOT NULL,
    topics     TEXT[] NOT NULL
);
CREATE INDEX stories_event_date ON stories (event_date, id);
CREATE INDEX stories_updated ON stories (updated, id);

CREATE TABLE story_topics (
    story_id   TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    topic      TEXT NOT NULL,
    event_date TIMESTAMPTZ,
    updated    TIMESTAMPTZ,
    PRIMARY KEY (story_id, topic)
);
CREATE INDEX story_topics_event_date ON story_topics (topic, event_date, story_id);
CREATE INDEX story_topics_updated ON story_topics (topic, updated, story_id);

-- seq keeps FIFO order stable for posts created at the same instant.
CREATE TABLE posts (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL,
    channel    TEXT NOT NULL,
    channel_id TEXT NOT NULL,
    story_id   TEXT NOT NULL,
    rule       TEXT NOT NULL,
    nonce      TEXT NOT NULL,
    message    JSONB NOT NULL,
    replace_of TEXT NOT NULL,
    state      TEXT NOT NULL,
    message_id TEXT NOT NULL,
    attempts   INTEGER NOT NULL,
    last_error TEXT NOT NULL,
    created_at TIMESTAMPTZ,
    sent_at    TIMESTAMPTZ
);
CREATE INDEX posts_pending ON posts (channel, created_at, seq) WHERE state = 'pending';
CREATE INDEX posts_story ON posts (story_id, rule, channel);

-- One replica at a time sends a channel's posts, so FIFO holds across replicas.
CREATE TABLE channel_leases (
    channel TEXT PRIMARY KEY,
    holder  TEXT NOT NULL,
    expires TIMESTAMPTZ NOT NULL
);

CREATE TABLE feed_states (
    feed          TEXT PRIMARY KEY,
    url           TEXT NOT NULL,
    etag          TEXT NOT NULL,
    last_modified TEXT NOT NULL,
    body_hash     TEXT NOT NULL,
    last_poll     TIMESTAMPTZ,
    last_success  TIMESTAMPTZ,
    last_error    TEXT NOT NULL,
    failures      INTEGER NOT NULL,
    broken        BOOLEAN NOT NULL,
    next_poll     TIMESTAMPTZ,
    interval_ns   BIGINT NOT NULL,
    items_seen    BIGINT NOT NULL,
    initialized   BOOLEAN NOT NULL,
    redirect_url  TEXT NOT NULL,
    redirect_seen INTEGER NOT NULL
);

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
