-- The leader's epoch: one row, incremented by each replica that takes the
-- leader lock. A leader's writes that matter (items, posts, outbox claims
-- and delivery records) first read this row FOR SHARE and are refused when
-- it no longer holds their epoch, so a deposed leader that has not noticed
-- yet writes nothing, and an election waits for its writes in flight.
CREATE TABLE leader_epoch (
    one   BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (one),
    epoch BIGINT NOT NULL
);
INSERT INTO leader_epoch (epoch) VALUES (0);
