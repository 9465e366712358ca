package org.fonds.access;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.agroal.DataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.fonds.db.Replica;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Tells the database who is calling: every connection handed out by the pool first gets the setting
 * {@code fonds.role} of the {@link Caller} of this thread, which the views of the schema (migration V12) read to
 * hide what the caller may not see, and {@code fonds.include_deleted} off (only {@link Access#includeDeletedRows}
 * opens it, for one transaction). Set on every acquisition, never cached: a session setting made inside a
 * transaction that rolls back reverts to the previous borrower's value, so a cache of "what is set" could go stale
 * and leak; one round trip per acquisition is the price. The read replica's connections ({@link Replica}) get it too:
 * Quarkus gives a named datasource's pool the interceptors qualified with its name ({@link #onTheReplica}).
 */
@ApplicationScoped
public class CallerRoleInterceptor implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(CallerRoleInterceptor.class);

    private final Caller caller;

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
        // and the narrow path of history closed, whatever a previous borrower left in the session
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT set_config('fonds.role', ?, false), set_config('fonds.include_deleted', 'off', false)")) {
            s.setString(1, caller.role().name());
            s.execute();
        } catch (SQLException e) {
            // A connection whose role could not be set must not be used: it would read as its previous borrower. Its
            // socket is closed here rather than an exception thrown: the statements of the request then fail as on any
            // broken connection (SQLSTATE 08003, a 503 to retry), and the pool replaces it. An exception at this point
            // would leave the connection enlisted in the request's transaction, and the next acquisition of the same
            // transaction would fail to enlist another one (a 500; DatabaseOutageIT).
            try {
                ((Connection) connection.unwrap(PGConnection.class)).close(); // the driver's, not the pool's wrapper
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            LOG.debugf(e, "Closed a connection whose caller role could not be set");
        }
    }
}
