package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.http.ContentType;
import java.util.Map;

/** A document with what printed editions add (issue 11): made through the API, for the tests of every path out and in. */
public final class Editions {

    /** The covering document and its enclosure. */
    public record Made(String document, String enclosure, String text, String signatory) {
    }

    private Editions() {
    }

    /**
     * A cable with its kind as written, notes on its heading, dateline, source line and signature, a page break of the
     * original and one of a printed edition, a supplied signature, and an enclosure linked to it.
     */
    public static Made cableWithEverything() {
        String place = Places.pyongyang().create();
        String doc = Documents.cable().set("kind_as_written", "Ciphered telegram").set("place_of_origin_id", place)
                .set("source", Map.of("citation", "Department of State, Central Files, 795.00/6-2550")).create();
        String en = Texts.opening().create(doc);
        String acheson = api().contentType(ContentType.JSON).body(Map.of("agent_id",
                Agents.person("Dean Acheson").create(), "role", "SIGNATORY", "name_as_written", "Acheson",
                "supplied", true)).post("/documents/{d}/participants", doc).then().statusCode(201).extract()
                .<String>path("id");
        Annotations.of("FOOTNOTE").target(Map.of("part", "HEADING"))
                .set("note_text", "Source: Department of State, Central Files, 795.00/6-2550. Secret.")
                .set("footnote", Map.of("marker", "1")).create(doc);
        Annotations.of("EDITOR_NOTE").target(Map.of("part", "DATELINE")).set("note_text", "Received June 25.")
                .create(doc);
        Annotations.of("EDITOR_NOTE").target(Map.of("part", "SOURCE")).target(Annotations.quoteTarget(en,
                "Kim Il Sung")).set("note_text", "Repeated to Moscow.").create(doc);
        Annotations.of("EDITOR_NOTE").target(Map.of("part", "SIGNATURE", "participant_id", acheson))
                .set("note_text", "Printed from an unsigned copy.").create(doc);
        Annotations.of("PAGE_BREAK").quote(en, "The navy").set("page_break", Map.of("n", "2")).create(doc);
        Annotations.of("PAGE_BREAK").quote(en, "At the beginning").set("page_break",
                Map.of("n", "968", "edition", "frus1950v07", "edition_title", "FRUS 1950, vol. VII")).create(doc);
        String enclosure = Documents.of("MEMORANDUM").title("Enclosure").create();
        api().contentType(ContentType.JSON).body(Map.of("type", "ENCLOSURE_OF", "target_document_id", doc))
                .post("/documents/{d}/links", enclosure).then().statusCode(201);
        return new Made(doc, enclosure, en, acheson);
    }
}
