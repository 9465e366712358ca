-- Search under load (issue 13). Two things the search reads:
--
-- 1. One stored search vector per document, archive.document_search: its title (weight A) and summary (B), as
--    document.search_vector holds them, then its live texts and annotations (weight D, as V5 gave them), each text in
--    its own language's configuration (the stored text.search_vector). A search finds its candidates with one GIN
--    scan and ranks each document once (ts_rank on this vector) instead of three GIN scans, a rank per field and a
--    DISTINCT over them. The per-field vectors of V5 stay: the snippets (ts_headline) say in which field a hit matched,
--    and a query of several words or a phrase is checked against them (a document matches when one of its fields
--    matches the whole query, as before; see SearchRepository).
--    A side table, not a column of document: rewriting a document row (a dozen indexes, a new version of a wide row)
--    for every write of a text or a note would cost every write and bloat the most-read table; the side table has
--    its primary key and its GIN index only. It copies its document's visibility, embargo day and deletion as every
--    part of a document does (V12's trigger function), and its view in public has V14's predicate.
--    Kept current by statement-level triggers with transition tables on document, text and annotation: a statement
--    that writes many texts (a COPY, an import) recomputes each document it touched once, after the statement.
--
-- 2. A change epoch, archive.search_epoch, that the API's cache of repeated searches keys its entries with
--    (org.fonds.search.SearchCache). Every statement that writes a table feeding search bumps it in the writing
--    transaction, so the new value becomes visible with the write, at its commit, to every instance. A sequence would
--    not do: nextval is not transactional, and a reader could cache what it read before the commit under the new
--    value. Lock contention: the counter is sharded in 16 rows, a writer bumping the row of its backend
--    (pg_backend_pid() % 16) and readers summing them (every bump adds one, so the sum grows with every commit).
--    Each transaction bumps once (a transaction-local setting remembers it), in a BEFORE STATEMENT trigger: its first
--    statement that writes search data takes its shard's row lock before any row lock of that statement, so two
--    writers wait on each other at the shard only when two backends share it, and then in the order of their first
--    write (a deadlock needs a writer that locked rows before its first write of search data and a second writer on
--    the same shard that wants those rows; PostgreSQL then aborts one of them, which the API answers as any
--    serialization failure).

-- The concatenation of tsvectors (positions of each are shifted after those before it), as an aggregate.
CREATE AGGREGATE fonds_tsvector_agg(tsvector) (SFUNC = tsvector_concat, STYPE = tsvector, INITCOND = '');

-- The document's whole vector: title A, summary B, then its live texts and annotations (D) in id order.
CREATE FUNCTION archive.fonds_document_search_vector(document uuid) RETURNS tsvector
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce((SELECT d.search_vector FROM archive.document d WHERE d.id = document), '')
        || coalesce((SELECT fonds_tsvector_agg(t.search_vector ORDER BY t.id) FROM archive.text t
                     WHERE t.document_id = document AND t.deleted_at IS NULL), '')
        || coalesce((SELECT fonds_tsvector_agg(a.search_vector ORDER BY a.id) FROM archive.annotation a
                     WHERE a.document_id = document AND a.deleted_at IS NULL), '');

CREATE TABLE archive.document_search (
    document_id uuid PRIMARY KEY REFERENCES archive.document (id) ON DELETE CASCADE,
    vector tsvector NOT NULL,
    doc_visibility text,
    doc_embargo_until date,
    doc_deleted boolean NOT NULL DEFAULT false
);
CREATE TRIGGER document_search_copies_document BEFORE INSERT OR UPDATE ON archive.document_search
    FOR EACH ROW EXECUTE FUNCTION archive.fonds_part_copies_document();

-- After a document's visibility, embargo or deletion changes: its search row copies it again (V12 does so for the
-- other parts; a trigger of its own rather than a new version of V12's function).
CREATE FUNCTION archive.fonds_document_copied_to_search() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    UPDATE archive.document_search SET doc_deleted = doc_deleted WHERE document_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER document_copied_to_search AFTER UPDATE OF visibility, embargo_until, deleted_at ON archive.document
    FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility
        OR OLD.embargo_until IS DISTINCT FROM NEW.embargo_until
        OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION archive.fonds_document_copied_to_search();

-- Recompute the vectors of the given documents (those that still exist).
CREATE FUNCTION archive.fonds_document_search_refresh(documents uuid[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = archive, pg_temp
BEGIN ATOMIC
    INSERT INTO archive.document_search (document_id, vector)
        SELECT d.id, archive.fonds_document_search_vector(d.id) FROM archive.document d
        WHERE d.id = ANY (documents)
        ORDER BY d.id
    ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector;
END;

-- After a statement on document, text or annotation: the documents whose words it changed (their vector, or a
-- part's deletion), once each. Transition tables name the rows the statement wrote.
CREATE FUNCTION archive.fonds_search_refresh_inserted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'document' THEN
        PERFORM archive.fonds_document_search_refresh(ARRAY(SELECT n.id FROM new_rows n));
    ELSE
        PERFORM archive.fonds_document_search_refresh(ARRAY(SELECT DISTINCT n.document_id FROM new_rows n));
    END IF;
    RETURN NULL;
END;
$$;
CREATE FUNCTION archive.fonds_search_refresh_updated() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'document' THEN
        PERFORM archive.fonds_document_search_refresh(ARRAY(SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id
            WHERE n.search_vector IS DISTINCT FROM o.search_vector));
    ELSE
        PERFORM archive.fonds_document_search_refresh(ARRAY(
            SELECT n.document_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                WHERE n.search_vector IS DISTINCT FROM o.search_vector
                   OR (n.deleted_at IS NULL) <> (o.deleted_at IS NULL) OR n.document_id <> o.document_id
            UNION SELECT o.document_id FROM new_rows n JOIN old_rows o ON o.id = n.id
                WHERE n.document_id <> o.document_id));
    END IF;
    RETURN NULL;
END;
$$;
CREATE FUNCTION archive.fonds_search_refresh_deleted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    -- a document's own row goes with it (ON DELETE CASCADE)
    PERFORM archive.fonds_document_search_refresh(ARRAY(SELECT DISTINCT o.document_id FROM old_rows o));
    RETURN NULL;
END;
$$;
CREATE TRIGGER document_search_refresh_insert AFTER INSERT ON archive.document
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_refresh_inserted();
CREATE TRIGGER document_search_refresh_update AFTER UPDATE ON archive.document
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_refresh_updated();
CREATE TRIGGER text_search_refresh_insert AFTER INSERT ON archive.text
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_refresh_inserted();
CREATE TRIGGER text_search_refresh_update AFTER UPDATE ON archive.text
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_refresh_updated();
CREATE TRIGGER text_search_refresh_delete AFTER DELETE ON archive.text
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_refresh_deleted();
CREATE TRIGGER annotation_search_refresh_insert AFTER INSERT ON archive.annotation
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_refresh_inserted();
CREATE TRIGGER annotation_search_refresh_update AFTER UPDATE ON archive.annotation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_refresh_updated();
CREATE TRIGGER annotation_search_refresh_delete AFTER DELETE ON archive.annotation
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_refresh_deleted();

-- Backfill, then the GIN index (built once over the filled table).
INSERT INTO archive.document_search (document_id, vector)
    SELECT d.id, archive.fonds_document_search_vector(d.id) FROM archive.document d;
CREATE INDEX document_search_vector_idx ON archive.document_search USING gin (vector);
-- The fields' GIN indexes of V5 no longer serve any search: a search finds documents through the index above, and
-- reads a field's vector only for the documents it found (the whole-query check, the snippets), through the
-- document_id indexes. Dropped, so that writes and bulk loads do not maintain them (the vectors stay, with their
-- triggers: the document's vector is made of them).
DROP INDEX archive.document_search_idx, archive.text_search_idx, archive.annotation_search_idx;

-- The view the API reads, with V14's predicate on the copied columns (VisibilityRuleInlinedTest checks its plan).
CREATE VIEW document_search AS SELECT * FROM archive.document_search s
    WHERE (NOT s.doc_deleted OR fonds_caller_includes_deleted())
      AND (s.doc_visibility = 'PUBLISHED' OR s.doc_visibility = 'EMBARGOED' AND s.doc_embargo_until <= CURRENT_DATE
           OR fonds_caller_sees(s.doc_visibility));

-- The change epoch (see the head of this file).
CREATE TABLE archive.search_epoch (
    shard smallint PRIMARY KEY CHECK (shard BETWEEN 0 AND 15),
    n bigint NOT NULL DEFAULT 0
);
INSERT INTO archive.search_epoch (shard) SELECT generate_series(0, 15);

CREATE FUNCTION archive.fonds_search_epoch_bump() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    IF pg_catalog.current_setting('fonds.search_epoch_bumped', true) IS DISTINCT FROM 'on' THEN
        UPDATE archive.search_epoch SET n = n + 1 WHERE shard = pg_catalog.pg_backend_pid() % 16;
        -- transaction-local: gone at commit or rollback (and with a rolled-back savepoint, as the bump itself)
        PERFORM pg_catalog.set_config('fonds.search_epoch_bumped', 'on', true);
    END IF;
    RETURN NULL;
END;
$$;
-- Every table a search reads words, filters, facets or visibility from (document_search is written only by the
-- triggers of document, text and annotation, within their statements).
CREATE TRIGGER document_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.document
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
CREATE TRIGGER text_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.text
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
CREATE TRIGGER annotation_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.annotation
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
CREATE TRIGGER participant_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.participant
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
CREATE TRIGGER document_subject_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON archive.document_subject FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
CREATE TRIGGER document_collection_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON archive.document_collection FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
CREATE TRIGGER subject_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.subject
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();
CREATE TRIGGER collection_search_epoch BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON archive.collection
    FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_search_epoch_bump();

-- What a search's cache key needs, in one row: the epoch, the day (an embargo passes with it, without a write), the
-- role the views read, and whether deleted rows are shown (then nothing is cached). Not updatable (an aggregate).
CREATE VIEW search_epoch (epoch, today, role, include_deleted) AS
    SELECT sum(e.n), CURRENT_DATE, current_setting('fonds.role', true),
           coalesce(current_setting('fonds.include_deleted', true), '') = 'on'
    FROM archive.search_epoch e;
