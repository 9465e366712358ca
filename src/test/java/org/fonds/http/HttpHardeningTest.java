package org.fonds.http;

import static io.restassured.RestAssured.given;
import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CORS from the configured allow-list only; security headers on every response, problems and Swagger UI included. */
@QuarkusTest
@TestProfile(HttpHardeningTest.OneAllowedOrigin.class)
class HttpHardeningTest {

    static final String ALLOWED = "https://archive.example.org";
    static final String REFUSED = "https://evil.example.com";

    public static class OneAllowedOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fonds.cors.origins", ALLOWED, "fonds.sample.load", "false");
        }
    }

    @Test
    void anAllowedOriginPassesPreflightAndSimpleRequests() {
        given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "if-match,content-type")
                .options("/documents/0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
        api().header("Origin", ALLOWED).get("/documents").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(ALLOWED))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
    }

    @Test
    void anyOtherOriginIsRefused() {
        given().header("Origin", REFUSED).header("Access-Control-Request-Method", "DELETE")
                .options("/documents").then()
                .header("Access-Control-Allow-Origin", nullValue())
                .statusCode(not(equalTo(200)));
        given().header("Origin", REFUSED).get("/documents").then()
                .header("Access-Control-Allow-Origin", nullValue())
                .statusCode(403);
    }

    @Test
    void securityHeadersOnJsonProblemsUnknownPathsAndTooLargeBodies() {
        apiHeaders(api().get("/documents").then().statusCode(200));
        apiHeaders(malformed().queryParam("limit", 0).get("/documents").then().statusCode(400))
                .header("Cache-Control", equalTo("no-store"));
        apiHeaders(malformed().get("/no/such/path").then().statusCode(404))
                .header("Cache-Control", equalTo("no-store"));
        apiHeaders(malformed().contentType("application/json").body("x".repeat(2 * 1024 * 1024))
                .post("/documents").then().statusCode(413))
                .header("Cache-Control", equalTo("no-store"));
        apiHeaders(api().get("/documents/0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b").then().statusCode(404))
                .header("Cache-Control", equalTo("no-store"));
        apiHeaders(given().get("/q/health/live").then().statusCode(200));
        // plain HTTP: HSTS would be meaningless
        given().get("/documents").then().header("Strict-Transport-Security", nullValue());
    }

    @Test
    void swaggerUiGetsAPolicyThatLetsItRunAndNothingMore() {
        given().get("/q/swagger-ui/").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", equalTo(SecurityHeaders.SWAGGER_UI_CSP));
    }

    @Test
    void theReadingRoomGetsItsOwnStrictPolicyAndTheApiKeepsItsOwn() {
        for (String path : new String[] {"/", "/index.html", "/reading-room/app.js", "/reading-room/icon.svg"}) {
            given().get(path).then().statusCode(200)
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Content-Security-Policy", equalTo(SecurityHeaders.READING_ROOM_CSP))
                    // unversioned file names: revalidated on every load, never "immutable"
                    .header("Cache-Control", equalTo("no-cache"));
        }
        String modified = given().get("/reading-room/app.js").then().extract().header("Last-Modified");
        given().header("If-Modified-Since", modified).get("/reading-room/app.js").then().statusCode(304);
        // scripts and styles from its own origin only: neither inline code nor inline styles
        assertThat(SecurityHeaders.READING_ROOM_CSP, allOf(containsString("script-src 'self';"),
                containsString("style-src 'self';"), not(containsString("unsafe"))));
        // the API beside it keeps default-src 'none'
        apiHeaders(given().get("/documents").then().statusCode(200));
        apiHeaders(given().get("/reading-roomx").then().statusCode(404));
    }

    private static ValidatableResponse apiHeaders(ValidatableResponse response) {
        return response.header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", equalTo(SecurityHeaders.API_CSP));
    }
}
