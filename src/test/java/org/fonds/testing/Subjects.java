package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fluent builder of subjects for tests: {@code Subjects.labelled("Korean War, 1950-1953").create()}. */
public final class Subjects {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Subjects(String label) {
        fields.put("label", label);
    }

    public static Subjects labelled(String label) {
        return new Subjects(label);
    }

    public Subjects scheme(String scheme) {
        return set("scheme", scheme);
    }

    public Subjects uri(String uri) {
        return set("uri", uri);
    }

    public Subjects set(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        return new LinkedHashMap<>(fields);
    }

    /** Creates the subject through the API and returns the response (201 checked). */
    public ValidatableResponse post() {
        return api().contentType(ContentType.JSON).body(fields).post("/subjects").then().statusCode(201);
    }

    /** Creates the subject through the API and returns its id. */
    public String create() {
        return post().extract().path("id");
    }
}
