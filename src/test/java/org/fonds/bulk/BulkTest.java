package org.fonds.bulk;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Jobs.finished;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.access.Role;
import org.fonds.testing.Api;
import org.fonds.testing.Documents;
import org.fonds.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The archive as NDJSON and back: GET /exports/ndjson and POST /imports. A test profile of its own, so that its
 * database is its own: the round trip empties it (behind the API's back) and imports the export into it.
 */
@QuarkusTest
@TestProfile(BulkTest.OwnDatabase.class)
class BulkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";

    /** The sample archive, in a database no other test class uses. */
    public static class OwnDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fonds.sample.load", "true");
        }
    }

    @Test
    void theExportImportedIntoAnEmptyFondsExportsTheSameBytesAndASecondImportCreatesNothing() throws Exception {
        org.fonds.testing.Editions.cableWithEverything(); // beside the sample archive: what printed editions add
        // array elements that PostgreSQL's array input reads specially (ArchiveRows.arrayLiteral): quotes,
        // backslashes, commas, braces, the word NULL, spaces at the ends
        List<String> references = List.of("No. \"408\"", "C:\\files\\408", "408, 409", "{408}", "NULL", " 408 ");
        org.fonds.testing.Documents.cable().title("References").set("visibility", "PUBLISHED")
                .set("reference_numbers", references).create();
        String exported = export(api(), "");
        assertTrue(exported.contains(JSON.writeValueAsString(references)), "the references as written");
        for (String carried : List.of("\"kind_as_written\":\"Ciphered telegram\"", "\"type\":\"PAGE_BREAK\"",
                "\"edition\":\"frus1950v07\"", "\"part\":\"HEADING\"", "\"part\":\"SIGNATURE\"",
                "\"supplied\":true", "\"type\":\"ENCLOSURE_OF\"", "\"linked_from\":[{")) {
            assertTrue(exported.contains(carried), "the export carries " + carried);
        }
        List<String> all = lines(exported);
        assertEquals("{\"type\":\"END\",\"lines\":" + (all.size() - 1) + "}", all.get(all.size() - 1));
        List<String> lines = all.subList(0, all.size() - 1);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"type\":\"AGENT\"")), exported);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("{\"type\":\"DOCUMENT\"")), exported);
        assertTrue(exported.contains("\"annotations\":[{"), "documents carry their annotations");
        long links = lines.stream().mapToLong(l -> read(l).path("document").path("links").size()).sum();
        // a document's line is the document as GET /documents/{id}?embed=all shows it (read a page at a time)
        for (String line : lines) {
            JsonNode d = read(line).path("document");
            if (!d.isMissingNode()) {
                assertEquals(d, read(api().queryParam("embed", "all").get("/documents/{d}", d.path("id").asText())
                        .then().statusCode(200).extract().asString()), line);
            }
        }
        Map<String, String> vectors = searchVectors();
        List<String> found = api().queryParam("q", "subchaser").get("/search/documents").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertFalse(found.isEmpty(), "the seed cable's word is found");

        empty();
        assertEquals("{\"type\":\"END\",\"lines\":0}\n", export(api(), ""));

        JsonPath job = importFile(exported, false).extract().jsonPath();
        assertEquals("SUCCEEDED", job.getString("state"));
        assertEquals(0, job.getLong("failed"), job.prettify());
        assertEquals(0, job.getLong("skipped"));
        assertEquals(lines.size() + links, job.getLong("written"), "one unit per line, and one per link to a document");
        assertEquals(all.size(), job.getLong("lines_read"));
        assertEquals(all.size(), job.getLong("total_lines"));
        assertEquals(sha256(exported), job.getString("sha256"));

        assertEquals(exported, export(api(), ""), "byte-identical after the round trip");
        // every imported document's change row is written once, after its batch (V27): its cache version, and its
        // OAI-PMH datestamp, the time of the import, without which a harvest does not list it
        String importedAt = java.time.Instant.now().minusSeconds(600).toString().substring(0, 19) + "Z";
        for (String line : lines) {
            String id = read(line).path("document").path("id").asText(null);
            if (id != null) {
                String record = api().queryParam("verb", "GetRecord").queryParam("metadataPrefix", "oai_dc")
                        .queryParam("identifier", "oai:fonds.example.org:" + id).get("/oai").then().statusCode(200)
                        .extract().asString();
                java.util.regex.Matcher datestamp = java.util.regex.Pattern.compile("<datestamp>([^<]+)</datestamp>")
                        .matcher(record);
                assertTrue(datestamp.find(), record);
                assertTrue(datestamp.group(1).compareTo(importedAt) > 0, id + " dated " + datestamp.group(1));
            }
        }
        // the import computes each document's search vector once, after its batch's inserts (V22): the same vectors
        assertEquals(vectors, searchVectors(), "every document's search vector as the API's writes made it");
        api().queryParam("q", "subchaser").get("/search/documents").then().statusCode(200)
                .body("items.id", equalTo(found));

        JsonPath again = importFile(exported, false).extract().jsonPath();
        assertEquals("SUCCEEDED", again.getString("state"));
        assertEquals(0, again.getLong("written"));
        assertEquals(lines.size() + links, again.getLong("skipped"));
        assertEquals(exported, export(api(), ""), "a second import changes nothing");

        // lines written otherwise than the export writes them (the resource before its type, as any JSON writer may;
        // an export from before participants had `supplied`) are read the slower way, to the same archive
        empty();
        StringBuilder otherwise = new StringBuilder();
        int older = 0;
        for (String line : all) {
            ObjectNode node = (ObjectNode) read(line);
            ObjectNode reordered = JSON.createObjectNode();
            List<String> fields = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            java.util.Collections.reverse(fields);
            for (String field : fields) {
                reordered.set(field, node.get(field));
            }
            for (JsonNode p : reordered.path("document").path("participants")) {
                if (!p.path("supplied").asBoolean()) {
                    ((ObjectNode) p).remove("supplied");
                    older++;
                }
            }
            otherwise.append(JSON.writeValueAsString(reordered)).append('\n');
        }
        assertTrue(older > 0, "some participants are not supplied");
        assertTrue(otherwise.toString().startsWith("{\"agent\":{"), otherwise.substring(0, 40));
        JsonPath slower = importFile(otherwise.toString(), false).extract().jsonPath();
        assertEquals(0, slower.getLong("failed"), slower.prettify());
        assertEquals(lines.size() + links, slower.getLong("written"));
        assertEquals(exported, export(api(), ""), "the same archive from lines written otherwise");
    }

    @Test
    void brokenLinesAreReportedWithTheirNumbersAndTheGoodOnesLandAndADryRunWritesNothing() throws Exception {
        UUID subject = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        UUID badDate = UUID.randomUUID();
        UUID dangling = UUID.randomUUID();
        String file = String.join("\n",
                "{\"type\":\"SUBJECT\",\"subject\":{\"id\":\"" + subject + "\",\"label\":\"Imported subject\","
                        + "\"scheme\":null,\"uri\":null,\"created_at\":\"2026-01-05T10:00:00Z\","
                        + "\"updated_at\":\"2026-01-06T10:00:00.123456Z\",\"version\":3}}",
                "{\"type\":\"DOCUMENT\",\"document\":{\"id\": ",
                document(badDate, "not a date", null, null),
                document(dangling, "1950-05-30", UUID.randomUUID(), null),
                "{\"type\":\"PAMPHLET\",\"pamphlet\":{}}",
                document(good, "1950-05-30", null, subject),
                "");

        ValidatableResponse dry = importFile(file, true);
        JsonPath dryRun = dry.extract().jsonPath();
        assertEquals("SUCCEEDED", dryRun.getString("state"));
        assertTrue(dryRun.getBoolean("dry_run"));
        assertEquals(2, dryRun.getLong("written"), dryRun.prettify());
        assertEquals(4, dryRun.getLong("failed"));
        assertEquals(List.of(2, 3, 4, 5), dryRun.getList("problems.line", Integer.class));
        api().get("/subjects/{id}", subject).then().statusCode(404);
        api().get("/documents/{id}", good).then().statusCode(404);

        JsonPath real = importFile(file, false).extract().jsonPath();
        assertEquals(2, real.getLong("written"), real.prettify());
        assertEquals(4, real.getLong("failed"));
        assertEquals(4, real.getLong("problem_count"));
        assertEquals(dryRun.getList("problems"), real.getList("problems"), "a dry run reports the same problems");
        assertEquals(List.of(2, 3, 4, 5), real.getList("problems.line", Integer.class));
        assertTrue(real.getString("problems[0].detail").contains("not JSON"), real.prettify());
        assertTrue(real.getString("problems[2].detail").contains("place_of_origin_id"), real.prettify());
        assertEquals(List.of("/subjects/" + subject, "/documents/" + good), real.getList("paths"));

        // written as they were: ids, versions, timestamps
        api().get("/subjects/{id}", subject).then().statusCode(200)
                .body("version", equalTo(3))
                .body("created_at", equalTo("2026-01-05T10:00:00Z"))
                .body("updated_at", equalTo("2026-01-06T10:00:00.123456Z"));
        api().get("/documents/{id}", good).then().statusCode(200)
                .body("subject_ids", equalTo(List.of(subject.toString())))
                .body("version", equalTo(2));
        api().get("/documents/{id}", badDate).then().statusCode(404);
        api().get("/documents/{id}", dangling).then().statusCode(404);
    }

    @Test
    void onlyEditorsImportKnownTypesAndOneImportOfAFileAtATime() throws Exception {
        String file = document(UUID.randomUUID(), "1950-05-30", null, null) + "\n";
        post(Api.unauthenticated().auth().oauth2(Api.token(Role.CONTRIBUTOR)), file, NDJSON, false)
                .then().statusCode(403);
        post(Api.unauthenticated(), file, NDJSON, false).then().statusCode(401);
        post(Api.malformed(), file, "text/csv", false).then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unsupported-media-type"))
                .body("detail", containsString("application/x-ndjson"));
        api().get("/imports/{id}", UUID.randomUUID()).then().statusCode(404);

        // an import of this file is running (its heartbeat is fresh): the same file again is refused
        String running = UUID.randomUUID().toString();
        try (Connection c = EmbeddedPostgresResource.owner(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO job (id, kind, state, requested_by, requested_at, started_at, updated_at, source_sha256) "
                        + "VALUES (CAST(? AS uuid), 'IMPORT', 'RUNNING', 'archivist', now(), now(), now(), ?)")) {
            s.setString(1, running);
            s.setString(2, sha256(file));
            s.executeUpdate();
        }
        post(Api.malformed(), file, NDJSON, false).then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("/imports/" + running));
        // once its instance is known to have stopped (its heartbeat long ago), it is reported FAILED and no longer blocks
        try (Connection c = EmbeddedPostgresResource.owner(); PreparedStatement s = c.prepareStatement(
                "UPDATE job SET updated_at = now() - interval '1 hour' WHERE id = CAST(? AS uuid)")) {
            s.setString(1, running);
            s.executeUpdate();
        }
        String location = post(Api.malformed(), file, NDJSON, false).then().statusCode(202)
                .header("Location", matchesPattern(".*/imports/[0-9a-f-]{36}")).extract().header("Location");
        finished(location);
        api().get("/imports/{id}", running).then().statusCode(200).body("state", equalTo("FAILED"));
    }

    @Test
    void theExportShowsOnlyWhatTheCallerMaySeeAndResumesAfterACursor() throws Exception {
        String draft = Documents.cable().title("A draft only editors see").create();
        String editors = export(api(), "");
        assertTrue(editors.contains(draft));
        String anonymous = export(Api.anonymous(), "");
        assertFalse(anonymous.contains(draft));
        for (String line : lines(anonymous)) {
            JsonNode d = read(line).path("document");
            if (!d.isMissingNode()) {
                assertEquals("PUBLISHED", d.path("visibility").asText(), line);
            }
        }

        List<String> lines = lines(editors).subList(0, lines(editors).size() - 1); // without END
        String middle = lines.get(lines.size() / 2);
        JsonNode m = read(middle);
        String type = m.path("type").asText();
        String cursor = type + ":" + m.path(type.toLowerCase()).path("id").asText();
        String rest = export(api(), cursor);
        List<String> after = lines.subList(lines.size() / 2 + 1, lines.size());
        assertEquals(String.join("", after.stream().map(l -> l + "\n").toList())
                + "{\"type\":\"END\",\"lines\":" + after.size() + "}\n", rest);

        // a deleted part is left out (as GET leaves it out), the rest of its document is there
        String annotated = Documents.cable().title("A cable with a deleted note").create();
        String text = org.fonds.testing.Texts.cable().create(annotated);
        String deleted = org.fonds.testing.Annotations.translatorNote("Deleted.").quote(text, "Kim Il Sung")
                .send(annotated).statusCode(201).extract().path("id");
        String kept = org.fonds.testing.Annotations.translatorNote("Kept.").quote(text, "29 May")
                .send(annotated).statusCode(201).extract().path("id");
        api().header("If-Match", Api.etag("/annotations/{id}", deleted)).delete("/annotations/{id}", deleted)
                .then().statusCode(204);
        String afterDelete = export(api(), "");
        assertFalse(afterDelete.contains(deleted), "a deleted annotation is not exported");
        JsonNode exportedDocument = lines(afterDelete).stream().map(l -> read(l).path("document"))
                .filter(d -> d.path("id").asText().equals(annotated)).findFirst().orElseThrow();
        assertEquals(kept, exportedDocument.path("annotations").get(0).path("id").asText());
        assertEquals(1, exportedDocument.path("annotations").size());
        assertEquals(read(api().queryParam("embed", "all").get("/documents/{d}", annotated)
                .then().statusCode(200).extract().asString()), exportedDocument);

        // a filter: its documents and what they refer to
        String cables = export(api().queryParam("kind", "CABLE"), "");
        for (String line : lines(cables)) {
            JsonNode d = read(line).path("document");
            if (!d.isMissingNode()) {
                assertEquals("CABLE", d.path("kind").asText());
            }
        }
        api().queryParam("after", "nonsense").get("/exports/ndjson").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"));
    }

    /**
     * Many exports at once share the reading threads (each holds a database connection while it reads): after four
     * times as many exports as there are reading threads, all alike, no more reading threads have lived than that.
     */
    @Test
    void exportsAtOnceShareABoundedSetOfReadingThreads() throws Exception {
        int exports = NdjsonExport.READER_THREADS * 4;
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(exports);
        try {
            List<java.util.concurrent.Future<String>> results = new java.util.ArrayList<>();
            for (int i = 0; i < exports; i++) {
                results.add(clients.submit(() -> export(api(), "")));
            }
            String first = results.get(0).get();
            for (java.util.concurrent.Future<String> result : results) {
                assertEquals(first, result.get());
            }
        } finally {
            clients.shutdownNow();
        }
        long readers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("fonds-export-reader")).count();
        assertTrue(readers <= NdjsonExport.READER_THREADS,
                readers + " reading threads, for " + NdjsonExport.READER_THREADS + " at most");
    }

    @Test
    void anUploadCutShortLeavesNoFileBehindAndNoErrorInTheLog() throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "fonds-imports");
        List<java.nio.file.Path> before = uploads(dir); // of other tests' imports, if any still run
        List<java.util.logging.LogRecord> logged = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger.getLogger("org.fonds").addHandler(capture);
        try {
            cutShort(dir, before);
            Thread.sleep(1000); // the request's failure is answered (and was logged) right after its file is deleted
        } finally {
            java.util.logging.Logger.getLogger("org.fonds").removeHandler(capture);
        }
        // a client going away is no fault of the server's: no 500 logged with a stack trace
        List<String> errors = logged.stream().filter(r -> r.getLevel().intValue() >= java.util.logging.Level.SEVERE
                .intValue()).map(r -> r.getLoggerName() + ": " + r.getMessage()).toList();
        assertEquals(List.of(), errors);
    }

    private static void cutShort(java.nio.file.Path dir, List<java.nio.file.Path> before) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST /imports HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + NDJSON
                    + "\r\nAuthorization: Bearer " + Api.token(Role.EDITOR)
                    + "\r\nContent-Length: 10000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] part = ("x".repeat(999) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 300; i++) {
                out.write(part);
            }
            out.flush();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (added(dir, before).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, added(dir, before).size(), "the body is being stored");
            java.nio.file.Path upload = added(dir, before).get(0);
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(upload)), "readable by Fonds' user only");
            assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(upload.getParent())));
        } // the client goes away, 3 % of its declared body sent
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!added(dir, before).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(List.of(), added(dir, before), "the part stored is deleted");
    }

    private static List<java.nio.file.Path> added(java.nio.file.Path dir, List<java.nio.file.Path> before)
            throws java.io.IOException {
        return uploads(dir).stream().filter(f -> !before.contains(f)).toList();
    }

    /** The uploaded bodies waiting in the imports' work directory (every process's). */
    private static List<java.nio.file.Path> uploads(java.nio.file.Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("upload-")).toList();
        }
    }

    @Test
    void aDatabaseOutOfDiskEndsTheImportWithItsReasonAndARerunWritesWhatIsMissing() throws Exception {
        UUID first = UUID.randomUUID();
        UUID full = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        String file = document(first, "1950-07-01", null, null) + "\n" + document(full, "1950-07-02", null, null)
                + "\n" + document(last, "1950-07-03", null, null) + "\n";
        // the database's own error when a write finds no room on its disk, for this one document
        try (Connection c = EmbeddedPostgresResource.owner(); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION archive.test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "IF NEW.id = '" + full + "' THEN RAISE EXCEPTION 'could not extend file: No space left on "
                    + "device' USING ERRCODE = 'disk_full'; END IF; RETURN NEW; END $$");
            s.execute("CREATE TRIGGER test_disk_full BEFORE INSERT ON archive.document FOR EACH ROW "
                    + "EXECUTE FUNCTION archive.test_disk_full()");
        }
        JsonPath job;
        try {
            job = importFile(file, false).extract().jsonPath();
        } finally {
            try (Connection c = EmbeddedPostgresResource.owner(); Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER test_disk_full ON archive.document");
                s.execute("DROP FUNCTION archive.test_disk_full()");
            }
        }
        assertEquals("FAILED", job.getString("state"), job.prettify());
        assertTrue(job.getString("error").startsWith("The database is out of disk space (SQLSTATE 53100: "
                + "could not extend file: No space left on device)"), job.prettify());
        assertEquals(0, job.getLong("failed"), "not every unit after it reported as failed: " + job.prettify());
        api().get("/documents/{id}", first).then().statusCode(404); // its batch was rolled back whole

        JsonPath again = importFile(file, false).extract().jsonPath();
        assertEquals("SUCCEEDED", again.getString("state"), again.prettify());
        assertEquals(3, again.getLong("written"), again.prettify());
        for (UUID id : List.of(first, full, last)) {
            api().get("/documents/{id}", id).then().statusCode(200);
        }
    }

    @Test
    void onlyTheImportTakesALargeBodyDeclaredOrStreamed() {
        byte[] large = new byte[2 * 1024 * 1024];
        Arrays.fill(large, (byte) 'x');
        // a body over 1 MiB to any other operation is refused, though the server-wide limit is the import's
        Api.malformed().contentType("application/json").body(new java.io.ByteArrayInputStream(large))
                .post("/documents").then().statusCode(413);
        // declared, to the import: accepted (its lines are refused one by one, and reported)
        String file = ("x".repeat(1000) + "\n").repeat(2100);
        String location = post(Api.malformed(), file, NDJSON, true).then().statusCode(202).extract()
                .header("Location");
        JsonPath job = finished(location).extract().jsonPath();
        assertEquals(2100, job.getLong("failed"), job.prettify());
    }

    @Test
    void aLineThatIsNotUtf8EndsTheReadingAndLongLinesAndRealReplacementCharactersAreRead() throws Exception {
        UUID first = UUID.randomUUID();
        UUID wide = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes((document(first, "1950-05-30", null, null) + "\r\n").getBytes(StandardCharsets.UTF_8));
        // longer than the reading buffer (JSON's whitespace), with a real U+FFFD in its title
        file.writeBytes((document(wide, "1950-05-31", null, null).replace("\"title\":\"Imported\"",
                "\"title\":\"\uFFFD Imported\"").replace(",\"document\":", "," + " ".repeat(200_000) + "\"document\":")
                + "\n").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(new byte[] {'{', (byte) 0xC3, 0x28, '}', '\n'});
        file.writeBytes((document(after, "1950-06-01", null, null) + "\n").getBytes(StandardCharsets.UTF_8));
        String location = Api.malformed().contentType(NDJSON).body(file.toByteArray()).post("/imports").then()
                .statusCode(202).extract().header("Location");
        JsonPath job = finished(location).extract().jsonPath();
        assertEquals(4, job.getLong("total_lines"), "counted as stored: '\\n' ends a line, other bytes do not");
        assertEquals(2, job.getLong("written"), job.prettify());
        assertEquals(1, job.getLong("failed"), job.prettify());
        assertEquals(List.of(3), job.getList("problems.line", Integer.class));
        assertTrue(job.getString("problems[0].detail").contains("not UTF-8"), job.prettify());
        api().get("/documents/{id}", first).then().statusCode(200).body("date", equalTo("1950-05-30"));
        api().get("/documents/{id}", wide).then().statusCode(200).body("title", equalTo("\uFFFD Imported"));
        api().get("/documents/{id}", after).then().statusCode(404); // the reading ended at the line before
    }

    /**
     * Bytes that Jackson's UTF-8 parser decodes without a word, but that are not UTF-8: an overlong '/', an encoded
     * surrogate, a code point past U+10FFFF. In a title of a line otherwise as an export writes it (the lines the
     * import parses as bytes), each ends the reading as any other line that is not UTF-8.
     */
    @ParameterizedTest
    @ValueSource(strings = {"C0AF", "EDA080", "F4908080"})
    void bytesThatOnlyLookLikeUtf8EndTheReading(String hex) throws Exception {
        UUID first = UUID.randomUUID();
        UUID odd = UUID.randomUUID();
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes((document(first, "1950-05-30", null, null) + "\n").getBytes(StandardCharsets.UTF_8));
        String[] around = document(odd, "1950-05-31", null, null).split("Imported");
        file.writeBytes((around[0] + "Imported ").getBytes(StandardCharsets.UTF_8));
        file.writeBytes(HexFormat.of().parseHex(hex));
        file.writeBytes((around[1] + "\n").getBytes(StandardCharsets.UTF_8));
        String location = Api.malformed().contentType(NDJSON).body(file.toByteArray()).post("/imports").then()
                .statusCode(202).extract().header("Location");
        JsonPath job = finished(location).extract().jsonPath();
        assertEquals(1, job.getLong("written"), job.prettify());
        assertEquals(List.of(2), job.getList("problems.line", Integer.class), job.prettify());
        assertTrue(job.getString("problems[0].detail").contains("not UTF-8"), job.prettify());
        api().get("/documents/{id}", first).then().statusCode(200);
        api().get("/documents/{id}", odd).then().statusCode(404);
    }

    /**
     * A line in UTF-16 is not a line of this UTF-8 file, though Jackson, given bytes, would guess its encoding and read
     * it: it is refused as any line that is not JSON.
     */
    @Test
    void aLineInUtf16IsNotRead() throws Exception {
        UUID id = UUID.randomUUID();
        byte[] file = document(id, "1950-05-30", null, null).getBytes(StandardCharsets.UTF_16LE); // one line
        String location = Api.malformed().contentType(NDJSON).body(file).post("/imports").then().statusCode(202)
                .extract().header("Location");
        JsonPath job = finished(location).extract().jsonPath();
        assertEquals(0, job.getLong("written"), job.prettify());
        assertEquals(List.of(1), job.getList("problems.line", Integer.class), job.prettify());
        api().get("/documents/{id}", id).then().statusCode(404);
    }

    @Test
    void aDocumentRightAfterTheBatchOfItsPlaceFindsIt() throws Exception {
        // a last batch of authorities slow to write (many names each), then a document of that batch's place alone in
        // the next batch: another writer takes it at once, and without a barrier between them its insert came before
        // the place's (a foreign key waits for a row not yet committed, not for one not yet inserted)
        UUID place = UUID.randomUUID();
        UUID doc = UUID.randomUUID();
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < ImportRun.BATCH - 1; i++) {
            StringBuilder names = new StringBuilder();
            for (int n = 0; n < 300; n++) {
                names.append(n == 0 ? "" : ",").append("{\"value\":\"Agent ").append(i).append(" name ").append(n)
                        .append("\",\"language\":\"en\",\"transliteration\":null,\"preferred\":").append(n == 0)
                        .append('}');
            }
            file.append("{\"type\":\"AGENT\",\"agent\":{\"id\":\"").append(UUID.randomUUID())
                    .append("\",\"type\":\"PERSON\",\"preferred_name\":\"Agent ").append(i).append(" name 0\",")
                    .append("\"names\":[").append(names).append("],\"existence\":null,\"offices\":[],")
                    .append("\"identifiers\":[],\"note\":null,\"created_at\":\"2026-01-01T00:00:00Z\",")
                    .append("\"updated_at\":\"2026-01-01T00:00:00Z\",\"version\":0}}\n");
        }
        file.append("{\"type\":\"PLACE\",\"place\":{\"id\":\"").append(place).append("\",\"preferred_name\":")
                .append("\"Kaesong\",\"names\":[{\"value\":\"Kaesong\",\"language\":\"en\",")
                .append("\"transliteration\":null,\"preferred\":true}],\"latitude\":null,\"longitude\":null,")
                .append("\"identifiers\":[],\"note\":null,\"created_at\":\"2026-01-01T00:00:00Z\",")
                .append("\"updated_at\":\"2026-01-01T00:00:00Z\",\"version\":0}}\n");
        file.append(document(doc, "1950-05-30", place, null)).append('\n');
        JsonPath job = importFile(file.toString(), false).extract().jsonPath();
        assertEquals(0, job.getLong("failed"), job.prettify());
        assertEquals(ImportRun.BATCH + 1, job.getLong("written"), job.prettify());
        api().get("/documents/{id}", doc).then().statusCode(200)
                .body("place_of_origin_id", equalTo(place.toString()));
    }

    private static String document(UUID id, String date, UUID place, UUID subject) {
        return "{\"type\":\"DOCUMENT\",\"document\":{\"id\":\"" + id + "\",\"kind\":\"CABLE\",\"title\":\"Imported\","
                + "\"summary\":null,\"reference_numbers\":[],\"classification\":null,\"handling\":null,"
                + "\"languages\":[\"ru\"],\"date\":\"" + date + "\",\"date_range\":null,\"dispatched\":null,"
                + "\"place_of_origin_id\":" + (place == null ? "null" : "\"" + place + "\"") + ",\"source\":null,"
                + "\"rights\":null,\"credits\":[],\"subject_ids\":[" + (subject == null ? "" : "\"" + subject + "\"")
                + "],\"collection_ids\":[],\"visibility\":\"PUBLISHED\",\"embargo_until\":null,"
                + "\"created_at\":\"2026-01-05T10:00:00Z\",\"updated_at\":\"2026-01-05T10:00:00Z\",\"version\":2,"
                + "\"texts\":[],\"participants\":[],\"links\":[],\"media\":[],\"annotations\":[]}}";
    }

    private static String export(RequestSpecification as, String after) {
        RequestSpecification request = after.isEmpty() ? as : as.queryParam("after", after);
        return request.accept(NDJSON).get("/exports/ndjson").then().statusCode(200).contentType(NDJSON).extract()
                .body().asString();
    }

    private static io.restassured.response.Response post(RequestSpecification as, String file, String type,
            boolean dryRun) {
        return as.contentType(type).queryParam("dry_run", dryRun).body(file.getBytes(StandardCharsets.UTF_8))
                .post("/imports");
    }

    /** Imports the file and answers the finished job. */
    private static ValidatableResponse importFile(String file, boolean dryRun) {
        String location = post(Api.malformed(), file, NDJSON, dryRun).then().statusCode(202)
                .header("Location", matchesPattern(".*/imports/[0-9a-f-]{36}")).extract().header("Location");
        return finished(location);
    }

    /** Empties the archive behind the API's back: a Fonds without documents, agents, places, subjects… */
    private static void empty() throws Exception {
        try (Connection c = EmbeddedPostgresResource.owner(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE archive.document, archive.agent, archive.place, archive.subject, archive.collection, "
                    + "archive.revision, archive.import_source CASCADE");
        }
    }

    /** Each document's whole search vector (V20), read behind the API's back. */
    private static Map<String, String> searchVectors() throws Exception {
        Map<String, String> vectors = new java.util.TreeMap<>();
        try (Connection c = EmbeddedPostgresResource.owner(); Statement s = c.createStatement();
                java.sql.ResultSet r = s.executeQuery("SELECT document_id, vector FROM archive.document_search")) {
            while (r.next()) {
                vectors.put(r.getString(1), r.getString(2));
            }
        }
        assertFalse(vectors.isEmpty());
        return vectors;
    }

    private static List<String> lines(String ndjson) {
        return ndjson.isEmpty() ? List.of() : Arrays.asList(ndjson.split("\n"));
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError(line, e);
        }
    }

    private static String sha256(String file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(file.getBytes(StandardCharsets.UTF_8)));
    }
}
