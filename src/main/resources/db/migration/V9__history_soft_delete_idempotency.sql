-- History and integrity (issue 5, items 4-6): soft deletion, the revisions of every resource, and the
-- idempotency keys of creating POSTs.

-- Soft deletion: DELETE sets deleted_at (and moves the version); the row stays, so that it can be restored and its
-- revisions keep pointing at it. Reads answer 410 Gone, lists and searches skip the row (SoftDelete.live(alias)).
-- Only a purge removes the row, and with it everything its foreign keys cascade to.
ALTER TABLE document      ADD COLUMN deleted_at timestamptz;
ALTER TABLE text          ADD COLUMN deleted_at timestamptz;
ALTER TABLE participant   ADD COLUMN deleted_at timestamptz;
ALTER TABLE document_link ADD COLUMN deleted_at timestamptz;
ALTER TABLE media         ADD COLUMN deleted_at timestamptz;
ALTER TABLE annotation    ADD COLUMN deleted_at timestamptz;
ALTER TABLE agent         ADD COLUMN deleted_at timestamptz;
ALTER TABLE place         ADD COLUMN deleted_at timestamptz;
ALTER TABLE subject       ADD COLUMN deleted_at timestamptz;
ALTER TABLE collection    ADD COLUMN deleted_at timestamptz;

-- The document list walks the primary key; a partial index keeps that walk on live rows only.
CREATE INDEX document_live_idx ON document (id) WHERE deleted_at IS NULL;

-- Revisions: one row per create, update, delete and restore of any resource, written in the transaction of the
-- change (RevisionService.record). state is the JSON of the resource's response body at that version.
CREATE TABLE revision (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    resource_type   text        NOT NULL CHECK (resource_type IN ('DOCUMENT', 'TEXT', 'PARTICIPANT', 'LINK', 'MEDIA',
                                                                  'ANNOTATION', 'AGENT', 'PLACE', 'SUBJECT',
                                                                  'COLLECTION')),
    resource_id     uuid        NOT NULL,
    document_id     uuid,
    version         bigint      NOT NULL CHECK (version >= 0),
    action          text        NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE')),
    actor           text        NOT NULL CHECK (length(actor) BETWEEN 1 AND 500),
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    state           jsonb       NOT NULL CHECK (jsonb_typeof(state) = 'object'),
    -- a version is written once: two writers of one version cannot both commit
    UNIQUE (resource_type, resource_id, version)
);
-- purging a document removes the revisions of its parts too
CREATE INDEX revision_document_idx ON revision (document_id) WHERE document_id IS NOT NULL;

-- Idempotency keys: the first response to a creating POST with an Idempotency-Key, stored in the transaction
-- that created the resource, so that a retry (same caller, key, method, path and body) gets the same answer.
-- Keys expire after 24 hours (IdempotencyKeys.TTL).
CREATE TABLE idempotency_key (
    actor           text        NOT NULL CHECK (length(actor) BETWEEN 1 AND 500),
    key             text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    fingerprint     text        NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
    method          text        NOT NULL,
    path            text        NOT NULL,
    status          int         NOT NULL CHECK (status BETWEEN 200 AND 299),
    location        text,
    etag            text,
    body            text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, key)
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
