-- Documents: the primary sources of the archive. Only what PostgreSQL 15 offers is used.
CREATE TABLE document (
    id             uuid        PRIMARY KEY,
    kind           text        NOT NULL DEFAULT 'OTHER'
                               CHECK (kind IN ('CABLE', 'LETTER', 'MEMORANDUM', 'RECORD_OF_CONVERSATION', 'REPORT',
                                               'MINUTES', 'DIARY', 'PHOTOGRAPH', 'ARTICLE', 'OTHER')),
    title          text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
    summary        text        CHECK (length(summary) <= 10000),
    date_edtf      text        CHECK (length(date_edtf) BETWEEN 1 AND 100),
    date_earliest  date,
    date_latest    date,
    language       text        CHECK (length(language) BETWEEN 2 AND 35),
    body           text        CHECK (length(body) <= 1000000),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        bigint      NOT NULL DEFAULT 1,
    CONSTRAINT document_date_range CHECK (date_earliest IS NULL OR date_latest IS NULL OR date_earliest <= date_latest),
    CONSTRAINT document_date_derived CHECK (date_edtf IS NOT NULL OR (date_earliest IS NULL AND date_latest IS NULL))
);

-- Filters offered by GET /documents, each paired with the keyset order (id).
CREATE INDEX document_kind_idx ON document (kind, id);
CREATE INDEX document_language_idx ON document (language, id);
CREATE INDEX document_date_idx ON document (date_earliest, date_latest);
