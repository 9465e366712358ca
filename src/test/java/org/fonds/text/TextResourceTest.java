package org.fonds.text;

import org.fonds.testing.Api;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.fonds.testing.Documents;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TextResourceTest {

    @Test
    void aTextIsSectionsOfParagraphsWithACanonicalContent() {
        String doc = Documents.cable().create();
        Response created = Texts.opening().post(doc)
                .header("Location", containsString("/documents/" + doc + "/texts/"))
                .body("document_id", equalTo(doc))
                .body("role", equalTo("TRANSLATION"))
                .body("translator_name", equalTo("Kathryn Weathersby"))
                .body("paragraphs", hasSize(4))
                .body("paragraphs[2].line_count", equalTo(3))
                .body("paragraphs[3].section", equalTo(1))
                .extract().response();
        String content = created.path("content");
        assertEquals(Texts.TO_VYSHINSKY + "\n\n" + Texts.FIRST + "\n\n" + Texts.NAVY + "\n\nNote:\n\n"
                + "After the conversation with Kim Il Sung about these issues I called in advisers.", content);
        int start = created.path("paragraphs[1].start");
        int end = created.path("paragraphs[1].end");
        assertEquals(Texts.FIRST, content.substring(start, end));

        String id = created.path("id");
        api().get("/documents/{d}/texts/{t}", doc, id).then().statusCode(200).body("content", equalTo(content));
        api().get("/documents/{d}/texts", doc).then().statusCode(200).body("items.id", equalTo(List.of(id)));
    }

    @Test
    void aParagraphAndItsLinesAreAddressable() {
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        Response paragraph = api().get("/documents/{d}/texts/{t}/paragraphs/3", doc, text).then().statusCode(200)
                .body("number", equalTo(3))
                .body("heading", nullValue())
                .body("text", equalTo(Texts.NAVY))
                .body("lines", hasSize(3))
                .body("lines[1].text", equalTo("The crews for these ships have been chosen."))
                .extract().response();
        String content = api().get("/documents/{d}/texts/{t}", doc, text).then().extract().path("content");
        int lineStart = paragraph.path("lines[2].start");
        int lineEnd = paragraph.path("lines[2].end");
        assertEquals("He asked me to take appropriate measures to speed up the arrival of the ships.",
                content.substring(lineStart, lineEnd));
        api().get("/documents/{d}/texts/{t}/paragraphs/4", doc, text).then().body("heading", equalTo("Note:"));
        api().get("/documents/{d}/texts/{t}/paragraphs/9", doc, text).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void replaceNeedsTheCurrentETag() {
        String doc = Documents.cable().create();
        Response created = Texts.opening().post(doc).extract().response();
        String id = created.path("id");
        String etag = created.header("ETag");
        api().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Texts.empty().section(null, "Только русский текст.").set("role", "ORIGINAL").set("language", "ru")
                        .body())
                .put("/documents/{d}/texts/{t}", doc, id).then().statusCode(200)
                .body("content", equalTo("Только русский текст."))
                .body("role", equalTo("ORIGINAL"));
        api().contentType(ContentType.JSON).header("If-Match", etag).body(Texts.opening().body())
                .put("/documents/{d}/texts/{t}", doc, id).then().statusCode(412);
    }

    @Test
    void aTextBelongsToItsDocument() {
        String doc = Documents.cable().create();
        String other = Documents.cable().create();
        String text = Texts.opening().create(doc);
        api().get("/documents/{d}/texts/{t}", other, text).then().statusCode(404);
        api().get("/documents/{d}/texts", "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b").then().statusCode(404);
    }

    @Test
    void invalidTextsAre422() {
        String doc = Documents.cable().create();
        malformed().contentType(ContentType.JSON)
                .body(Texts.empty().set("language", "no such tag!").set("sections", List.of()).body())
                .post("/documents/{d}/texts", doc).then().statusCode(422)
                .body("errors.field", equalTo(List.of("language", "sections")));
    }

    @Test
    void anAnnotatedTextCannotBeDeletedButItsDocumentCan() {
        String doc = Documents.cable().create();
        Response created = Texts.opening().post(doc).extract().response();
        String text = created.path("id");
        String note = api().contentType(ContentType.JSON)
                .body(java.util.Map.of("type", "EDITOR_NOTE", "note_text", "Addressed to the Foreign Minister.",
                        "targets", List.of(java.util.Map.of("text_id", text, "exact", "VYSHINSKY"))))
                .post("/documents/{d}/annotations", doc).then().statusCode(201).extract().path("id");
        api().header("If-Match", created.header("ETag")).delete("/documents/{d}/texts/{t}", doc, text).then()
                .statusCode(409)
                .body("type", equalTo("/problems/conflict"));
        api().get("/annotations/{a}", note).then().statusCode(200).body("targets[0].exact", equalTo("VYSHINSKY"));
        api().header("If-Match", Api.etag("/documents/{d}", doc)).delete("/documents/{d}", doc).then().statusCode(204);
        api().get("/annotations/{a}", note).then().statusCode(410); // gone with its document
    }

    @Test
    void deleteRemovesTheText() {
        String doc = Documents.cable().create();
        Response created = Texts.opening().post(doc).extract().response();
        String id = created.path("id");
        api().header("If-Match", created.header("ETag")).delete("/documents/{d}/texts/{t}", doc, id).then()
                .statusCode(204);
        api().get("/documents/{d}/texts/{t}", doc, id).then().statusCode(410);
    }
}
