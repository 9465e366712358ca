package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fluent builder of collections for tests: {@code Collections.titled("Korean War Origins").create()}. */
public final class Collections {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Collections(String title) {
        fields.put("title", title);
    }

    public static Collections titled(String title) {
        return new Collections(title);
    }

    public Collections description(String description) {
        return set("description", description);
    }

    public Collections set(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        return new LinkedHashMap<>(fields);
    }

    /** Creates the collection through the API and returns the response (201 checked). */
    public ValidatableResponse post() {
        return api().contentType(ContentType.JSON).body(fields).post("/collections").then().statusCode(201);
    }

    /** Creates the collection through the API and returns its id. */
    public String create() {
        return post().extract().path("id");
    }
}
