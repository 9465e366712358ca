package org.fonds.document;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Documents;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentEmbedTest {

    @Test
    void oneCallReturnsTheDocumentWithWhatItEmbeds() {
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        api().contentType(ContentType.JSON)
                .body(Map.of("url", "https://archive.example.org/p1.jpg", "media_type", "image/jpeg", "page_number", 1))
                .post("/documents/{d}/media", doc).then().statusCode(201);

        api().get("/documents/{d}", doc).then().statusCode(200)
                .body("$", not(hasKey("texts")))
                .body("$", not(hasKey("media")));
        api().queryParam("embed", "texts,media,links").get("/documents/{d}", doc).then().statusCode(200)
                .body("texts.id", equalTo(List.of(text)))
                .body("texts[0].paragraphs", hasSize(4))
                .body("media", hasSize(1))
                .body("links", hasSize(0))
                .body("$", not(hasKey("participants")));
        api().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200)
                .body("participants", hasSize(0));
    }

    @Test
    void theETagOfAnEmbeddingResponseChangesWithWhatItEmbeds() {
        String doc = Documents.cable().create();
        var created = Texts.opening().post(doc).extract().response();
        String before = api().queryParam("embed", "texts").get("/documents/{d}", doc).then().extract().header("ETag");
        api().queryParam("embed", "texts").header("If-None-Match", before).get("/documents/{d}", doc).then()
                .statusCode(304);
        api().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(Texts.empty().section(null, "A corrected translation.").body())
                .put("/documents/{d}/texts/{t}", doc, created.path("id")).then().statusCode(200);
        String after = api().queryParam("embed", "texts").header("If-None-Match", before).get("/documents/{d}", doc)
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(before, after);
    }

    /**
     * embed=all is read in one statement (DocumentReader), the sub-resources' own endpoints through Hibernate: the
     * same document must come out the same both ways, on the sample cable (texts, participants, every annotation type
     * with targets, marginalia and mentions) and on a document with media and a link.
     */
    @Test
    @SuppressWarnings("unchecked")
    void embeddingGivesWhatTheSubResourcesGive() {
        List<Map<String, Object>> cables = api().queryParam("kind", "CABLE").queryParam("date_from", "1950-05-30")
                .queryParam("date_to", "1950-05-30").queryParam("limit", 100).get("/documents").then().statusCode(200)
                .extract().path("items");
        String other = Documents.cable().create();
        Texts.opening().create(other);
        api().contentType(ContentType.JSON)
                .body(Map.of("url", "https://archive.example.org/p1.jpg", "media_type", "image/jpeg", "page_number", 1,
                        "caption", "Page one"))
                .post("/documents/{d}/media", other).then().statusCode(201);
        api().contentType(ContentType.JSON).body(Map.of("type", "CITES", "reference_as_written", "cable no. 16030"))
                .post("/documents/{d}/links", other).then().statusCode(201);
        List<String> ids = new java.util.ArrayList<>(cables.stream().map(d -> (String) d.get("id")).toList());
        ids.add(other);
        for (String doc : ids) {
            var whole = api().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200).extract()
                    .jsonPath();
            var plain = api().get("/documents/{d}", doc).then().statusCode(200).extract().jsonPath();
            Map<String, Object> document = new java.util.HashMap<>(whole.getMap("$"));
            for (String kind : List.of("texts", "participants", "links", "media", "annotations")) {
                Object embedded = document.remove(kind);
                Object listed = api().queryParam("limit", 100).get("/documents/{d}/" + kind, doc).then()
                        .statusCode(200).extract().path("items");
                org.junit.jupiter.api.Assertions.assertEquals(listed, embedded, kind + " of " + doc);
            }
            // the links of other documents to this one: each as the linking document gives it
            List<Map<String, Object>> linkedFrom = (List<Map<String, Object>>) document.remove("linked_from");
            for (Map<String, Object> link : linkedFrom) {
                org.junit.jupiter.api.Assertions.assertEquals(doc, link.get("target_document_id"));
                Object given = api().get("/documents/{d}/links/{l}", link.get("document_id"), link.get("id")).then()
                        .statusCode(200).extract().path("$");
                org.junit.jupiter.api.Assertions.assertEquals(given, link, "linked_from of " + doc);
            }
            org.junit.jupiter.api.Assertions.assertEquals(plain.getMap("$"), document, "document " + doc);
        }
        org.junit.jupiter.api.Assertions.assertTrue(cables.size() > 0);
    }

    @Test
    void unknownEmbedsAre400() {
        String doc = Documents.cable().create();
        malformed().queryParam("embed", "texts,everything").get("/documents/{d}", doc).then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("embed"));
    }
}
