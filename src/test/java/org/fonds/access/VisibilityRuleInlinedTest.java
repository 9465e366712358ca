package org.fonds.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.fonds.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The views' visibility rule reaches the planner as plain SQL on the row's columns (migration V14), as hand-written
 * predicates would. V12's rule was a SQL function the planner could not inline (it refuses when a sub-select argument
 * is used more than once in the body), so it ran as a function call on every row a list or a search filtered and the
 * planner guessed a third of every table visible; and each view's sub-selects of the caller's role were planned anew
 * with every statement (issue 9: the filtered list and the searches were up to 58 % slower than with hand-written
 * predicates). For every view the API's role reads, and every caller role: no sub-plan in the views of documents,
 * their parts, agents, places, subjects and collections, and the rule's literal arm in the plan of each view of a
 * document or of its parts.
 */
@QuarkusTest
class VisibilityRuleInlinedTest {

    /** The views whose rule needs a sub-query by nature: a revision's or a tombstone's document, a target's note. */
    private static final List<String> WITH_SUB_QUERIES = List.of("revision", "tombstone", "annotation_target",
            "document_datestamp");

    private static final List<String> OF_A_DOCUMENT = List.of("document", "text", "participant", "media",
            "annotation", "document_subject", "document_collection", "document_link");

    @Test
    void everyViewFiltersByPlainSqlOnItsRow() throws SQLException {
        try (Connection c = EmbeddedPostgresResource.api(); Statement s = c.createStatement()) {
            List<String> views = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                    + "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'v' "
                    + "AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1")) {
                while (r.next()) {
                    views.add(r.getString(1));
                }
            }
            assertTrue(views.containsAll(OF_A_DOCUMENT), views.toString());
            for (String role : List.of("ANONYMOUS", "CONTRIBUTOR", "EDITOR", "ADMIN")) {
                s.execute("SELECT set_config('fonds.role', '" + role + "', false)");
                for (String view : views) {
                    String plan = plan(s, "SELECT * FROM public." + view);
                    if (!WITH_SUB_QUERIES.contains(view)) {
                        assertFalse(plan.contains("InitPlan") || plan.contains("SubPlan"), view + " as " + role
                                + ": a sub-plan, planned anew with every statement:\n" + plan);
                    }
                    if (OF_A_DOCUMENT.contains(view)) {
                        assertTrue(plan.contains("visibility = 'PUBLISHED'::text)"), view + " as " + role
                                + ": the planner does not see the rule's literal arm:\n" + plan);
                    }
                }
            }
        }
    }

    private static String plan(Statement s, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
            while (r.next()) {
                plan.append(r.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
