-- Fixity (issue 5, item 7): a SHA-256 of every text and media item, computed by the application from the
-- resource's canonical form (see org.fonds.shared.Fixity) whenever it is written, and re-verified on demand.
-- Rows written before this migration get theirs when the application starts (FixityBackfill), so the columns
-- stay nullable; a digest, when present, is always 64 lowercase hexadecimal digits.
ALTER TABLE text ADD COLUMN fixity_sha256 text CHECK (fixity_sha256 ~ '^[0-9a-f]{64}$');
ALTER TABLE media ADD COLUMN fixity_sha256 text CHECK (fixity_sha256 ~ '^[0-9a-f]{64}$');
