-- Bulk writes (issue 11): what PostgreSQL spends on each text and annotation written besides its analysis (to_tsvector,
-- about 110 µs for a page of text), measured over 20,000 texts and 100,000 annotations of the bench's corpus.
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
--    now calls to_tsvector itself for a text of up to 100,000 bytes (so at most V24's 100,000 characters, which cannot
--    reach the tsvector's 1 MB limit), and fonds_tsvector, with its subtransaction, only for a longer one. The same
--    vectors as before. The length in bytes is read from the value's header (octet_length); length, in characters,
--    walked the whole text.
CREATE OR REPLACE FUNCTION public.fonds_text_search_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' OR NEW.content IS DISTINCT FROM OLD.content OR NEW.language IS DISTINCT FROM OLD.language
            OR NEW.search_vector IS NULL OR NEW.search_config IS NULL THEN
        NEW.search_config := fonds_search_config(NEW.language);
        IF octet_length(NEW.content) <= 100000 THEN
            NEW.search_vector := to_tsvector(NEW.search_config::regconfig, NEW.content);
        ELSE
            NEW.search_vector := fonds_tsvector(NEW.search_config, NEW.content);
        END IF;
    END IF;
    RETURN NEW;
END;
$$;

-- 3. fonds_annotation_words (V5) was declared IMMUTABLE around concat_ws, which is only STABLE: PostgreSQL then never
--    inlines it, and the annotation trigger called it through the SQL function executor for every annotation (200 ms
--    for 100,000 annotations' vectors, against 77 ms inlined). The same words, with immutable operators: a note's
--    words, then a marginalia transcription's, joined by a space, '' when neither is there.
CREATE OR REPLACE FUNCTION public.fonds_annotation_words(body jsonb) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN CASE
        WHEN body ->> 'text' IS NULL THEN coalesce(body #>> '{marginalia,transcription,text}', '')
        WHEN body #>> '{marginalia,transcription,text}' IS NULL THEN body ->> 'text'
        ELSE (body ->> 'text') || ' ' || (body #>> '{marginalia,transcription,text}') END;
