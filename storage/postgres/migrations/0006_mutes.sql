-- Mutes get a table of their own, read once per poll instead of one meta
-- row per topic and channel per item. The meta rows /mute wrote
-- ('mute:<channel>:<topic>' = RFC 3339 end, '' once unmuted) move here,
-- split at the first ':' after 'mute:' (channel names hold none).
CREATE TABLE mutes (
    channel TEXT NOT NULL,
    topic   TEXT NOT NULL,
    until   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (channel, topic)
);
INSERT INTO mutes (channel, topic, until)
SELECT split_part(rest, ':', 1), substr(rest, strpos(rest, ':') + 1), value::timestamptz
FROM (SELECT substr(key, 6) AS rest, value FROM meta WHERE key LIKE 'mute:%' AND value <> '') m
WHERE strpos(rest, ':') > 1 AND value ~ '^\d{4}-\d\d-\d\dT';
DELETE FROM meta WHERE key LIKE 'mute:%';
