package org.fonds.http;

import org.fonds.access.Role;
import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.Map;
import org.fonds.testing.Documents;
import org.junit.jupiter.api.Test;

/** Over its rate limit, a client gets 429 problems with Retry-After; reads and writes are counted apart. */
@QuarkusTest
@TestProfile(RateLimitTest.LowLimits.class)
class RateLimitTest {

    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // %test: application.properties turns the limit off for the other tests with a %test key, which a plain
            // key would not override
            return Map.of("%test.fonds.rate-limit.enabled", "true",
                    "fonds.rate-limit.reads.per-second", "0.05", "fonds.rate-limit.reads.burst", "3",
                    "fonds.rate-limit.writes.per-second", "0.05", "fonds.rate-limit.writes.burst", "2",
                    "fonds.sample.load", "false");
        }
    }

    @Test
    void aClientOverItsLimitGets429WithRetryAfterUntilItsBucketRefills() {
        drainReads();
        api().get("/documents").then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9]|1[0-9]|20"))
                // the IETF draft's fields: a bucket of 3 that refills in 60 s (0.05/s), nothing left, Retry-After
                .header("RateLimit-Policy", equalTo("\"reads\";q=3;w=60"))
                .header("RateLimit", matchesPattern("\"reads\";r=0;t=([1-9]|1[0-9]|20)"))
                .body("type", equalTo("/problems/too-many-requests"))
                .body("status", equalTo(429))
                .body("instance", equalTo("/documents"));

        // writes have their own bucket: the reads used up do not stop them, but a third one soon after does (one write per 20 s)
        Documents.cable().create();
        Documents.cable().create();
        api().contentType("application/json").body(Documents.cable().body()).post("/documents").then()
                .statusCode(429)
                .header("Retry-After", matchesPattern("[1-9][0-9]?"))
                .header("RateLimit-Policy", equalTo("\"writes\";q=2;w=40"))
                .header("RateLimit", matchesPattern("\"writes\";r=0;t=[1-9][0-9]?"))
                .body("type", equalTo("/problems/too-many-requests"));
        // (that a token is back after Retry-After is RateLimiterTest's, with a clock of its own: no sleeping here)
    }

    /** Reads until the bucket is empty (at most burst + what refills meanwhile); the last was 429. */
    private static void drainReads() {
        for (int i = 0; i < 20; i++) {
            // unvalidated, so fast that the bucket empties faster than it fills; as the same client as api(), whose bucket
            // is its token's subject (an anonymous client's is its address)
            Response r = RestAssured.given().auth().oauth2(org.fonds.testing.Api.token(org.fonds.access.Role.EDITOR))
                    .get("/documents");
            if (r.statusCode() == 429) {
                return;
            }
            r.then().statusCode(200);
        }
        throw new AssertionError("20 reads in a row were allowed with a burst of 3 and one per 20 s");
    }
}
