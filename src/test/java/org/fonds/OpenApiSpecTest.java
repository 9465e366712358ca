package org.fonds;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Api;
import org.junit.jupiter.api.Test;

/** The committed spec is the product: it must equal what the server serves, and be complete. */
@QuarkusTest
class OpenApiSpecTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void committedSpecEqualsTheServedSpec() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode committed = YAML.readTree(Files.readString(Api.SPEC));
        assertEquals(YAML.readTree(served), committed,
                "openapi/openapi.yaml differs from what /q/openapi serves: run `make openapi` and commit the result");
    }

    @Test
    void yaml11ParsersReadTheServedAndTheCommittedYamlAsTheServedJson() throws IOException {
        JsonNode json = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/json")).extract().asString());
        String served = given().get("/q/openapi").then().statusCode(200)
                .contentType(startsWith("application/yaml")).extract().asString();
        assertEquals(served, given().get("/q/openapi.yaml").then().statusCode(200).extract().asString());
        assertEquals(served, given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract()
                .asString());
        // SnakeYAML's own resolver is YAML 1.1's: an unquoted 1950-05-30 loads as a java.util.Date, `no` as false
        assertEquals(json, JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(served)),
                "a YAML 1.1 parser reads /q/openapi's YAML as its JSON");
        assertEquals(json, JSON.valueToTree(new org.yaml.snakeyaml.Yaml().load(Files.readString(Api.SPEC))),
                "a YAML 1.1 parser reads openapi/openapi.yaml as /q/openapi's JSON");
    }

    @Test
    void noSchemaHasATypeBesideItsReference() throws IOException {
        List<String> found = new ArrayList<>();
        siblings(YAML.readTree(Files.readString(Api.SPEC)), "", found);
        assertEquals(List.of(), found, "a type beside $ref (generators warn and drop it)");
    }

    private static void siblings(JsonNode node, String path, List<String> found) {
        if (node.isObject() && node.has("$ref") && node.has("type")) {
            found.add(path);
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> siblings(e.getValue(), path + "/" + e.getKey(), found));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                siblings(node.get(i), path + "/" + i, found);
            }
        }
    }

    @Test
    void everyOperationHasAnIdASummaryAndProblemErrors() throws IOException {
        JsonNode spec = YAML.readTree(Files.readString(Api.SPEC));
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (!operation.hasNonNull("operationId")) {
                    missing.add(where + ": operationId");
                }
                if (!operation.hasNonNull("summary")) {
                    missing.add(where + ": summary");
                }
                JsonNode responses = operation.get("responses");
                assertNotNull(responses, where + " has responses");
                for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> r = rs.next();
                    // 414 is answered by the HTTP server before Fonds sees the request, without a body
                    if ((r.getKey().startsWith("4") || r.getKey().startsWith("5")) && !r.getKey().equals("414")) {
                        JsonNode schema = r.getValue().path("content").path("application/problem+json").path("schema");
                        if (!"#/components/schemas/Problem".equals(schema.path("$ref").asText())) {
                            missing.add(where + " " + r.getKey() + ": Problem schema");
                        }
                    }
                }
                assertTrue(responses.has("500"), where + " documents 500");
            }
        }
        assertTrue(missing.isEmpty(), "Incomplete operations: " + missing);
        assertFalse(spec.path("paths").path("/documents").isMissingNode());
    }
}
