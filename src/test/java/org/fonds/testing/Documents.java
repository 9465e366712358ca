package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** A fluent builder of documents for tests: {@code Documents.cable().title("...").create()}. */
public final class Documents {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Documents(String kind) {
        fields.put("kind", kind);
        fields.put("title", "Ciphered Telegram, Shtykov to Vyshinsky");
        fields.put("date", "1950-05-30");
        fields.put("languages", java.util.List.of("ru"));
    }

    public static Documents cable() {
        return new Documents("CABLE");
    }

    public static Documents of(String kind) {
        return new Documents(kind);
    }

    public Documents title(String title) {
        return set("title", title);
    }

    public Documents date(String date) {
        return set("date", date);
    }

    public Documents language(String language) {
        return set("languages", java.util.List.of(language));
    }

    public Documents set(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        return new LinkedHashMap<>(fields);
    }

    /** Creates the document through the API and returns the response (201 checked). */
    public ValidatableResponse post() {
        return api().contentType(ContentType.JSON).body(fields).post("/documents").then().statusCode(201);
    }

    /** Creates the document through the API and returns its id. */
    public String create() {
        return post().extract().path("id");
    }
}
