-- What a feed's last parsed document said of each item, so the next poll
-- can skip parsing the items that did not change: base64 of 24-byte records
-- (see backend.EncodeKnownItems). Rows saved before this migration know none.
ALTER TABLE feed_states ADD COLUMN known_items TEXT NOT NULL DEFAULT '';
