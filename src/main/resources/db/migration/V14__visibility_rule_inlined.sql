-- The visibility rule of V12, written so that the planner inlines it (issue 9: no hot read more than 10 % slower).
--
-- PostgreSQL inlines a SQL function into the query that calls it only when each argument that the body uses more
-- than once is cheap and holds no sub-select. Every view calls fonds_visible with (SELECT fonds_caller_role()), and
-- V12's body used `role` three times: the function was never inlined. Each view then called it once per row as an
-- opaque SQL function (some microseconds each: the filtered document list, which walks the documents in id order
-- until its page is full, and the searches, which filter thousands of matches of a common word, paid it on every
-- row), and the planner, which cannot see into it, estimated a third of every table visible and chose its plans on
-- that guess (EXPLAIN showed `Filter: ... fonds_visible(d.visibility, d.embargo_until, (InitPlan 2).col1)`).
--
-- The same rule, the same signature (the views stay as they are), with `role` used once: in the simple CASE that
-- names the visibilities a role sees regardless of dates. Inlined, a view's filter is plain SQL on the row's columns
-- (`visibility = 'PUBLISHED' OR visibility = 'EMBARGOED' AND embargo_until <= CURRENT_DATE OR visibility = ANY
-- (CASE (InitPlan).col1 WHEN ...)`): its first arms are literals whose share the planner reads from the statistics,
-- as with the hand-written predicates of before V12, and the role, read once per statement, is consulted only for the
-- rows those arms do not admit. A searched CASE (WHEN role IN (...)) would use `role` again and undo it; the
-- test org.fonds.access.VisibilityRuleInlinedTest fails when the views' plans show the function instead of its body.
CREATE OR REPLACE FUNCTION fonds_visible(visibility text, embargo_until date, role text) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
    RETURN visibility = 'PUBLISHED'
        OR visibility = 'EMBARGOED' AND embargo_until <= CURRENT_DATE
        OR visibility = ANY (CASE role
            WHEN 'CONTRIBUTOR' THEN ARRAY['DRAFT']
            WHEN 'EDITOR' THEN ARRAY['DRAFT', 'EMBARGOED', 'RESTRICTED']
            WHEN 'ADMIN' THEN ARRAY['DRAFT', 'EMBARGOED', 'RESTRICTED']
            ELSE CAST(ARRAY[] AS text[]) END);
