-- When a post was first handed to its platform, recorded before the call:
-- a restart reconciles a pending post against the channel's messages from
-- that time on, however many came after it, and skips posts never tried.
-- Pending rows written before this migration may have been tried: they
-- reconcile from their creation.
ALTER TABLE posts ADD COLUMN first_attempt_at TIMESTAMPTZ;
UPDATE posts SET first_attempt_at = created_at WHERE state = 'pending';
