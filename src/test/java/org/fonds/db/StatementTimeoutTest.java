package org.fonds.db;

import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.fonds.testing.Documents;
import org.junit.jupiter.api.Test;

/**
 * A statement that runs longer than fonds.db.statement-timeout is cancelled and answered with a 503 problem with
 * Retry-After, quickly, never a hang. The slow statement is a real one: an ordinary read waiting for a table another
 * transaction has locked (as a long migration or a bulk import would).
 */
@QuarkusTest
@TestProfile(StatementTimeoutTest.ShortTimeout.class)
class StatementTimeoutTest {

    public static class ShortTimeout implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fonds.db.statement-timeout", "500ms", "fonds.sample.load", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyPooledConnectionHasTheConfiguredTimeout() throws Exception {
        assertEquals("500ms", setting("statement_timeout"));
    }

    /** No parallel query workers by default (PostgreSQL's own default is 2): see fonds.db.parallel-workers-per-gather. */
    @Test
    void everyPooledConnectionRunsWithoutParallelWorkers() throws Exception {
        assertEquals("0", setting("max_parallel_workers_per_gather"));
    }

    /** A setting of a connection from the application's pool. */
    private String setting(String name) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void aStatementWaitingLongerThanTheTimeoutIs503WithRetryAfter() throws Exception {
        String doc = Documents.cable().create();
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("LOCK TABLE document IN ACCESS EXCLUSIVE MODE");
            }
            api().get("/documents/{id}", doc).then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("2"))
                    .body("type", equalTo("/problems/query-timeout"))
                    .time(lessThan(3000L));
            locker.rollback();
        }
        api().get("/documents/{id}", doc).then().statusCode(200);
        api().get("/problems/query-timeout").then().statusCode(200);
    }
}
