package org.fonds.access;

import io.agroal.api.AgroalPoolInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Tells the database who is calling: every connection handed out by the pool first gets the setting
 * {@code fonds.role} of the {@link Caller} of this thread, which the views of the schema (migration V12) read to
 * hide what the caller may not see, and {@code fonds.include_deleted} off (only {@link Access#includeDeletedRows}
 * opens it, for one transaction). Set on every acquisition, never cached: a session setting made inside a
 * transaction that rolls back reverts to the previous borrower's value, so a cache of "what is set" could go stale
 * and leak; one round trip per acquisition is the price.
 */
@ApplicationScoped
public class CallerRoleInterceptor implements AgroalPoolInterceptor {

    private final Caller caller;

    public CallerRoleInterceptor(Caller caller) {
        this.caller = caller;
    }

    @Override
    public void onConnectionAcquire(Connection connection) {
        // and the narrow path of history closed, whatever a previous borrower left in the session
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT set_config('fonds.role', ?, false), set_config('fonds.include_deleted', 'off', false)")) {
            s.setString(1, caller.role().name());
            s.execute();
        } catch (SQLException e) {
            // a connection whose role could not be set must not be used: it would read as its previous borrower. It is
            // a broken connection (SQLSTATE class 08), whatever the driver said: the request gets a 503 to retry.
            throw new IllegalStateException("Could not set the caller's role on a database connection",
                    new SQLNonTransientConnectionException(e.getMessage(), "08006", e));
        }
    }
}
