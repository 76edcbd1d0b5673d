-- A story's one-sentence summary and the highest severity of the rules its
-- reports matched: digests show the one and rank by the other.
ALTER TABLE stories ADD COLUMN summary TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN severity TEXT NOT NULL DEFAULT '';
