package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fluent builder of texts for tests: {@code Texts.cable()} is the seed cable's whole English translation,
 * {@code Texts.opening()} a short text of its first paragraphs with a multi-line paragraph and a "Note:" section.
 */
public final class Texts {

    public static final String TO_VYSHINSKY = "To VYSHINSKY (for the Politburo).";
    public static final String FIRST = "I met with Kim Il Sung, at his request, on 29 May. At the beginning of the "
            + "conversation, Kim Il Sung reported that the weapons and ammunition, which he had requested during his "
            + "stay in Moscow, had mainly already arrived.";
    public static final String NAVY = "The navy is somewhat behind as a consequence of the fact that they had still "
            + "not received one trawler and one large subchaser from the USSR.\nThe crews for these ships have been "
            + "chosen.\nHe asked me to take appropriate measures to speed up the arrival of the ships.";

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Map<String, Object>> sections = new ArrayList<>();

    private Texts() {
        fields.put("role", "TRANSLATION");
        fields.put("language", "en");
        fields.put("translator_name", "Kathryn Weathersby");
        fields.put("sections", sections);
    }

    /** The English translation of the Shtykov cable. */
    public static Texts cable() {
        return of(ShtykovCable.sections());
    }

    public static Texts of(List<ShtykovCable.Section> sections) {
        Texts texts = new Texts();
        sections.forEach(s -> texts.section(s.heading(), s.paragraphs().toArray(String[]::new)));
        return texts;
    }

    /** The cable's opening: an address line, then two paragraphs (the third of three lines), then a "Note:" section. */
    public static Texts opening() {
        return new Texts().section(null, TO_VYSHINSKY, FIRST, NAVY)
                .section("Note:", "After the conversation with Kim Il Sung about these issues I called in advisers.");
    }

    public static Texts empty() {
        return new Texts();
    }

    public Texts section(String heading, String... paragraphs) {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("heading", heading);
        section.put("paragraphs", List.of(paragraphs));
        sections.add(section);
        return this;
    }

    public Texts set(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        return new LinkedHashMap<>(fields);
    }

    public ValidatableResponse post(String documentId) {
        return api().contentType(ContentType.JSON).body(fields).post("/documents/{id}/texts", documentId).then()
                .statusCode(201);
    }

    public String create(String documentId) {
        return post(documentId).extract().path("id");
    }

    /** Replaces a text with these sections (no If-Match) and returns the response (200 checked). */
    public static ValidatableResponse replace(String documentId, String textId, List<ShtykovCable.Section> sections) {
        return api().contentType(ContentType.JSON).body(of(sections).body())
                .header("If-Match", Api.etag("/documents/{d}/texts/{t}", documentId, textId)).put("/documents/{d}/texts/{t}", documentId, textId).then().statusCode(200);
    }
}
