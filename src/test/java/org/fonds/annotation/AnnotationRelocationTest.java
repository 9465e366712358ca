package org.fonds.annotation;

import org.fonds.testing.Api;

import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.ShtykovCable;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When a text is replaced, what is anchored to it follows its words, or is flagged when they are gone. */
@QuarkusTest
class AnnotationRelocationTest {

    private static final List<ShtykovCable.Section> SECTIONS = ShtykovCable.sections();
    private static final String CONTENT = ShtykovCable.content(SECTIONS);
    private static final Map<String, Object> NASTUPLENIE = Map.of("term", "nastuplenie", "language", "ru-Latn");

    private String document;
    private String text;

    @BeforeEach
    void cable() {
        document = Documents.cable().create();
        text = Texts.cable().create(document);
    }

    @Test
    void insertingWordsBeforeAnAnchorShiftsItAndMarksItRelocated() {
        String before = Annotations.of("EDITOR_NOTE").set("note_text", "The instance: the Politburo.")
                .quote(text, "instantsiya").create(document);
        String term = Annotations.of("FOREIGN_TERM").quote(text, "nastuplenie").set("foreign_term", NASTUPLENIE)
                .create(document);
        String circling = Annotations.of("MARGINALIA").quote(text, "one trawler").quote(text, "one large subchaser")
                .set("marginalia", Map.of("kind", "CIRCLING")).create(document);

        String inserted = "general ";
        List<ShtykovCable.Section> edited = ShtykovCable.sectionsWith(ShtykovCable.ATTACK,
                ShtykovCable.ATTACK.replace("for an attack [nastuplenie]", "for an " + inserted + "attack [nastuplenie]"));
        Texts.replace(document, text, edited);
        String content = ShtykovCable.content(edited);

        int shift = inserted.length();
        api().get("/annotations/{id}", term).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1))
                .body("targets[0].start", equalTo(CONTENT.indexOf("nastuplenie") + shift))
                .body("targets[0].start", equalTo(content.indexOf("nastuplenie")))
                .body("targets[0].exact", equalTo("nastuplenie"))
                .body("targets[0].prefix", endsWith("general attack ["))
                .body("targets[0].status", equalTo("RELOCATED"));
        // two targets moved: one new version
        api().get("/annotations/{id}", circling).then()
                .body("version", equalTo(1))
                .body("targets.start", contains(CONTENT.indexOf("one trawler") + shift,
                        CONTENT.indexOf("one large subchaser") + shift))
                .body("targets.status", contains("RELOCATED", "RELOCATED"));
        // before the edit nothing moved
        api().get("/annotations/{id}", before).then()
                .header("ETag", equalTo("\"0\""))
                .body("targets[0].start", equalTo(CONTENT.indexOf("instantsiya")))
                .body("targets[0].status", equalTo("ANCHORED"));
    }

    @Test
    void deletingTheAnchoredWordsOrphansTheAnnotationWhichStays() {
        int start = CONTENT.indexOf("nastuplenie");
        String term = Annotations.of("FOREIGN_TERM").quote(text, "nastuplenie").set("foreign_term", NASTUPLENIE)
                .create(document);
        String prefix = api().get("/annotations/{id}", term).then().extract().path("targets[0].prefix");

        Texts.replace(document, text, ShtykovCable.sectionsWith(ShtykovCable.ATTACK,
                ShtykovCable.ATTACK.replace(" [nastuplenie]", "")));

        api().get("/annotations/{id}", term).then().statusCode(200)
                .body("version", equalTo(1))
                .body("targets[0].status", equalTo("ORPHANED"))
                .body("targets[0].start", equalTo(start))
                .body("targets[0].exact", equalTo("nastuplenie"))
                .body("targets[0].prefix", equalTo(prefix));
        api().queryParam("type", "FOREIGN_TERM").get("/documents/{id}/annotations", document).then()
                .body("items.id", hasItem(term));

        // the orphaned target does not stand in the way of other changes
        api().contentType("application/merge-patch+json").body("{\"note_text\":\"The term was dropped.\"}")
                .header("If-Match", Api.etag("/annotations/{id}", term)).patch("/annotations/{id}", term).then().statusCode(200)
                .body("targets[0].status", equalTo("ORPHANED"))
                .body("version", equalTo(2));

        // the words come back: the target is found again
        Texts.replace(document, text, SECTIONS);
        api().get("/annotations/{id}", term).then()
                .body("version", equalTo(3))
                .body("targets[0].start", equalTo(start))
                .body("targets[0].status", equalTo("RELOCATED"));

        // a client re-anchors it explicitly: ANCHORED again
        api().contentType(ContentType.JSON)
                .body(Annotations.of("FOREIGN_TERM").quote(text, "nastuplenie").set("foreign_term", NASTUPLENIE).body())
                .header("If-Match", Api.etag("/annotations/{id}", term)).put("/annotations/{id}", term).then().statusCode(200)
                .body("targets[0].status", equalTo("ANCHORED"));
    }

    @Test
    void wordsThatOccurSeveralTimesAreFoundAgainByTheirContext() {
        String words = "the end of June";
        String prefix = "against the South at ";
        int start = CONTENT.indexOf(prefix + words) + prefix.length();
        String mention = Annotations.of("MENTION").quote(text, words).withTarget("prefix", prefix)
                .set("mention", Map.of("date", "1950-06-21/1950-06-30")).create(document);

        // edits before and after it, so that it lies inside the changed part of the text; one of the other
        // occurrences disappears and the anchor's own sentence is untouched
        String meeting = ShtykovCable.MEETING.replace("by the end of June", "within a month");
        String advisers = ShtykovCable.ADVISERS.replace("Postnikov in order", "Postnikov (his deputy) in order");
        List<ShtykovCable.Section> edited = ShtykovCable.sectionsWith(ShtykovCable.MEETING, meeting).stream()
                .map(s -> new ShtykovCable.Section(s.heading(), s.paragraphs().stream()
                        .map(p -> p.equals(ShtykovCable.ADVISERS) ? advisers : p).toList()))
                .toList();
        Texts.replace(document, text, edited);
        String content = ShtykovCable.content(edited);

        int moved = content.indexOf(prefix + words) + prefix.length();
        api().get("/annotations/{id}", mention).then()
                .body("targets[0].start", equalTo(moved))
                .body("targets[0].start", equalTo(start + meeting.length() - ShtykovCable.MEETING.length()))
                .body("targets[0].status", equalTo("RELOCATED"));
    }
}
