package org.fonds.media;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Documents;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MediaResourceTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void aPageImageHasItsPageChecksumAndCaption() {
        String doc = Documents.cable().create();
        String id = api().contentType(ContentType.JSON)
                .body(Map.of("url", "https://archive.example.org/cable/page-1.jpg", "media_type", "image/jpeg",
                        "page_number", 1, "sha256", SHA, "caption", "First page of the cable"))
                .post("/documents/{d}/media", doc).then().statusCode(201)
                .body("page_number", equalTo(1))
                .body("sha256", equalTo(SHA))
                .extract().path("id");
        api().get("/documents/{d}/media/{m}", doc, id).then().statusCode(200)
                .body("caption", equalTo("First page of the cable"))
                .body("depicted_agent_ids", equalTo(List.of()));
        api().get("/documents/{d}/media", doc).then().body("items.id", equalTo(List.of(id)));
    }

    @Test
    void invalidMediaAre422() {
        String doc = Documents.cable().create();
        malformed().contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://x", "media_type", "jpeg", "page_number", 0, "sha256", "ABC",
                        "depicted_agent_ids", List.of("0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b")))
                .post("/documents/{d}/media", doc).then().statusCode(422)
                .body("errors.field", hasItems("url", "media_type", "page_number", "sha256"));
        api().contentType(ContentType.JSON)
                .body(Map.of("url", "https://x.org/p.jpg", "media_type", "image/jpeg",
                        "depicted_agent_ids", List.of("0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b")))
                .post("/documents/{d}/media", doc).then().statusCode(422)
                .body("errors[0].field", equalTo("depicted_agent_ids"));
    }
}
