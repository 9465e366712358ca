package org.fonds.testing;

import static org.fonds.testing.Api.api;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A fluent builder of agents for tests: {@code Agents.person("Kim Il Sung").name("김일성", "ko-Hang").create()}. */
public final class Agents {

    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Map<String, Object>> names = new ArrayList<>();
    private final List<Map<String, Object>> offices = new ArrayList<>();
    private final List<Map<String, Object>> identifiers = new ArrayList<>();

    private Agents(String type, String name) {
        fields.put("type", type);
        name(name, "en");
    }

    public static Agents person(String name) {
        return new Agents("PERSON", name);
    }

    public static Agents organisation(String name) {
        return new Agents("ORGANISATION", name);
    }

    public static Agents group(String name) {
        return new Agents("GROUP", name);
    }

    public static Agents office(String name) {
        return new Agents("OFFICE", name);
    }

    /** Terentii Shtykov, first Soviet ambassador to the DPRK, with his Russian and romanized names. */
    public static Agents shtykov() {
        return person("Terentii Shtykov")
                .name("Штыков, Терентий Фомич", "ru-Cyrl")
                .transliteration("Shtykov, Terentiĭ Fomich", "ru-Latn", "LIBRARY_OF_CONGRESS")
                .existence("1907/1964");
    }

    public Agents name(String value, String language) {
        names.add(Names.variant(value, language, null, false));
        return this;
    }

    public Agents transliteration(String value, String language, String scheme) {
        names.add(Names.variant(value, language, scheme, false));
        return this;
    }

    public Agents preferredName(String value, String language) {
        names.add(Names.variant(value, language, null, true));
        return this;
    }

    public Agents existence(String edtf) {
        return set("existence", edtf);
    }

    public Agents office(String title, String organisationId, String start, String end) {
        Map<String, Object> office = new LinkedHashMap<>();
        office.put("title", title);
        office.put("organisation_id", organisationId);
        office.put("start", start);
        office.put("end", end);
        offices.add(office);
        return this;
    }

    public Agents identifier(String scheme, String value) {
        identifiers.add(Map.of("scheme", scheme, "value", value));
        return this;
    }

    public Agents note(String note) {
        return set("note", note);
    }

    public Agents set(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>(fields);
        body.putIfAbsent("names", new ArrayList<>(names));
        if (!offices.isEmpty()) {
            body.putIfAbsent("offices", new ArrayList<>(offices));
        }
        if (!identifiers.isEmpty()) {
            body.putIfAbsent("identifiers", new ArrayList<>(identifiers));
        }
        return body;
    }

    /** Creates the agent through the API and returns the response (201 checked). */
    public ValidatableResponse post() {
        return api().contentType(ContentType.JSON).body(body()).post("/agents").then().statusCode(201);
    }

    /** Creates the agent through the API and returns its id. */
    public String create() {
        return post().extract().path("id");
    }
}
