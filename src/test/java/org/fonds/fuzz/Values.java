package org.fonds.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/**
 * Values generated from schemas, all from one seeded {@link Random}: valid ones (enum members, examples of the
 * spec, ids of existing resources, EDTF dates), boundary ones (lengths and numbers at and just past their limits)
 * and malformed ones (wrong types, bad UUIDs and dates, invalid percent-encoded UTF-8, huge strings).
 */
final class Values {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** EDTF levels 0 and 1, valid. */
    static final List<String> EDTF = List.of("1950", "1950-05", "1950-05-30", "1950-05-30T13:40+09:00",
            "1950-05-30T13:40:00Z", "1950?", "1950-05~", "1950-05-30%", "195X", "19XX", "1950-XX", "1950-21",
            "1950-05/1950-06", "../1950-06-25", "1950-06-25/..", "1950-05-30/1950-06-09", "Y-170000002", "-0500",
            "0000", "1956-09-18", "1946", "1950-24");
    /** Almost EDTF: wrong months and days, level 2, garbage, overflow. */
    static final List<String> BAD_EDTF = List.of("1950-13", "1950-02-30", "1950-00-10", "1950-05-32", "50-05-30",
            "1950/05/30", "30.05.1950", "1950-05-30T25:00", "1950-05-30T13:40+99:00", "1950-05-30T", "[1950..1951]",
            "{1950,1951}", "1950-05-30/1950-05-29", "1950-05-30/", "/", "..", "../..", "Y999999999999999999999",
            "99999999999999999999", "-99999999999-01-01", "1950-5-3", "1950~?%", "1950-05-30 ", " 1950", "1950-05-30?~",
            "2001-25", "XXXX-XX-XX", "1950-05-30T13:40:60Z", "0000-00-00", "1950-02-29", "1950-05-30/1950-13",
            "2147483648", "1950-05-30T13:40+09:00/..", "Y17E8", "1950S2", "1960-05-30/1950");
    static final List<String> BAD_UUIDS = List.of("x", "0", "123", "null", "undefined", "00000000-0000-0000-0000-00000000000",
            "00000000-0000-0000-0000-0000000000000", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "{00000000-0000-0000-0000-000000000000}",
            "00000000000000000000000000000000", "-1", "..", ".", "%2e%2e", "1e9", "true", "0x10", "' OR 1=1 --");
    static final List<String> BOUNDARY_UUIDS = List.of("00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF",
            "01890a5d-ac96-774b-bcce-b302099a8057");
    /** Percent-encoded bytes that are not UTF-8, or are control characters, or are what a decoder stumbles over. */
    static final List<String> BAD_ENCODED = List.of("%FF", "%FE%FF", "%C0%AF", "%C3%28", "%ED%A0%80", "%F8%88%80%80%80",
            "%80", "%E2%82", "%00", "%0A", "%0D%0A", "%25", "%EF%BB%BF", "%F4%90%80%80", "%C1%BF");
    static final List<String> BAD_NUMBERS = List.of("", "abc", "1.5", "-", "+", "1e3", "0x1F", "NaN", "Infinity",
            "99999999999999999999", "-99999999999999999999", "2147483648", "-2147483649", "9223372036854775808", " 1",
            "1 ", "１２");
    static final List<String> STRINGS = List.of("Shtykov", "Штыков", "Kim Il Sung", "김일성", "毛泽东", "Vasil'yev",
            "Vasil’yev", "nastuplenie", "«наступление»", "a", "trawler", "Pyongyang", "Пхеньян", "the", "ünïcödé",
            "😀 emoji", "O'Brien", "Mikoyan", "x-y", "\"quoted\"", "back\\slash", "tab\there", "line\nbreak", "%", "_",
            "*", "(", ")", "or", "-attacks", "\"large subchaser\" or trawler", "-", "' OR 1=1 --", "<script>", "${x}",
            "\u200b", "e\u0301", "İ", "ß", "Ⅻ");
    static final List<String> LANGUAGES = List.of("en", "ru", "ko", "zh", "zh-Hans", "de", "en-GB", "ko-Kore");

    private final Random random;
    private final Spec spec;
    private final Function<String, List<String>> ids;

    /** @param ids the ids of existing resources for a parameter or field name such as {@code agent_id} */
    Values(Random random, Spec spec, Function<String, List<String>> ids) {
        this.random = random;
        this.spec = spec;
        this.ids = ids;
    }

