-- Topic-filtered searches intersect posting lists inside the full-text
-- index instead of looking up each match's topics (27 ms median, 65 ms p99
-- at a million items before). Topics are indexed as one token each:
-- 't' and the hex of the name. Rebuilds the index; stems of rows indexed
-- before this migration stay empty.
DROP TABLE items_fts;
CREATE VIRTUAL TABLE items_fts USING fts5 (
    title, summary, text, stems, topics,
    content = '',
    contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO items_fts (rowid, title, summary, text, stems, topics)
SELECT id, title, (SELECT COALESCE(group_concat(value, char(10)), '') FROM json_each(items.summary)), text, '',
    (SELECT COALESCE(group_concat('t' || lower(hex(value)), ' '), '') FROM json_each(items.topics))
FROM items;
