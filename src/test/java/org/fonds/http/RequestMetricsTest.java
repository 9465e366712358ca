package org.fonds.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The Prometheus endpoint carries the request durations as a histogram with the configured buckets. */
@QuarkusTest
class RequestMetricsTest {

    @Test
    void requestDurationsAreAHistogram() {
        given().get("/documents").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("# TYPE http_server_requests_seconds histogram"))
                // the documents list counted in the 10 s bucket (every request is), and the 5 ms bucket present
                .body(matchesPattern("(?s).*http_server_requests_seconds_bucket\\{[^}]*uri=\"/documents\"[^}]*"
                        + "le=\"10\\.0\"[^}]*} [1-9].*"))
                .body(containsString("le=\"0.005\""));
    }
}
