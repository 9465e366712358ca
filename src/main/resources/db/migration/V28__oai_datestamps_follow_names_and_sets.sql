-- OAI-PMH datestamps (V25) also follow what a record shows of the agents, places and collections it refers to. A
-- record's oai_dc and TEI show its participants' and its notes' agents and places by their preferred names (dc:creator,
-- dc:coverage, persName, placeName), and its setSpecs are its collections that are not deleted. Renaming an agent or a
-- place, or deleting a collection, changed those records without a write of their rows, so an incremental harvest
-- missed them.
--
-- An UPDATE of an agent, a place or a collection now bumps, in the same transaction, the document_change row of every
-- document whose record shows it, as a write of the document would (its version too: the rendered documents that
-- show the old name are stale). Only a change of what records show counts: for agents and places any column but the
-- bookkeeping (updated_at, version; a new name, identifier, type or deletion), for collections their deletion or
-- restoration (their titles are in ListSets, not in records). An INSERT refers to nothing yet; a hard DELETE sets the
-- referring columns to NULL, which is a write of those rows and bumps them through V19's triggers.
--
-- TG_ARGV[0]: the condition on a changed row, n (new) against o (old); TG_ARGV[1]: the query of the ids of the
-- documents that refer to the ids in the relation "changed". Those documents are bumped as V27's deferred bumps are.
CREATE FUNCTION archive.fonds_referents_changed() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    EXECUTE 'WITH changed (id) AS (SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE ' || TG_ARGV[0]
        || ') SELECT public.fonds_documents_changed(ARRAY(' || TG_ARGV[1] || '))';
    RETURN NULL;
END;
$$;

CREATE TRIGGER agent_changes_documents AFTER UPDATE ON archive.agent
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION archive.fonds_referents_changed(
        'to_jsonb(n) - ''updated_at'' - ''version'' IS DISTINCT FROM to_jsonb(o) - ''updated_at'' - ''version''',
        'SELECT p.document_id FROM archive.participant p JOIN changed x ON x.id = p.agent_id '
        'UNION ALL SELECT a.document_id FROM archive.annotation a JOIN changed x ON x.id = a.agent_id');

CREATE TRIGGER place_changes_documents AFTER UPDATE ON archive.place
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION archive.fonds_referents_changed(
        'to_jsonb(n) - ''updated_at'' - ''version'' IS DISTINCT FROM to_jsonb(o) - ''updated_at'' - ''version''',
        'SELECT d.id FROM archive.document d JOIN changed x ON x.id = d.place_of_origin_id '
        'UNION ALL SELECT p.document_id FROM archive.participant p JOIN changed x ON x.id = p.place_id '
        'UNION ALL SELECT a.document_id FROM archive.annotation a JOIN changed x ON x.id = a.place_id');

CREATE TRIGGER collection_changes_documents AFTER UPDATE ON archive.collection
    REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows FOR EACH STATEMENT
    EXECUTE FUNCTION archive.fonds_referents_changed('n.deleted_at IS DISTINCT FROM o.deleted_at',
        'SELECT k.document_id FROM archive.document_collection k JOIN changed x ON x.id = k.collection_id');

-- The participants of a renamed place, found by their place (the other references have indexes: V2, V4).
CREATE INDEX participant_place_idx ON archive.participant (place_id) WHERE place_id IS NOT NULL;
