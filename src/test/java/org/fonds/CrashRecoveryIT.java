package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fonds.testing.FondsProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application killed with SIGKILL in the middle of a stream of writes (several clients creating documents,
 * texts of several paragraphs, and patching documents): after a restart on the same data directory, every write
 * that was acknowledged (a 2xx received) is there and complete, and nothing is half-written — each request is all
 * or nothing. The embedded PostgreSQL outlives the killed JVM as an orphan; the restart must stop it and start anew.
 */
class CrashRecoveryIT {

    private static final int CLIENTS = 4;
    private static final int PARAGRAPHS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 60;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path work;
    private int port;
    private FondsProcess fonds;

    /** What a client sent and had acknowledged. Only the client that created a document writes to it. */
    private record Doc(String id, String title, List<String> texts, String summary) {
    }

    private final Map<String, Doc> acknowledged = new ConcurrentHashMap<>();
    /** Every title and every paragraph set ever sent, acknowledged or not: what a complete write can look like. */
    private final Map<String, List<String>> sentTexts = new ConcurrentHashMap<>();
    private final AtomicInteger acks = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory("fonds-crash-it");
        port = FondsProcess.freePort();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fonds != null && fonds.process().isAlive()) {
            fonds.signal("TERM"); // stops its PostgreSQL too
        }
        long orphan = FondsProcess.postmasterPid(data());
        if (orphan > 0) {
            ProcessHandle.of(orphan).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        }
        FondsProcess.deleteTree(work);
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndNoneIsHalfWritten() throws Exception {
        fonds = start();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            running.add(clients.submit(() -> write(client)));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acks.get() < ACKNOWLEDGED_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(acks.get() >= ACKNOWLEDGED_BEFORE_KILL, "only " + acks.get() + " writes in 60 s: " + fonds.logTail());
        long postmaster = FondsProcess.postmasterPid(data());
        fonds.kill(); // in the middle of the writes
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "clients still running after the kill");
        int acknowledgedAtKill = acks.get();

        fonds = start(); // on the same data directory, with the killed run's PostgreSQL possibly still running
        assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "the orphaned PostgreSQL (pid " + postmaster + ") was not stopped");

        for (Doc doc : acknowledged.values()) {
            JsonNode read = get("/documents/" + doc.id());
            assertEquals(doc.title(), read.path("title").asText(), "title of " + doc.id());
            if (doc.summary() != null) {
                assertEquals(doc.summary(), read.path("summary").asText(), "acknowledged patch of " + doc.id());
            }
            List<String> contents = new ArrayList<>();
            for (JsonNode text : get("/documents/" + doc.id() + "/texts?limit=100").path("items")) {
                contents.add(paragraphs(text).toString());
            }
            for (String text : doc.texts()) {
                assertTrue(contents.contains(text), "acknowledged text " + text + " of " + doc.id() + " is missing");
            }
        }
        // nothing half-written: every document and text there is one that was sent, complete
        int documents = 0;
        String cursor = null;
        do {
            JsonNode page = get("/documents?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
            for (JsonNode summary : page.path("items")) {
                documents++;
                String title = summary.path("title").asText();
                assertTrue(title.startsWith("crash "), "unexpected document " + summary);
                for (JsonNode text : get("/documents/" + summary.path("id").asText() + "/texts?limit=100").path("items")) {
                    List<String> paragraphs = paragraphs(text);
                    assertEquals(PARAGRAPHS, paragraphs.size(), "a half-written text: " + text);
                    assertEquals(sentTexts.get(paragraphs.get(0)), paragraphs, "a text that differs from what was sent");
                }
            }
            cursor = page.path("next").isNull() ? null : java.net.URLEncoder.encode(page.path("next").asText(),
                    java.nio.charset.StandardCharsets.UTF_8);
        } while (cursor != null);
        assertTrue(documents >= acknowledged.size(), documents + " documents, " + acknowledged.size() + " acknowledged");
        System.out.printf("CrashRecoveryIT: %d acknowledged writes before SIGKILL, %d documents after restart%n",
                acknowledgedAtKill, documents);
    }

    /** One client: create a document, add a text of several paragraphs, patch the document; repeat until killed. */
    private void write(int client) {
        try {
            for (int i = 0; ; i++) {
                String title = "crash " + client + "-" + i;
                HttpResponse<String> created = send("POST", "/documents", "application/json", null,
                        "{\"kind\":\"CABLE\",\"title\":\"" + title + "\",\"date\":\"1950-05-30\","
                                + "\"reference_numbers\":[\"" + client + "\",\"" + i + "\"],\"languages\":[\"ru\"]}");
                if (created.statusCode() != 201) {
                    throw new AssertionError("create: " + created.statusCode() + " " + created.body());
                }
                String id = JSON.readTree(created.body()).path("id").asText();
                Doc doc = new Doc(id, title, new ArrayList<>(), null);
                acknowledged.put(id, doc);
                acks.incrementAndGet();

                List<String> paragraphs = new ArrayList<>();
                for (int p = 1; p <= PARAGRAPHS; p++) {
                    paragraphs.add(title + " paragraph " + p + " — " + "слово ".repeat(p * 20).strip());
                }
                sentTexts.put(paragraphs.get(0), paragraphs);
                HttpResponse<String> text = send("POST", "/documents/" + id + "/texts", "application/json", null,
                        "{\"role\":\"TRANSLATION\",\"language\":\"en\",\"sections\":[{\"paragraphs\":"
                                + JSON.writeValueAsString(paragraphs.subList(0, 3)) + "},{\"heading\":\"II\",\"paragraphs\":"
                                + JSON.writeValueAsString(paragraphs.subList(3, PARAGRAPHS)) + "}]}");
                if (text.statusCode() != 201) {
                    throw new AssertionError("text: " + text.statusCode() + " " + text.body());
                }
                doc.texts().add(paragraphs.toString());
                acks.incrementAndGet();

                String etag = created.headers().firstValue("ETag").orElseThrow();
                String summary = "patched by client " + client + " at " + i;
                HttpResponse<String> patched = send("PATCH", "/documents/" + id, "application/merge-patch+json", etag,
                        "{\"summary\":\"" + summary + "\"}");
                if (patched.statusCode() != 200) {
                    throw new AssertionError("patch: " + patched.statusCode() + " " + patched.body());
                }
                acknowledged.put(id, new Doc(id, title, doc.texts(), summary));
                acks.incrementAndGet();
            }
        } catch (IOException killed) {
            // the application went away: every write acknowledged so far is recorded
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> send(String method, String path, String type, String ifMatch, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(fonds.url(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", type)
                .header("Authorization", "Bearer " + fonds.editorToken())
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(fonds.url(path))
                        .header("Authorization", "Bearer " + fonds.editorToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private static List<String> paragraphs(JsonNode text) {
        List<String> out = new ArrayList<>();
        for (JsonNode section : text.path("sections")) {
            section.path("paragraphs").forEach(p -> out.add(p.asText()));
        }
        return out;
    }

    private FondsProcess start() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("FONDS_EMBEDDED_DATA_DIR", data().toString());
        env.put("FONDS_SAMPLE_LOAD", "false");
        return FondsProcess.start(List.of(), env, port, work.resolve("fonds.log"));
    }

    private Path data() {
        return work.resolve("data/pg");
    }
}
