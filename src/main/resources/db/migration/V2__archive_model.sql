-- The archive model: agents, places, subjects, collections, texts, participants, links, media and annotations
-- anchored to text. Type-specific details that are never filtered on live in jsonb; everything the API filters,
-- sorts or joins on is a column with a constraint and an index.

-- Agents: persons, organisations, offices and groups, with every name variant.
CREATE TABLE agent (
    id              uuid        PRIMARY KEY,
    type            text        NOT NULL CHECK (type IN ('PERSON', 'ORGANISATION', 'OFFICE', 'GROUP')),
    preferred_name  text        NOT NULL CHECK (length(btrim(preferred_name)) BETWEEN 1 AND 500),
    existence_edtf  text        CHECK (length(existence_edtf) BETWEEN 1 AND 100),
    existence_earliest date,
    existence_latest   date,
    offices         jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(offices) = 'array'),
    identifiers     jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(identifiers) = 'array'),
    note            text        CHECK (length(note) <= 10000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX agent_type_idx ON agent (type, id);

CREATE TABLE agent_name (
    id              uuid        PRIMARY KEY,
    agent_id        uuid        NOT NULL REFERENCES agent (id) ON DELETE CASCADE,
    position        int         NOT NULL CHECK (position >= 0),
    value           text        NOT NULL CHECK (length(btrim(value)) BETWEEN 1 AND 500),
    language        text        CHECK (length(language) BETWEEN 2 AND 35),
    transliteration text        CHECK (length(transliteration) BETWEEN 1 AND 100),
    preferred       boolean     NOT NULL DEFAULT false,
    UNIQUE (agent_id, position)
);
CREATE INDEX agent_name_agent_idx ON agent_name (agent_id);
CREATE UNIQUE INDEX agent_name_one_preferred ON agent_name (agent_id) WHERE preferred;

-- Places, with name variants and coordinates.
CREATE TABLE place (
    id              uuid        PRIMARY KEY,
    preferred_name  text        NOT NULL CHECK (length(btrim(preferred_name)) BETWEEN 1 AND 500),
    latitude        double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude       double precision CHECK (longitude BETWEEN -180 AND 180),
    identifiers     jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(identifiers) = 'array'),
    note            text        CHECK (length(note) <= 10000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0,
    CHECK ((latitude IS NULL) = (longitude IS NULL))
);

CREATE TABLE place_name (
    id              uuid        PRIMARY KEY,
    place_id        uuid        NOT NULL REFERENCES place (id) ON DELETE CASCADE,
    position        int         NOT NULL CHECK (position >= 0),
    value           text        NOT NULL CHECK (length(btrim(value)) BETWEEN 1 AND 500),
    language        text        CHECK (length(language) BETWEEN 2 AND 35),
    transliteration text        CHECK (length(transliteration) BETWEEN 1 AND 100),
    preferred       boolean     NOT NULL DEFAULT false,
    UNIQUE (place_id, position)
);
CREATE INDEX place_name_place_idx ON place_name (place_id);
CREATE UNIQUE INDEX place_name_one_preferred ON place_name (place_id) WHERE preferred;

-- Subjects and collections.
CREATE TABLE subject (
    id              uuid        PRIMARY KEY,
    label           text        NOT NULL CHECK (length(btrim(label)) BETWEEN 1 AND 500),
    scheme          text        CHECK (length(scheme) BETWEEN 1 AND 200),
    uri             text        CHECK (length(uri) BETWEEN 1 AND 2000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0
);

CREATE TABLE collection (
    id              uuid        PRIMARY KEY,
    title           text        NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
    description     text        CHECK (length(description) <= 10000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0
);

-- Documents grow into the full model. The single body becomes texts (moved below); one language becomes the
-- original languages.
ALTER TABLE document
    ADD COLUMN reference_numbers text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN classification    text    CHECK (length(classification) <= 500),
    ADD COLUMN handling          text    CHECK (length(handling) <= 500),
    ADD COLUMN languages         text[]  NOT NULL DEFAULT '{}',
    ADD COLUMN dispatched_edtf   text    CHECK (length(dispatched_edtf) BETWEEN 1 AND 100),
    ADD COLUMN place_of_origin_id uuid   REFERENCES place (id) ON DELETE SET NULL,
    ADD COLUMN source            jsonb   CHECK (source IS NULL OR jsonb_typeof(source) = 'object'),
    ADD COLUMN rights            text    CHECK (length(rights) <= 10000),
    ADD COLUMN credits           jsonb   NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(credits) = 'array');
UPDATE document SET languages = ARRAY[language] WHERE language IS NOT NULL;
CREATE INDEX document_languages_idx ON document USING gin (languages);
CREATE INDEX document_place_of_origin_idx ON document (place_of_origin_id);

CREATE TABLE document_subject (
    document_id     uuid        NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    subject_id      uuid        NOT NULL REFERENCES subject (id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, subject_id)
);
CREATE INDEX document_subject_subject_idx ON document_subject (subject_id, document_id);

CREATE TABLE document_collection (
    document_id     uuid        NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    collection_id   uuid        NOT NULL REFERENCES collection (id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, collection_id)
);
CREATE INDEX document_collection_collection_idx ON document_collection (collection_id, document_id);

-- Typed links between documents; the reference is kept as written and the target may be outside the archive.
CREATE TABLE document_link (
    id                  uuid    PRIMARY KEY,
    document_id         uuid    NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    type                text    NOT NULL CHECK (type IN ('REPLY_TO', 'ENCLOSURE_OF', 'SAME_MEETING', 'CITES',
                                                         'CITED_BY', 'RELATED')),
    target_document_id  uuid    REFERENCES document (id) ON DELETE SET NULL,
    reference_as_written text   CHECK (length(reference_as_written) <= 1000),
    note                text    CHECK (length(note) <= 10000),
    version             bigint  NOT NULL DEFAULT 0,
    CHECK (target_document_id IS NOT NULL OR reference_as_written IS NOT NULL),
    CHECK (target_document_id IS NULL OR target_document_id <> document_id)
);
CREATE INDEX document_link_document_idx ON document_link (document_id, id);
CREATE INDEX document_link_target_idx ON document_link (target_document_id);

-- Texts: the original-language transcription and each translation, as ordered sections of paragraphs.
-- content is the canonical flat string that anchors' character offsets count in (derived from sections).
CREATE TABLE text (
    id              uuid        PRIMARY KEY,
    document_id     uuid        NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    role            text        NOT NULL CHECK (role IN ('ORIGINAL', 'TRANSLATION', 'TRANSCRIPTION')),
    language        text        NOT NULL CHECK (length(language) BETWEEN 2 AND 35),
    translator_name text        CHECK (length(translator_name) <= 500),
    translator_agent_id uuid    REFERENCES agent (id) ON DELETE SET NULL,
    sections        jsonb       NOT NULL CHECK (jsonb_typeof(sections) = 'array'),
    content         text        NOT NULL CHECK (length(content) <= 2000000),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX text_document_idx ON text (document_id, id);

INSERT INTO text (id, document_id, role, language, sections, content, created_at, updated_at)
SELECT gen_random_uuid(), id, 'ORIGINAL', coalesce(language, 'und'),
       jsonb_build_array(jsonb_build_object('heading', NULL, 'paragraphs', jsonb_build_array(body))),
       body, created_at, updated_at
FROM document WHERE body IS NOT NULL;
ALTER TABLE document DROP COLUMN body;
DROP INDEX document_language_idx;
ALTER TABLE document DROP COLUMN language;

-- Participants: an agent's role in a document (TEI correspDesc: sent and received actions, copy lists).
CREATE TABLE participant (
    id              uuid        PRIMARY KEY,
    document_id     uuid        NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    agent_id        uuid        NOT NULL REFERENCES agent (id) ON DELETE RESTRICT,
    role            text        NOT NULL CHECK (role IN ('SENDER', 'AUTHOR', 'SIGNATORY', 'RECIPIENT', 'VIA',
                                                         'COPY_RECIPIENT', 'INFORMATION_ADDRESSEE',
                                                         'CONVERSATION_PARTICIPANT', 'MENTIONED')),
    position        int         NOT NULL DEFAULT 0 CHECK (position >= 0),
    name_as_written text        CHECK (length(name_as_written) <= 500),
    office          text        CHECK (length(office) <= 500),
    copy_number     text        CHECK (length(copy_number) <= 50),
    place_id        uuid        REFERENCES place (id) ON DELETE SET NULL,
    date_edtf       text        CHECK (length(date_edtf) BETWEEN 1 AND 100),
    date_earliest   date,
    date_latest     date,
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX participant_document_idx ON participant (document_id, position, id);
CREATE INDEX participant_agent_role_idx ON participant (agent_id, role, document_id);

-- Media: page images, PDFs, photographs.
CREATE TABLE media (
    id              uuid        PRIMARY KEY,
    document_id     uuid        NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    url             text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
    media_type      text        NOT NULL CHECK (length(media_type) BETWEEN 3 AND 255),
    page_number     int         CHECK (page_number >= 1),
    sha256          text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    caption         text        CHECK (length(caption) <= 10000),
    depicted_agent_ids uuid[]   NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX media_document_idx ON media (document_id, page_number, id);

-- Annotations: everything an editor sees on the page, anchored to the words it concerns.
CREATE TABLE annotation (
    id              uuid        PRIMARY KEY,
    document_id     uuid        NOT NULL REFERENCES document (id) ON DELETE CASCADE,
    type            text        NOT NULL CHECK (type IN ('TRANSLATOR_NOTE', 'EDITOR_NOTE', 'FOOTNOTE', 'MARGINALIA',
                                                         'FOREIGN_TERM', 'UNCERTAIN_READING', 'GAP', 'SUPPLIED',
                                                         'MENTION')),
    body            jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(body) = 'object'),
    agent_id        uuid        REFERENCES agent (id) ON DELETE RESTRICT,
    place_id        uuid        REFERENCES place (id) ON DELETE RESTRICT,
    date_edtf       text        CHECK (length(date_edtf) BETWEEN 1 AND 100),
    date_earliest   date,
    date_latest     date,
    reported_by_id  uuid        REFERENCES annotation (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint      NOT NULL DEFAULT 0
);
CREATE INDEX annotation_document_type_idx ON annotation (document_id, type, id);
CREATE INDEX annotation_agent_idx ON annotation (agent_id) WHERE agent_id IS NOT NULL;
CREATE INDEX annotation_place_idx ON annotation (place_id) WHERE place_id IS NOT NULL;
CREATE INDEX annotation_date_idx ON annotation (date_earliest, date_latest) WHERE date_edtf IS NOT NULL;

-- Where an annotation points: W3C Web Annotation TextPositionSelector (start, end) and TextQuoteSelector
-- (exact, prefix, suffix) into a text's content, optionally a physical place on the page.
CREATE TABLE annotation_target (
    id              uuid        PRIMARY KEY,
    annotation_id   uuid        NOT NULL REFERENCES annotation (id) ON DELETE CASCADE,
    position        int         NOT NULL CHECK (position >= 0),
    text_id         uuid        NOT NULL REFERENCES text (id) ON DELETE CASCADE,
    start_offset    int         NOT NULL CHECK (start_offset >= 0),
    end_offset      int         NOT NULL,
    exact           text        NOT NULL CHECK (length(exact) BETWEEN 1 AND 10000),
    prefix          text        NOT NULL DEFAULT '' CHECK (length(prefix) <= 200),
    suffix          text        NOT NULL DEFAULT '' CHECK (length(suffix) <= 200),
    status          text        NOT NULL DEFAULT 'ANCHORED' CHECK (status IN ('ANCHORED', 'RELOCATED', 'ORPHANED')),
    page            int         CHECK (page >= 1),
    line_start      int         CHECK (line_start >= 1),
    line_end        int,
    margin          text        CHECK (margin IN ('LEFT', 'RIGHT', 'TOP', 'BOTTOM', 'BETWEEN_LINES', 'OVER_TEXT')),
    region          text        CHECK (region ~ '^(pct:)?[0-9.]+,[0-9.]+,[0-9.]+,[0-9.]+$'),
    CHECK (end_offset > start_offset),
    CHECK (line_end IS NULL OR line_start IS NOT NULL AND line_end >= line_start),
    UNIQUE (annotation_id, position)
);
CREATE INDEX annotation_target_text_idx ON annotation_target (text_id);

-- Imports of bundled data (the sample archive) that must run once.
CREATE TABLE import_batch (
    name            text        PRIMARY KEY,
    loaded_at       timestamptz NOT NULL DEFAULT now()
);
