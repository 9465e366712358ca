-- The representation a revision's state is stored in. A resource type's view can change shape; its service then
-- declares a new representation and the step that upgrades a state from the previous one, so that reading or
-- restoring an old revision still gives (and applies) the current shape. Every state stored so far is the first
-- representation of its type.
ALTER TABLE archive.revision
    ADD COLUMN representation integer NOT NULL DEFAULT 1 CHECK (representation >= 0);

-- The view lists the table's columns as they were (V12): the same view, with the new column at the end.
CREATE OR REPLACE VIEW revision AS SELECT * FROM archive.revision r
    WHERE (CASE WHEN r.resource_type = 'DOCUMENT' THEN r.resource_id ELSE r.document_id END IS NULL
           OR EXISTS (SELECT 1 FROM archive.document d
               WHERE d.id = CASE WHEN r.resource_type = 'DOCUMENT' THEN r.resource_id ELSE r.document_id END
                 AND fonds_visible(d.visibility, d.embargo_until, (SELECT fonds_caller_role()))))
      AND (r.resource_type <> 'LINK' OR r.state ->> 'target_document_id' IS NULL
           OR EXISTS (SELECT 1 FROM document t WHERE t.id = CAST(r.state ->> 'target_document_id' AS uuid)));
