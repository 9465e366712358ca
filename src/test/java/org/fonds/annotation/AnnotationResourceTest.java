package org.fonds.annotation;

import org.fonds.testing.Api;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.ShtykovCable;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Annotations of every type on the translation of the Shtykov cable, and how their anchors are checked. */
@QuarkusTest
class AnnotationResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String CONTENT = ShtykovCable.content(ShtykovCable.sections());

    private String document;
    private String text;

    @BeforeEach
    void cable() {
        document = Documents.cable().create();
        text = Texts.cable().create(document);
    }

    @Test
    void aForeignTermAnchoredByItsWordsGetsOffsetsAndContext() {
        int start = CONTENT.indexOf("nastuplenie");
        var created = Annotations.of("FOREIGN_TERM").quote(text, "nastuplenie")
                .set("foreign_term", Map.of("term", "nastuplenie", "language", "ru-Latn", "script_form", "наступление"))
                .post(document)
                .header("ETag", notNullValue())
                .body("document_id", equalTo(document))
                .body("type", equalTo("FOREIGN_TERM"))
                .body("targets", hasSize(1))
                .body("targets[0].text_id", equalTo(text))
                .body("targets[0].start", equalTo(start))
                .body("targets[0].end", equalTo(start + "nastuplenie".length()))
                .body("targets[0].exact", equalTo("nastuplenie"))
                .body("targets[0].prefix", equalTo(CONTENT.substring(start - 32, start)))
                .body("targets[0].suffix", equalTo(CONTENT.substring(start + 11, start + 11 + 32)))
                .body("targets[0].status", equalTo("ANCHORED"))
                .body("foreign_term.term", equalTo("nastuplenie"))
                .body("foreign_term.language", equalTo("ru-Latn"))
                .body("foreign_term.script_form", equalTo("наступление"))
                .body("gap", nullValue())
                .body("marginalia", nullValue())
                .body("version", equalTo(0))
                .extract().response();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/annotations/" + id), created.header("Location"));

        String etag = api().get("/annotations/{id}", id).then().statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("foreign_term.term", equalTo("nastuplenie"))
                .body("targets[0].start", equalTo(start))
                .extract().header("ETag");
        api().header("If-None-Match", etag).get("/annotations/{id}", id).then()
                .statusCode(304).header("ETag", equalTo(etag)).body(emptyOrNullString());
    }

    @Test
    void everyKindOfEditorialMarkOfTheCableIsAnAnnotation() {
        Annotations.translatorNote("The Russian has no possessive here.").quote(text, "[his]").post(document)
                .body("note_text", equalTo("The Russian has no possessive here."));
        Annotations.of("EDITOR_NOTE").set("note_text", "The instance is the Politburo.").quote(text, "instantsiya")
                .post(document);
        Annotations.of("FOOTNOTE").set("note_text", "Vasil’yev was chief military adviser.")
                .set("footnote", Map.of("marker", "1")).quote(text, "Soviet General Vasil’yev").post(document)
                .body("footnote.marker", equalTo("1"));
        Annotations.of("UNCERTAIN_READING").quote(text, "?estimate?")
                .set("uncertain_reading", Map.of("reading", "estimate", "alternatives", List.of("estimated"),
                        "certainty", "LOW"))
                .post(document)
                .body("uncertain_reading.reading", equalTo("estimate"))
                .body("uncertain_reading.alternatives", contains("estimated"))
                .body("uncertain_reading.certainty", equalTo("LOW"));
        Annotations.of("GAP").quote(text, "[[one word off the page]]")
                .set("gap", Map.of("reason", "OFF_PAGE", "extent", Map.of("quantity", 1, "unit", "WORDS")))
                .post(document)
                .body("gap.reason", equalTo("OFF_PAGE"))
                .body("gap.extent.quantity", equalTo(1))
                .body("gap.extent.unit", equalTo("WORDS"));
        int his = CONTENT.indexOf("[his]") + 1;
        Annotations.of("SUPPLIED").at(text, his, his + 3, "his")
                .set("supplied", Map.of("reason", "implied by the Russian")).post(document)
                .body("targets[0].start", equalTo(his))
                // a no-break space before "[", as in the seed
                .body("targets[0].prefix", endsWith("requested during\u00a0["))
                .body("supplied.reason", equalTo("implied by the Russian"));
        Annotations.of("SUPPLIED").quote(text, "the view").set("supplied", Map.of()).post(document)
                .body("supplied.reason", nullValue());
        Annotations.of("SUPPLIED").quote(text, "be given").set("supplied", Map.of()).post(document);
        Annotations.of("MENTION").quote(text, "between 8 and 10 June")
                .set("mention", Map.of("date", "1950-06-08/1950-06-10")).post(document)
                .body("mention.date", equalTo("1950-06-08/1950-06-10"))
                .body("mention.agent_id", nullValue());
        Annotations.of("MENTION").quote(text, "29 May")
                .set("mention", Map.of("date", "1950-05-29", "name_as_written", "29 May")).post(document)
                .body("mention.date", equalTo("1950-05-29"));
        Annotations.of("MENTION").quote(text, "Pak Heon-yeong [Pak Hon Yong]")
                .set("mention", Map.of("date", "1950-07", "name_as_written", "Pak Heon-yeong",
                        "variant_written_inline", "Pak Hon Yong"))
                .post(document)
                .body("mention.name_as_written", equalTo("Pak Heon-yeong"))
                .body("mention.variant_written_inline", equalTo("Pak Hon Yong"));

        JsonPath all = api().queryParam("limit", 100).get("/documents/{id}/annotations", document).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of("TRANSLATOR_NOTE", "EDITOR_NOTE", "FOOTNOTE", "UNCERTAIN_READING", "GAP", "SUPPLIED",
                "SUPPLIED", "SUPPLIED", "MENTION", "MENTION", "MENTION"), all.getList("items.type"));
    }

    @Test
    void occurrenceAndContextPickWhichRepetitionOfTheWordsIsMeant() {
        String words = "the end of June";
        int first = CONTENT.indexOf(words);
        int second = CONTENT.indexOf(words, first + 1);
        Annotations.of("MENTION").quote(text, words).withTarget("occurrence", 2)
                .set("mention", Map.of("date", "1950-06-21/1950-06-30")).post(document)
                .body("targets[0].start", equalTo(second));
        String prefix = "military operations against the South at ";
        int third = CONTENT.indexOf(prefix + words) + prefix.length();
        Annotations.of("MENTION").quote(text, words).withTarget("prefix", prefix)
                .set("mention", Map.of("date", "1950-06-21/1950-06-30")).post(document)
                .body("targets[0].start", equalTo(third))
                .body("targets[0].prefix", equalTo(prefix));

        Annotations.of("MENTION").quote(text, words).withTarget("occurrence", 99)
                .set("mention", Map.of("date", "1950-06")).send(document)
                .statusCode(422).body("errors.field", contains("targets[0].occurrence"));
        Annotations.of("MENTION").quote(text, words).withTarget("prefix", "beginning of ")
                .set("mention", Map.of("date", "1950-06")).send(document)
                .statusCode(422).body("errors.field", contains("targets[0].exact"));
    }

    @Test
    void anchorsThatDoNotMatchTheTextAre422NamingTheField() {
        int start = CONTENT.indexOf("nastuplenie");
        Map<String, Object> term = Map.of("term", "nastuplenie", "language", "ru-Latn");

        invalid(Annotations.of("FOREIGN_TERM").at(text, start, start + 11, "nastupleniE").set("foreign_term", term),
                "targets[0].exact");
        invalid(Annotations.of("FOREIGN_TERM").at(text, start, CONTENT.length() + 1, "nastuplenie")
                .set("foreign_term", term), "targets[0].end");
        invalid(Annotations.of("FOREIGN_TERM").at(text, start, start, "nastuplenie").set("foreign_term", term),
                "targets[0].end");
        invalid(Annotations.of("FOREIGN_TERM").quote(text, "nastuplenie").withTarget("start", start)
                .set("foreign_term", term), "targets[0].end");
        invalidMalformed(Annotations.of("FOREIGN_TERM").quote(text, "nastuplenie").withTarget("start", -1)
                .withTarget("end", start), "targets[0].start");
        invalid(Annotations.of("FOREIGN_TERM").at(text, start, start + 11, "nastuplenie")
                .withTarget("prefix", "an offensive [").set("foreign_term", term), "targets[0].prefix");
        invalid(Annotations.of("FOREIGN_TERM").at(text, start, start + 11, "nastuplenie")
                .withTarget("suffix", "] and").set("foreign_term", term), "targets[0].suffix");
        invalid(Annotations.of("FOREIGN_TERM").at(text, start, start + 11, "nastuplenie").withTarget("occurrence", 1)
                .set("foreign_term", term), "targets[0].occurrence");
        invalid(Annotations.of("FOREIGN_TERM").quote(text, "voennyi sovet").set("foreign_term", term),
                "targets[0].exact");
        invalid(Annotations.of("FOREIGN_TERM").quote(text, "nastuplenie").withTarget("line_end", 5)
                .set("foreign_term", term), "targets[0].line_end");
        invalidMalformed(Annotations.of("FOREIGN_TERM").set("foreign_term", term), "targets");
        Annotations many = Annotations.of("FOREIGN_TERM").set("foreign_term", term);
        for (int i = 0; i < 21; i++) {
            many.quote(text, "nastuplenie");
        }
        invalidMalformed(many, "targets");

        // the second target is the one at fault, and the text must be one of this document's
        String otherDocument = Documents.cable().create();
        String otherText = Texts.cable().create(otherDocument);
        invalid(Annotations.of("FOREIGN_TERM").quote(text, "nastuplenie").quote(otherText, "nastuplenie")
                .set("foreign_term", term), "targets[1].text_id");
        // ... without naming that document, which the caller may not be allowed to see
        Annotations.of("FOREIGN_TERM").quote(text, "nastuplenie").quote(otherText, "nastuplenie")
                .set("foreign_term", term).send(document).statusCode(422)
                .body(not(containsString(otherDocument)));
        invalid(Annotations.of("FOREIGN_TERM").quote("0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b", "nastuplenie")
                .set("foreign_term", term), "targets[0].text_id");
    }

    @Test
    void exactlyTheTypeSpecificObjectOfTheTypeIsAllowed() {
        Map<String, Object> term = Map.of("term", "okhotnik", "language", "ru-Latn");
        invalid(Annotations.of("FOREIGN_TERM").quote(text, "okhotnik"), "foreign_term");
        Annotations.of("FOREIGN_TERM").quote(text, "okhotnik").set("foreign_term", term)
                .set("gap", Map.of("reason", "OMITTED")).set("supplied", Map.of()).send(document)
                .statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder("gap", "supplied"));
        invalid(Annotations.of("TRANSLATOR_NOTE").quote(text, "okhotnik").set("foreign_term", term),
                "foreign_term", "note_text");
        invalid(Annotations.of("FOOTNOTE").set("note_text", "a note").quote(text, "okhotnik"), "footnote");
        invalid(Annotations.of("FOREIGN_TERM").quote(text, "okhotnik")
                .set("foreign_term", Map.of("term", "okhotnik", "language", "not a tag!")), "foreign_term.language");
        invalid(Annotations.of("MENTION").quote(text, "29 May").set("mention", Map.of()), "mention");
        invalid(Annotations.of("MENTION").quote(text, "29 May")
                .set("mention", Map.of("date", "1950-05-29", "place_id", "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b")),
                "mention");
        invalid(Annotations.of("MENTION").quote(text, "29 May").set("mention", Map.of("date", "29 May")),
                "mention.date");
        invalid(Annotations.of("MENTION").quote(text, "Vasil’yev")
                .set("mention", Map.of("agent_id", "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b")), "mention.agent_id");
        invalidMalformed(Annotations.of("GAP").quote(text, "[[one word off the page]]")
                .set("gap", Map.of("reason", "OFF_PAGE", "extent", Map.of("quantity", 0, "unit", "WORDS"))),
                "gap.extent.quantity");
    }

    @Test
    void putReplacesWithIfMatchAndAStaleETagIs412() {
        String id = Annotations.of("FOREIGN_TERM").quote(text, "okhotnik")
                .set("foreign_term", Map.of("term", "okhotnik", "language", "ru-Latn")).create(document);
        String etag = api().get("/annotations/{id}", id).then().extract().header("ETag");

        String newEtag = api().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Annotations.of("FOREIGN_TERM").quote(text, "instantsiya")
                        .set("foreign_term", Map.of("term", "instantsiya", "language", "ru-Latn",
                                "script_form", "инстанция")).body())
                .put("/annotations/{id}", id).then()
                .statusCode(200)
                .body("targets[0].exact", equalTo("instantsiya"))
                .body("targets[0].start", equalTo(CONTENT.indexOf("instantsiya")))
                .body("foreign_term.script_form", equalTo("инстанция"))
                .body("version", equalTo(1))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);

        api().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Annotations.of("FOREIGN_TERM").quote(text, "okhotnik")
                        .set("foreign_term", Map.of("term", "okhotnik", "language", "ru-Latn")).body())
                .put("/annotations/{id}", id).then()
                .statusCode(412).body("type", equalTo("/problems/precondition-failed"));
        api().get("/annotations/{id}", id).then().body("foreign_term.term", equalTo("instantsiya"));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFieldsAndKeepsTheTargets() {
        String id = Annotations.of("UNCERTAIN_READING").quote(text, "?estimate?")
                .withTarget("page", 3).withTarget("margin", "BOTTOM")
                .set("uncertain_reading", Map.of("reading", "estimate", "certainty", "LOW")).create(document);

        api().contentType(MERGE_PATCH).header("If-Match", "\"0\"")
                .body("{\"note_text\":\"Handwritten; hard to read.\","
                        + "\"uncertain_reading\":{\"certainty\":\"MEDIUM\",\"alternatives\":[\"estimates\"]}}")
                .patch("/annotations/{id}", id).then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("note_text", equalTo("Handwritten; hard to read."))
                .body("uncertain_reading.reading", equalTo("estimate"))
                .body("uncertain_reading.certainty", equalTo("MEDIUM"))
                .body("uncertain_reading.alternatives", contains("estimates"))
                .body("targets[0].exact", equalTo("?estimate?"))
                .body("targets[0].page", equalTo(3))
                .body("targets[0].margin", equalTo("BOTTOM"));

        // the result is validated like a PUT: a type change needs its object, and the old one must go
        api().contentType(MERGE_PATCH).body("{\"type\":\"GAP\"}").header("If-Match", Api.etag("/annotations/{id}", id)).patch("/annotations/{id}", id).then()
                .statusCode(422).body("errors.field", containsInAnyOrder("gap", "uncertain_reading"));
        api().contentType(MERGE_PATCH)
                .body("{\"type\":\"GAP\",\"uncertain_reading\":null,\"gap\":{\"reason\":\"ILLEGIBLE\"}}")
                .header("If-Match", Api.etag("/annotations/{id}", id)).patch("/annotations/{id}", id).then()
                .statusCode(200).body("type", equalTo("GAP")).body("uncertain_reading", nullValue());
        // targets are replaced as a whole, and new ones are checked
        api().contentType(MERGE_PATCH)
                .body("{\"targets\":[{\"text_id\":\"" + text + "\",\"exact\":\"?estimat?\"}]}")
                .header("If-Match", Api.etag("/annotations/{id}", id)).patch("/annotations/{id}", id).then()
                .statusCode(422).body("errors.field", contains("targets[0].exact"));
        malformed().contentType(MERGE_PATCH).body("[1]").header("If-Match", Api.etag("/annotations/{id}", id)).patch("/annotations/{id}", id).then().statusCode(400);
    }

    @Test
    void deleteWithIfMatchRemovesTheAnnotation() {
        String id = Annotations.of("SUPPLIED").quote(text, "be given").set("supplied", Map.of()).create(document);
        api().header("If-Match", "\"7\"").delete("/annotations/{id}", id).then().statusCode(412);
        api().header("If-Match", "\"0\"").delete("/annotations/{id}", id).then().statusCode(204);
        api().get("/annotations/{id}", id).then().statusCode(410).body("type", equalTo("/problems/gone"));
        api().header("If-Match", "\"0\"").delete("/annotations/{id}", id).then().statusCode(410);
    }

    @Test
    void listsFilterByTypeAndTextAndPageWithACursor() {
        String original = Texts.cable().create(document); // a second text of the same document
        Map<String, Object> date = Map.of("date", "1950-06-01");
        String a1 = Annotations.of("MENTION").quote(text, "1 June").set("mention", date).create(document);
        String a2 = Annotations.of("MENTION").quote(original, "1 June").set("mention", date).create(document);
        String a3 = Annotations.of("SUPPLIED").quote(text, "his").set("supplied", Map.of()).create(document);
        String a4 = Annotations.of("MENTION").quote(text, "1 June").withTarget("occurrence", 2)
                .set("mention", date).create(document);

        api().queryParam("type", "MENTION").get("/documents/{id}/annotations", document).then()
                .statusCode(200).body("items.id", contains(a1, a2, a4)).body("next", nullValue());
        api().queryParam("text_id", original).get("/documents/{id}/annotations", document).then()
                .body("items.id", contains(a2));
        api().queryParam("type", "MENTION").queryParam("text_id", text).get("/documents/{id}/annotations", document)
                .then().body("items.id", contains(a1, a4));
        api().queryParam("type", "GAP").get("/documents/{id}/annotations", document).then().body("items", hasSize(0));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/documents/{id}/annotations", document).then().statusCode(200)
                    .body("limit", equalTo(3)).extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(List.of(a1, a2, a3, a4), paged);

        String next = api().queryParam("limit", 1).get("/documents/{id}/annotations", document).then()
                .extract().path("next");
        api().queryParam("limit", 1).queryParam("type", "MENTION").queryParam("cursor", next)
                .get("/documents/{id}/annotations", document).then()
                .statusCode(400).body("type", equalTo("/problems/invalid-cursor"));
        malformed().queryParam("type", "SCRIBBLE").get("/documents/{id}/annotations", document).then()
                .statusCode(400).body("errors.field", hasItem("type"));
    }

    @Test
    void anUnknownDocumentIs404() {
        String unknown = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b";
        api().get("/documents/{id}/annotations", unknown).then().statusCode(404);
        Annotations.of("SUPPLIED").quote(text, "his").set("supplied", Map.of()).send(unknown).statusCode(404);
        api().get("/annotations/{id}", unknown).then().statusCode(404);
    }

    private void invalid(Annotations annotation, String... fields) {
        expect422(annotation.send(document), fields);
    }

    /** A body that the spec itself forbids (below a minimum, too few or too many items). */
    private void invalidMalformed(Annotations annotation, String... fields) {
        expect422(annotation.sendMalformed(document), fields);
    }

    private static void expect422(io.restassured.response.ValidatableResponse response, String... fields) {
        response.statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder(fields));
    }
}
