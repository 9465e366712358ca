-- Bulk writes (issue 11): what PostgreSQL spends on each text written besides its analysis (to_tsvector, about 110 µs
-- for a page of text), measured over 20,000 texts of the bench's corpus.
--
-- 1. fonds_search_config (V5) was STRICT around a CASE, which is not strict: PostgreSQL then never inlines it, and
--    every call went through the SQL function executor (1.8 µs a call, against 0.1 µs for the CASE inlined). Without
--    STRICT it is inlined; a NULL language still gives NULL, now said by its first branch.
CREATE OR REPLACE FUNCTION public.fonds_search_config(language text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN language IS NULL THEN NULL
        WHEN lower(language) = 'en' OR lower(language) LIKE 'en-%' THEN 'english'
        WHEN lower(language) = 'ru' OR lower(language) LIKE 'ru-%' THEN 'russian'
        ELSE 'simple' END;

-- 2. The text trigger called fonds_tsvector (V24), a second PL/pgSQL function, for every text: about 5 µs a call. It
--    now calls to_tsvector itself for a text of up to 100,000 characters (which cannot reach the tsvector's 1 MB limit,
--    V24), and fonds_tsvector, with its subtransaction, only for a longer one. The same vectors as before.
CREATE OR REPLACE FUNCTION public.fonds_text_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.content IS DISTINCT FROM OLD.content OR NEW.language IS DISTINCT FROM OLD.language
            OR NEW.search_vector IS NULL OR NEW.search_config IS NULL THEN
        NEW.search_config := fonds_search_config(NEW.language);
        IF NEW.content IS NOT NULL AND length(NEW.content) <= 100000 THEN
            NEW.search_vector := to_tsvector(NEW.search_config::regconfig, NEW.content);
        ELSE
            NEW.search_vector := fonds_tsvector(NEW.search_config, NEW.content);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
