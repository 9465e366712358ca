-- Visibility and soft deletion enforced in one place no query can forget (renovation, item 1).
--
-- Every table the API reads moves to the schema `archive`, which the API's database role cannot use (it is not the
-- owner; Flyway migrates as the owner). In `public`, a view of the same name stands for each table, so Hibernate's
-- entities and every native statement keep their names and read through the rule below. The views are plain (not
-- security_barrier): the planner pushes every qual down as before (full text @@, trigram %, LIKE keep their indexes),
-- which row-level security would forbid for operators that are not LEAKPROOF. The threat is a forgotten predicate
-- in our own SQL, not hostile SQL, and the privilege boundary is what makes the views unavoidable.
-- Single-table views with a WHERE clause (EXISTS subqueries included) are automatically updatable: INSERT, UPDATE,
-- DELETE and INSERT ... ON CONFLICT go through them to the table, with its defaults, triggers and constraints.
-- A view lists the table's columns as they are now: a migration that adds a column to an archive table recreates
-- that view (CREATE OR REPLACE VIEW with the same predicate).
--
-- The caller is set per connection by the application (org.fonds.access.CallerRoleInterceptor) in the setting fonds.role;
-- a missing or unknown value means ANONYMOUS (fail closed). Each view reads it once per statement (an InitPlan).

CREATE SCHEMA archive;
REVOKE ALL ON SCHEMA archive FROM PUBLIC;

ALTER TABLE document            SET SCHEMA archive;
ALTER TABLE text                SET SCHEMA archive;
ALTER TABLE participant         SET SCHEMA archive;
ALTER TABLE document_link       SET SCHEMA archive;
ALTER TABLE media               SET SCHEMA archive;
ALTER TABLE annotation          SET SCHEMA archive;
ALTER TABLE annotation_target   SET SCHEMA archive;
ALTER TABLE document_subject    SET SCHEMA archive;
ALTER TABLE document_collection SET SCHEMA archive;
ALTER TABLE agent               SET SCHEMA archive;
ALTER TABLE agent_name          SET SCHEMA archive;
ALTER TABLE place               SET SCHEMA archive;
ALTER TABLE place_name          SET SCHEMA archive;
ALTER TABLE subject             SET SCHEMA archive;
ALTER TABLE collection          SET SCHEMA archive;
ALTER TABLE revision            SET SCHEMA archive;
ALTER TABLE api_key             SET SCHEMA archive;
ALTER TABLE idempotency_key     SET SCHEMA archive;
ALTER TABLE import_batch        SET SCHEMA archive;

-- The caller's role: ANONYMOUS, CONTRIBUTOR, EDITOR or ADMIN; anything else (unset included) is ANONYMOUS.
CREATE FUNCTION fonds_caller_role() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN CASE current_setting('fonds.role', true)
        WHEN 'CONTRIBUTOR' THEN 'CONTRIBUTOR' WHEN 'EDITOR' THEN 'EDITOR' WHEN 'ADMIN' THEN 'ADMIN'
        ELSE 'ANONYMOUS' END;

