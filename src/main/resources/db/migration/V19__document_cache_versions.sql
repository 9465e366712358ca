-- A version of each document's whole representation (the document and everything GET /documents/{id}?embed=…
-- embeds), bumped inside the writing transaction by every write to the document or any of its parts, so that an
-- instance may keep the rendered response in memory and check it with one primary-key lookup per request
-- (org.fonds.document.DocumentCache). Nothing escapes it: the triggers sit on the archive tables themselves, so the
-- API's services, the importers' raw inserts (org.fonds.bulk.ArchiveRows) and a write made by hand or by another
-- instance all bump it. A document without a row is at version 0.
--
-- Why a table of its own rather than a column of archive.document: a part's write would otherwise rewrite the wide
-- document row (and re-fire its triggers); this narrow row is updated in place (HOT: no index on version).
-- No foreign key: the row of a purged document stays, so a document recreated under the same id starts above every
-- version a cache may still hold for the old one.
CREATE TABLE archive.document_change (
    document_id uuid   PRIMARY KEY,
    version     bigint NOT NULL
);

-- One statement-level trigger per table and event (PostgreSQL allows transition tables on one event per trigger):
-- each written statement bumps each document it touched once, in id order (two statements bumping the same
-- documents lock their rows in the same order and cannot deadlock on them). TG_ARGV[0] is the SQL expression that
-- gives a touched row's document ids.
CREATE FUNCTION archive.fonds_document_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
DECLARE
    touched text;
BEGIN
    touched := CASE TG_OP
        WHEN 'INSERT' THEN format('SELECT %s AS id FROM new_rows', TG_ARGV[0])
        WHEN 'DELETE' THEN format('SELECT %s AS id FROM old_rows', TG_ARGV[0])
        ELSE format('SELECT %1$s AS id FROM new_rows UNION SELECT %1$s AS id FROM old_rows', TG_ARGV[0]) END;
    EXECUTE 'INSERT INTO archive.document_change AS c (document_id, version) '
        || 'SELECT DISTINCT t.id, 1 FROM (' || touched || ') t WHERE t.id IS NOT NULL ORDER BY t.id '
        || 'ON CONFLICT (document_id) DO UPDATE SET version = c.version + 1';
    RETURN NULL;
END;
$$;

DO $triggers$
DECLARE
    spec record;
    event text;
BEGIN
    FOR spec IN SELECT * FROM (VALUES
            ('document', 'id'),
            ('text', 'document_id'),
            ('participant', 'document_id'),
            ('media', 'document_id'),
            ('annotation', 'document_id'),
            ('annotation_target',
             '(SELECT a.document_id FROM archive.annotation a WHERE a.id = annotation_id)'),
            ('document_subject', 'document_id'),
            ('document_collection', 'document_id'),
            -- a link is part of its document and, as linked_from, of the document it points to
            ('document_link', 'unnest(ARRAY[document_id, target_document_id])')) AS s (tab, ids)
    LOOP
        FOREACH event IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
            EXECUTE format('CREATE TRIGGER %I AFTER %s ON archive.%I REFERENCING %s '
                    || 'FOR EACH STATEMENT EXECUTE FUNCTION archive.fonds_document_changed(%L)',
                    spec.tab || '_changes_document_' || lower(event), event, spec.tab,
                    CASE event WHEN 'INSERT' THEN 'NEW TABLE AS new_rows' WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
                        ELSE 'NEW TABLE AS new_rows OLD TABLE AS old_rows' END,
                    spec.ids);
        END LOOP;
    END LOOP;
END
$triggers$;

-- What the cache checks per request, through the document view (so the caller's visibility rule applies: a document
-- the caller may not see has no row): the version; whether the document is public today (PUBLISHED, or EMBARGOED
-- and past its day), which decides whether a shared cache (a CDN) may keep it; and the database's date, which is in
-- the cache key because an embargo ends with the date, without any write. Read-only for the API (afterMigrate.sql).
CREATE VIEW document_cache_key AS
    SELECT d.id, coalesce(c.version, 0) AS version,
           d.visibility = 'PUBLISHED' OR d.visibility = 'EMBARGOED' AND d.embargo_until <= CURRENT_DATE AS public,
           CURRENT_DATE AS today
    FROM document d LEFT JOIN archive.document_change c ON c.document_id = d.id;
