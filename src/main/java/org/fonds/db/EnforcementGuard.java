package org.fonds.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Refuses to start when the API's database role could bypass the views that enforce visibility and soft deletion
 * (migration V12): a superuser, the owner of the tables in {@code archive} (or a member of the owner's role), or any
 * role that may use that schema reads every row of every table, and nothing would be enforced. The datasource's user
 * must be a role of its own; Flyway migrates as the owner ({@code quarkus.flyway.username}).
 */
@ApplicationScoped
public class EnforcementGuard {

    private static final Logger LOG = Logger.getLogger(EnforcementGuard.class);
    private static final String CHECK = "SELECT r.rolsuper, has_schema_privilege('archive', 'USAGE'), "
            + "EXISTS (SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "WHERE n.nspname IN ('archive', 'public') AND c.relkind IN ('r', 'v') "
            + "AND pg_has_role(c.relowner, 'USAGE')) FROM pg_roles r WHERE r.rolname = current_user";

    private final AgroalDataSource dataSource;

    public EnforcementGuard(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Right after the migrations and the statement timeout, before anything reads. */
    void check(@Observes @Priority(1) StartupEvent event) {
        String problem;
        try (Connection c = dataSource.getConnection()) {
            problem = problem(c, "QUARKUS_DATASOURCE_USERNAME");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the API's database role", e);
        }
        if (problem != null) {
            LOG.error(problem);
            throw new IllegalStateException(problem);
        }
    }

    /**
     * Why the role of connection {@code c} could bypass the views, or null when it cannot: also for the read replica's
     * connections ({@link Replica}), whose user is set by {@code usernameSetting}.
     */
    static String problem(Connection c, String usernameSetting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(CHECK)) {
            r.next();
            String problem = r.getBoolean(1) ? "is a superuser"
                    : r.getBoolean(2) ? "may use the schema archive"
                    : r.getBoolean(3) ? "owns (or is a member of the owner of) the tables or views"
                    : null;
            if (problem == null) {
                return null;
            }
            return "The API's database role " + c.getMetaData().getUserName() + " " + problem
                    + ", so it could bypass the views that hide what callers may not see: refusing to start. "
                    + "Give the datasource (" + usernameSetting + ") a role of its own and migrate as the owner "
                    + "(QUARKUS_FLYWAY_USERNAME); see the README.";
        }
    }
}