-- The one visibility rule: a document of this visibility and embargo day is seen by a caller of `role` (always
-- called with (SELECT fonds_caller_role()), one InitPlan per statement): anonymous readers PUBLISHED, and EMBARGOED
-- from the start of its day in the database's time zone (UTC); contributors also DRAFT; editors and administrators
-- everything. Written as one OR whose first arm is the literal `visibility = 'PUBLISHED'`, so that the planner
-- estimates the visible share of a table from its statistics (most documents are published), as it did with the
-- hand-written predicates; a comparison with a run-time array left it guessing, and it chose other plans for lists
-- and searches. Inlined by the planner (a single SQL expression).
CREATE FUNCTION fonds_visible(visibility text, embargo_until date, role text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN visibility = 'PUBLISHED'
        OR visibility = 'EMBARGOED' AND (embargo_until <= CURRENT_DATE OR role IN ('EDITOR', 'ADMIN'))
        OR visibility = 'DRAFT' AND role IN ('CONTRIBUTOR', 'EDITOR', 'ADMIN')
        OR visibility = 'RESTRICTED' AND role IN ('EDITOR', 'ADMIN');

-- The narrow path of history (restore and purge): deleted rows are seen only when the transaction set
-- fonds.include_deleted to on (Access.includeDeletedRows, SET LOCAL) and the caller is an editor or an
-- administrator.
CREATE FUNCTION fonds_caller_includes_deleted() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN coalesce(current_setting('fonds.include_deleted', true), '') = 'on'
        AND fonds_caller_role() IN ('EDITOR', 'ADMIN');

-- Documents: not deleted, and visible to the caller.
CREATE VIEW document AS SELECT * FROM archive.document d
    WHERE (d.deleted_at IS NULL OR (SELECT fonds_caller_includes_deleted()))
      AND fonds_visible(d.visibility, d.embargo_until, (SELECT fonds_caller_role()));

-- What a part's view needs of its document (its visibility, embargo day and deletion; for a link, those of its
-- target too; for a name, whether its agent or place is deleted) is kept on the part's own row by the triggers below,
-- so that every view filters the one table it reads: no join is added to any query, the plans and the planning time
-- stay what they were with hand-written predicates, and a search that scans thousands of matching rows does not look
-- their documents up one by one. The rows' copies are written only by these triggers (an insert or update of a part
-- always takes them from its document, whatever it says), as the owner (SECURITY DEFINER: the API role cannot read
-- archive).
ALTER TABLE archive.text ADD COLUMN doc_visibility text, ADD COLUMN doc_embargo_until date,
    ADD COLUMN doc_deleted boolean NOT NULL DEFAULT false;
ALTER TABLE archive.participant ADD COLUMN doc_visibility text, ADD COLUMN doc_embargo_until date,
    ADD COLUMN doc_deleted boolean NOT NULL DEFAULT false;
ALTER TABLE archive.media ADD COLUMN doc_visibility text, ADD COLUMN doc_embargo_until date,
    ADD COLUMN doc_deleted boolean NOT NULL DEFAULT false;
ALTER TABLE archive.annotation ADD COLUMN doc_visibility text, ADD COLUMN doc_embargo_until date,
    ADD COLUMN doc_deleted boolean NOT NULL DEFAULT false;
ALTER TABLE archive.document_subject ADD COLUMN doc_visibility text, ADD COLUMN doc_embargo_until date,
    ADD COLUMN doc_deleted boolean NOT NULL DEFAULT false;
ALTER TABLE archive.document_collection ADD COLUMN doc_visibility text, ADD COLUMN doc_embargo_until date,
    ADD COLUMN doc_deleted boolean NOT NULL DEFAULT false;
ALTER TABLE archive.document_link ADD COLUMN doc_visibility text, ADD COLUMN doc_embargo_until date,
    ADD COLUMN doc_deleted boolean NOT NULL DEFAULT false, ADD COLUMN target_visibility text,
    ADD COLUMN target_embargo_until date, ADD COLUMN target_deleted boolean NOT NULL DEFAULT false;
ALTER TABLE archive.agent_name ADD COLUMN owner_deleted boolean NOT NULL DEFAULT false;
ALTER TABLE archive.place_name ADD COLUMN owner_deleted boolean NOT NULL DEFAULT false;

-- Before a part is written: its document's (and a link's target's) visibility, embargo day and deletion.
CREATE FUNCTION archive.fonds_part_copies_document() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    SELECT d.visibility, d.embargo_until, d.deleted_at IS NOT NULL
        INTO NEW.doc_visibility, NEW.doc_embargo_until, NEW.doc_deleted
        FROM archive.document d WHERE d.id = NEW.document_id;
    IF TG_TABLE_NAME = 'document_link' THEN
        NEW.target_visibility := NULL;
        NEW.target_embargo_until := NULL;
        NEW.target_deleted := false;
        IF NEW.target_document_id IS NOT NULL THEN
            SELECT d.visibility, d.embargo_until, d.deleted_at IS NOT NULL
                INTO NEW.target_visibility, NEW.target_embargo_until, NEW.target_deleted
                FROM archive.document d WHERE d.id = NEW.target_document_id;
        END IF;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER text_copies_document BEFORE INSERT OR UPDATE ON archive.text
    FOR EACH ROW EXECUTE FUNCTION archive.fonds_part_copies_document();
