-- The updates that edit one message are read together: a flood's fold
-- message pages through the items of its first post and of every update.
CREATE INDEX posts_replace_of ON posts (replace_of) WHERE replace_of <> '';
