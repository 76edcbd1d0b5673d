-- A prefix index of 3 characters (prefix = '3'), so that a prefix term,
-- which must have at least 3 characters (searchquery.MinPrefixRunes),
-- reads one posting list of the index instead of merging those of every
-- word it starts. FTS5 takes its options only at creation: the table is
-- made anew here and filled by the Go side of the migration (reindexSearch),
-- which also gives rows indexed before 0003 their Hangul stems.
DROP TABLE items_fts;
CREATE VIRTUAL TABLE items_fts USING fts5 (
    title, summary, text, stems, topics,
    content = '',
    contentless_delete = 1,
    prefix = '3',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
