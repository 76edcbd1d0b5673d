-- Search ranks by the column a match is in, not bm25 (whose per-term
-- document counts scan the whole index: ~100 ms for a common word at a
-- million items), and finds Korean nouns without their particles through
-- a column of particle-stripped stems. Rebuild the index with that column;
-- stems of rows indexed before this migration stay empty.
DROP TABLE items_fts;
CREATE VIRTUAL TABLE items_fts USING fts5 (
    title, summary, text, stems,
    content = '',
    contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO items_fts (rowid, title, summary, text, stems)
SELECT id, title, (SELECT COALESCE(group_concat(value, char(10)), '') FROM json_each(items.summary)), text, ''
FROM items;
