-- Search slices (see Search in items.go): each item's search vector also
-- holds the lexeme of its id slice ('_s' and id >> 12) and one per topic
-- ('_t' and the MD5 of the name), so that a search asks the newest slices
-- first and filters by topic inside the full-text index, instead of reading
-- every match of a common word (2 s within a topic at a million items
-- before). Rewrites every item and rebuilds the index, once.
DROP INDEX items_search;
UPDATE items SET search = search || array_to_tsvector(
    ARRAY(SELECT '_t' || md5(t) FROM unnest(topics) AS t WHERE t <> '')
    || ('_s' || (id >> 12)));
CREATE INDEX items_search ON items USING GIN (search);
