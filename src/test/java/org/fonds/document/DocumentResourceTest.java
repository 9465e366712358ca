package org.fonds.document;

import org.fonds.testing.Api;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.testing.Documents;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void createThenReadReturnsEveryFieldWithLocationAndETag() {
        Response created = Documents.cable().set("summary", "Kim Il Sung is ready to attack at the end of June.")
                .post()
                .header("Location", containsString("/documents/"))
                .header("ETag", notNullValue())
                .body("kind", equalTo("CABLE"))
                .body("date", equalTo("1950-05-30"))
                .body("date_range.earliest", equalTo("1950-05-30"))
                .body("date_range.latest", equalTo("1950-05-30"))
                .body("date_range.uncertain", equalTo(false))
                .extract().response();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/documents/" + id));

        api().get("/documents/{id}", id).then()
                .statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("id", equalTo(id))
                .body("title", equalTo("Ciphered Telegram, Shtykov to Vyshinsky"))
                .body("summary", equalTo("Kim Il Sung is ready to attack at the end of June."))
                .body("languages", equalTo(List.of("ru")))
                .body("created_at", notNullValue())
                .body("updated_at", notNullValue());
    }

    @Test
    void uncertainAndIntervalDatesDeriveTheirRange() {
        Documents.cable().date("1950-05?").post()
                .body("date_range.earliest", equalTo("1950-05-01"))
                .body("date_range.latest", equalTo("1950-05-31"))
                .body("date_range.uncertain", equalTo(true))
                .body("date_range.approximate", equalTo(false));
        Documents.cable().date("1950-06-08/1950-06-10").post()
                .body("date_range.earliest", equalTo("1950-06-08"))
                .body("date_range.latest", equalTo("1950-06-10"));
        Documents.cable().date("1950-05-30T13:40+09:00").post()
                .body("date_range.earliest", equalTo("1950-05-30"));
    }

    @Test
    void conditionalGetAnswers304WhileTheETagIsCurrent() {
        String id = Documents.cable().create();
        String etag = api().get("/documents/{id}", id).then().statusCode(200).extract().header("ETag");

        api().header("If-None-Match", etag).get("/documents/{id}", id).then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyOrNullString());

        api().contentType(MERGE_PATCH).body("{\"title\":\"Changed\"}").header("If-Match", Api.etag("/documents/{id}", id)).patch("/documents/{id}", id).then().statusCode(200);
        api().header("If-None-Match", etag).get("/documents/{id}", id).then().statusCode(200);
    }

    @Test
    void putReplacesEveryFieldAndBumpsTheVersion() {
        String id = Documents.cable().create();
        String etag = api().get("/documents/{id}", id).then().extract().header("ETag");

        String newEtag = api().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Documents.of("LETTER").title("A letter").date("1956-09").language("zh").set("summary", null).body())
                .put("/documents/{id}", id).then()
                .statusCode(200)
                .body("kind", equalTo("LETTER"))
                .body("title", equalTo("A letter"))
                .body("languages", equalTo(List.of("zh")))
                .body("summary", nullValue())
                .body("date_range.latest", equalTo("1956-09-30"))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);

        api().get("/documents/{id}", id).then().body("title", equalTo("A letter")).header("ETag", equalTo(newEtag));
    }

    @Test
    void staleIfMatchIsRejectedWith412AndChangesNothing() {
        String id = Documents.cable().create();
        String etag = api().get("/documents/{id}", id).then().extract().header("ETag");
        api().contentType(MERGE_PATCH).header("If-Match", etag).body("{\"title\":\"First edit\"}")
                .patch("/documents/{id}", id).then().statusCode(200);

        api().contentType(MERGE_PATCH).header("If-Match", etag).body("{\"title\":\"Lost edit\"}")
                .patch("/documents/{id}", id).then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-failed"))
                .body("status", equalTo(412));
        api().contentType(ContentType.JSON).header("If-Match", etag).body(Documents.cable().body())
                .put("/documents/{id}", id).then().statusCode(412);
        api().header("If-Match", etag).delete("/documents/{id}", id).then().statusCode(412);

        api().get("/documents/{id}", id).then().statusCode(200).body("title", equalTo("First edit"));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFieldsAndNullClears() {
        String id = Documents.cable().set("summary", "to be cleared").create();
        api().contentType(MERGE_PATCH).body("{\"date\":\"1950-06~\",\"summary\":null}")
                .header("If-Match", Api.etag("/documents/{id}", id)).patch("/documents/{id}", id).then()
                .statusCode(200)
                .body("title", equalTo("Ciphered Telegram, Shtykov to Vyshinsky"))
                .body("date", equalTo("1950-06~"))
                .body("date_range.approximate", equalTo(true))
                .body("summary", nullValue());
    }

    @Test
    void mergePatchResultIsValidatedLikeAPut() {
        String id = Documents.cable().create();
        api().contentType(MERGE_PATCH).body("{\"title\":null,\"date\":\"1950-02-30\"}")
                .header("If-Match", Api.etag("/documents/{id}", id)).patch("/documents/{id}", id).then()
                .statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", hasItem("title"))
                .body("errors.field", hasItem("date"));
        api().get("/documents/{id}", id).then().body("date", equalTo("1950-05-30"));
    }

    @Test
    void deleteRemovesTheDocument() {
        String id = Documents.cable().create();
        String etag = api().get("/documents/{id}", id).then().extract().header("ETag");
        api().header("If-Match", etag).delete("/documents/{id}", id).then().statusCode(204);
        api().get("/documents/{id}", id).then().statusCode(410).body("type", equalTo("/problems/gone"));
        api().header("If-Match", "\"1\"").delete("/documents/{id}", id).then().statusCode(410);
    }

    @Test
    void listPagesThroughEveryDocumentOnceInAStableOrder() {
        String language = "x-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(Documents.cable().title("Page test " + i).language(language).create());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = api().queryParam("language", language).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/documents").then().statusCode(200).body("limit", equalTo(3)).extract().response();
            seen.addAll(page.path("items.id"));
            cursor = page.path("next");
            pages++;
        } while (cursor != null);
        assertEquals(3, pages);
        assertEquals(created, seen);
        assertEquals(new HashSet<>(seen).size(), seen.size());
    }

    @Test
    void listPagesLinkToTheirNextPage() {
        String language = "x-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Documents.cable().title("Link test " + i).language(language).create());
        }
        List<String> seen = new ArrayList<>();
        Response page = api().queryParam("language", language).queryParam("limit", 2).get("/documents").then()
                .statusCode(200).extract().response();
        for (int pages = 1; pages <= 3; pages++) {
            seen.addAll(page.path("items.id"));
            String nextUrl = page.path("next_url");
            if (pages == 3) {
                assertNull(nextUrl);
                assertNull(page.getHeader("Link"), "a Link on the last page");
                break;
            }
            // the Link header and next_url name the same URL: this request with only the cursor changed
            assertEquals("<" + nextUrl + ">; rel=\"next\"", page.getHeader("Link"));
            java.net.URI next = java.net.URI.create(nextUrl);
            assertEquals("/documents", next.getPath());
            assertTrue(next.getQuery().contains("language=" + language) && next.getQuery().contains("limit=2")
                    && next.getQuery().contains("cursor=" + page.path("next")), nextUrl);
            page = api().get(next.getRawPath() + "?" + next.getRawQuery()).then().statusCode(200).extract().response();
        }
        assertEquals(created, seen);
    }

    @Test
    void listFiltersByKindLanguageAndOverlappingDateRange() {
        String language = "x-" + UUID.randomUUID().toString().substring(0, 8);
        String may30 = Documents.cable().language(language).date("1950-05-30").create();
        String mayUncertain = Documents.cable().language(language).date("1950-05?").create();
        String june = Documents.of("MEMORANDUM").language(language).date("1950-06-08/1950-06-10").create();
        Documents.of("LETTER").language(language).date("1956-09").create();

        api().queryParam("language", language).queryParam("date_from", "1950-05-30").queryParam("date_to", "1950-06-08")
                .get("/documents").then().statusCode(200)
                .body("items.id", equalTo(List.of(may30, mayUncertain, june)));
        api().queryParam("language", language).queryParam("kind", "MEMORANDUM")
                .get("/documents").then().body("items.id", equalTo(List.of(june)));
        api().queryParam("language", language).queryParam("date_to", "1950-05-15")
                .get("/documents").then().body("items.id", equalTo(List.of(mayUncertain)));
        api().queryParam("language", language).queryParam("limit", 100)
                .get("/documents").then().body("items", hasSize(4)).body("next", nullValue());

        // written at a place
        String pyongyang = org.fonds.testing.Places.pyongyang().create();
        String fromPyongyang = Documents.cable().language(language).set("place_of_origin_id", pyongyang).create();
        api().queryParam("place_id", pyongyang).queryParam("language", language)
                .get("/documents").then().statusCode(200).body("items.id", equalTo(List.of(fromPyongyang)));
        api().queryParam("place_id", UUID.randomUUID()).get("/documents").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void aCursorOnlyWorksForTheListingItWasIssuedFor() {
        String language = "x-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            Documents.cable().language(language).create();
        }
        String next = api().queryParam("language", language).queryParam("limit", 1).get("/documents").then()
                .extract().path("next");

        api().queryParam("language", "en").queryParam("limit", 1).queryParam("cursor", next)
                .get("/documents").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-cursor"));

        String tampered = next.substring(0, 5) + (next.charAt(5) == 'A' ? 'B' : 'A') + next.substring(6);
        api().queryParam("language", language).queryParam("limit", 1).queryParam("cursor", tampered)
                .get("/documents").then()
                .statusCode(400)
                .body("type", equalTo("/problems/invalid-cursor"));
    }

    @Test
    void pageSizeHasADefaultAndAMaximum() {
        api().get("/documents").then().statusCode(200).body("limit", equalTo(20));
        malformed().queryParam("limit", 101).get("/documents").then()
                .statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void filtersAreCheckedAsTheSearchChecksThem() {
        // the same checks, and the same problems, as GET /search/documents (QueryChecks)
        for (String path : new String[] {"/documents", "/search/documents"}) {
            String q = path.startsWith("/search") ? "cable" : null;
            api().queryParam("date_from", "1950-06-01").queryParam("date_to", "1950-05-01").queryParams(query(q))
                    .get(path).then()
                    .statusCode(400)
                    .body("type", equalTo("/problems/invalid-parameter"))
                    .body("errors[0].field", equalTo("date_to"));
            api().queryParam("language", "not a tag").queryParams(query(q)).get(path).then()
                    .statusCode(400)
                    .body("type", equalTo("/problems/invalid-parameter"))
                    .body("errors[0].field", equalTo("language"));
        }
        api().queryParam("language", "ko-Hang").get("/documents").then().statusCode(200);
    }

    private static Map<String, String> query(String q) {
        return q == null ? Map.of() : Map.of("q", q);
    }

    @Test
    void idsAreTimeOrderedUuidsSoTheDefaultOrderIsCreationOrder() {
        String previous = null;
        for (int i = 0; i < 5; i++) {
            String id = Documents.cable().create();
            assertEquals(7, UUID.fromString(id).version());
            if (previous != null) {
                assertTrue(id.compareTo(previous) > 0, id + " sorts after " + previous);
            }
            previous = id;
        }
    }
}
