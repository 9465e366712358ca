package org.fonds.db;

import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When no database connection can be had in time, requests get a 503 problem quickly, never a 500 or a hang. */
@QuarkusTest
@TestProfile(DatabaseUnavailableTest.TwoConnections.class)
class DatabaseUnavailableTest {

    public static class TwoConnections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", "2", "quarkus.datasource.jdbc.min-size", "0",
                    "quarkus.datasource.jdbc.acquisition-timeout", "1S", "fonds.sample.load", "false");
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anExhaustedPoolAnswers503WithRetryAfter() throws Exception {
        // the pool has two connections (Flyway needs two at start): hold both, once the work of the start (the fixity
        // backfill, on a thread of its own) has let go of the one it reads with
        try (Connection first = acquire(); Connection second = acquire()) {
            api().get("/documents").then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("1"))
                    .body("type", equalTo("/problems/service-unavailable"))
                    .time(lessThan(5000L));
        }
        api().get("/documents").then().statusCode(200);
    }

    private Connection acquire() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return dataSource.getConnection();
            } catch (java.sql.SQLException busy) {
                if (attempt == 30) {
                    throw busy;
                }
            }
        }
    }
}
