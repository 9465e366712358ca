package org.fonds;

import static io.restassured.RestAssured.given;
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

    @Test
    void committedSpecEqualsTheServedSpec() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode committed = YAML.readTree(Files.readString(Api.SPEC));
        assertEquals(YAML.readTree(served), committed,
                "openapi/openapi.yaml differs from what /q/openapi serves: run `make openapi` and commit the result");
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