CREATE TRIGGER participant_copies_document BEFORE INSERT OR UPDATE ON archive.participant
    FOR EACH ROW EXECUTE FUNCTION archive.fonds_part_copies_document();
CREATE TRIGGER media_copies_document BEFORE INSERT OR UPDATE ON archive.media
    FOR EACH ROW EXECUTE FUNCTION archive.fonds_part_copies_document();
CREATE TRIGGER annotation_copies_document BEFORE INSERT OR UPDATE ON archive.annotation
    FOR EACH ROW EXECUTE FUNCTION archive.fonds_part_copies_document();
CREATE TRIGGER document_subject_copies_document BEFORE INSERT OR UPDATE ON archive.document_subject
    FOR EACH ROW EXECUTE FUNCTION archive.fonds_part_copies_document();
CREATE TRIGGER document_collection_copies_document BEFORE INSERT OR UPDATE ON archive.document_collection
    FOR EACH ROW EXECUTE FUNCTION archive.fonds_part_copies_document();
CREATE TRIGGER document_link_copies_document BEFORE INSERT OR UPDATE ON archive.document_link
    FOR EACH ROW EXECUTE FUNCTION archive.fonds_part_copies_document();

-- After a document's visibility, embargo or deletion changes: its parts (and the links to it) copy it again.
CREATE FUNCTION archive.fonds_document_copied_to_parts() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    UPDATE archive.text SET doc_deleted = doc_deleted WHERE document_id = NEW.id;
    UPDATE archive.participant SET doc_deleted = doc_deleted WHERE document_id = NEW.id;
    UPDATE archive.media SET doc_deleted = doc_deleted WHERE document_id = NEW.id;
    UPDATE archive.annotation SET doc_deleted = doc_deleted WHERE document_id = NEW.id;
    UPDATE archive.document_subject SET doc_deleted = doc_deleted WHERE document_id = NEW.id;
    UPDATE archive.document_collection SET doc_deleted = doc_deleted WHERE document_id = NEW.id;
    UPDATE archive.document_link SET doc_deleted = doc_deleted
        WHERE document_id = NEW.id OR target_document_id = NEW.id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER document_copied_to_parts AFTER UPDATE OF visibility, embargo_until, deleted_at ON archive.document
    FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility
        OR OLD.embargo_until IS DISTINCT FROM NEW.embargo_until
        OR (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION archive.fonds_document_copied_to_parts();

-- Names: whether their agent or place is deleted.
CREATE FUNCTION archive.fonds_name_copies_owner() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'agent_name' THEN
        NEW.owner_deleted := coalesce((SELECT a.deleted_at IS NOT NULL FROM archive.agent a WHERE a.id = NEW.agent_id),
                                      false);
    ELSE
        NEW.owner_deleted := coalesce((SELECT p.deleted_at IS NOT NULL FROM archive.place p WHERE p.id = NEW.place_id),
                                      false);
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER agent_name_copies_owner BEFORE INSERT OR UPDATE ON archive.agent_name
    FOR EACH ROW EXECUTE FUNCTION archive.fonds_name_copies_owner();
CREATE TRIGGER place_name_copies_owner BEFORE INSERT OR UPDATE ON archive.place_name
    FOR EACH ROW EXECUTE FUNCTION archive.fonds_name_copies_owner();
CREATE FUNCTION archive.fonds_owner_copied_to_names() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = archive, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'agent' THEN
        UPDATE archive.agent_name SET owner_deleted = owner_deleted WHERE agent_id = NEW.id;
    ELSE
        UPDATE archive.place_name SET owner_deleted = owner_deleted WHERE place_id = NEW.id;
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER agent_copied_to_names AFTER UPDATE OF deleted_at ON archive.agent
    FOR EACH ROW WHEN ((OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION archive.fonds_owner_copied_to_names();
CREATE TRIGGER place_copied_to_names AFTER UPDATE OF deleted_at ON archive.place
    FOR EACH ROW WHEN ((OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL))
    EXECUTE FUNCTION archive.fonds_owner_copied_to_names();

-- The rows written before this migration get their copies now (the triggers fill them).
UPDATE archive.text SET doc_deleted = doc_deleted;
UPDATE archive.participant SET doc_deleted = doc_deleted;
UPDATE archive.media SET doc_deleted = doc_deleted;
UPDATE archive.annotation SET doc_deleted = doc_deleted;
UPDATE archive.document_subject SET doc_deleted = doc_deleted;
UPDATE archive.document_collection SET doc_deleted = doc_deleted;
UPDATE archive.document_link SET doc_deleted = doc_deleted;
UPDATE archive.agent_name SET owner_deleted = owner_deleted;
UPDATE archive.place_name SET owner_deleted = owner_deleted;

-- The parts of a document: not deleted themselves, and their document is one the view above shows (by the copies).
CREATE VIEW text AS SELECT * FROM archive.text t
    WHERE (t.deleted_at IS NULL AND NOT t.doc_deleted OR (SELECT fonds_caller_includes_deleted()))
      AND fonds_visible(t.doc_visibility, t.doc_embargo_until, (SELECT fonds_caller_role()));
CREATE VIEW participant AS SELECT * FROM archive.participant p
    WHERE (p.deleted_at IS NULL AND NOT p.doc_deleted OR (SELECT fonds_caller_includes_deleted()))
      AND fonds_visible(p.doc_visibility, p.doc_embargo_until, (SELECT fonds_caller_role()));
CREATE VIEW media AS SELECT * FROM archive.media m
    WHERE (m.deleted_at IS NULL AND NOT m.doc_deleted OR (SELECT fonds_caller_includes_deleted()))
      AND fonds_visible(m.doc_visibility, m.doc_embargo_until, (SELECT fonds_caller_role()));
CREATE VIEW annotation AS SELECT * FROM archive.annotation a
    WHERE (a.deleted_at IS NULL AND NOT a.doc_deleted OR (SELECT fonds_caller_includes_deleted()))
      AND fonds_visible(a.doc_visibility, a.doc_embargo_until, (SELECT fonds_caller_role()));
CREATE VIEW annotation_target AS SELECT * FROM archive.annotation_target g
    WHERE EXISTS (SELECT 1 FROM annotation a WHERE a.id = g.annotation_id);
CREATE VIEW document_subject AS SELECT * FROM archive.document_subject s
    WHERE (NOT s.doc_deleted OR (SELECT fonds_caller_includes_deleted()))
      AND fonds_visible(s.doc_visibility, s.doc_embargo_until, (SELECT fonds_caller_role()));
CREATE VIEW document_collection AS SELECT * FROM archive.document_collection c
    WHERE (NOT c.doc_deleted OR (SELECT fonds_caller_includes_deleted()))
      AND fonds_visible(c.doc_visibility, c.doc_embargo_until, (SELECT fonds_caller_role()));
-- A link is also hidden when the document it points to is hidden from the caller or deleted (the link comes back
-- when its target is restored).
CREATE VIEW document_link AS SELECT * FROM archive.document_link l
    WHERE (l.deleted_at IS NULL AND NOT l.doc_deleted OR (SELECT fonds_caller_includes_deleted()))
      AND fonds_visible(l.doc_visibility, l.doc_embargo_until, (SELECT fonds_caller_role()))
      AND (l.target_document_id IS NULL
           OR (NOT l.target_deleted OR (SELECT fonds_caller_includes_deleted()))
              AND fonds_visible(l.target_visibility, l.target_embargo_until, (SELECT fonds_caller_role())));

-- Agents, places, subjects and collections: not deleted; names of the agents and places that are.
CREATE VIEW agent AS SELECT * FROM archive.agent a
    WHERE a.deleted_at IS NULL OR (SELECT fonds_caller_includes_deleted());
CREATE VIEW agent_name AS SELECT * FROM archive.agent_name n
    WHERE NOT n.owner_deleted OR (SELECT fonds_caller_includes_deleted());
CREATE VIEW place AS SELECT * FROM archive.place p
    WHERE p.deleted_at IS NULL OR (SELECT fonds_caller_includes_deleted());
CREATE VIEW place_name AS SELECT * FROM archive.place_name n
    WHERE NOT n.owner_deleted OR (SELECT fonds_caller_includes_deleted());
CREATE VIEW subject AS SELECT * FROM archive.subject s
    WHERE s.deleted_at IS NULL OR (SELECT fonds_caller_includes_deleted());
CREATE VIEW collection AS SELECT * FROM archive.collection c
    WHERE c.deleted_at IS NULL OR (SELECT fonds_caller_includes_deleted());

-- Revisions: the history of a document or of one of its parts is seen by whoever may see that document, deleted or
-- not (its history stays readable; restoring it is the narrow path's); the history of agents, places, subjects
-- and collections by everyone.
-- (a document's own revisions name it in resource_id; document_id is that of a part's document). A link's revision
-- that points to a document hidden from the caller, or deleted, is hidden too, as the link is.
CREATE VIEW revision AS SELECT * FROM archive.revision r
    WHERE (CASE WHEN r.resource_type = 'DOCUMENT' THEN r.resource_id ELSE r.document_id END IS NULL
           OR EXISTS (SELECT 1 FROM archive.document d
               WHERE d.id = CASE WHEN r.resource_type = 'DOCUMENT' THEN r.resource_id ELSE r.document_id END
                 AND fonds_visible(d.visibility, d.embargo_until, (SELECT fonds_caller_role()))))
      AND (r.resource_type <> 'LINK' OR r.state ->> 'target_document_id' IS NULL
           OR EXISTS (SELECT 1 FROM document t WHERE t.id = CAST(r.state ->> 'target_document_id' AS uuid)));

-- Rows without a visibility of their own: reachable only through the API role's grants.
CREATE VIEW api_key AS SELECT * FROM archive.api_key;
CREATE VIEW idempotency_key AS SELECT * FROM archive.idempotency_key;
CREATE VIEW import_batch AS SELECT * FROM archive.import_batch;

-- Tombstones: the resources that only their deletion hides from the caller (deleted themselves, or parts of a
-- deleted document, of a document the caller may see). The minimum for "410 Gone rather than 404" and for the
-- history of what was deleted: the kind, the id and the document, nothing else. Read-only.
CREATE VIEW tombstone (resource_type, id, document_id) AS
    SELECT 'DOCUMENT', d.id, d.id FROM archive.document d
        WHERE d.deleted_at IS NOT NULL
          AND fonds_visible(d.visibility, d.embargo_until, (SELECT fonds_caller_role()))
    UNION ALL SELECT 'TEXT', x.id, x.document_id FROM archive.text x JOIN archive.document d ON d.id = x.document_id
        WHERE (x.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL)
          AND fonds_visible(d.visibility, d.embargo_until, (SELECT fonds_caller_role()))
    UNION ALL SELECT 'PARTICIPANT', x.id, x.document_id FROM archive.participant x
        JOIN archive.document d ON d.id = x.document_id
        WHERE (x.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL)
          AND fonds_visible(d.visibility, d.embargo_until, (SELECT fonds_caller_role()))
    UNION ALL SELECT 'LINK', x.id, x.document_id FROM archive.document_link x
        JOIN archive.document d ON d.id = x.document_id
        WHERE (x.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL)
          AND fonds_visible(d.visibility, d.embargo_until, (SELECT fonds_caller_role()))
    UNION ALL SELECT 'MEDIA', x.id, x.document_id FROM archive.media x JOIN archive.document d ON d.id = x.document_id
        WHERE (x.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL)
          AND fonds_visible(d.visibility, d.embargo_until, (SELECT fonds_caller_role()))
    UNION ALL SELECT 'ANNOTATION', x.id, x.document_id FROM archive.annotation x
        JOIN archive.document d ON d.id = x.document_id
        WHERE (x.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL)
          AND fonds_visible(d.visibility, d.embargo_until, (SELECT fonds_caller_role()))
    UNION ALL SELECT 'AGENT', x.id, NULL::uuid FROM archive.agent x WHERE x.deleted_at IS NOT NULL
    UNION ALL SELECT 'PLACE', x.id, NULL::uuid FROM archive.place x WHERE x.deleted_at IS NOT NULL
    UNION ALL SELECT 'SUBJECT', x.id, NULL::uuid FROM archive.subject x WHERE x.deleted_at IS NOT NULL
    UNION ALL SELECT 'COLLECTION', x.id, NULL::uuid FROM archive.collection x WHERE x.deleted_at IS NOT NULL;

-- The API role's grants are given by afterMigrate.sql, after every migration, to the role configured then.
