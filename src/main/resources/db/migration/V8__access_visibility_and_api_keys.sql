-- Issue 5, access: who may see a document, and API keys for scripts.

-- Visibility per document. Documents that exist already were public: they become PUBLISHED; new ones are drafts.
ALTER TABLE document
    ADD COLUMN visibility text NOT NULL DEFAULT 'PUBLISHED'
        CHECK (visibility IN ('DRAFT', 'PUBLISHED', 'EMBARGOED', 'RESTRICTED')),
    ADD COLUMN embargo_until date;
ALTER TABLE document ALTER COLUMN visibility SET DEFAULT 'DRAFT';
-- an embargo has a date, and only an embargo has one
ALTER TABLE document ADD CONSTRAINT document_embargo_until
    CHECK ((visibility = 'EMBARGOED') = (embargo_until IS NOT NULL));
-- The few documents that are not simply PUBLISHED, for the queries of editors and of the embargoes that lapse.
CREATE INDEX document_not_published_idx ON document (visibility, embargo_until) WHERE visibility <> 'PUBLISHED';

-- Long-lived credentials. The secret itself is never stored: only its SHA-256 (the secret has 256 random bits).
CREATE TABLE api_key (
    id            uuid        PRIMARY KEY,
    name          text        NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 100),
    role          text        NOT NULL CHECK (role IN ('CONTRIBUTOR', 'EDITOR', 'ADMIN')),
    secret_sha256 bytea       NOT NULL UNIQUE CHECK (length(secret_sha256) = 32),
    prefix        text        NOT NULL CHECK (length(prefix) BETWEEN 1 AND 20),
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    revoked_at    timestamptz,
    revoked_by    text,
    version       bigint      NOT NULL DEFAULT 0,
    CONSTRAINT api_key_revoked CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
-- a name is unique among the keys in use
CREATE UNIQUE INDEX api_key_name_in_use_idx ON api_key (name) WHERE revoked_at IS NULL;
