-- OAI-PMH (issue 10, item 5): a harvester lists records by datestamp, deleted ones included (deletedRecord=persistent:
-- soft deletion keeps every deleted document's id and the time of its deletion), and never sees what the caller may
-- not see. The view document hides deleted rows; this one shows the caller's documents, deleted or not, with no more
-- than a harvester's header needs: the id, the datestamp (updated_at, which a soft deletion sets to the time of the
-- deletion), whether the document is deleted, and the collections it is in (its sets; a deleted document keeps its
-- rows in document_collection, which the view document_collection hides). Read-only (afterMigrate grants SELECT only).
-- The visibility predicate is the one of V14's views (the literal arms, then fonds_caller_sees).
CREATE VIEW document_datestamp (id, datestamp, deleted, collection_ids) AS
    SELECT d.id, d.updated_at, d.deleted_at IS NOT NULL,
           ARRAY(SELECT c.collection_id FROM archive.document_collection c
                 JOIN archive.collection k ON k.id = c.collection_id AND k.deleted_at IS NULL
                 WHERE c.document_id = d.id ORDER BY c.collection_id)
    FROM archive.document d
    WHERE d.visibility = 'PUBLISHED' OR d.visibility = 'EMBARGOED' AND d.embargo_until <= CURRENT_DATE
          OR fonds_caller_sees(d.visibility);

-- The harvest's order and its from/until: keyset on (datestamp, id).
CREATE INDEX document_updated_at_id_idx ON archive.document (updated_at, id);
