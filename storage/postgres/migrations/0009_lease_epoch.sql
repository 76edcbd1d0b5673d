-- The epoch of the leader that took a channel's lease: a newer leader takes
-- over a lease of an older epoch at once, instead of waiting for it to
-- lapse (a deposed or crashed leader never released it).
ALTER TABLE channel_leases ADD COLUMN epoch BIGINT NOT NULL DEFAULT 0;