    Random random() {
        return random;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int between(int min, int max) {
        return min >= max ? min : min + random.nextInt(max - min + 1);
    }

    <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    // --- strings --------------------------------------------------------------------------------------------------

    String text(int min, int max) {
        StringBuilder s = new StringBuilder();
        int target = between(Math.max(min, 1), Math.max(Math.max(min, 1), Math.min(max, 40)));
        while (s.length() < target) {
            s.append(pick(STRINGS)).append(' ');
        }
        String out = s.substring(0, target).strip();
        return out.isEmpty() || out.length() < min ? "x".repeat(Math.max(min, 1)) : out;
    }

    String huge() {
        return pick(List.of("a", "Щ", "😀", " ", "\\", "'", "%")).repeat(between(5_000, 60_000));
    }

    /** An id of an existing resource for this name (agent_id, translator_agent_id, …), else a random UUID. */
    String id(String name) {
        List<String> known = ids.apply(name);
        return known.isEmpty() || chance(0.1) ? UUID.randomUUID().toString() : pick(known);
    }

    // --- schema-driven values ----------------------------------------------------------------------------------------

    /** A value the schema accepts, as far as the schema alone can say (semantics may still make it a 422). */
    JsonNode valid(JsonNode schema, String name, int depth) {
        JsonNode s = spec.resolve(schema);
        List<JsonNode> alternatives = spec.alternatives(s);
        if (!alternatives.isEmpty() && !s.has("properties") && !s.has("enum")) {
            s = pick(alternatives);
        }
        if (s.has("enum")) {
            return pick(list(s.get("enum")));
        }
        String type = spec.mainType(s).orElse("string");
        switch (type) {
            case "object": {
                ObjectNode o = JSON.objectNode();
                List<String> required = new ArrayList<>();
                s.path("required").forEach(r -> required.add(r.asText()));
                Iterator<Map.Entry<String, JsonNode>> properties = s.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> p = properties.next();
                    if (required.contains(p.getKey()) || (depth < 4 && chance(0.35))) {
                        o.set(p.getKey(), valid(p.getValue(), p.getKey(), depth + 1));
                    }
                }
                return o;
            }
            case "array": {
                ArrayNode a = JSON.arrayNode();
                int min = s.path("minItems").asInt(0);
                int n = between(min, Math.min(s.path("maxItems").asInt(min + 3), min + 3));
                String itemName = name.endsWith("_ids") ? name.substring(0, name.length() - 1) : name;
                for (int i = 0; i < n; i++) {
                    JsonNode item = valid(s.path("items"), itemName, depth + 1);
                    if (!s.path("uniqueItems").asBoolean() || !contains(a, item)) {
                        a.add(item);
                    }
                }
                return a;
            }
            case "integer":
            case "number": {
                long min = s.has("minimum") ? s.get("minimum").asLong() : 0;
                long max = s.has("maximum") ? s.get("maximum").asLong() : min + 50;
                return JSON.numberNode(min + (long) random.nextInt((int) Math.min(max - min, 50) + 1));
            }
            case "boolean":
                return JSON.booleanNode(random.nextBoolean());
            default:
                return JSON.textNode(string(s, name));
        }
    }

    private String string(JsonNode s, String name) {
        String format = s.path("format").asText("");
        if (format.equals("uuid")) {
            return id(name);
        }
        if (format.equals("date")) {
            return pick(List.of("1950-05-30", "1950-06-25", "1946-01-01", "1956-09-18", "2000-02-29"));
        }
        if (format.equals("date-time")) {
            return "2026-01-0" + between(1, 9) + "T12:00:00Z";
        }
        if (isDate(name)) {
            return pick(EDTF);
        }
        if (name.equals("language") || name.equals("languages")) {
            return pick(LANGUAGES);
        }
        if (s.has("examples") && chance(0.6)) {
            JsonNode example = pick(list(s.get("examples")));
            if (example.isTextual()) {
                return example.asText();
            }
        }
        int max = s.path("maxLength").asInt(200);
        return text(s.path("minLength").asInt(1), max);
    }

    static boolean isDate(String name) {
        return List.of("date", "dispatched", "from", "to", "on", "date_from", "date_to", "begin", "end_date")
                .contains(name) || name.endsWith("_date");
    }

    /** A value at or just past a limit of the schema: lengths, item counts, minimum and maximum, empty, null. */
    JsonNode boundary(JsonNode schema) {
        JsonNode s = spec.resolve(schema);
        List<JsonNode> alternatives = spec.alternatives(s);
        if (!alternatives.isEmpty() && !s.has("properties")) {
            s = pick(alternatives);
        }
        String type = spec.mainType(s).orElse("string");
        switch (type) {
            case "integer":
            case "number": {
                List<JsonNode> options = new ArrayList<>(List.of(JSON.numberNode(0), JSON.numberNode(-1),
                        JSON.numberNode(Integer.MAX_VALUE), JSON.numberNode(Integer.MIN_VALUE),
                        JSON.numberNode(Long.MAX_VALUE), JSON.numberNode(new java.math.BigInteger("99999999999999999999999")),
                        JSON.numberNode(1.5), JSON.numberNode(1e300), JSON.numberNode(-0.0)));
                if (s.has("minimum")) {
                    options.add(JSON.numberNode(s.get("minimum").asLong()));
                    options.add(JSON.numberNode(s.get("minimum").asLong() - 1));
                }
                if (s.has("maximum")) {
                    options.add(JSON.numberNode(s.get("maximum").asLong()));
                    options.add(JSON.numberNode(s.get("maximum").asLong() + 1));
                }
                return pick(options);
            }
            case "array": {
                ArrayNode a = JSON.arrayNode();
                int max = s.path("maxItems").asInt(60);
                int n = pick(List.of(0, max, max + 1, s.path("minItems").asInt(0)));
                JsonNode item = valid(s.path("items"), "item", 3);
                for (int i = 0; i < Math.min(n, 2_500); i++) {
                    a.add(item.deepCopy());
                }
                return a;
            }
            case "object":
                return chance(0.5) ? JSON.objectNode() : JSON.nullNode();
            case "boolean":
                return JSON.nullNode();
            default: {
                int max = s.path("maxLength").asInt(1_000);
                int min = s.path("minLength").asInt(0);
                return JSON.textNode(pick(List.of("", " ", "\t\n", "x".repeat(Math.min(max, 200_000)),
                        "Щ".repeat(Math.min(max + 1, 200_001)), "x".repeat(Math.min(max + 1, 200_001)),
                        "x".repeat(Math.max(min - 1, 0)), "😀".repeat(Math.min(max, 50_000)))));
            }
        }
    }

