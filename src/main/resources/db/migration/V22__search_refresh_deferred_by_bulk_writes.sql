-- Bulk writes (issue 11). An import writes a batch of documents with their texts and annotations as one INSERT per
-- table (org.fonds.bulk.ArchiveRows), and V20's statement-level triggers recomputed each document's whole search vector
-- after every one of them: after its document row, again after its texts, again after its annotations, each time
-- aggregating every text and annotation written so far. A transaction that sets fonds.search_refresh to 'deferred'
-- (transaction-local: set_config(..., true), undone at its end or with a savepoint rolled back) leaves the vectors of
-- the documents it INSERTs to itself, and computes them once, after its last insert, with fonds_search_refresh below.
-- Updates and deletes are never deferred. The setting is the API's own: only its role writes through the views, and
-- ArchiveRows sets it and refreshes in the same round trip as its inserts (BulkTest searches what it imported).
CREATE OR REPLACE FUNCTION archive.fonds_search_refresh_inserted() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    IF pg_catalog.current_setting('fonds.search_refresh', true) = 'deferred' THEN
        RETURN NULL;
    END IF;
    IF TG_TABLE_NAME = 'document' THEN
        PERFORM archive.fonds_document_search_refresh(ARRAY(SELECT n.id FROM new_rows n));
    ELSE
        PERFORM archive.fonds_document_search_refresh(ARRAY(SELECT DISTINCT n.document_id FROM new_rows n));
    END IF;
    RETURN NULL;
END;
$$;

-- The search vectors of these documents computed again from their rows (any document: it reveals nothing and changes
-- nothing but the vector its rows give), in id order.
CREATE FUNCTION public.fonds_search_refresh(documents uuid[]) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    PERFORM archive.fonds_document_search_refresh(documents);
END;
$$;
