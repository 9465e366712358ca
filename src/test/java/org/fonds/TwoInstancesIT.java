package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fonds.testing.FondsProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of Fonds over one database, each with its cache of rendered documents (DocumentCache): a write through
 * either one is seen by the next read on the other, whether it changes the document, one of its parts or whether the
 * public may see it. Nothing but the database is shared: no message between the instances is needed.
 */
class TwoInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path work;
    private EmbeddedPostgres postgres;
    private FondsProcess a;
    private FondsProcess b;

    @AfterEach
    void tearDown() throws IOException {
        for (FondsProcess fonds : new FondsProcess[] {a, b}) {
            if (fonds != null) {
                fonds.destroy();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
        if (work != null) {
            FondsProcess.deleteTree(work);
        }
    }

    @Test
    void eachInstanceSeesTheOthersWritesAtTheNextRead() throws Exception {
        work = Files.createTempDirectory("fonds-two-instances-it");
        int pgPort = FondsProcess.freePort();
        postgres = FondsProcess.postgres(work.resolve("pg"), pgPort);
        Map<String, String> env = new HashMap<>(FondsProcess.externalDatabase(pgPort));
        env.put("FONDS_SAMPLE_LOAD", "false");
        Files.createDirectories(work.resolve("a"));
        Files.createDirectories(work.resolve("b"));
        a = FondsProcess.start(List.of(), env, FondsProcess.freePort(), work.resolve("a").resolve("fonds.log"));
        b = FondsProcess.start(List.of(), env, FondsProcess.freePort(), work.resolve("b").resolve("fonds.log"));

        String id = send(a, "POST", "/documents", "{\"kind\":\"CABLE\",\"title\":\"Shtykov to Vyshinsky\","
                + "\"visibility\":\"PUBLISHED\"}", null).path("id").asText();
        send(a, "POST", "/documents/" + id + "/texts", "{\"role\":\"TRANSLATION\",\"language\":\"en\","
                + "\"sections\":[{\"paragraphs\":[\"I met with Kim Il Sung.\"]}]}", null);
        String whole = "/documents/" + id + "?embed=all";
        for (int i = 0; i < 3; i++) { // read on both: each one keeps it
            assertEquals("Shtykov to Vyshinsky", read(a, whole).path("title").asText());
            assertEquals("Shtykov to Vyshinsky", read(b, whole).path("title").asText());
        }

        // the document changed on A: B's next read has it
        patch(a, id, "{\"title\":\"Shtykov to Vyshinsky, 30 May 1950\"}");
        assertEquals("Shtykov to Vyshinsky, 30 May 1950", read(b, whole).path("title").asText());
        // a part changed on B: A's next read has it
        String text = read(b, whole).path("texts").path(0).path("id").asText();
        String textTag = response(b, "GET", "/documents/" + id + "/texts/" + text, null, null).headers()
                .firstValue("ETag").orElseThrow();
        send(b, "PUT", "/documents/" + id + "/texts/" + text, "{\"role\":\"TRANSLATION\",\"language\":\"en\","
                + "\"sections\":[{\"paragraphs\":[\"I met with Kim Il Sung, at his request.\"]}]}", textTag);
        assertEquals("I met with Kim Il Sung, at his request.", read(a, whole).path("texts").path(0)
                .path("content").asText());
        // restricted on B: gone from A for the public at once
        patch(b, id, "{\"visibility\":\"RESTRICTED\"}");
        assertEquals(404, response(a, "GET", whole, null, null).statusCode());
        assertEquals(404, response(b, "GET", whole, null, null).statusCode());
    }

    /** An anonymous read, which must answer 200. */
    private JsonNode read(FondsProcess fonds, String path) throws Exception {
        HttpResponse<String> response = response(fonds, "GET", path, null, null);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private void patch(FondsProcess fonds, String id, String body) throws Exception {
        String tag = response(fonds, "GET", "/documents/" + id, null, null).headers().firstValue("ETag")
                .orElseThrow();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(fonds.url("/documents/" + id))
                .header("Authorization", "Bearer " + fonds.editorToken())
                .header("Content-Type", "application/merge-patch+json").header("If-Match", tag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    /** A write as the instance's editor, which must answer 2xx; its JSON body. */
    private JsonNode send(FondsProcess fonds, String method, String path, String body, String ifMatch)
            throws Exception {
        HttpResponse<String> response = response(fonds, method, path, body, ifMatch);
        assertEquals(2, response.statusCode() / 100, method + " " + path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> response(FondsProcess fonds, String method, String path, String body,
            String ifMatch) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(fonds.url(path)).timeout(Duration.ofSeconds(10));
        if (body != null) {
            request.header("Authorization", "Bearer " + fonds.editorToken()).header("Content-Type",
                    "application/json");
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
