-- What the pipeline decided about each new item that cannot be worked out
-- again later (its story and why, its alert per channel), as one small
-- JSON record, written with the item. wirewatch why reads it.
CREATE TABLE decisions (
    item_key TEXT PRIMARY KEY,
    record   TEXT NOT NULL
);
