package org.fonds.annotation;

import org.fonds.testing.Api;

import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.ShtykovCable;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The marks by hands on the cable's pages, as the translator reports them. */
@QuarkusTest
class MarginaliaResourceTest {

    private static final String CONTENT = ShtykovCable.content(ShtykovCable.sections());
    private static final String CIRCLED_NOTE = "[Translator’s note: “one trawler” and “one large subchaser” are circled]";

    private String document;
    private String text;

    @BeforeEach
    void cable() {
        document = Documents.cable().create();
        text = Texts.cable().create(document);
    }

    @Test
    void theCircledShipsAreOneMarkWithTwoTargetsReportedByTheTranslatorsNote() {
        String note = Annotations.translatorNote("“one trawler” and “one large subchaser” are circled")
                .quote(text, CIRCLED_NOTE).create(document);
        String circling = Annotations.of("MARGINALIA").quote(text, "one trawler").quote(text, "one large subchaser")
                .set("marginalia", Map.of("kind", "CIRCLING", "reported_by_id", note))
                .post(document)
                .body("type", equalTo("MARGINALIA"))
                .body("targets", hasSize(2))
                .body("targets.exact", contains("one trawler", "one large subchaser"))
                .body("targets.start", contains(CONTENT.indexOf("one trawler"), CONTENT.indexOf("one large subchaser")))
                .body("marginalia.kind", equalTo("CIRCLING"))
                .body("marginalia.reported_by_id", equalTo(note))
                .body("marginalia.off_page", equalTo(false))
                .body("note_text", nullValue())
                .extract().path("id");

        // the marginalia listing has the circling, not the note that reports it
        api().get("/documents/{id}/marginalia", document).then().statusCode(200)
                .body("items.id", contains(circling))
                .body("items[0].marginalia.reported_by_id", equalTo(note));

        // deleting the note is soft: the mark keeps its reporter, so that restoring the note restores the relation
        api().header("If-Match", Api.etag("/annotations/{id}", note)).delete("/annotations/{id}", note).then().statusCode(204);
        api().get("/annotations/{id}", circling).then()
                .header("ETag", equalTo("\"0\""))
                .body("marginalia.reported_by_id", equalTo(note));
        // purging the note leaves the mark without a reporter, as a change of the mark
        org.fonds.testing.Api.as(org.fonds.access.Role.ADMIN).header("If-Match", "\"1\"").delete("/annotations/{id}/revisions", note).then().statusCode(204);
        api().get("/annotations/{id}", circling).then()
                .header("ETag", equalTo("\"1\""))
                .body("marginalia.reported_by_id", nullValue())
                .body("marginalia.kind", equalTo("CIRCLING"));
    }

    @Test
    void theLeftMarginCommentRunsOffThePageWithALineToLinesThreeToFive() {
        String report = Annotations.translatorNote("there is a handwritten comment in the left margin next to the "
                + "above paragraph which is partly off the reproduced page and with a line drawn to lines 3-5 of the "
                + "text").quote(text, ShtykovCable.MARGIN_NOTE).create(document);
        String words = "…mark…that…; still…to give…";
        List<Map<String, Object>> gaps = new ArrayList<>();
        for (int i = words.indexOf('…'); i >= 0; i = words.indexOf('…', i + 1)) {
            gaps.add(Map.of("after", i, "reason", "OFF_PAGE"));
        }
        Map<String, Object> marginalia = new LinkedHashMap<>();
        marginalia.put("kind", "COMMENT");
        marginalia.put("transcription", Map.of("text", words, "gaps", gaps));
        marginalia.put("position", "LEFT");
        marginalia.put("hand", Map.of("certainty", "UNKNOWN", "description", "an unidentified reader"));
        marginalia.put("legibility", "PARTLY_LEGIBLE");
        marginalia.put("off_page", true);
        marginalia.put("connector", "LINE");
        marginalia.put("reported_by_id", report);

        Annotations.of("MARGINALIA").quote(text, ShtykovCable.NAVY)
                .withTarget("line_start", 3).withTarget("line_end", 5).withTarget("margin", "LEFT")
                .set("marginalia", marginalia)
                .post(document)
                .body("targets[0].start", equalTo(CONTENT.indexOf(ShtykovCable.NAVY)))
                .body("targets[0].line_start", equalTo(3))
                .body("targets[0].line_end", equalTo(5))
                .body("targets[0].margin", equalTo("LEFT"))
                .body("marginalia.kind", equalTo("COMMENT"))
                .body("marginalia.transcription.text", equalTo(words))
                .body("marginalia.transcription.gaps", hasSize(5))
                .body("marginalia.transcription.gaps.after", contains(0, 5, 10, 18, 26))
                .body("marginalia.transcription.gaps[0].reason", equalTo("OFF_PAGE"))
                .body("marginalia.transcription.uncertain", nullValue())
                .body("marginalia.position", equalTo("LEFT"))
                .body("marginalia.hand.agent_id", nullValue())
                .body("marginalia.hand.certainty", equalTo("UNKNOWN"))
                .body("marginalia.legibility", equalTo("PARTLY_LEGIBLE"))
                .body("marginalia.off_page", equalTo(true))
                .body("marginalia.connector", equalTo("LINE"))
                .body("marginalia.reported_by_id", equalTo(report));
    }

