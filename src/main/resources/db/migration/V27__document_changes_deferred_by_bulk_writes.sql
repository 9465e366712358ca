-- Bulk writes (issue 11), as V22 does for the search vectors. An import writes a batch of documents as one INSERT per
-- table (org.fonds.bulk.ArchiveRows), and V19's statement-level triggers bumped each document's row of
-- document_change after every one of them: after its document row, its subjects, collections, texts, participants,
-- links, media, notes and their targets, up to nine updates of the same row in one transaction, each a new row version
-- and, once the row's page is full, a new entry in the primary key and in V25's datestamp index. The versions between
-- the first and the last are never seen: others read the row as the transaction commits it.
--
-- A transaction that sets fonds.document_changes to 'deferred' (transaction-local: set_config(..., true), undone at its
-- end or with a savepoint rolled back) leaves the bumps of the rows it INSERTs to itself, and makes them once, after
-- its last insert, with fonds_documents_changed below, for every document those rows belong to. Updates and deletes
-- are never deferred. The setting is the API's own, as fonds.search_refresh is: ArchiveRows sets it, inserts, bumps
-- and resets it in one round trip (BulkTest harvests what it imported: a document without its row has no datestamp).
CREATE OR REPLACE FUNCTION archive.fonds_document_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    touched text;
BEGIN
    IF TG_OP = 'INSERT' AND pg_catalog.current_setting('fonds.document_changes', true) = 'deferred' THEN
        RETURN NULL;
    END IF;
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

-- The deferred bumps: each of these documents once, in id order (as the triggers lock them), as a write of it would.
CREATE FUNCTION public.fonds_documents_changed(documents uuid[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = archive, pg_temp
BEGIN ATOMIC
    INSERT INTO archive.document_change AS c (document_id, version, datestamp)
        SELECT DISTINCT t.id, 1, now() FROM unnest(documents) AS t (id) WHERE t.id IS NOT NULL ORDER BY t.id
    ON CONFLICT (document_id) DO UPDATE SET version = c.version + 1,
        datestamp = greatest(c.datestamp, EXCLUDED.datestamp);
END;
