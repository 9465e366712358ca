-- Bulk writes (issue 11). Every row of a document's parts carries a copy of its document's visibility, embargo and
-- deletion (V12), which the views filter on; V12's BEFORE INSERT OR UPDATE row trigger looks the document up for
-- each row, a PL/pgSQL call and a query per row: a ninth of PostgreSQL's time in an import (1.9 million calls for
-- 200,000 documents). An import knows each document it writes with its parts (org.fonds.bulk.ArchiveRows), so it
-- gives the copies with the rows; a writer that does not (the services, through the entities) leaves them NULL and the
-- trigger fills them as before. Given copies are not trusted: after each INSERT statement one query over its rows
-- compares them with their documents, and a row that claims another visibility, embargo or deletion than its
-- document's fails the statement (the tables are reached only through the views, so the API's role could
-- otherwise write a copy of its choosing). UPDATEs take the copy from the document again, as before: V12's
-- propagation of a document's change to its parts relies on it. Links keep V12's trigger (they also copy their
-- target, and are few).

CREATE FUNCTION archive.fonds_part_copies_checked() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM new_rows n JOIN archive.document d ON d.id = n.document_id
               WHERE n.doc_visibility IS DISTINCT FROM d.visibility
                  OR n.doc_embargo_until IS DISTINCT FROM d.embargo_until
                  OR n.doc_deleted IS DISTINCT FROM (d.deleted_at IS NOT NULL)) THEN
        RAISE EXCEPTION 'A row of %.% gives another visibility, embargo or deletion than its document''s',
            TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;

DO $$
DECLARE
    tab text;
BEGIN
    FOREACH tab IN ARRAY ARRAY['text', 'participant', 'media', 'annotation', 'document_subject',
            'document_collection', 'document_search'] LOOP
        EXECUTE format('DROP TRIGGER %I ON archive.%I', tab || '_copies_document', tab);
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON archive.%I FOR EACH ROW '
                || 'WHEN (NEW.doc_visibility IS NULL) EXECUTE FUNCTION archive.fonds_part_copies_document()',
                tab || '_copies_document', tab);
        EXECUTE format('CREATE TRIGGER %I BEFORE UPDATE ON archive.%I FOR EACH ROW '
                || 'EXECUTE FUNCTION archive.fonds_part_copies_document()', tab || '_copies_document_again', tab);
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON archive.%I REFERENCING NEW TABLE AS new_rows '
                || 'FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_part_copies_checked()',
                tab || '_copies_checked', tab);
    END LOOP;
END;
$$;

-- The search rows V20's refresh writes give their copies too (it reads the documents anyway).
CREATE OR REPLACE FUNCTION archive.fonds_document_search_refresh(documents uuid[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = archive, pg_temp
BEGIN ATOMIC
    INSERT INTO archive.document_search (document_id, vector, doc_visibility, doc_embargo_until, doc_deleted)
        SELECT d.id, archive.fonds_document_search_vector(d.id), d.visibility, d.embargo_until,
            d.deleted_at IS NOT NULL
        FROM archive.document d
        WHERE d.id = ANY (documents)
        ORDER BY d.id
    ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector;
END;

-- A document's whole search vector is mostly between 1 and 4 kB: stored in its row as it is, rather than compressed
-- (pglz, which gains little on lexemes and positions) into the TOAST table at 2 kB. Writes and the reads of a search's
-- ranking both skip the compression and the second table (as V24 did for texts).
ALTER TABLE archive.document_search SET (toast_tuple_target = 8160);
