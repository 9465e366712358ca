package org.fonds.http;

import org.fonds.testing.Api;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.fonds.testing.Documents;
import org.junit.jupiter.api.Test;

/** Every kind of error, including those the framework raises itself, is an RFC 9457 problem. */
@QuarkusTest
class ProblemDetailsTest {

    private static final String PROBLEM = "application/problem+json";

    private static ValidatableResponse isProblem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType(PROBLEM)
                .body("type", equalTo("/problems/" + type))
                .body("status", equalTo(status))
                .body("title", not(equalTo("")))
                .body("detail", not(equalTo("")))
                .body(not(containsString("Exception")))
                .body(not(containsString("<html")));
    }

    @Test
    void unknownPathIs404() {
        isProblem(malformed().get("/no-such-collection").then(), 404, "unknown-path")
                .body("instance", equalTo("/no-such-collection"));
        isProblem(malformed().get("/q/no-such-thing").then(), 404, "unknown-path");
    }

    @Test
    void unknownIdIs404() {
        isProblem(api().get("/documents/{id}", "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b").then(), 404, "not-found")
                .body("detail", containsString("0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b"));
        isProblem(malformed().get("/documents/{id}", "not-a-uuid").then(), 404, "not-found")
                .body("detail", containsString("not-a-uuid"));
    }

    @Test
    void wrongMethodIs405() {
        isProblem(malformed().contentType(ContentType.JSON).body("{}").header("If-Match", Api.etag("/documents")).put("/documents").then(), 405,
                "method-not-allowed");
    }

    @Test
    void malformedJsonIs400() {
        isProblem(malformed().contentType(ContentType.JSON).body("{\"kind\": \"CABLE\", \"title\": ").post("/documents")
                .then(), 400, "malformed-request")
                .body("detail", containsString("not well-formed JSON"));
        isProblem(malformed().contentType(ContentType.JSON).body("[1, 2]").post("/documents").then(), 400,
                "malformed-request");
        isProblem(malformed().contentType(ContentType.JSON).post("/documents").then(), 400, "malformed-request");
    }

    @Test
    void unsupportedMediaTypeIs415() {
        isProblem(malformed().contentType(ContentType.XML).body("<document/>").post("/documents").then(), 415,
                "unsupported-media-type")
                .body("detail", containsString("application/xml"));
        String id = Documents.cable().create();
        // PATCH takes only JSON Merge Patch
        isProblem(malformed().contentType(ContentType.JSON).body("{}").header("If-Match", Api.etag("/documents/{id}", id)).patch("/documents/{id}", id).then(), 415,
                "unsupported-media-type");
    }

    @Test
    void jsonIsTheOnlyRepresentationAndTheDefault() {
        String id = Documents.cable().create();
        for (String path : new String[] {"/places", "/documents/" + id + "/texts", "/search/agents?q=Kim",
                "/dates/counts"}) {
            isProblem(malformed().accept("application/xml").get(path).then(), 406, "not-acceptable");
            api().accept("*/*").get(path).then().statusCode(200).contentType(ContentType.JSON);
        }
        isProblem(malformed().accept("text/html").contentType(ContentType.JSON).body("{\"label\": \"Trawlers\"}")
                .post("/subjects").then(), 406, "not-acceptable");
    }

    @Test
    void invalidFieldsAre422WithOneEntryPerField() {
        isProblem(malformed().contentType(ContentType.JSON)
                .body("{\"kind\":\"CABLE\",\"title\":\"  \",\"date\":\"1950-13-01\",\"languages\":[\"en\",\"not a tag\"]}")
                .post("/documents").then(), 422, "validation-failed")
                .body("errors", hasSize(3))
                .body("errors.field", hasItems("title", "date", "languages[1]"))
                .body("errors.find { it.field == 'date' }.message", containsString("month 13"));
    }

    @Test
    void wrongJsonTypesAndUnknownFieldsAre422NamingTheField() {
        isProblem(malformed().contentType(ContentType.JSON).body("{\"kind\":\"TWEET\",\"title\":\"x\"}")
                .post("/documents").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("kind"));
        isProblem(malformed().contentType(ContentType.JSON).body("{\"kind\":\"CABLE\",\"title\":[\"x\"]}")
                .post("/documents").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("title"));
        isProblem(malformed().contentType(ContentType.JSON).body("{\"kind\":\"CABLE\",\"title\":\"x\",\"author\":\"y\"}")
                .post("/documents").then(), 422, "validation-failed")
                .body("errors[0].field", equalTo("author"));
    }

    @Test
    void invalidQueryParametersAre400NamingTheParameter() {
        isProblem(malformed().queryParam("kind", "TWEET").get("/documents").then(), 400, "invalid-parameter")
                .body("errors[0].field", equalTo("kind"));
        isProblem(malformed().queryParam("date_from", "May 1950").get("/documents").then(), 400, "invalid-parameter")
                .body("errors[0].field", equalTo("date_from"));
        isProblem(malformed().queryParam("limit", 0).get("/documents").then(), 400, "invalid-parameter")
                .body("errors[0].field", equalTo("limit"));
        isProblem(api().queryParam("date_from", "1950-07-01").queryParam("date_to", "1950-06-01").get("/documents")
                .then(), 400, "invalid-parameter");
    }

    /** Found by ApiFuzzTest: PostgreSQL cannot store U+0000 in a text; that is the client's input, a 400, not a 500. */
    @Test
    void aNulCharacterIsA400AndStoresNothing() {
        String label = "NUL " + java.util.UUID.randomUUID();
        malformed().contentType(ContentType.JSON).body(java.util.Map.of("label", label, "scheme", "\u0000"))
                .post("/subjects").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/malformed-request"))
                .body("detail", containsString("NUL"));
        api().queryParam("label", label).get("/subjects").then().statusCode(200).body("items", hasSize(0));
        malformed().queryParam("q", "cable\u0000").get("/search/documents").then().statusCode(400);
    }

    @Test
    void bodyOverTheSizeLimitIs413() {
        String huge = "{\"kind\":\"CABLE\",\"title\":\"" + "a".repeat(1_100_000) + "\"}";
        isProblem(malformed().contentType(ContentType.JSON).body(huge).post("/documents").then(), 413,
                "payload-too-large");
    }

    @Test
    void staleIfMatchIs412() {
        String id = Documents.cable().create();
        isProblem(api().contentType(ContentType.JSON).header("If-Match", "\"999\"").body(Documents.cable().body())
                .put("/documents/{id}", id).then(), 412, "precondition-failed");
    }

    @Test
    void problemTypesAreDocumentedAtTheirUri() {
        api().get("/problems").then().statusCode(200)
                .body("items.type", hasItems("/problems/not-found", "/problems/validation-failed",
                        "/problems/precondition-failed", "/problems/payload-too-large"));
        api().get("/problems/precondition-failed").then().statusCode(200)
                .body("status", equalTo(412))
                .body("description", containsString("If-Match"));
        isProblem(api().get("/problems/no-such-problem").then(), 404, "not-found");
    }
}
