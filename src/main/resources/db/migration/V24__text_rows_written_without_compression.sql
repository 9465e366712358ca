-- Bulk writes (issue 11), what PostgreSQL spends on each text written, measured in an import of 20,000 documents:
--
-- 1. Compression. A text's row holds its content, its sections (the same words as JSON) and its search vector: about
--    3 kB for a page of text. Past 2 kB (the default toast_tuple_target) every row written was compressed with pglz,
--    PostgreSQL's hottest function in the import's profile; every read decompressed it again. Rows now stay as they
--    are up to the most a page holds (8160 bytes); only longer texts are compressed or moved out of line. A text
--    table that takes more room on disk is the price: texts are read by id and by document, never scanned.
ALTER TABLE archive.text SET (toast_tuple_target = 8160);

-- 2. A subtransaction per text. fonds_tsvector (V5) caught the tsvector's size limit (1 MB) with an EXCEPTION block,
--    which opens a subtransaction on every call. A text of up to 100,000 characters cannot reach the limit (at most
--    100,000 bytes of lexemes, 4 bytes of entry and 2 of position for each word), so only longer texts pay for it.
CREATE OR REPLACE FUNCTION public.fonds_tsvector(config text, words text) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
    IF words IS NULL OR length(words) <= 100000 THEN
        RETURN to_tsvector(config::regconfig, coalesce(words, ''));
    END IF;
    BEGIN
        RETURN to_tsvector(config::regconfig, words);
    EXCEPTION WHEN program_limit_exceeded THEN
        RETURN to_tsvector(config::regconfig, left(words, 500000));
    END;
END;
$$;
