-- Mutes get a table of their own, read once per poll instead of one meta
-- row per topic and channel per item. The meta rows /mute wrote
-- ('mute:<channel>:<topic>' = RFC 3339 end, '' once unmuted) move here,
-- split at the first ':' after 'mute:' (channel names hold none).
CREATE TABLE mutes (
    channel TEXT NOT NULL,
    topic   TEXT NOT NULL,
    until   INTEGER NOT NULL, -- unix microseconds
    PRIMARY KEY (channel, topic)
);
INSERT INTO mutes (channel, topic, until)
SELECT substr(rest, 1, instr(rest, ':') - 1), substr(rest, instr(rest, ':') + 1),
    CAST(strftime('%s', value) AS INTEGER) * 1000000
FROM (SELECT substr(key, 6) AS rest, value FROM meta WHERE key LIKE 'mute:%' AND value <> '')
WHERE instr(rest, ':') > 1 AND strftime('%s', value) IS NOT NULL;
DELETE FROM meta WHERE key LIKE 'mute:%';
