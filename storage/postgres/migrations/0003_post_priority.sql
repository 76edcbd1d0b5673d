-- Delivery priority of a post (model.Priority, higher first): a channel's
-- pending posts are sent by priority, then in the order they were written.
-- Rows written before this migration do not know their rule's severity:
-- alerts and notices take the alert priority, updates and digests the low
-- one, so pending alerts keep their order among themselves and go before
-- edits and digests, as they would have been written now.
ALTER TABLE posts ADD COLUMN priority INTEGER NOT NULL DEFAULT 0;
UPDATE posts SET priority = CASE kind WHEN 'alert' THEN 2 WHEN 'notice' THEN 2 ELSE 0 END;
DROP INDEX posts_pending;
CREATE INDEX posts_pending ON posts (channel, priority DESC, created_at, seq) WHERE state = 'pending';
