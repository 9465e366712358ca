package org.fonds.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fonds.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes every operation of the committed spec (enumerated from it, so a new operation is fuzzed without touching
 * this test) with thousands of generated requests: valid ones built from the schemas and from the resources that
 * exist (the sample archive and what the fuzzer creates), boundary values (lengths, limits, numbers at and past
 * their limits) and malformed ones (wrong types, huge strings, invalid UTF-8 in bodies, paths and query strings,
 * unknown fields, bad cursors, bad EDTF dates, bad UUIDs, wrong or missing content types and bodies, bad
 * conditional headers). Every response must be below 500, carry a status the spec documents for the operation, and
 * match the spec (the response validation of {@link Api#malformed()}).
 *
 * <p>Deterministic: one seeded {@link Random} drives everything. The seed is printed; rerun a failure with
 * {@code -Dfonds.fuzz.seed=<seed>} (and {@code -Dfonds.fuzz.rounds=<n>} for more or fewer requests per operation).
 * A failure prints each distinct problem with the exact request that caused it.
 *
 * <p>Its own database: the test profile makes Quarkus restart with a fresh instance of the global test PostgreSQL
 * (with the sample archive), so the documents, edits and deletes of the fuzzer never reach the counts and searches
 * of the other tests, and the next test class starts on a fresh database again.
 */
@QuarkusTest
@TestProfile(ApiFuzzTest.OwnDatabase.class)
class ApiFuzzTest {

    /** A profile of its own: Quarkus restarts, and the test resources with it, so the fuzzer gets its own database. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fonds.sample.load", "true");
        }
    }

    /** Who sends the request. */
    enum Credentials {
        NONE, EDITOR
    }

    private static final long DEFAULT_SEED = 0x5EED_F0D5L;
    private static final int MAX_REPORTED = 40;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /**
     * The one place every fuzz request starts from. Authentication: give EDITOR a token here (and make sure NONE
     * sends none), so every operation is fuzzed both with and without credentials; 401 and 403 are fine, 5xx never.
     */
    static RequestSpecification request(Credentials credentials) {
        RequestSpecification spec = Api.malformed();
        return spec.config(((FilterableRequestSpecification) spec).getConfig().encoderConfig(
                EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                        // the bytes as generated, whatever the content type claims (REST Assured would encode a form)
                        .encodeContentTypeAs("application/x-www-form-urlencoded", io.restassured.http.ContentType.TEXT)))
                .urlEncodingEnabled(false);
    }

    /** One request as sent: path and query already percent-encoded, the body as raw bytes. */
    record Sent(Credentials credentials, String method, String path, String query, Map<String, String> headers,
            String contentType, byte[] body, String mode) {

        String uri() {
            return query.isEmpty() ? path : path + "?" + query;
        }

        String describe() {
            StringBuilder s = new StringBuilder(method).append(' ').append(abbreviate(uri(), 600)).append("   [").append(mode)
                    .append(", credentials ").append(credentials).append(']');
            headers.forEach((k, v) -> s.append("\n  ").append(k).append(": ").append(abbreviate(v, 300)));
            if (contentType != null) {
                s.append("\n  Content-Type: ").append(contentType);
            }
            if (body != null) {
                s.append("\n  body (").append(body.length).append(" bytes): ").append(abbreviate(printable(body), 1500));
            }
            return s.toString();
        }
    }

    private final Map<String, List<String>> ids = new LinkedHashMap<>();
    private final Map<String, List<String>> created = new LinkedHashMap<>();
    private final Map<String, List<String>> cursors = new LinkedHashMap<>();
    private final Map<String, String> failures = new TreeMap<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private Spec spec;
    private Values values;
    private Map<String, String> childParameter;
    private int sent;

    @Test
    void noRequestGetsA5xxOrAResponseTheSpecDoesNotDescribe() {
        long seed = Long.getLong("fonds.fuzz.seed", DEFAULT_SEED);
        int rounds = Integer.getInteger("fonds.fuzz.rounds", 30);
        System.out.printf("ApiFuzzTest: seed %d, %d rounds (rerun with -Dfonds.fuzz.seed=%d)%n", seed, rounds, seed);
        spec = Spec.read(Api.SPEC);
        List<Spec.Operation> operations = spec.operations();
        assertTrue(operations.size() > 50, "the spec has " + operations.size() + " operations");
        values = new Values(new Random(seed), spec, this::known);
        childParameter = childParameters(operations);
        crawl(operations);
        long start = System.nanoTime();
        for (int round = 0; round < rounds; round++) {
            for (Spec.Operation op : operations) {
                fuzz(op);
            }
        }
        System.out.printf("ApiFuzzTest: %d requests to %d operations in %d s, statuses %s, ids known %s%n", sent,
                operations.size(), (System.nanoTime() - start) / 1_000_000_000L, statuses, counts(ids));
        if (!failures.isEmpty()) {
            fail(failures.size() + " distinct failures (seed " + seed + "):\n\n" + String.join("\n\n", failures.values()));
        }
    }

    // --- discovery ------------------------------------------------------------------------------------------------

    /** For each collection path, the parameter that names one of its items: /documents → document_id. */
    private static Map<String, String> childParameters(List<Spec.Operation> operations) {
        Map<String, String> child = new LinkedHashMap<>();
        for (Spec.Operation op : operations) {
            Matcher m = Pattern.compile("^(.*)/\\{([^}]+)}$").matcher(op.path());
            if (m.matches()) {
                child.putIfAbsent(m.group(1), m.group(2));
            }
        }
        // lists whose items live at a top-level path: /documents/{document_id}/annotations → /annotations/{annotation_id}
        for (Spec.Operation op : operations) {
            String last = op.path().substring(op.path().lastIndexOf('/') + 1);
            if (!child.containsKey(op.path()) && !last.startsWith("{")) {
                operations.stream().map(Spec.Operation::path)
                        .filter(p -> p.matches("^/" + Pattern.quote(last) + "/\\{[^}]+}$"))
                        .findFirst()
                        .ifPresent(item -> child.put(op.path(), item.substring(item.indexOf('{') + 1, item.length() - 1)));
            }
        }
        return child;
    }

    /** Reads every list the spec has, level by level, to learn the ids of existing resources and some cursors. */
    private void crawl(List<Spec.Operation> operations) {
        for (int level = 0; level < 4; level++) {
            for (Spec.Operation op : operations) {
                if (!op.method().equals("GET") || !childParameter.containsKey(op.path())) {
                    continue;
                }
                if (op.in("query").stream().anyMatch(Spec.Parameter::required)) {
                    continue;
                }
                List<String> pathParams = pathParameters(op.path());
                if (pathParams.stream().anyMatch(p -> known(p).isEmpty())) {
                    continue;
                }
                for (int i = 0; i < 3; i++) {
                    String path = op.path();
                    for (String p : pathParams) {
                        path = path.replace("{" + p + "}", values.pick(known(p)));
                    }
                    send(op, new Sent(Credentials.EDITOR, "GET", path, "limit=100", Map.of(), null, null, "crawl"));
                }
            }
        }
    }

    private void harvest(Spec.Operation op, Sent request, Response response) {
        if (response.statusCode() >= 300 || !response.contentType().startsWith("application/json")) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.asByteArray());
        } catch (java.io.IOException e) {
            return;
        }
        String child = childParameter.get(op.path());
        if (child == null) {
            return;
        }
        if (op.method().equals("GET")) {
            for (JsonNode item : body.path("items")) {
                String id = item.path("id").asText(null);
                if (id == null && item.path("type").asText("").startsWith(op.path() + "/")) {
                    id = item.path("type").asText().substring(op.path().length() + 1);
                }
                remember(ids, child, id);
            }
            if (body.hasNonNull("next")) {
                remember(cursors, op.id(), body.get("next").asText());
            }
        } else if (op.method().equals("POST") && response.statusCode() == 201) {
            remember(ids, child, body.path("id").asText(null));
            remember(created, child, body.path("id").asText(null));
        }
    }

    private static void remember(Map<String, List<String>> map, String key, String value) {
        if (value == null) {
            return;
        }
        List<String> list = map.computeIfAbsent(key, k -> new ArrayList<>());
        if (!list.contains(value)) {
            list.add(value);
        }
        if (list.size() > 300) {
            list.remove(0);
        }
    }

    /** Ids of existing resources for a parameter or field: agent_id, translator_agent_id, place_of_origin_id, … */
    private List<String> known(String name) {
        List<String> exact = ids.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, List<String>> e : ids.entrySet()) {
            String stem = e.getKey().replace("_id", "");
            if (name.endsWith("_" + e.getKey()) || name.startsWith(stem + "_")) {
                return e.getValue();
            }
        }
        return List.of();
    }

    // --- generation -----------------------------------------------------------------------------------------------

    private enum Mode {
        VALID, BOUNDARY, MALFORMED
    }

    private void fuzz(Spec.Operation op) {
        double r = values.random().nextDouble();
        Mode mode = r < 0.45 ? Mode.VALID : r < 0.65 ? Mode.BOUNDARY : Mode.MALFORMED;
        // which part a boundary or malformed request breaks: path, query, headers or body
        List<String> parts = new ArrayList<>(List.of("query", "headers"));
        if (!pathParameters(op.path()).isEmpty()) {
            parts.add("path");
        }
        if (!op.bodies().isEmpty()) {
            parts.add("body");
            parts.add("body");
        }
        String broken = mode == Mode.VALID ? "" : values.pick(parts);
        Credentials credentials = values.chance(0.5) ? Credentials.EDITOR : Credentials.NONE;

        String path = path(op, broken.equals("path") ? mode : Mode.VALID);
        String query = query(op, broken.equals("query") ? mode : Mode.VALID);
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode current = null;
        if (op.writes() && !op.method().equals("POST")) {
            // a conditional write: read the current ETag (and the resource, the base of a valid body) first
            Response read = read(credentials, path);
            if (read != null && read.header("ETag") != null) { // a purge reads the revisions list, which has none
                headers.put("If-Match", read.header("ETag"));
                current = parse(read);
            }
        } else if (op.method().equals("POST") && !op.bodies().isEmpty()) {
            current = existingItem(op.path(), path);
        }
        if (op.method().equals("GET") && op.parameters().stream().anyMatch(p -> p.name().equals("If-None-Match"))
                && values.chance(0.2)) {
            Response read = read(credentials, path);
            if (read != null && read.header("ETag") != null) {
                headers.put("If-None-Match", read.header("ETag"));
            }
        }
        if (broken.equals("headers")) {
            breakHeaders(op, headers, mode);
        }
        String contentType = null;
        byte[] body = null;
        String detail = mode.name() + (broken.isEmpty() ? "" : " " + broken);
        if (!op.bodies().isEmpty()) {
            Map.Entry<String, JsonNode> media = op.bodies().entrySet().iterator().next();
            contentType = media.getKey();
            JsonNode json = body(op, media.getValue(), current, broken.equals("body") ? mode : Mode.VALID);
            body = bytes(json);
            if (broken.equals("body") && mode == Mode.MALFORMED) {
                Object[] raw = malformedBody(json, media.getValue(), contentType);
                contentType = (String) raw[0];
                body = (byte[]) raw[1];
                detail += " " + raw[2];
            }
        } else if (broken.equals("headers") && mode == Mode.MALFORMED && values.chance(0.3)) {
            contentType = values.pick(List.of("application/json", "text/plain", "application/xml"));
            body = "{\"unexpected\": \"body\"}".getBytes(StandardCharsets.UTF_8);
        }
        send(op, new Sent(credentials, op.method(), path, query, headers, contentType, body, detail));
    }

    private String path(Spec.Operation op, Mode mode) {
        List<String> params = pathParameters(op.path());
        String broken = params.isEmpty() ? null : values.pick(params);
        String path = op.path();
        for (String p : params) {
            Spec.Parameter param = op.parameters().stream().filter(x -> x.name().equals(p)).findFirst().orElseThrow();
            String value;
            if (!p.equals(broken) || mode == Mode.VALID) {
                List<String> mine = created.getOrDefault(p, List.of());
                value = op.method().equals("DELETE") && !mine.isEmpty() && values.chance(0.85) ? values.pick(mine)
                        : known(p).isEmpty() ? values.validParameter(param) : values.pick(known(p));
            } else if (mode == Mode.BOUNDARY) {
                value = Values.encode(values.boundaryParameter(param)); // a boundary value, not a malformed URL
            } else {
                value = values.malformedParameter(param);
            }
            if (value.isEmpty() || value.contains("%2F") || value.contains("%2f") || value.equals(".")
                    || value.equals("..") || value.contains("?") || value.contains("#")) {
                value = "x" + value.replace("%2F", "").replace("%2f", "").replace("?", "").replace("#", "")
                        .replace(".", "_");
            }
            path = path.replace("{" + p + "}", value);
        }
        return path;
    }

    private String query(Spec.Operation op, Mode mode) {
        List<Spec.Parameter> params = op.in("query");
        Spec.Parameter broken = params.isEmpty() ? null : values.pick(params);
        List<String> pairs = new ArrayList<>();
        for (Spec.Parameter p : params) {
            boolean isBroken = p == broken && mode != Mode.VALID;
            if (!p.required() && !isBroken && !values.chance(0.4)) {
                continue;
            }
            String value;
            if (p.name().equals("cursor")) {
                value = cursor(op, isBroken ? mode : Mode.VALID);
                if (value == null) {
                    continue;
                }
            } else if (!isBroken) {
                value = Values.encode(values.validParameter(p));
            } else if (mode == Mode.BOUNDARY) {
                value = Values.encode(values.boundaryParameter(p));
            } else {
                value = values.malformedParameter(p);
            }
            pairs.add(p.name() + "=" + value);
        }
        if (mode == Mode.MALFORMED && (params.isEmpty() || values.chance(0.3))) {
            pairs.add(values.pick(List.of("unknown=1", "limit=1&limit=2", "%FF=%FE", "a[b]=c",
                    "LIMIT=5", "q", "cursor=" + values.pick(Values.BAD_ENCODED))));
        }
        if (mode == Mode.BOUNDARY && params.isEmpty()) {
            pairs.add("x=" + "y".repeat(2_000));
        }
        return String.join("&", pairs);
    }

    private String cursor(Spec.Operation op, Mode mode) {
        List<String> mine = cursors.getOrDefault(op.id(), List.of());
        if (mode == Mode.VALID) {
            return mine.isEmpty() || values.chance(0.4) ? null : Values.encode(values.pick(mine));
        }
        List<String> any = cursors.values().stream().flatMap(List::stream).toList();
        if (mode == Mode.BOUNDARY) {
            return any.isEmpty() ? "" : Values.encode(values.pick(any)); // a cursor of another listing
        }
        String real = mine.isEmpty() ? (any.isEmpty() ? "eyJ4IjoxfQ" : values.pick(any)) : values.pick(mine);
        return Values.encode(values.pick(List.of(real.substring(0, real.length() / 2), real + "x",
                new StringBuilder(real).reverse().toString(), real.replace('a', 'b'), "AAAA", "!!!", "e30",
                "eyJ4IjoxfQ.AAAA", "null", "x".repeat(5_000), real.toUpperCase(java.util.Locale.ROOT))));
    }

    private void breakHeaders(Spec.Operation op, Map<String, String> headers, Mode mode) {
        if (op.writes() && !op.method().equals("POST")) {
            if (mode == Mode.BOUNDARY) {
                headers.put("If-Match", values.pick(List.of("\"0\"", "\"999999999\"", "*", "W/\"0\"")));
            } else if (values.chance(0.5)) {
                String bad = values.pick(List.of("", "\"", "garbage", "\"-1\"", "\"99999999999999999999999\"",
                        "W/", "\"a\", \"b\"", "\"" + "9".repeat(4_000) + "\"", "\"\u00e9\""));
                headers.put("If-Match", bad);
            } else {
                headers.remove("If-Match");
            }
            return;
        }
        if (mode == Mode.BOUNDARY) {
            headers.put("If-None-Match", values.pick(List.of("*", "\"0\"", "W/\"0\"", "\"a\", \"b\"")));
            return;
        }
        if (values.chance(0.5)) {
            headers.put("Accept", values.pick(List.of("application/xml", "text/html", "*/*;q=0", ";;",
                    "application/json;q=abc", "image/png", "application/problem+json", "application/*", "")));
        } else {
            headers.put("If-None-Match", values.pick(List.of("", "\"", "garbage", "\"" + "x".repeat(4_000) + "\"")));
        }
    }

    /** A body: valid (an existing resource's writable fields, or generated from the schema), or with a boundary. */
    private JsonNode body(Spec.Operation op, JsonNode schema, JsonNode current, Mode mode) {
        JsonNode body;
        boolean patch = op.method().equals("PATCH");
        if (current != null && values.chance(0.7)) {
            body = project(current, schema);
            if (patch && body.isObject() && body.size() > 0) {
                ObjectNode subset = Values.JSON.objectNode();
                List<String> names = new ArrayList<>();
                body.fieldNames().forEachRemaining(names::add);
                for (int i = 0; i < values.between(1, 3); i++) {
                    String name = values.pick(names);
                    subset.set(name, body.get(name));
                }
                body = subset;
            }
            if (values.chance(0.5)) {
                mutate(body, schema, (s, name) -> values.valid(s, name, 1));
            }
        } else {
            body = values.valid(schema, "body", 0);
        }
        if (mode == Mode.BOUNDARY) {
            mutate(body, schema, (s, name) -> values.boundary(s));
        }
        return body;
    }

    /** The writable fields of a resource as read: what a client would send back. */
    private JsonNode project(JsonNode node, JsonNode schema) {
        JsonNode s = spec.resolve(schema);
        if (node == null || node.isNull()) {
            return node;
        }
        if (!s.has("properties") && !s.has("items")) {
            for (JsonNode alt : spec.alternatives(s)) {
                if (alt.has("properties") == node.isObject()) {
                    s = alt;
                    break;
                }
            }
        }
        if (node.isObject() && s.has("properties")) {
            ObjectNode out = Values.JSON.objectNode();
            s.get("properties").fields().forEachRemaining(p -> {
                if (node.has(p.getKey())) {
                    out.set(p.getKey(), project(node.get(p.getKey()), p.getValue()));
                }
            });
            return out;
        }
        if (node.isArray() && s.has("items")) {
            ArrayNode out = Values.JSON.arrayNode();
            JsonNode items = s.get("items");
            node.forEach(item -> out.add(project(item, items)));
            return out;
        }
        return node;
    }

    /** Replaces one property somewhere in the body (descending into objects) with what {@code value} makes. */
    private void mutate(JsonNode body, JsonNode schema, java.util.function.BiFunction<JsonNode, String, JsonNode> value) {
        JsonNode s = spec.resolve(schema);
        if (!body.isObject() || !s.has("properties")) {
            return;
        }
        List<String> names = new ArrayList<>();
        s.get("properties").fieldNames().forEachRemaining(names::add);
        String name = values.pick(names);
        JsonNode propertySchema = spec.resolve(s.get("properties").get(name));
        JsonNode existing = body.get(name);
        List<JsonNode> alternatives = spec.alternatives(propertySchema);
        JsonNode objectSchema = propertySchema.has("properties") ? propertySchema
                : alternatives.stream().filter(a -> a.has("properties")).findFirst().orElse(null);
        if (existing != null && existing.isObject() && objectSchema != null && values.chance(0.6)) {
            mutate(existing, objectSchema, value);
            return;
        }
        ((ObjectNode) body).set(name, value.apply(propertySchema, name));
    }

    /** An existing item of the collection a POST creates in, the base of a valid new one. */
    private JsonNode existingItem(String template, String path) {
        String child = childParameter.get(template);
        List<String> known = child == null ? List.of() : known(child);
        if (known.isEmpty() || values.chance(0.3)) {
            return null;
        }
        Response read = read(Credentials.EDITOR, path + "/" + values.pick(known));
        return read == null ? null : parse(read);
    }

    /** A malformed body: {content type, bytes, what was done}. */
    private Object[] malformedBody(JsonNode valid, JsonNode schema, String contentType) {
        byte[] json = bytes(valid);
        String text = new String(json, StandardCharsets.UTF_8);
        switch (values.between(0, 15)) {
            case 0: {
                JsonNode copy = valid.deepCopy();
                mutate(copy, schema, (s, name) -> values.wrongType(s));
                return new Object[] {contentType, bytes(copy), "wrong type"};
            }
            case 1: {
                JsonNode copy = valid.deepCopy();
                if (copy.isObject()) {
                    ((ObjectNode) copy).put(values.pick(List.of("unknown", "id", "version", "created_at", "Title",
                            "__proto__", "")), values.pick(List.of("x", "1")));
                }
                return new Object[] {contentType, bytes(copy), "unknown field"};
            }
            case 2:
                return new Object[] {contentType, utf8(text.substring(0, values.between(0, Math.max(0, text.length() - 1)))),
                        "truncated"};
            case 3: {
                byte[] bad = values.pick(List.of(new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xC0, (byte) 0xAF},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0x80},
                        new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80}));
                int at = text.indexOf("\":\"");
                String head = at < 0 ? "{\"title\":\"" : text.substring(0, at + 3);
                String tail = at < 0 ? "\"}" : text.substring(at + 3);
                byte[] h = utf8(head);
                byte[] t = utf8(tail);
                byte[] out = new byte[h.length + bad.length + t.length];
                System.arraycopy(h, 0, out, 0, h.length);
                System.arraycopy(bad, 0, out, h.length, bad.length);
                System.arraycopy(t, 0, out, h.length + bad.length, t.length);
                return new Object[] {contentType, out, "invalid UTF-8"};
            }
            case 4:
                return new Object[] {contentType, utf8(values.pick(List.of("[]", "\"x\"", "42", "null", "true", "[{}]",
                        "{}", "{\"a\":}", "{,}", "'x'"))), "not an object"};
            case 5:
                return new Object[] {contentType, new byte[0], "empty body"};
            case 6:
                return new Object[] {null, null, "no body, no content type"};
            case 7: {
                JsonNode copy = valid.deepCopy();
                mutate(copy, schema, (s, name) -> Values.JSON.textNode(values.huge()));
                return new Object[] {contentType, bytes(copy), "huge string"};
            }
            case 8: {
                int depth = values.pick(List.of(200, 1_001, 5_000, 20_000));
                String nested = "{\"title\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
                return new Object[] {contentType, utf8(nested), "nested " + depth};
            }
            case 9:
                return new Object[] {values.pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "foo", "application/json; charset=bogus",
                        "application/json; charset=UTF-16", "application/merge-patch+json", "application/json",
                        "application/problem+json", "*/*", "application/json; charset=\"", "application/octet-stream")),
                        json, "content type"};
            case 10:
                return new Object[] {contentType + "; charset=ISO-8859-1", text.getBytes(StandardCharsets.ISO_8859_1),
                        "latin-1"};
            case 11:
                return new Object[] {contentType, utf8(values.pick(List.of("{\"title\":\"a\",\"title\":\"b\"}",
                        "{\"limit\":1e400}", "{\"position\":01}", "{\"position\":NaN}", "{\"title\":\"a\" /* c */}",
                        "{\"title\":\"\\ud800\"}", "{\"title\":\"\\u0000\"}", "{\"kind\":\"CABLE\",\"title\":\"t\",\"date\":\"\\u0000\"}"))),
                        "odd JSON"};
            case 12:
                return new Object[] {contentType, new byte[1_100_000], "over the size limit"};
            case 13: {
                byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                byte[] out = new byte[bom.length + json.length];
                System.arraycopy(bom, 0, out, 0, 3);
                System.arraycopy(json, 0, out, 3, json.length);
                return new Object[] {contentType, out, "BOM"};
            }
            case 14: {
                byte[] out = json.clone();
                if (out.length > 2) {
                    out[values.between(1, out.length - 2)] = 0;
                }
                return new Object[] {contentType, out, "NUL byte"};
            }
            default: {
                JsonNode copy = valid.deepCopy();
                mutate(copy, schema, (s, name) -> Values.JSON.textNode(values.pick(
                        List.of("\u0000", "a\u0000b", "\ud800", "\udfff x", "\u202e", "\uffff", "\u0007"))));
                return new Object[] {contentType, bytes(copy), "control characters"};
            }
        }
    }

    // --- sending and checking --------------------------------------------------------------------------------------

    private void send(Spec.Operation op, Sent request) {
        sent++;
        Response response;
        try {
            RequestSpecification r = request(request.credentials());
            request.headers().forEach(r::header);
            if (request.contentType() != null) {
                r.contentType(request.contentType());
            }
            if (request.body() != null) {
                r.body(request.body());
            }
            response = r.request(request.method(), request.uri());
        } catch (Exception e) { // REST Assured throws checked exceptions undeclared
            failure(op, "exception " + e.getClass().getSimpleName(), request, validationErrors(e), null);
            return;
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        if (status >= 500) {
            failure(op, "status " + status, request, "a " + status + " response", response);
        } else if (!op.statuses().contains(Integer.toString(status)) && !op.statuses().contains("default")) {
            failure(op, "undocumented " + status, request, "status " + status + " is not documented for " + op, response);
        } else {
            harvest(op, request, response);
        }
    }

    private void failure(Spec.Operation op, String kind, Sent request, String what, Response response) {
        String key = op.id() + " " + kind + " " + abbreviate(firstLine(what), 120);
        if (failures.containsKey(key) || failures.size() >= MAX_REPORTED) {
            return;
        }
        String body = response == null ? "" : "\n  response: " + response.statusCode() + " "
                + abbreviate(response.asString(), 1500);
        failures.put(key, "#" + sent + " " + op + ": " + abbreviate(what, 3000) + "\n  " + request.describe() + body);
    }

    /** What the spec validation reported at ERROR level (the filter's message also lists the ignored request findings). */
    private static String validationErrors(Exception e) {
        if (!e.getClass().getSimpleName().equals("OpenApiValidationException")) {
            return e.toString();
        }
        try {
            List<String> errors = new ArrayList<>();
            for (JsonNode m : JSON.readTree(e.getMessage()).path("messages")) {
                if (!m.path("level").asText().equals("IGNORE")) {
                    errors.add(m.path("key").asText() + ": " + abbreviate(m.path("message").asText(), 500));
                }
            }
            return "spec validation: " + String.join("; ", errors);
        } catch (java.io.IOException notJson) {
            return e.toString();
        }
    }

    private static List<String> pathParameters(String path) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(path);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static JsonNode parse(Response response) {
        try {
            return JSON.readTree(response.asByteArray());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String printable(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString().replace("\u0000", "\\x00");
        } catch (java.nio.charset.CharacterCodingException e) {
            for (byte b : bytes) {
                s.append(b >= 0x20 && b < 0x7f ? String.valueOf((char) b) : String.format("\\x%02X", b & 0xff));
            }
            return s.toString();
        }
    }

    private static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "… (" + s.length() + " chars)";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static Map<String, Integer> counts(Map<String, List<String>> map) {
        Map<String, Integer> out = new TreeMap<>();
        map.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    /** A read that precedes a fuzz request (the ETag for If-Match, a resource to base a body on); null if it fails. */
    private static Response read(Credentials credentials, String path) {
        try {
            Response response = request(credentials).get(path);
            return response.statusCode() == 200 ? response : null;
        } catch (Exception e) {
            return null; // the fuzz request itself will show what is wrong with this path
        }
    }
}
