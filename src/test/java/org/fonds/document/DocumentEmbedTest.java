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

    @Test
    void unknownEmbedsAre400() {
        String doc = Documents.cable().create();
        malformed().queryParam("embed", "texts,everything").get("/documents/{d}", doc).then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("embed"));
    }
}
