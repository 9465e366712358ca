package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fluent builder of places for tests: {@code Places.named("Pyongyang").name("평양", "ko-Hang").create()}. */
public final class Places {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Map<String, Object>> names = new ArrayList<>();
    private final List<Map<String, Object>> identifiers = new ArrayList<>();

    private Places(String name) {
        name(name, "en");
    }

    public static Places named(String name) {
        return new Places(name);
    }

    /** Pyongyang with its Korean name and McCune–Reischauer romanization, and coordinates. */
    public static Places pyongyang() {
        return named("Pyongyang")
                .name("평양", "ko-Hang")
                .transliteration("P'yŏngyang", "ko-Latn", "MCCUNE_REISCHAUER")
                .at(39.0392, 125.7625);
    }

    public Places name(String value, String language) {
        names.add(Names.variant(value, language, null, false));
        return this;
    }

    public Places transliteration(String value, String language, String scheme) {
        names.add(Names.variant(value, language, scheme, false));
        return this;
    }

    public Places preferredName(String value, String language) {
        names.add(Names.variant(value, language, null, true));
        return this;
    }

    public Places at(double latitude, double longitude) {
        return set("latitude", latitude).set("longitude", longitude);
    }

    public Places identifier(String scheme, String value) {
        identifiers.add(Map.of("scheme", scheme, "value", value));
        return this;
    }

    public Places set(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putIfAbsent("names", new ArrayList<>(names));
        if (!identifiers.isEmpty()) {
            body.putIfAbsent("identifiers", new ArrayList<>(identifiers));
        }
        return body;
    }

    /** Creates the place through the API and returns the response (201 checked). */
    public ValidatableResponse post() {
        return api().contentType(ContentType.JSON).body(body()).post("/places").then().statusCode(201);
    }

    /** Creates the place through the API and returns its id. */
    public String create() {
        return post().extract().path("id");
    }
}
