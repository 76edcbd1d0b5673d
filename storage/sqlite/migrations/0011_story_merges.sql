-- A story that a later report showed to be part of another event's story
-- points to it; its items are re-pointed too. Alerts of a story and of the
-- stories merged into it are looked up together.
ALTER TABLE stories ADD COLUMN merged_into TEXT NOT NULL DEFAULT '';
CREATE INDEX stories_merged_into ON stories (merged_into) WHERE merged_into <> '';
CREATE INDEX items_story ON items (story_id);
