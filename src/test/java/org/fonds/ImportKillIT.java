package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.fonds.testing.FondsProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An import killed with SIGKILL half-way (issue 11, "Done when"): after a restart on the same data directory the job
 * is reported FAILED (never left RUNNING), no document is half-written (each has its text and its annotation, or is
 * not there), the killed process's upload does not stay on disk, and importing the same file again writes exactly what
 * is missing.
 */
class ImportKillIT {

    private static final int DOCUMENTS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path work;
    private int port;
    private FondsProcess fonds;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory("fonds-import-kill-it");
        port = FondsProcess.freePort();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (fonds != null && fonds.process().isAlive()) {
            fonds.signal("TERM");
        }
        long orphan = FondsProcess.postmasterPid(work.resolve("data/pg"));
        if (orphan > 0) {
            ProcessHandle.of(orphan).ifPresent(p -> {
                p.destroy();
                p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
            });
        }
        FondsProcess.deleteTree(work);
    }

    @Test
    void anImportKilledMidwayIsReportedFailedLeavesNoHalfDocumentAndARerunWritesTheRest() throws Exception {
        Path file = work.resolve("archive.ndjson");
        writeFile(file);
        fonds = start();
        String location = post(file).headers().firstValue("Location").orElseThrow();
        String path = location.substring(location.indexOf("/imports/"));
        JsonNode job = get(path);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (job.path("written").asLong() < DOCUMENTS / 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            job = get(path);
        }
        assertEquals("RUNNING", job.path("state").asText(), "killed while running: " + job);
        fonds.kill();

        fonds = start();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        do {
            Thread.sleep(200);
            job = get(path);
        } while (!job.path("state").asText().equals("FAILED") && System.nanoTime() < deadline);
        assertEquals("FAILED", job.path("state").asText(), "the lost import is reported: " + job);
        assertEquals(List.of(), importFiles(), "the killed process's upload is deleted at the restart");

        int before = wholeDocuments();
        assertTrue(before > 0 && before < DOCUMENTS, before + " documents after the kill");

        String again = post(file).headers().firstValue("Location").orElseThrow();
        String againPath = again.substring(again.indexOf("/imports/"));
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        do {
            Thread.sleep(200);
            job = get(againPath);
        } while (!job.path("state").asText().matches("SUCCEEDED|FAILED") && System.nanoTime() < deadline);
        assertEquals("SUCCEEDED", job.path("state").asText(), job.toString());
        assertEquals(0, job.path("failed").asLong(), job.toString());
        assertEquals(DOCUMENTS + 1, job.path("written").asLong() + job.path("skipped").asLong(), job.toString());
        assertTrue(job.path("skipped").asLong() >= before, job.toString());
        assertEquals(DOCUMENTS, wholeDocuments());
        assertEquals(List.of(), importFiles(), "the rerun's files are deleted when it ends");
        System.out.printf("ImportKillIT: %d documents before the kill; the rerun wrote %d at %.0f units a second%n",
                before, job.path("written").asLong(), job.path("rate_per_second").asDouble());
    }

    /**
     * The files in the imports' work directory other than the running process's lock: its upload and its links file
     * while a job runs, nothing otherwise. The one directory left is the running process's.
     */
    private List<String> importFiles() throws IOException {
        Path dir = work.resolve("imports");
        try (var dirs = Files.list(dir)) {
            assertEquals(1, dirs.count(), "one directory: the running process's");
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("owner.lock"))
                    .map(f -> dir.relativize(f).toString()).toList();
        }
    }

    /** The documents there, each checked whole: its text and its annotation. */
    private int wholeDocuments() throws Exception {
        HttpResponse<String> export = http.send(HttpRequest.newBuilder(fonds.url("/exports/ndjson"))
                .header("Authorization", "Bearer " + fonds.editorToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, export.statusCode());
        int documents = 0;
        for (String line : export.body().split("\n")) {
            JsonNode d = JSON.readTree(line).path("document");
            if (!d.isMissingNode()) {
                assertEquals(1, d.path("texts").size(), "a half document: " + line);
                assertEquals(1, d.path("annotations").size(), "a half document: " + line);
                documents++;
            }
        }
        return documents;
    }

    /** An agent, then documents with a text and a note on its first word. */
    private static void writeFile(Path file) throws IOException {
        UUID agent = UUID.randomUUID();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("{\"type\":\"AGENT\",\"agent\":{\"id\":\"" + agent + "\",\"type\":\"PERSON\",\"preferred_name\":"
                    + "\"Terentii Shtykov\",\"names\":[{\"value\":\"Terentii Shtykov\",\"language\":null,"
                    + "\"transliteration\":null,\"preferred\":true}],\"existence\":null,\"existence_range\":null,"
                    + "\"offices\":[],\"identifiers\":[],\"note\":null,\"created_at\":\"2026-01-05T10:00:00Z\","
                    + "\"updated_at\":\"2026-01-05T10:00:00Z\",\"version\":0}}\n");
            for (int i = 0; i < DOCUMENTS; i++) {
                UUID id = UUID.randomUUID();
                UUID text = UUID.randomUUID();
                String content = "Document " + i + " reports the movement of troops.";
                out.write("{\"type\":\"DOCUMENT\",\"document\":{\"id\":\"" + id + "\",\"kind\":\"CABLE\","
                        + "\"title\":\"Cable " + i + "\",\"languages\":[\"ru\"],\"date\":\"1950-05-30\","
                        + "\"reference_numbers\":[],\"credits\":[],\"subject_ids\":[],\"collection_ids\":[],"
                        + "\"visibility\":\"PUBLISHED\",\"created_at\":\"2026-01-05T10:00:00Z\","
                        + "\"updated_at\":\"2026-01-05T10:00:00Z\",\"version\":1,"
                        + "\"texts\":[{\"id\":\"" + text + "\",\"document_id\":\"" + id + "\",\"role\":\"TRANSLATION\","
                        + "\"language\":\"en\",\"sections\":[{\"heading\":null,\"paragraphs\":[\"" + content + "\"]}],"
                        + "\"content\":\"" + content + "\",\"created_at\":\"2026-01-05T10:00:00Z\","
                        + "\"updated_at\":\"2026-01-05T10:00:00Z\",\"version\":0}],"
                        + "\"participants\":[{\"id\":\"" + UUID.randomUUID() + "\",\"document_id\":\"" + id + "\","
                        + "\"agent_id\":\"" + agent + "\",\"role\":\"SENDER\",\"position\":0,\"version\":0}],"
                        + "\"links\":[],\"media\":[],"
                        + "\"annotations\":[{\"id\":\"" + UUID.randomUUID() + "\",\"document_id\":\"" + id + "\","
                        + "\"type\":\"EDITOR_NOTE\",\"note_text\":\"A note.\",\"targets\":[{\"text_id\":\"" + text
                        + "\",\"start\":0,\"end\":8,\"exact\":\"Document\",\"prefix\":\"\",\"suffix\":\" " + i
                        + "\",\"status\":\"ANCHORED\"}],\"created_at\":\"2026-01-05T10:00:00Z\","
                        + "\"updated_at\":\"2026-01-05T10:00:00Z\",\"version\":0}]}}\n");
            }
        }
    }

    private HttpResponse<String> post(Path file) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(fonds.url("/imports"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson")
                .header("Authorization", "Bearer " + fonds.editorToken())
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, response.statusCode(), response.body());
        return response;
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(fonds.url(path))
                .header("Authorization", "Bearer " + fonds.editorToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        return JSON.readTree(response.body());
    }

    private FondsProcess start() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("FONDS_EMBEDDED_DATA_DIR", work.resolve("data/pg").toString());
        env.put("FONDS_SAMPLE_LOAD", "false");
        env.put("FONDS_JOBS_LOST_AFTER", "PT3S");
        env.put("FONDS_IMPORTS_WORK_DIR", work.resolve("imports").toString());
        return FondsProcess.start(List.of(), env, port, work.resolve("fonds.log"));
    }
}
