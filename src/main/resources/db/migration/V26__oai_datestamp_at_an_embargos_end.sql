-- An embargo ends with a date, without a write (issue 10, OAI-PMH): from its embargo_until on, a document is shown to
-- those who may not see embargoed documents, with the datestamp of its last write (V25), which is older than their
-- last harvest, so an incremental harvest (from = that harvest's responseDate) would never list it. This function,
-- which the API calls every few minutes (org.fonds.oai.EmbargoEnds), dates each document whose embargo has ended
-- since its last write by the time of the call, once: the next incremental harvest lists it. The time of the call,
-- not the embargo's first day: a harvest made between that day's start and the call did not list it either.
-- Idempotent and safe on every instance at once (a document moved is past the condition). Returns how many it moved.
CREATE FUNCTION public.fonds_embargoes_ended() RETURNS integer
    LANGUAGE sql SECURITY DEFINER SET search_path = archive, pg_temp
BEGIN ATOMIC
    WITH moved AS (
        UPDATE archive.document_change c SET datestamp = now()
        FROM archive.document d
        WHERE d.id = c.document_id AND d.visibility = 'EMBARGOED' AND d.embargo_until <= CURRENT_DATE
          AND c.datestamp < d.embargo_until::timestamptz
        RETURNING c.document_id)
    SELECT count(*)::integer FROM moved;
END;
