package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fluent builder of texts for tests: {@code Texts.cable().create(documentId)}, the seed cable's translation. */
public final class Texts {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Texts(List<ShtykovCable.Section> sections) {
        fields.put("role", "TRANSLATION");
        fields.put("language", "en");
        fields.put("translator_name", "Kathryn Weathersby");
        sections(sections);
    }

    /** The English translation of the Shtykov cable. */
    public static Texts cable() {
        return new Texts(ShtykovCable.sections());
    }

    public static Texts of(List<ShtykovCable.Section> sections) {
        return new Texts(sections);
    }

    public Texts sections(List<ShtykovCable.Section> sections) {
        fields.put("sections", sections.stream().map(s -> {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("heading", s.heading());
            section.put("paragraphs", s.paragraphs());
            return section;
        }).toList());
        return this;
    }

    public Map<String, Object> body() {
        return new LinkedHashMap<>(fields);
    }

    public ValidatableResponse post(String documentId) {
        return api().contentType(ContentType.JSON).body(fields).post("/documents/{id}/texts", documentId).then()
                .statusCode(201);
    }

    /** Creates the text and returns its id. */
    public String create(String documentId) {
        return post(documentId).extract().path("id");
    }

    /** Replaces a text with these sections (no If-Match) and returns the response (200 checked). */
    public static ValidatableResponse replace(String documentId, String textId, List<ShtykovCable.Section> sections) {
        return api().contentType(ContentType.JSON).body(of(sections).body())
                .put("/documents/{d}/texts/{t}", documentId, textId).then().statusCode(200);
    }
}
