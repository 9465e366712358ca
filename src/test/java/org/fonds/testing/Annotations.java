package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fluent builder of annotations for tests:
 * {@code Annotations.of("FOREIGN_TERM").quote(textId, "nastuplenie").set("foreign_term", Map.of(...)).create(doc)}.
 */
public final class Annotations {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Map<String, Object>> targets = new ArrayList<>();

    private Annotations(String type) {
        fields.put("type", type);
        fields.put("targets", targets);
    }

    public static Annotations of(String type) {
        return new Annotations(type);
    }

    /** A translator's note with its words. */
    public static Annotations translatorNote(String noteText) {
        return of("TRANSLATOR_NOTE").set("note_text", noteText);
    }

    /** Targets the first occurrence of {@code exact}, for the server to locate. */
    public Annotations quote(String textId, String exact) {
        return target(quoteTarget(textId, exact));
    }

    /** Targets {@code exact} at the given offsets. */
    public Annotations at(String textId, int start, int end, String exact) {
        Map<String, Object> target = quoteTarget(textId, exact);
        target.put("start", start);
        target.put("end", end);
        return target(target);
    }

    public Annotations target(Map<String, Object> target) {
        targets.add(target);
        return this;
    }

    /** The last target added, to add fields to (occurrence, line_start, margin ...). */
    public Annotations withTarget(String field, Object value) {
        targets.get(targets.size() - 1).put(field, value);
        return this;
    }

    public Annotations set(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public static Map<String, Object> quoteTarget(String textId, String exact) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("text_id", textId);
        target.put("exact", exact);
        return target;
    }

    public Map<String, Object> body() {
        return new LinkedHashMap<>(fields);
    }

    /** Posts the annotation without checking the status. */
    public ValidatableResponse send(String documentId) {
        return api().contentType(ContentType.JSON).body(fields).post("/documents/{id}/annotations", documentId).then();
    }

    /** Posts an annotation that breaks the spec on purpose (a minimum, a list size); only the response is validated. */
    public ValidatableResponse sendMalformed(String documentId) {
        return Api.malformed().contentType(ContentType.JSON).body(fields)
                .post("/documents/{id}/annotations", documentId).then();
    }

    /** Creates the annotation (201 checked) and returns the response. */
    public ValidatableResponse post(String documentId) {
        return send(documentId).statusCode(201);
    }

    /** Creates the annotation and returns its id. */
    public String create(String documentId) {
        return post(documentId).extract().path("id");
    }
}
