package org.fonds.link;

import org.fonds.testing.Api;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Documents;
import org.junit.jupiter.api.Test;

@QuarkusTest
class LinkResourceTest {

    @Test
    void aLinkKeepsTheReferenceAsWrittenWithOrWithoutATarget() {
        String post = Documents.of("ARTICLE").title("Soviet Cable Shows North Korea Was Well Equipped").create();
        String cable = Documents.cable().create();
        String cites = api().contentType(ContentType.JSON)
                .body(Map.of("type", "CITES", "target_document_id", cable,
                        "reference_as_written", "the May 30, 1950 Russian cable"))
                .post("/documents/{d}/links", post).then().statusCode(201)
                .body("target_document_id", equalTo(cable))
                .extract().path("id");
        String reply = api().contentType(ContentType.JSON)
                .body(Map.of("type", "REPLY_TO", "reference_as_written", "your telegram 164"))
                .post("/documents/{d}/links", cable).then().statusCode(201)
                .body("target_document_id", nullValue())
                .body("reference_as_written", equalTo("your telegram 164"))
                .extract().path("id");

        api().get("/documents/{d}/links", post).then().body("items.id", equalTo(List.of(cites)));
        api().queryParam("type", "CITES").get("/documents/{d}/links", cable).then().body("items", equalTo(List.of()));
        api().queryParam("type", "REPLY_TO").get("/documents/{d}/links", cable).then()
                .body("items.id", equalTo(List.of(reply)));
    }

    @Test
    void aLinkNeedsATargetOrAReferenceAndATargetThatExists() {
        String doc = Documents.cable().create();
        malformed().contentType(ContentType.JSON).body(Map.of("type", "CITES"))
                .post("/documents/{d}/links", doc).then().statusCode(422)
                .body("errors[0].field", equalTo("target_document_id"));
        api().contentType(ContentType.JSON)
                .body(Map.of("type", "CITES", "target_document_id", "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b"))
                .post("/documents/{d}/links", doc).then().statusCode(422)
                .body("errors[0].field", equalTo("target_document_id"));
        api().contentType(ContentType.JSON).body(Map.of("type", "CITES", "target_document_id", doc))
                .post("/documents/{d}/links", doc).then().statusCode(422);
    }

    @Test
    void replaceAndDeleteHonourIfMatch() {
        String doc = Documents.cable().create();
        Response created = api().contentType(ContentType.JSON)
                .body(Map.of("type", "REPLY_TO", "reference_as_written", "cable no. 16030"))
                .post("/documents/{d}/links", doc).then().statusCode(201).extract().response();
        String id = created.path("id");
        api().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(Map.of("type", "ENCLOSURE_OF", "reference_as_written", "cable no. 16030"))
                .put("/documents/{d}/links/{l}", doc, id).then().statusCode(200).body("type", equalTo("ENCLOSURE_OF"));
        api().header("If-Match", created.header("ETag")).delete("/documents/{d}/links/{l}", doc, id).then()
                .statusCode(412);
        api().header("If-Match", Api.etag("/documents/{d}/links/{l}", doc, id)).delete("/documents/{d}/links/{l}", doc, id).then().statusCode(204);
        api().get("/documents/{d}/links/{l}", doc, id).then().statusCode(410);
    }
}
