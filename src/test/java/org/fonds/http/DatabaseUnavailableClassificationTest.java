package org.fonds.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Which failures are "the database is not available now" (a 503 with Retry-After) rather than a bug (a 500): every
 * way PostgreSQL can be gone, however deeply the driver's exception is wrapped. DatabaseOutageIT shows the same
 * against a PostgreSQL really stopped under load.
 */
class DatabaseUnavailableClassificationTest {

    @Test
    void connectionFailuresAnywhereInTheChainAreUnavailability() {
        assertTrue(unavailable(new SQLException("Connection to localhost:5432 refused.", "08001")));
        assertTrue(unavailable(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertTrue(unavailable(new SQLException("This connection has been closed.", "08003")));
        assertTrue(unavailable(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(unavailable(new SQLException("the database system is shutting down", "57P03")));
        assertTrue(unavailable(new SQLException("Sorry, acquisition timeout!")));
        // a read replica cancelled a read to replay the primary's changes: retry (the next read may go elsewhere)
        assertTrue(unavailable(new SQLException("canceling statement due to conflict with recovery", "40001")));
        assertTrue(unavailable(new RuntimeException(new IllegalStateException(new ConnectException("refused")))));
        assertTrue(unavailable(new JDBCConnectionException("Unable to acquire JDBC Connection", new SQLException("x"))));
        // a failed rollback hides the original failure among the suppressed exceptions
        RuntimeException rollback = new RuntimeException("rollback failed");
        rollback.addSuppressed(new SQLException("the database system is shutting down", "57P03"));
        assertTrue(unavailable(rollback));
        SQLException batch = new SQLException("Batch entry 0 was aborted", "XX000");
        batch.setNextException(new SQLException("terminating connection", "57P01"));
        assertTrue(unavailable(batch));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(unavailable(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(unavailable(new SQLException("canceling statement due to statement timeout", "57014")));
        assertFalse(unavailable(new SQLException("could not serialize access due to concurrent update", "40001")));
        assertFalse(unavailable(new IllegalStateException("boom")));
        RuntimeException self = new RuntimeException("cycle");
        RuntimeException other = new RuntimeException(self);
        self.addSuppressed(other);
        assertFalse(unavailable(other));
    }

    private static boolean unavailable(Throwable e) {
        return ProblemMappers.databaseUnavailable(e);
    }
}
