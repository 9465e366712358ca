-- The texts and media items whose fixity digest is still to be recorded (written before V10, or loaded in bulk
-- without one): the background backfill at start finds them through these, not with a scan of the whole table.
-- Both indexes are empty once every digest is recorded.
CREATE INDEX text_fixity_missing_idx ON text (id) WHERE fixity_sha256 IS NULL;
CREATE INDEX media_fixity_missing_idx ON media (id) WHERE fixity_sha256 IS NULL;
