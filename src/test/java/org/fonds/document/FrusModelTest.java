package org.fonds.document;

import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Agents;
import org.fonds.testing.Annotations;
import org.fonds.testing.Api;
import org.fonds.testing.Documents;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/**
 * What real FRUS documents needed (issue 11, items 1-4), through HTTP: the kind as written, notes on parts of the
 * document, page breaks, supplied signatures and enclosures, each created, read, changed, recorded in the revisions
 * and refused with a 422 problem when invalid.
 */
@QuarkusTest
class FrusModelTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static JsonPath all(String documentId) {
        return api().queryParam("embed", "all").get("/documents/{d}", documentId).then().statusCode(200).extract()
                .jsonPath();
    }

    private static Map<String, Object> part(String part) {
        Map<String, Object> target = new HashMap<>();
        target.put("part", part);
        return target;
    }

    private static String signatory(String document, boolean supplied) {
        return api().contentType(ContentType.JSON).body(Map.of("agent_id", Agents.person("Dean Acheson").create(),
                "role", "SIGNATORY", "name_as_written", "Acheson", "supplied", supplied))
                .post("/documents/{d}/participants", document).then().statusCode(201).extract().path("id");
    }

    @Test
    void theKindAsWrittenIsKeptBesideTheKindPatchedAndRecorded() {
        String id = Documents.cable().set("kind_as_written", " Circular airgram ").create();
        api().get("/documents/{d}", id).then().statusCode(200).body("kind", equalTo("CABLE"))
                .body("kind_as_written", equalTo("Circular airgram"));
        api().queryParam("embed", "all").get("/documents/{d}", id).then()
                .body("kind_as_written", equalTo("Circular airgram"));
        api().queryParam("kind", "CABLE").queryParam("limit", 100).get("/documents").then().statusCode(200);

        api().contentType(MERGE_PATCH).header("If-Match", Api.etag("/documents/{d}", id))
                .body("{\"kind_as_written\": \"memorandum for the President\"}").patch("/documents/{d}", id).then()
                .statusCode(200).body("kind_as_written", equalTo("memorandum for the President"))
                .body("kind", equalTo("CABLE"));
        api().get("/documents/{d}/revisions/{v}", id, 0).then().statusCode(200)
                .body("state.kind_as_written", equalTo("Circular airgram"));
        api().get("/documents/{d}/revisions/{v}", id, 1).then()
                .body("state.kind_as_written", equalTo("memorandum for the President"));
        // the citation's genre is the kind as written
        api().get("/documents/{d}/csl", id).then().statusCode(200)
                .body("[0].genre", equalTo("Memorandum for the President"));

        api().contentType(MERGE_PATCH).header("If-Match", Api.etag("/documents/{d}", id))
                .body("{\"kind_as_written\": null}").patch("/documents/{d}", id).then().statusCode(200)
                .body("kind_as_written", nullValue());
        api().get("/documents/{d}/csl", id).then().body("[0].genre", equalTo("Cable"));

        Api.malformed().contentType(ContentType.JSON).body(Documents.cable().set("kind_as_written", "x".repeat(501)).body())
                .post("/documents").then().statusCode(422).body("errors.field", hasItem("kind_as_written"));
        Api.malformed().contentType(ContentType.JSON).body(Documents.cable().set("kind_as_written", "").body())
                .post("/documents").then().statusCode(422).body("errors.field", hasItem("kind_as_written"));
    }

    @Test
    void aNoteCanConcernTheHeadingTheDatelineTheSourceOrASignature() {
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        String acheson = signatory(doc, true);

        String heading = Annotations.of("FOOTNOTE").target(part("HEADING"))
                .set("note_text", "Source: Department of State, Central Files, 795.00/6-2550. Secret.")
                .set("footnote", Map.of("marker", "1")).create(doc);
        String dateline = Annotations.of("EDITOR_NOTE").target(part("DATELINE"))
                .set("note_text", "The date is that of the telegram's receipt.").create(doc);
        Map<String, Object> signature = part("SIGNATURE");
        signature.put("participant_id", acheson);
        String signed = Annotations.of("EDITOR_NOTE").target(signature).set("note_text", "Printed from a copy that "
                + "bears this typed signature.").create(doc);
        // a note on a part and on words: both targets kept
        String mixed = Annotations.of("EDITOR_NOTE").target(part("SOURCE"))
                .target(Annotations.quoteTarget(text, "Kim Il Sung")).set("note_text", "See also the source.")
                .create(doc);

        JsonPath d = all(doc);
        assertEquals("HEADING", d.getString("annotations.find { it.id == '" + heading + "' }.targets[0].part"));
        assertNull(d.get("annotations.find { it.id == '" + heading + "' }.targets[0].text_id"));
        assertNull(d.get("annotations.find { it.id == '" + heading + "' }.targets[0].start"));
        assertEquals("ANCHORED", d.getString("annotations.find { it.id == '" + heading + "' }.targets[0].status"));
        assertEquals("DATELINE", d.getString("annotations.find { it.id == '" + dateline + "' }.targets[0].part"));
        assertEquals(acheson,
                d.getString("annotations.find { it.id == '" + signed + "' }.targets[0].participant_id"));
        assertEquals(List.of("SOURCE", "Kim Il Sung"), List.of(
                d.getString("annotations.find { it.id == '" + mixed + "' }.targets[0].part"),
                d.getString("annotations.find { it.id == '" + mixed + "' }.targets[1].exact")));
        api().get("/annotations/{a}", heading).then().statusCode(200).body("targets[0].part", equalTo("HEADING"));
        api().queryParam("type", "FOOTNOTE").get("/documents/{d}/annotations", doc).then().statusCode(200)
                .body("items", hasSize(1));

        // changed from the heading to the dateline, recorded as a revision
        api().contentType(MERGE_PATCH).header("If-Match", Api.etag("/annotations/{a}", heading))
                .body("{\"targets\": [{\"part\": \"DATELINE\"}]}").patch("/annotations/{a}", heading).then()
                .statusCode(200).body("targets[0].part", equalTo("DATELINE"));
        api().get("/annotations/{a}/revisions/{v}", heading, 0).then().statusCode(200)
                .body("state.targets[0].part", equalTo("HEADING"));
        api().get("/annotations/{a}/revisions/{v}", heading, 1).then()
                .body("state.targets[0].part", equalTo("DATELINE"));
        // an edit of the text leaves the part targets as they are
        api().contentType(ContentType.JSON).body(Texts.opening().section(null, "A new last paragraph.").body())
                .header("If-Match", Api.etag("/documents/{d}/texts/{t}", doc, text)).put("/documents/{d}/texts/{t}", doc, text).then().statusCode(200);
        api().get("/annotations/{a}", signed).then().body("targets[0].part", equalTo("SIGNATURE"))
                .body("targets[0].status", equalTo("ANCHORED"));
    }

    @Test
    void badPartTargetsAre422Problems() {
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        String other = Documents.cable().create();
        String elsewhere = signatory(other, false);
        String recipient = api().contentType(ContentType.JSON).body(Map.of("agent_id",
                Agents.person("Vyshinsky").create(), "role", "RECIPIENT"))
                .post("/documents/{d}/participants", doc).then().statusCode(201).extract().path("id");

        Map<String, Object> withText = part("HEADING");
        withText.put("text_id", text);
        withText.put("exact", "Kim");
        Annotations.of("EDITOR_NOTE").target(withText).set("note_text", "n").send(doc).statusCode(422)
                .body("errors.field", hasItem("targets[0].text_id")).body("errors.field", hasItem("targets[0].exact"));

        Map<String, Object> participantOnHeading = part("HEADING");
        participantOnHeading.put("participant_id", recipient);
        Annotations.of("EDITOR_NOTE").target(participantOnHeading).set("note_text", "n").send(doc).statusCode(422)
                .body("errors.field", hasItem("targets[0].participant_id"));

        Map<String, Object> otherDocument = part("SIGNATURE");
        otherDocument.put("participant_id", elsewhere);
        Annotations.of("EDITOR_NOTE").target(otherDocument).set("note_text", "n").send(doc).statusCode(422)
                .body("errors.field", hasItem("targets[0].participant_id"));

        Annotations.of("FOREIGN_TERM").target(part("HEADING"))
                .set("foreign_term", Map.of("term", "t", "language", "ru")).send(doc).statusCode(422)
                .body("errors.field", hasItem("targets[0].part"));
        Annotations.of("EDITOR_NOTE").target(new HashMap<>()).set("note_text", "n").send(doc).statusCode(422)
                .body("errors.field", hasItem("targets[0].text_id"));
        Annotations.of("EDITOR_NOTE").target(Map.of("text_id", text)).set("note_text", "n").send(doc)
                .statusCode(422).body("errors.field", hasItem("targets[0].exact"));
        Api.malformed().contentType(ContentType.JSON).body(Map.of("type", "EDITOR_NOTE", "note_text", "n",
                "targets", List.of(Map.of("part", "POSTSCRIPT")))).post("/documents/{d}/annotations", doc).then()
                .statusCode(422);
        // nothing was stored
        api().get("/documents/{d}/annotations", doc).then().body("items", hasSize(0));
    }

    @Test
    void pageBreaksStandBeforeTheFirstWordsOfTheirPageAndMoveWithThem() {
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        String content = api().get("/documents/{d}/texts/{t}", doc, text).then().extract().path("content");
        String original = Annotations.of("PAGE_BREAK").quote(text, "The navy").set("page_break", Map.of("n", "2"))
                .create(doc);
        Map<String, Object> frus = new HashMap<>();
        frus.put("n", "968");
        frus.put("edition", "frus1950v07");
        frus.put("edition_title", "Foreign Relations of the United States, 1950, Korea, Volume VII");
        String printed = Annotations.of("PAGE_BREAK").quote(text, "At the beginning").set("page_break", frus)
                .create(doc);
        api().get("/annotations/{a}", original).then().body("page_break.n", equalTo("2"))
                .body("page_break.edition", nullValue()).body("targets[0].start", equalTo(content.indexOf("The navy")));
        api().get("/annotations/{a}", printed).then().body("page_break.edition", equalTo("frus1950v07"));

        // an edit before the page break moves it with its words
        api().contentType(ContentType.JSON).body(Texts.empty().section(null, "Telegram.", Texts.TO_VYSHINSKY,
                Texts.FIRST, Texts.NAVY).section("Note:", "After the conversation with Kim Il Sung about these issues "
                + "I called in advisers.").body()).header("If-Match", Api.etag("/documents/{d}/texts/{t}", doc, text)).put("/documents/{d}/texts/{t}", doc, text).then().statusCode(200);
        String edited = api().get("/documents/{d}/texts/{t}", doc, text).then().extract().path("content");
        api().get("/annotations/{a}", original).then().body("targets[0].start", equalTo(edited.indexOf("The navy")))
                .body("targets[0].status", equalTo("RELOCATED")).body("version", equalTo(1));

        Annotations.of("PAGE_BREAK").quote(text, "The navy").set("page_break", Map.of("n", "2", "edition", "FRUS 1950"))
                .sendMalformed(doc).statusCode(422).body("errors.field", hasItem("page_break.edition"));
        Annotations.of("PAGE_BREAK").quote(text, "The navy").set("page_break", Map.of("n", "2", "edition_title", "x"))
                .send(doc).statusCode(422).body("errors.field", hasItem("page_break.edition_title"));
        Annotations.of("PAGE_BREAK").quote(text, "The navy").quote(text, "Kim Il Sung reported")
                .set("page_break", Map.of("n", "2")).send(doc).statusCode(422).body("errors.field", hasItem("targets"));
        Annotations.of("PAGE_BREAK").quote(text, "The navy").send(doc).statusCode(422)
                .body("errors.field", hasItem("page_break"));
        Annotations.of("PAGE_BREAK").target(part("HEADING")).set("page_break", Map.of("n", "2")).send(doc)
                .statusCode(422).body("errors.field", hasItem("targets[0].part"));
    }

    @Test
    void aSignatureKeepsWhetherTheEditorsSuppliedIt() {
        String doc = Documents.cable().create();
        String acheson = signatory(doc, true);
        api().get("/documents/{d}/participants/{p}", doc, acheson).then().statusCode(200)
                .body("supplied", equalTo(true));
        String path = "/documents/{d}/participants/{p}";
        api().contentType(ContentType.JSON).header("If-Match", Api.etag(path, doc, acheson))
                .body(Map.of("agent_id", api().get(path, doc, acheson).then().extract().path("agent_id"),
                        "role", "SIGNATORY", "name_as_written", "Acheson"))
                .put(path, doc, acheson).then().statusCode(200).body("supplied", equalTo(false));
        api().get(path + "/revisions/{v}", doc, acheson, 0).then().statusCode(200)
                .body("state.supplied", equalTo(true));
        api().get(path + "/revisions/{v}", doc, acheson, 1).then().body("state.supplied", equalTo(false));
        api().queryParam("embed", "participants").get("/documents/{d}", doc).then()
                .body("participants[0].supplied", equalTo(false));

        api().contentType(ContentType.JSON).body(Map.of("agent_id", Agents.person("Vyshinsky").create(),
                "role", "RECIPIENT", "supplied", true)).post("/documents/{d}/participants", doc).then()
                .statusCode(422).body("errors.field", hasItem("supplied"));
    }

    @Test
    void anEnclosureIsADocumentOfItsOwnLinkedBothWays() {
        String letter = Documents.of("LETTER").title("Letter, Acheson to Muccio").create();
        String enclosure = Documents.of("MEMORANDUM").title("Memorandum on the situation in Korea")
                .set("kind_as_written", "Memorandum").set("classification", "Top Secret").date("1950-06-24")
                .create();
        signatory(enclosure, false);
        String link = api().contentType(ContentType.JSON).body(Map.of("type", "ENCLOSURE_OF",
                "target_document_id", letter)).post("/documents/{d}/links", enclosure).then().statusCode(201)
                .extract().path("id");
        api().queryParam("embed", "links").get("/documents/{d}", enclosure).then().statusCode(200)
                .body("links[0].target_document_id", equalTo(letter)).body("linked_from", hasSize(0));
        api().queryParam("embed", "links").get("/documents/{d}", letter).then()
                .body("links", hasSize(0)).body("linked_from[0].id", equalTo(link))
                .body("linked_from[0].document_id", equalTo(enclosure))
                .body("linked_from[0].type", equalTo("ENCLOSURE_OF"));
        // not embedded unless links are asked for
        api().get("/documents/{d}", letter).then().body("linked_from", nullValue());

        // a hidden enclosure is not shown on its covering letter to anonymous readers
        api().contentType(MERGE_PATCH).header("If-Match", Api.etag("/documents/{d}", letter))
                .body("{\"visibility\": \"PUBLISHED\"}").patch("/documents/{d}", letter).then().statusCode(200);
        Api.anonymous().queryParam("embed", "links").get("/documents/{d}", letter).then().statusCode(200)
                .body("linked_from", hasSize(0));
    }
}
