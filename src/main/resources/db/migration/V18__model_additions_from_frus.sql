-- Model additions found with real FRUS documents (issue 11, items 1-4).

-- 1. The kind as the document names itself ("Circular airgram", "memorandum for the President"), kept beside the
--    controlled kind, which filters and facets go on using.
ALTER TABLE archive.document
    ADD COLUMN kind_as_written text CHECK (length(kind_as_written) BETWEEN 1 AND 500);

-- 3. A signature the editors supplied ("[Acheson]": the copy printed from bears no signature).
ALTER TABLE archive.participant
    ADD COLUMN supplied boolean NOT NULL DEFAULT false;

-- 2. Notes on the document, not only on its text: a target either anchors to a span of a text (as before) or names a
--    part of the document (its heading, dateline, source line or a signature, optionally the signatory participant).
--    Exactly one of the two shapes, in the schema.
ALTER TABLE archive.annotation_target
    ALTER COLUMN text_id DROP NOT NULL,
    ALTER COLUMN start_offset DROP NOT NULL,
    ALTER COLUMN end_offset DROP NOT NULL,
    ALTER COLUMN exact DROP NOT NULL,
    ALTER COLUMN prefix DROP NOT NULL,
    ALTER COLUMN suffix DROP NOT NULL,
    ALTER COLUMN prefix DROP DEFAULT,
    ALTER COLUMN suffix DROP DEFAULT,
    ADD COLUMN part text CHECK (part IN ('HEADING', 'DATELINE', 'SOURCE', 'SIGNATURE')),
    -- a purged participant leaves the note on the signature in general
    ADD COLUMN participant_id uuid REFERENCES archive.participant (id) ON DELETE SET NULL,
    ADD CONSTRAINT annotation_target_span_or_part CHECK (
        part IS NULL AND text_id IS NOT NULL AND start_offset IS NOT NULL AND end_offset IS NOT NULL
            AND exact IS NOT NULL AND prefix IS NOT NULL AND suffix IS NOT NULL AND participant_id IS NULL
        OR part IS NOT NULL AND text_id IS NULL AND start_offset IS NULL AND end_offset IS NULL AND exact IS NULL
            AND prefix IS NULL AND suffix IS NULL AND (participant_id IS NULL OR part = 'SIGNATURE'));
CREATE INDEX annotation_target_participant_idx ON archive.annotation_target (participant_id)
    WHERE participant_id IS NOT NULL;

-- 3. Page breaks of the original or of a printed edition are annotations of their own type, anchored (and re-located
--    on text edits) like every other: the break stands before the first character of the target.
ALTER TABLE archive.annotation DROP CONSTRAINT annotation_type_check;
ALTER TABLE archive.annotation ADD CONSTRAINT annotation_type_check CHECK (type IN ('TRANSLATOR_NOTE', 'EDITOR_NOTE',
    'FOOTNOTE', 'MARGINALIA', 'FOREIGN_TERM', 'UNCERTAIN_READING', 'GAP', 'SUPPLIED', 'MENTION', 'PAGE_BREAK'));

-- The views list their tables' columns as they are now (V12): the same views with the new columns at the end, and
-- V14's predicates.
CREATE OR REPLACE VIEW document AS SELECT * FROM archive.document d
    WHERE (d.deleted_at IS NULL OR fonds_caller_includes_deleted())
      AND (d.visibility = 'PUBLISHED' OR d.visibility = 'EMBARGOED' AND d.embargo_until <= CURRENT_DATE
           OR fonds_caller_sees(d.visibility));
CREATE OR REPLACE VIEW participant AS SELECT * FROM archive.participant p
    WHERE (p.deleted_at IS NULL AND NOT p.doc_deleted OR fonds_caller_includes_deleted())
      AND (p.doc_visibility = 'PUBLISHED' OR p.doc_visibility = 'EMBARGOED' AND p.doc_embargo_until <= CURRENT_DATE
           OR fonds_caller_sees(p.doc_visibility));
CREATE OR REPLACE VIEW annotation_target AS SELECT * FROM archive.annotation_target g
    WHERE EXISTS (SELECT 1 FROM annotation a WHERE a.id = g.annotation_id);
