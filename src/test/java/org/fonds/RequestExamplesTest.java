package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fonds.access.Role;
import org.fonds.testing.Api;
import org.junit.jupiter.api.Test;

/**
 * Every request body of the committed spec has an example, and each one works as Swagger UI's "Try it out" sends it:
 * posted, put and patched to its own operation (validated against the spec on the way), it answers 2xx. The
 * creates run first and give the ids the paths (and the examples' placeholder ids of agents and texts) stand for.
 */
@QuarkusTest
class RequestExamplesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The id the examples use for a resource of the caller's archive (an agent, a text). */
    private static final String PLACEHOLDER = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b";
    /** Creates in an order in which what a create needs (an agent, a text) exists before it. */
    private static final List<String> CREATES = List.of("/agents", "/places", "/subjects", "/collections",
            "/api-keys", "/documents", "/documents/{document_id}/texts", "/documents/{document_id}/participants",
            "/documents/{document_id}/links", "/documents/{document_id}/media", "/documents/{document_id}/annotations",
            "/imports", "/oai");
    private static final Pattern PARAMETER = Pattern.compile("\\{([a-z_]+)}");

    private record Call(String method, String path, String mediaType, JsonNode example) {
    }

    @Test
    void everyRequestBodyExampleIsAcceptedByItsOperation() throws IOException {
        JsonNode spec = YAML.readTree(Files.readString(Api.SPEC));
        List<Call> calls = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        spec.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            JsonNode content = op.getValue().path("requestBody").path("content");
            content.fields().forEachRemaining(media -> {
                // the media type's example, else its schema's (a component's: the models; inline: the OAI-PMH form,
                // an encoded string)
                JsonNode schema = media.getValue().path("schema");
                if (schema.has("$ref")) {
                    schema = spec.at("/components/schemas/" + schema.get("$ref").asText()
                            .substring("#/components/schemas/".length()));
                }
                JsonNode example = media.getValue().has("example") ? media.getValue().get("example")
                        : media.getValue().path("examples").elements().hasNext()
                        ? media.getValue().get("examples").elements().next().get("value")
                        : schema.path("examples").path(0).isMissingNode() ? null : schema.path("examples").path(0);
                if (example == null) {
                    missing.add(op.getKey().toUpperCase() + " " + path.getKey() + " " + media.getKey());
                } else {
                    calls.add(new Call(op.getKey().toUpperCase(), path.getKey(), media.getKey(), example));
                }
            });
        }));
        assertEquals(List.of(), missing, "request bodies without an example");

        Map<String, String> ids = new HashMap<>();
        List<String> failures = new ArrayList<>();
        calls.stream().filter(c -> c.method().equals("POST"))
                .sorted((a, b) -> Integer.compare(order(a), order(b)))
                .forEach(c -> send(c, ids, failures));
        calls.stream().filter(c -> !c.method().equals("POST")).forEach(c -> send(c, ids, failures));
        assertEquals(List.of(), failures, "request body examples that their operation refused");
        assertTrue(calls.size() >= 28, "every create, replace and patch: " + calls.size());
    }

    private static int order(Call call) {
        int i = CREATES.indexOf(call.path());
        assertTrue(i >= 0, "a create this test does not know the order of: " + call.path());
        return i;
    }

    private static void send(Call call, Map<String, String> ids, List<String> failures) {
        String path = path(call.path(), ids);
        RequestSpecification request = (call.path().startsWith("/api-keys") ? Api.as(Role.ADMIN) : Api.api())
                .contentType(call.mediaType());
        if (call.mediaType().equals("application/x-www-form-urlencoded") || call.example().isTextual()
                && !call.mediaType().contains("json")) {
            // a form already encoded (REST Assured's form parameters would not be a body to the spec's validator), a
            // TEI file or a transcript: the example's string itself
            request.body(call.example().asText());
        } else {
            String body = call.example().toString()
                    .replace(PLACEHOLDER, call.path().contains("/participants") ? ids.get("agent_id")
                            : ids.getOrDefault("text_id", PLACEHOLDER))
                    // an API key's name is unique among the keys in use: the example's, once per archive
                    .replace("\"nightly-import\"", "\"nightly-import-" + UUID.randomUUID() + "\"");
            request.body(body);
        }
        if (!call.method().equals("POST")) {
            request.header("If-Match", Api.etag(path));
        }
        Response response = request.request(call.method(), path);
        String where = call.method() + " " + call.path() + " " + call.mediaType();
        if (response.statusCode() / 100 != 2) {
            failures.add(where + " -> " + response.statusCode() + " " + response.asString());
            return;
        }
        if (call.method().equals("POST") && !call.path().equals("/oai")) {
            String collection = call.path().substring(call.path().lastIndexOf('/') + 1);
            ids.put(idName(collection), JSON.valueToTree(response.as(Map.class)).path("id").asText());
        }
    }

    /** The path parameter that names an item of this collection: agents → agent_id, media → media_id. */
    private static String idName(String collection) {
        String singular = collection.equals("media") ? "media" : collection.replaceAll("s$", "");
        return singular.replace('-', '_') + "_id";
    }

    private static String path(String template, Map<String, String> ids) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String id = ids.get(m.group(1));
            assertTrue(id != null, "no id for " + m.group(1) + " in " + template);
            m.appendReplacement(path, id);
        }
        m.appendTail(path);
        return path.toString();
    }
}
