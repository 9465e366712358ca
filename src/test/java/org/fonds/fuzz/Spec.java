package org.fonds.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The committed OpenAPI document as the fuzzer needs it: every operation with its parameters, request bodies and
 * documented statuses, and schemas with their {@code $ref}s resolved. Read as a plain JSON tree because OpenAPI 3.1
 * schemas ({@code type: [string, "null"]}, {@code $ref} with siblings) are simplest to walk that way.
 */
final class Spec {

    record Parameter(String name, String in, boolean required, JsonNode schema, JsonNode example) {
    }

    record Operation(String id, String method, String path, List<Parameter> parameters,
            Map<String, JsonNode> bodies, Set<String> statuses) {

        List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }

        boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return id + " (" + method + " " + path + ")";
        }
    }

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private final JsonNode root;

    private Spec(JsonNode root) {
        this.root = root;
    }

    static Spec read(Path file) {
        try {
            return new Spec(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every operation of the spec, in the spec's order, so new operations are fuzzed without changing the test. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> {
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    JsonNode param = resolve(p);
                    parameters.add(new Parameter(param.path("name").asText(), param.path("in").asText(),
                            param.path("required").asBoolean(false), resolve(param.path("schema")),
                            param.get("example")));
                }
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                op.path("requestBody").path("content").fields()
                        .forEachRemaining(c -> bodies.put(c.getKey(), resolve(c.getValue().path("schema"))));
                Set<String> statuses = new LinkedHashSet<>();
                op.path("responses").fieldNames().forEachRemaining(statuses::add);
                operations.add(new Operation(op.path("operationId").asText(), method.toUpperCase(),
                        path.getKey(), parameters, bodies, statuses));
            }
        });
        return operations;
    }

    /** The schema with its {@code $ref} followed; sibling keywords of the {@code $ref} are kept (3.1 allows them). */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 20 && current != null && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            JsonNode target = root.at(ref.substring(1));
            ObjectNode merged = ((ObjectNode) target).deepCopy();
            Iterator<Map.Entry<String, JsonNode>> siblings = current.fields();
            while (siblings.hasNext()) {
                Map.Entry<String, JsonNode> e = siblings.next();
                if (!e.getKey().equals("$ref") && !merged.has(e.getKey())) {
                    merged.set(e.getKey(), e.getValue());
                }
            }
            current = merged;
        }
        return current;
    }

    /** The alternatives of an {@code anyOf}/{@code oneOf} that are not just {@code null}, resolved. */
    List<JsonNode> alternatives(JsonNode schema) {
        List<JsonNode> out = new ArrayList<>();
        for (String key : List.of("anyOf", "oneOf")) {
            for (JsonNode alt : schema.path(key)) {
                JsonNode resolved = resolve(alt);
                if (!types(resolved).equals(Set.of("null"))) {
                    out.add(resolved);
                }
            }
        }
        return out;
    }

    /** The schema's types ({@code type: x} or {@code type: [x, "null"]}), empty when it has none. */
    static Set<String> types(JsonNode schema) {
        JsonNode type = schema.get("type");
        Set<String> types = new LinkedHashSet<>();
        if (type == null) {
            return types;
        }
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        return types;
    }

    /** The non-null type of a schema: object, array, string, integer, number or boolean. */
    Optional<String> mainType(JsonNode schema) {
        Set<String> types = types(schema);
        types.remove("null");
        if (!types.isEmpty()) {
            return Optional.of(types.iterator().next());
        }
        if (schema.has("properties")) {
            return Optional.of("object");
        }
        if (schema.has("enum")) {
            return Optional.of("string");
        }
        List<JsonNode> alts = alternatives(schema);
        return alts.isEmpty() ? Optional.empty() : mainType(alts.get(0));
    }
}