    /** A value of the wrong type or shape for the schema. */
    JsonNode wrongType(JsonNode schema) {
        String type = spec.mainType(spec.resolve(schema)).orElse("string");
        List<JsonNode> options = new ArrayList<>(List.of(JSON.textNode("wrong"), JSON.numberNode(42),
                JSON.booleanNode(true), JSON.arrayNode().add(1).add("two"), JSON.objectNode().put("x", 1),
                JSON.numberNode(-7.25), JSON.textNode(pick(BAD_UUIDS)), JSON.textNode(pick(BAD_EDTF)),
                JSON.textNode("\u0000"), JSON.textNode("a\u0000b"), JSON.textNode("\ud800"), JSON.textNode(huge())));
        options.removeIf(v -> sameType(type, v));
        return pick(options);
    }

    private static boolean sameType(String type, JsonNode v) {
        return switch (type) {
            case "string" -> false; // a string of the wrong form is wrong enough
            case "integer", "number" -> v.isNumber();
            case "boolean" -> v.isBoolean();
            case "array" -> v.isArray();
            case "object" -> v.isObject();
            default -> false;
        };
    }

    // --- query and path values (already percent-encoded) ----------------------------------------------------------

    /** A parameter value the schema accepts. */
    String validParameter(Spec.Parameter p) {
        JsonNode s = p.schema();
        if (p.example() != null && chance(0.3)) {
            return p.example().asText();
        }
        if (spec.mainType(s).orElse("string").equals("integer")) {
            long min = s.has("minimum") ? s.get("minimum").asLong() : 0;
            long max = s.has("maximum") ? s.get("maximum").asLong() : min + 20;
            return Long.toString(min + random.nextInt((int) Math.min(max - min, 100) + 1));
        }
        if (spec.mainType(s).orElse("string").equals("boolean")) {
            return Boolean.toString(random.nextBoolean());
        }
        return valid(s, p.name(), 0).asText();
    }

    /** A parameter value at a limit. */
    String boundaryParameter(Spec.Parameter p) {
        JsonNode s = p.schema();
        String type = spec.mainType(s).orElse("string");
        if (type.equals("integer")) {
            List<String> options = new ArrayList<>(List.of("0", "-1", "1", "2147483647", "-2147483648", "10000",
                    "10001", "99999999999999999999"));
            if (s.has("minimum")) {
                options.add(Long.toString(s.get("minimum").asLong() - 1));
            }
            if (s.has("maximum")) {
                options.add(s.get("maximum").asText());
                options.add(Long.toString(s.get("maximum").asLong() + 1));
            }
            return pick(options);
        }
        if ("uuid".equals(s.path("format").asText())) {
            return pick(BOUNDARY_UUIDS);
        }
        if (s.has("enum")) {
            return pick(list(s.get("enum"))).asText().toLowerCase(java.util.Locale.ROOT);
        }
        return pick(List.of("", "x", "x".repeat(s.path("maxLength").asInt(500)),
                "x".repeat(s.path("maxLength").asInt(500) + 1), "Щ".repeat(2_000), "*", "\"", "0001-01-01",
                "9999-12-31", "-9999-01-01"));
    }

    /** A parameter value of the wrong type, encoding or form (percent-encoded). */
    String malformedParameter(Spec.Parameter p) {
        String type = spec.mainType(p.schema()).orElse("string");
        List<String> options = new ArrayList<>(List.of(encode(pick(BAD_UUIDS)), encode(pick(BAD_EDTF)),
                encode(pick(BAD_NUMBERS)), "abc" + pick(BAD_ENCODED) + "def", pick(BAD_ENCODED),
                encode(huge().substring(0, between(30, 2_000))), encode(pick(STRINGS)), "%20", "a+b", "true"));
        if (type.equals("string") && p.schema().has("enum")) {
            options.add("NOT_A_MEMBER");
        }
        return pick(options);
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static boolean contains(ArrayNode a, JsonNode item) {
        for (JsonNode n : a) {
            if (n.equals(item)) {
                return true;
            }
        }
        return false;
    }
}
