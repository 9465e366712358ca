package org.fonds.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The views' visibility rule reaches the planner as plain SQL on the row's columns (migration V14), as hand-written
 * predicates would: V12's fonds_visible was not inlined (the planner refuses to inline a function whose body uses a
 * sub-select argument more than once), so it ran as a SQL function call on every row a list or a search filtered and
 * the planner guessed a third of every table visible; and each view's sub-selects of the caller's role were planned
 * anew with every statement (issue 9: the filtered list and the searches were up to 58 % slower than with
 * hand-written predicates). For every view the API's role reads, and every caller role, the plan shows the rule's
 * literal arms, no call of fonds_visible and no sub-plan of the documents and parts views.
 */
@QuarkusTest
class VisibilityRuleInlinedTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyViewsPlanFiltersByTheRulesBodyNotByACallOfIt() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> views = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                    + "ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'v' "
                    + "AND has_table_privilege(c.oid, 'SELECT') ORDER BY 1")) {
                while (r.next()) {
                    views.add(r.getString(1));
                }
            }
            assertTrue(views.containsAll(List.of("document", "text", "annotation", "revision", "tombstone")),
                    views.toString());
            for (String role : List.of("ANONYMOUS", "CONTRIBUTOR", "EDITOR", "ADMIN")) {
                s.execute("SELECT set_config('fonds.role', '" + role + "', false)");
                for (String view : views) {
                    String plan = plan(s, "SELECT * FROM public." + view);
                    assertFalse(plan.contains("fonds_visible"), view + " as " + role
                            + ": the planner did not inline the visibility rule:\n" + plan);
                    if (!List.of("revision", "tombstone", "annotation_target").contains(view)) { // EXISTS, UNION
                        assertFalse(plan.contains("InitPlan") || plan.contains("SubPlan"), view + " as " + role
                                + ": a sub-plan to plan with every statement:\n" + plan);
                    }
                }
                // the rule's literal first arm, which the planner estimates from the statistics
                assertTrue(plan(s, "SELECT * FROM public.document").contains("'PUBLISHED'::text"), role);
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