    @Test
    void theFinalHandwrittenNoteHasAnUncertainReadingAndAWordOffThePage() {
        String words = "in the Technical estimate What else";
        int estimate = words.indexOf("estimate");
        Annotations.of("MARGINALIA").quote(text, ShtykovCable.HANDWRITTEN_NOTE)
                .set("marginalia", Map.of("kind", "COMMENT", "off_page", true, "legibility", "PARTLY_LEGIBLE",
                        "medium", "pencil",
                        "transcription", Map.of("text", words,
                                "uncertain", List.of(Map.of("start", estimate, "end", estimate + 8,
                                        "reading", "estimate", "certainty", "LOW")),
                                "gaps", List.of(Map.of("after", words.length(), "reason", "OFF_PAGE",
                                        "extent", Map.of("quantity", 1, "unit", "WORDS"))))))
                .post(document)
                .body("marginalia.transcription.uncertain[0].start", equalTo(estimate))
                .body("marginalia.transcription.uncertain[0].reading", equalTo("estimate"))
                .body("marginalia.transcription.uncertain[0].certainty", equalTo("LOW"))
                .body("marginalia.transcription.gaps[0].after", equalTo(words.length()))
                .body("marginalia.transcription.gaps[0].extent.quantity", equalTo(1))
                .body("marginalia.transcription.gaps[0].extent.unit", equalTo("WORDS"))
                .body("marginalia.medium", equalTo("pencil"));
        // the same marks in the typed text are annotations of their own
        Annotations.of("UNCERTAIN_READING").quote(text, "?estimate?")
                .set("uncertain_reading", Map.of("reading", "estimate", "certainty", "LOW")).post(document);
        Annotations.of("GAP").quote(text, "[[one word off the page]]")
                .set("gap", Map.of("reason", "OFF_PAGE", "extent", Map.of("quantity", 1, "unit", "WORDS")))
                .post(document);

        api().get("/documents/{id}/marginalia", document).then().body("items", hasSize(1));
    }

    @Test
    void marginaliaAreCheckedLikeEveryAnnotation() {
        String unknown = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b";
        invalid(circling(Map.of("kind", "CIRCLING", "reported_by_id", unknown)), "marginalia.reported_by_id");
        String otherDocument = Documents.cable().create();
        String foreignNote = Annotations.translatorNote("circled")
                .quote(Texts.cable().create(otherDocument), CIRCLED_NOTE).create(otherDocument);
        invalid(circling(Map.of("kind", "CIRCLING", "reported_by_id", foreignNote)), "marginalia.reported_by_id");
        invalid(circling(Map.of("kind", "CONNECTING_LINE", "connector", "ARROW")), "marginalia.connector");
        invalid(circling(Map.of("kind", "COMMENT", "transcription", Map.of("text", "still",
                "uncertain", List.of(Map.of("start", 2, "end", 9, "reading", "still")),
                "gaps", List.of(Map.of("after", 6, "reason", "ILLEGIBLE"))))),
                "marginalia.transcription.uncertain[0].end", "marginalia.transcription.gaps[0].after");
        invalid(circling(Map.of("kind", "COMMENT", "hand", Map.of("agent_id", unknown))), "marginalia.hand.agent_id");
        Annotations.of("MARGINALIA").quote(text, "one trawler").set("marginalia", Map.of("medium", "pencil"))
                .sendMalformed(document).statusCode(422).body("errors.field", contains("marginalia.kind"));
    }

    @Test
    void theMarginaliaListingPagesAndFiltersByText() {
        String original = Texts.cable().create(document);
        List<String> created = new ArrayList<>();
        for (String t : List.of(text, original, text)) {
            created.add(Annotations.of("MARGINALIA").quote(t, "one trawler")
                    .set("marginalia", Map.of("kind", "UNDERLINING")).create(document));
        }
        Annotations.translatorNote("a note, not a mark").quote(text, "one trawler").create(document);

        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            var request = api().queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/documents/{id}/marginalia", document).then().statusCode(200)
                    .extract().jsonPath();
            paged.addAll(page.getList("items.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertEquals(created, paged);
        api().queryParam("text_id", original).get("/documents/{id}/marginalia", document).then()
                .body("items.id", contains(created.get(1)));
        api().get("/documents/{id}/marginalia", "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b").then().statusCode(404);
    }

    private Annotations circling(Map<String, Object> marginalia) {
        return Annotations.of("MARGINALIA").quote(text, "one trawler").set("marginalia", marginalia);
    }

    private void invalid(Annotations annotation, String... fields) {
        ValidatableResponse response = annotation.send(document);
        response.statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", containsInAnyOrder(fields));
    }
}
