-- Full-text search (GET /search/documents). Every searchable field has a STORED tsvector with a GIN index, kept up to
-- date by BEFORE INSERT OR UPDATE triggers (so every write path, services and bulk SQL alike, keeps it current; the
-- vector is recomputed only when the words or the language change), and backfilled here:
--   document.search_vector    title (weight A) and summary (weight B), english
--   text.search_vector        the text's content in its own language's configuration (text.search_config)
--   annotation.search_vector  a note's words and a marginalia transcription, english
-- Texts and annotations keep the default weight D: a title match ranks first, then a summary match.
-- Only configurations shipped with PostgreSQL are used. The configuration is kept as text, not regconfig: pg_upgrade
-- refuses user tables with reg* columns.

-- The text search configuration of a BCP 47 language tag: en, en-GB → english; ru, ru-Latn → russian; else simple.
-- Queries match each text with the query parsed in the same configuration (see SearchRepository).
CREATE FUNCTION fonds_search_config(language text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
    RETURN CASE
        WHEN lower(language) = 'en' OR lower(language) LIKE 'en-%' THEN 'english'
        WHEN lower(language) = 'ru' OR lower(language) LIKE 'ru-%' THEN 'russian'
        ELSE 'simple' END;

-- A tsvector has a 1 MB limit: a text too large for it is indexed by its first 500,000 characters.
CREATE FUNCTION fonds_tsvector(config text, words text) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
    RETURN to_tsvector(config::regconfig, coalesce(words, ''));
EXCEPTION WHEN program_limit_exceeded THEN
    RETURN to_tsvector(config::regconfig, left(words, 500000));
END;
$$;

CREATE FUNCTION fonds_document_vector(title text, summary text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(summary, '')), 'B');

-- The words of an annotation: note_text (body.text) and a marginalia's transcription (body.marginalia.transcription.text)
CREATE FUNCTION fonds_annotation_words(body jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN concat_ws(' ', body ->> 'text', body #>> '{marginalia,transcription,text}');

CREATE FUNCTION fonds_annotation_vector(body jsonb) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('english', fonds_annotation_words(body));

-- Columns, backfill, then NOT NULL.
ALTER TABLE document ADD COLUMN search_vector tsvector;
UPDATE document SET search_vector = fonds_document_vector(title, summary);
ALTER TABLE document ALTER COLUMN search_vector SET NOT NULL;

ALTER TABLE text ADD COLUMN search_config text, ADD COLUMN search_vector tsvector;
UPDATE text SET search_config = fonds_search_config(language),
                search_vector = fonds_tsvector(fonds_search_config(language), content);
ALTER TABLE text ALTER COLUMN search_config SET NOT NULL, ALTER COLUMN search_vector SET NOT NULL,
    ADD CONSTRAINT text_search_config_known CHECK (search_config IN ('english', 'russian', 'simple'));

ALTER TABLE annotation ADD COLUMN search_vector tsvector;
UPDATE annotation SET search_vector = fonds_annotation_vector(body);
ALTER TABLE annotation ALTER COLUMN search_vector SET NOT NULL;

-- Triggers: recompute when the words (or the language) change; Hibernate writes every column on update.
CREATE FUNCTION fonds_document_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.title IS DISTINCT FROM OLD.title OR NEW.summary IS DISTINCT FROM OLD.summary
            OR NEW.search_vector IS NULL THEN
        NEW.search_vector := fonds_document_vector(NEW.title, NEW.summary);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER document_search BEFORE INSERT OR UPDATE ON document
    FOR EACH ROW EXECUTE FUNCTION fonds_document_search_trigger();

CREATE FUNCTION fonds_text_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.content IS DISTINCT FROM OLD.content OR NEW.language IS DISTINCT FROM OLD.language
            OR NEW.search_vector IS NULL OR NEW.search_config IS NULL THEN
        NEW.search_config := fonds_search_config(NEW.language);
        NEW.search_vector := fonds_tsvector(NEW.search_config, NEW.content);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER text_search BEFORE INSERT OR UPDATE ON text
    FOR EACH ROW EXECUTE FUNCTION fonds_text_search_trigger();

CREATE FUNCTION fonds_annotation_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.body IS DISTINCT FROM OLD.body OR NEW.search_vector IS NULL THEN
        NEW.search_vector := fonds_annotation_vector(NEW.body);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER annotation_search BEFORE INSERT OR UPDATE ON annotation
    FOR EACH ROW EXECUTE FUNCTION fonds_annotation_search_trigger();

-- GIN indexes: a query is matched with @@ through them, and only matching rows are ranked.
CREATE INDEX document_search_idx ON document USING gin (search_vector);
CREATE INDEX text_search_idx ON text USING gin (search_vector);
CREATE INDEX annotation_search_idx ON annotation USING gin (search_vector);
-- Filters of the search that GET /documents does not have.
CREATE INDEX document_classification_idx ON document (classification) WHERE classification IS NOT NULL;
-- sort=DATE: by the earliest day, then id (the tie-breaker), without a sort step.
CREATE INDEX document_date_earliest_id_idx ON document (date_earliest, id);
