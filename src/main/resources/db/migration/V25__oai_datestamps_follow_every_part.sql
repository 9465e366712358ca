-- OAI-PMH datestamps (issue 10) follow every change of a record, not only of its document row. A record's metadata
-- (oai_dc, TEI) holds the document's texts, participants, notes, media, links and sets, and V15's datestamp was the
-- document's updated_at, which a write of those parts leaves alone: an incremental harvest (from = the last
-- harvest's responseDate) missed an edited text, a new note or a document put into a set (a change of its setSpecs,
-- which OAI-PMH says changes its datestamp).
--
-- V19's archive.document_change already has a row per document that every write of the document or of any of its
-- parts touches, in the writing transaction, whoever writes (the services, an import's rows, a hand-made UPDATE).
-- It now keeps the time of that write too, and the harvest reads its datestamps there. The time is the writing
-- transaction's start (now()): the bumps of one transaction give the same value, so the rows stay HOT-updated after
-- their first bump in a transaction (version is not indexed, and the datestamp does not move). A datestamp never goes
-- back (greatest). An import's documents are dated by the import: they entered this repository then, and a
-- harvester that harvested it before the import finds them with its next incremental harvest (their updated_at is
-- the one exported, which may be years before). What is not a write of the document's rows does not move it: an
-- agent's or a place's new name, which the records of their documents show, and an embargo's end.
ALTER TABLE archive.document_change ADD COLUMN datestamp timestamptz;

-- Every document has a row (V19 made one at a document's first write after it; version 0 is what no row meant).
INSERT INTO archive.document_change (document_id, version)
    SELECT d.id, 0 FROM archive.document d
    ON CONFLICT (document_id) DO NOTHING;
-- The latest time the rows themselves record; participants and links record none.
UPDATE archive.document_change c
    SET datestamp = greatest(d.updated_at, d.deleted_at,
        (SELECT max(greatest(t.updated_at, t.deleted_at)) FROM archive.text t WHERE t.document_id = d.id),
        (SELECT max(greatest(a.updated_at, a.deleted_at)) FROM archive.annotation a WHERE a.document_id = d.id),
        (SELECT max(greatest(m.updated_at, m.deleted_at)) FROM archive.media m WHERE m.document_id = d.id))
    FROM archive.document d WHERE d.id = c.document_id;
-- the rows of purged documents (no document: no record)
UPDATE archive.document_change SET datestamp = now() WHERE datestamp IS NULL;
ALTER TABLE archive.document_change ALTER COLUMN datestamp SET NOT NULL;

CREATE OR REPLACE FUNCTION archive.fonds_document_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    touched text;
BEGIN
    touched := CASE TG_OP
        WHEN 'INSERT' THEN format('SELECT %s AS id FROM new_rows', TG_ARGV[0])
        WHEN 'DELETE' THEN format('SELECT %s AS id FROM old_rows', TG_ARGV[0])
        ELSE format('SELECT %1$s AS id FROM new_rows UNION SELECT %1$s AS id FROM old_rows', TG_ARGV[0]) END;
    EXECUTE 'INSERT INTO archive.document_change AS c (document_id, version, datestamp) '
        || 'SELECT DISTINCT t.id, 1, pg_catalog.now() FROM (' || touched || ') t WHERE t.id IS NOT NULL ORDER BY t.id '
        || 'ON CONFLICT (document_id) DO UPDATE SET version = c.version + 1, '
        || 'datestamp = greatest(c.datestamp, EXCLUDED.datestamp)';
    RETURN NULL;
END;
$$;

-- The harvest's order and its from/until: keyset on (datestamp, id), now on this table; V15's index on the document
-- table served only the harvest, and every import and write of a document paid for it.
CREATE INDEX document_change_datestamp_idx ON archive.document_change (datestamp, document_id);
DROP INDEX archive.document_updated_at_id_idx;

-- V15's view, its datestamp and id from document_change (so that the index above serves the harvest's order); the
-- same visibility predicate on the document.
CREATE OR REPLACE VIEW document_datestamp (id, datestamp, deleted, collection_ids) AS
    SELECT c.document_id, c.datestamp, d.deleted_at IS NOT NULL,
           ARRAY(SELECT k.collection_id FROM archive.document_collection k
                 JOIN archive.collection s ON s.id = k.collection_id AND s.deleted_at IS NULL
                 WHERE k.document_id = d.id ORDER BY k.collection_id)
    FROM archive.document_change c JOIN archive.document d ON d.id = c.document_id
    WHERE d.visibility = 'PUBLISHED' OR d.visibility = 'EMBARGOED' AND d.embargo_until <= CURRENT_DATE
          OR fonds_caller_sees(d.visibility);
