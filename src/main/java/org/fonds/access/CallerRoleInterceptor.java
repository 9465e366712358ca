package org.fonds.access;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.fonds.db.Replica;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Tells the database who is calling: every connection handed out by the pool carries the setting {@code fonds.role} of
 * the {@link Caller} of this thread, which the views of the schema (migration V12) read to hide what the caller may not
 * see, and {@code fonds.include_deleted} off (only {@link Access#includeDeletedRows} opens it, for one transaction,
 * with {@code set_config(..., true)}, which ends with it). The read replica's connections ({@link Replica}) get it too:
 * Quarkus gives a named datasource's pool the interceptors qualified with its name ({@link #onTheReplica}).
 *
 * <p>Each physical connection remembers the role it was last given by a statement that committed (issue 13: most
 * requests are anonymous, and a round trip on each acquisition was a third of a cached document's cost). Only a
 * statement run in autocommit mode is remembered: a session setting made inside a transaction reverts when that
 * transaction rolls back, so a connection whose setting ran in one is set again at its next acquisition. Agroal calls
 * this before it enlists the connection in a transaction. Nothing else in Fonds sets {@code fonds.role} or
 * {@code fonds.include_deleted} at session level (tests that do use a connection outside the pool), and a connection
 * the pool replaces is a new object, which is set on its first acquisition.
 */
@ApplicationScoped
public class CallerRoleInterceptor implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(CallerRoleInterceptor.class);

    private final Caller caller;

    /** The role each physical connection's session holds, set by a committed statement (weak: closed ones go). */
    private final Map<PGConnection, Role> committed = Collections.synchronizedMap(new WeakHashMap<>());

    public CallerRoleInterceptor(Caller caller) {
        this.caller = caller;
    }

    /** The same interceptor for the pool of the read replica (its views read {@code fonds.role} as the primary's). */
    @Produces
    @Dependent
    @DataSource(Replica.DATASOURCE)
    static AgroalPoolInterceptor onTheReplica(CallerRoleInterceptor interceptor) {
        return interceptor;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        Role role = caller.role();
        PGConnection physical = null;
        try {
            physical = connection.unwrap(PGConnection.class); // the driver's connection, the same on every borrow
            if (committed.get(physical) == role) {
                return;
            }
            committed.remove(physical);
            // and the narrow path of history closed, whatever a previous borrower left in the session
            try (PreparedStatement s = connection.prepareStatement(
                    "SELECT set_config('fonds.role', ?, false), set_config('fonds.include_deleted', 'off', false)")) {
                s.setString(1, role.name());
                s.execute();
            }
            if (connection.getAutoCommit()) {
                committed.put(physical, role);
            }
        } catch (SQLException e) {
            // A connection whose role could not be set must not be used: it would read as its previous borrower. Its
            // socket is closed here rather than an exception thrown: the statements of the request then fail as on any
            // broken connection (SQLSTATE 08003, a 503 to retry), and the pool replaces it. An exception at this point
            // would leave the connection enlisted in the request's transaction, and the next acquisition of the same
            // transaction would fail to enlist another one (a 500; DatabaseOutageIT).
            try {
                ((Connection) (physical != null ? physical : connection.unwrap(PGConnection.class))).close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            LOG.debugf(e, "Closed a connection whose caller role could not be set");
        }
    }
}
