-- The views of V12 with the same rule, written so that it costs the planner and the executor what the hand-written
-- predicates of before V12 cost (issue 9: no hot read more than 10 % slower). Measured on the 1,000,000-document
-- benchmark corpus (EXPLAIN ANALYZE and pgbench as the API's role, anonymous caller), two costs:
--
-- 1. V12's fonds_visible was never inlined. PostgreSQL inlines a SQL function only while each argument its body uses
--    more than once is cheap and holds no sub-select; the views passed (SELECT fonds_caller_role()) and the body used
--    `role` three times. Each view then called the function on every row it filtered, as an opaque SQL function
--    (some microseconds a call: 200,000 rows took 1 s instead of 60 ms), and the planner, blind to it, estimated a
--    third of each table visible (EXPLAIN: `Filter: ... fonds_visible(d.visibility, d.embargo_until,
--    (InitPlan 2).col1)`, rows=25165 where 71010 pass). The searches paid it on every match they filtered.
-- 2. Planning. The filtered document list is planned at every execution (its generic plan costs more than a custom
--    one, so PostgreSQL keeps planning it, as it did before V12), and each view added two sub-selects (InitPlans),
--    each planned as a query of its own, and the inlining of the role function into them: planning took twice as
--    long as the execution, and pgbench ran the list at 3,800-4,400 transactions/s where the same statement over
--    the bare predicates ran at 6,000-7,200 (with a generic plan, which skips planning, both ran at ~9,000).
--
-- Now each view's predicate is plain SQL on the row's own columns, as the hand-written predicates were: the literal
-- arms (deleted_at IS NULL; visibility = 'PUBLISHED', or EMBARGOED from its day on) that the planner estimates from
-- the statistics, OR a call of a small PL/pgSQL function that reads the caller's role and is reached only for the
-- rows the literal arms do not admit (a deleted row, a document that is not yet public): it costs an anonymous
-- reader nothing on a published row, the planner neither inlines nor sub-plans it, and COST 1 tells it so. No
-- sub-select is left in the document and part views. fonds_visible, the one rule, is now a two-argument SQL function that
-- the planner inlines (its arguments are columns).
--
-- The views keep their names, columns, grants and updatability (single-table views with a WHERE clause); only their
-- predicate changes. V12's three-argument fonds_visible is dropped once no view uses it.

-- The caller sees documents of this visibility whatever their dates: contributors DRAFT; editors and administrators
-- everything (EMBARGOED before its day and RESTRICTED too); anonymous readers nothing beyond the literal arms of
-- fonds_visible; a missing or unknown fonds.role sees nothing more (fail closed, as fonds_caller_role() reads it).
-- PL/pgSQL so that it stays one call the planner does not look into; its body names only pg_catalog's functions
-- (a PL/pgSQL body is resolved when it runs, through the caller's search_path).
CREATE FUNCTION fonds_caller_sees(visibility text) RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE COST 1 AS $$
BEGIN
    RETURN visibility = ANY (CASE pg_catalog.current_setting('fonds.role', true)
        WHEN 'CONTRIBUTOR' THEN ARRAY['DRAFT']
        WHEN 'EDITOR' THEN ARRAY['DRAFT', 'EMBARGOED', 'RESTRICTED']
        WHEN 'ADMIN' THEN ARRAY['DRAFT', 'EMBARGOED', 'RESTRICTED']
        ELSE CAST(ARRAY[] AS text[]) END);
END;
$$;

-- The narrow path of history, as in V12 (fonds.include_deleted on for the transaction, and an editor or an
-- administrator), as one call the planner does not look into: the views reach it only for a deleted row.
CREATE OR REPLACE FUNCTION fonds_caller_includes_deleted() RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE COST 1 AS $$
BEGIN
    RETURN coalesce(pg_catalog.current_setting('fonds.include_deleted', true), '') = 'on'
        AND pg_catalog.current_setting('fonds.role', true) IN ('EDITOR', 'ADMIN');
END;
$$;

-- The one visibility rule: a document of this visibility and embargo day is seen by the caller. Anonymous readers
-- PUBLISHED, and EMBARGOED from the start of its day in the database's time zone (UTC); contributors also DRAFT;
-- editors and administrators everything. Inlined by the planner into each view (a single SQL expression whose
-- arguments are columns): the literal arms stand in the plan, the role's part is the call at the end.
CREATE FUNCTION fonds_visible(visibility text, embargo_until date) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN visibility = 'PUBLISHED'
        OR visibility = 'EMBARGOED' AND embargo_until <= CURRENT_DATE
        OR fonds_caller_sees(visibility);

CREATE OR REPLACE VIEW document AS SELECT * FROM archive.document d
    WHERE (d.deleted_at IS NULL OR fonds_caller_includes_deleted())
      AND fonds_visible(d.visibility, d.embargo_until);

CREATE OR REPLACE VIEW text AS SELECT * FROM archive.text t
    WHERE (t.deleted_at IS NULL AND NOT t.doc_deleted OR fonds_caller_includes_deleted())
      AND fonds_visible(t.doc_visibility, t.doc_embargo_until);
CREATE OR REPLACE VIEW participant AS SELECT * FROM archive.participant p
    WHERE (p.deleted_at IS NULL AND NOT p.doc_deleted OR fonds_caller_includes_deleted())
      AND fonds_visible(p.doc_visibility, p.doc_embargo_until);
CREATE OR REPLACE VIEW media AS SELECT * FROM archive.media m
    WHERE (m.deleted_at IS NULL AND NOT m.doc_deleted OR fonds_caller_includes_deleted())
      AND fonds_visible(m.doc_visibility, m.doc_embargo_until);
CREATE OR REPLACE VIEW annotation AS SELECT * FROM archive.annotation a
    WHERE (a.deleted_at IS NULL AND NOT a.doc_deleted OR fonds_caller_includes_deleted())
      AND fonds_visible(a.doc_visibility, a.doc_embargo_until);
CREATE OR REPLACE VIEW document_subject AS SELECT * FROM archive.document_subject s
    WHERE (NOT s.doc_deleted OR fonds_caller_includes_deleted())
      AND fonds_visible(s.doc_visibility, s.doc_embargo_until);
CREATE OR REPLACE VIEW document_collection AS SELECT * FROM archive.document_collection c
    WHERE (NOT c.doc_deleted OR fonds_caller_includes_deleted())
      AND fonds_visible(c.doc_visibility, c.doc_embargo_until);
CREATE OR REPLACE VIEW document_link AS SELECT * FROM archive.document_link l
    WHERE (l.deleted_at IS NULL AND NOT l.doc_deleted OR fonds_caller_includes_deleted())
      AND fonds_visible(l.doc_visibility, l.doc_embargo_until)
      AND (l.target_document_id IS NULL
           OR (NOT l.target_deleted OR fonds_caller_includes_deleted())
              AND fonds_visible(l.target_visibility, l.target_embargo_until));

CREATE OR REPLACE VIEW agent AS SELECT * FROM archive.agent a
    WHERE a.deleted_at IS NULL OR fonds_caller_includes_deleted();
CREATE OR REPLACE VIEW agent_name AS SELECT * FROM archive.agent_name n
    WHERE NOT n.owner_deleted OR fonds_caller_includes_deleted();
CREATE OR REPLACE VIEW place AS SELECT * FROM archive.place p
    WHERE p.deleted_at IS NULL OR fonds_caller_includes_deleted();
CREATE OR REPLACE VIEW place_name AS SELECT * FROM archive.place_name n
    WHERE NOT n.owner_deleted OR fonds_caller_includes_deleted();
CREATE OR REPLACE VIEW subject AS SELECT * FROM archive.subject s
    WHERE s.deleted_at IS NULL OR fonds_caller_includes_deleted();
CREATE OR REPLACE VIEW collection AS SELECT * FROM archive.collection c
    WHERE c.deleted_at IS NULL OR fonds_caller_includes_deleted();

-- As in V12 and V13 (annotation_target reads the annotation view above and is unchanged).
CREATE OR REPLACE VIEW revision AS SELECT * FROM archive.revision r
    WHERE (CASE WHEN r.resource_type = 'DOCUMENT' THEN r.resource_id ELSE r.document_id END IS NULL
           OR EXISTS (SELECT 1 FROM archive.document d
               WHERE d.id = CASE WHEN r.resource_type = 'DOCUMENT' THEN r.resource_id ELSE r.document_id END
                 AND fonds_visible(d.visibility, d.embargo_until)))
      AND (r.resource_type <> 'LINK' OR r.state ->> 'target_document_id' IS NULL
           OR EXISTS (SELECT 1 FROM document t WHERE t.id = CAST(r.state ->> 'target_document_id' AS uuid)));

CREATE OR REPLACE VIEW tombstone (resource_type, id, document_id) AS
    SELECT 'DOCUMENT', d.id, d.id FROM archive.document d
        WHERE d.deleted_at IS NOT NULL AND fonds_visible(d.visibility, d.embargo_until)
    UNION ALL SELECT 'TEXT', x.id, x.document_id FROM archive.text x JOIN archive.document d ON d.id = x.document_id
        WHERE (x.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL) AND fonds_visible(d.visibility, d.embargo_until)
    UNION ALL SELECT 'PARTICIPANT', x.id, x.document_id FROM archive.participant x
        JOIN archive.document d ON d.id = x.document_id
        WHERE (x.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL) AND fonds_visible(d.visibility, d.embargo_until)
    UNION ALL SELECT 'LINK', x.id, x.document_id FROM archive.document_link x
        JOIN archive.document d ON d.id = x.document_id
        WHERE (x.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL) AND fonds_visible(d.visibility, d.embargo_until)
    UNION ALL SELECT 'MEDIA', x.id, x.document_id FROM archive.media x JOIN archive.document d ON d.id = x.document_id
        WHERE (x.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL) AND fonds_visible(d.visibility, d.embargo_until)
    UNION ALL SELECT 'ANNOTATION', x.id, x.document_id FROM archive.annotation x
        JOIN archive.document d ON d.id = x.document_id
        WHERE (x.deleted_at IS NOT NULL OR d.deleted_at IS NOT NULL) AND fonds_visible(d.visibility, d.embargo_until)
    UNION ALL SELECT 'AGENT', x.id, NULL::uuid FROM archive.agent x WHERE x.deleted_at IS NOT NULL
    UNION ALL SELECT 'PLACE', x.id, NULL::uuid FROM archive.place x WHERE x.deleted_at IS NOT NULL
    UNION ALL SELECT 'SUBJECT', x.id, NULL::uuid FROM archive.subject x WHERE x.deleted_at IS NOT NULL
    UNION ALL SELECT 'COLLECTION', x.id, NULL::uuid FROM archive.collection x WHERE x.deleted_at IS NOT NULL;

DROP FUNCTION fonds_visible(text, date, text);
