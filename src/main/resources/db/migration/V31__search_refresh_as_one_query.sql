-- Bulk writes (issue 11): the refresh of the documents' search rows (V20, V29) called fonds_document_search_vector
-- once a document. That function's three subqueries keep PostgreSQL from inlining it, so each call went through the
-- SQL function executor: 34 µs a document, against 23 µs for the same vector computed by the refresh's own query with
-- the texts and the annotations as lateral subqueries (20,000 documents of the bench's corpus). The same vector: the
-- document's own (title A, summary B), then its live texts' and its live annotations' in id order.
-- fonds_document_search_vector stays, for a single document.
CREATE OR REPLACE FUNCTION archive.fonds_document_search_refresh(documents uuid[]) RETURNS void
    LANGUAGE sql SECURITY DEFINER SET search_path = archive, pg_temp
BEGIN ATOMIC
    INSERT INTO archive.document_search (document_id, vector, doc_visibility, doc_embargo_until, doc_deleted)
        SELECT d.id, coalesce(d.search_vector, '') || coalesce(t.vector, '') || coalesce(a.vector, ''),
            d.visibility, d.embargo_until, d.deleted_at IS NOT NULL
        FROM archive.document d
        LEFT JOIN LATERAL (SELECT public.fonds_tsvector_agg(x.search_vector ORDER BY x.id) AS vector FROM archive.text x
                           WHERE x.document_id = d.id AND x.deleted_at IS NULL) t ON true
        LEFT JOIN LATERAL (SELECT public.fonds_tsvector_agg(x.search_vector ORDER BY x.id) AS vector FROM archive.annotation x
                           WHERE x.document_id = d.id AND x.deleted_at IS NULL) a ON true
        WHERE d.id = ANY (documents)
        ORDER BY d.id
    ON CONFLICT (document_id) DO UPDATE SET vector = EXCLUDED.vector;
END;
