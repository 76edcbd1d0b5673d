-- Search slices (see Search in items.go): each item's search vector also
-- holds the lexeme of its id slice ('_s' and id >> 12) and one per topic
-- ('_t' and the MD5 of the name), so that a search asks the newest slices
-- first and filters by topic inside the full-text index, instead of reading
-- every match of a common word (2 s within a topic at a million items
-- before). Hangul words are searched whole now, no longer as prefixes (a
-- prefix reads every word it starts, at any archive size), so the vector
-- also holds each Hangul word without its particle, as SQLite's index does
-- (searchquery.Stems; here by a regular expression over the Hangul runs,
-- which leaves out words that mix scripts). Rewrites every item and
-- rebuilds the index, once.
DROP INDEX items_search;
UPDATE items SET search = search
    || setweight(to_tsvector('english', COALESCE((
        SELECT string_agg(regexp_replace(w, '(?<=.)(으로부터|에서부터|에게서|까지는|에서는|으로는|이라는|이라고|에서|에게|한테|께서|으로|부터|까지|처럼|보다|마저|조차|이나|이며|라는|라고|은|는|이|가|을|를|의|에|로|와|과|도|만|나|며|께)$', ''), ' ')
        FROM regexp_split_to_table(title || ' ' || array_to_string(summary, ' ') || ' ' || text, '[^가-힣]+') AS w
        WHERE w ~ '.(으로부터|에서부터|에게서|까지는|에서는|으로는|이라는|이라고|에서|에게|한테|께서|으로|부터|까지|처럼|보다|마저|조차|이나|이며|라는|라고|은|는|이|가|을|를|의|에|로|와|과|도|만|나|며|께)$'), '')), 'C')
    || array_to_tsvector(
        ARRAY(SELECT '_t' || md5(t) FROM unnest(topics) AS t WHERE t <> '')
        || ('_s' || (id >> 12)));
CREATE INDEX items_search ON items USING GIN (search);
