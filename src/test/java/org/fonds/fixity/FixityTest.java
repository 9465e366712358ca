package org.fonds.fixity;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Jobs.finished;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.access.Caller;
import org.fonds.testing.Api;
import org.fonds.testing.Documents;
import org.fonds.testing.EmbeddedPostgresResource;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/** Every text and media item has a SHA-256 recorded when written; a change made behind the API's back is found. */
@QuarkusTest
class FixityTest {

    private static final String HEX64 = "[0-9a-f]{64}";

    @Inject
    FixityService fixity;

    @Test
    void restoringATextRecordsTheDigestOfTheRestoredContent() {
        String doc = Documents.cable().create();
        String textId = Texts.opening().create(doc);
        String path = "/documents/" + doc + "/texts/" + textId;
        String first = api().get(path).then().extract().path("fixity_sha256");
        api().contentType(ContentType.JSON).header("If-Match", api().get(path).then().extract().header("ETag"))
                .body(Texts.opening().section(null, "A paragraph added later.").body())
                .put(path).then().statusCode(200);

        // the restore is a write like any other: the digest follows the content back
        api().header("If-Match", api().get(path).then().extract().header("ETag"))
                .post(path + "/revisions/0/restore").then().statusCode(200)
                .body("fixity_sha256", equalTo(first));
        api().post(path + "/fixity-check").then().statusCode(200).body("status", equalTo("OK"))
                .body("expected", equalTo(first));
    }

    @Test
    void aTextsDigestIsRecordedOnEveryWriteAndACorruptedRowIsReported() throws SQLException {
        String doc = Documents.cable().create();
        String textId = Texts.opening().create(doc);
        String path = "/documents/" + doc + "/texts/" + textId;
        String written = api().get(path).then().statusCode(200)
                .body("fixity_sha256", matchesPattern(HEX64)).extract().path("fixity_sha256");
        // the canonical form is deterministic: the same text written again has the same digest
        String twin = Texts.opening().create(doc);
        assertEquals(written, api().get("/documents/{d}/texts/{t}", doc, twin).then().extract().path("fixity_sha256"));

        api().post(path + "/fixity-check").then().statusCode(200)
                .body("resource", equalTo(path))
                .body("algorithm", equalTo("SHA-256"))
                .body("status", equalTo("OK"))
                .body("expected", equalTo(written))
                .body("actual", equalTo(written));

        // an update through the API records the new digest, and it verifies
        String etag = api().get(path).then().extract().header("ETag");
        String replaced = api().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Texts.opening().section(null, "A paragraph added later.").body())
                .put(path).then().statusCode(200).extract().path("fixity_sha256");
        assertNotEquals(written, replaced);
        api().post(path + "/fixity-check").then().statusCode(200).body("status", equalTo("OK"))
                .body("expected", equalTo(replaced));

        // one line of one paragraph changed in the database, bypassing the API
        jdbc("UPDATE text SET sections = jsonb_set(sections, '{0,paragraphs,0}', '\"To MOLOTOV (for the Politburo).\"') "
                + "WHERE id = ?", textId);
        String actual = api().post(path + "/fixity-check").then().statusCode(200)
                .body("status", equalTo("MISMATCH"))
                .body("expected", equalTo(replaced))
                .body("actual", matchesPattern(HEX64))
                .body("actual", not(equalTo(replaced)))
                .extract().path("actual");

        JsonPath report = archiveCheck()
                .body("algorithm", equalTo("SHA-256"))
                .body("checked", greaterThanOrEqualTo(2))
                .body("mismatch_count", greaterThanOrEqualTo(1))
                .body("mismatches.resource", hasItem(path))
                .body("mismatches.resource", not(hasItem("/documents/" + doc + "/texts/" + twin)))
                .extract().jsonPath().setRootPath("report");
        Map<String, Object> listed = report.getMap("mismatches.find { it.resource == '" + path + "' }");
        assertEquals(replaced, listed.get("expected"));
        assertEquals(actual, listed.get("actual"));
        assertEquals("MISMATCH", listed.get("status"));

        // restored in the database: it verifies again (and leaves the shared test archive clean)
        jdbc("UPDATE text SET sections = jsonb_set(sections, '{0,paragraphs,0}', '\"" + Texts.TO_VYSHINSKY + "\"') "
                + "WHERE id = ?", textId);
        api().post(path + "/fixity-check").then().statusCode(200).body("status", equalTo("OK"));
        archiveCheck().body("mismatches.resource", not(hasItem(path)));
    }

    @Test
    void aMediaItemsDigestCoversItsStoredDescriptionAndTheClientsFileChecksum() throws SQLException {
        String doc = Documents.cable().create();
        String file = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        String id = api().contentType(ContentType.JSON)
                .body(Map.of("url", "https://archive.example.org/cable/page-1.jpg", "media_type", "image/jpeg",
                        "page_number", 1, "sha256", file, "caption", "First page", "depicted_agent_ids", List.of()))
                .post("/documents/{d}/media", doc).then().statusCode(201)
                .body("sha256", equalTo(file))
                .body("fixity_sha256", matchesPattern(HEX64))
                .extract().path("id");
        String path = "/documents/" + doc + "/media/" + id;
        String written = api().get(path).then().extract().path("fixity_sha256");
        api().post(path + "/fixity-check").then().statusCode(200).body("status", equalTo("OK"))
                .body("resource", equalTo(path));

        jdbc("UPDATE media SET sha256 = repeat('0', 64) WHERE id = ?", id);
        api().post(path + "/fixity-check").then().statusCode(200)
                .body("status", equalTo("MISMATCH"))
                .body("expected", equalTo(written))
                .body("actual", not(equalTo(written)));
        archiveCheck().body("mismatches.resource", hasItem(path));

        jdbc("UPDATE media SET sha256 = '" + file + "' WHERE id = ?", id);
        api().post(path + "/fixity-check").then().statusCode(200).body("status", equalTo("OK"));
    }

    @Test
    void checkingAnUnknownResourceIs404() {
        String doc = Documents.cable().create();
        api().post("/documents/{d}/texts/{t}/fixity-check", doc, UUID.randomUUID()).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
        api().post("/documents/{d}/media/{m}/fixity-check", doc, UUID.randomUUID()).then().statusCode(404);
    }

    /** A text loaded without a digest (before V10, or in bulk) is reported as such, and gets it from the backfill. */
    @Test
    void aMissingDigestIsReportedUntilTheBackfillRecordsIt() throws SQLException {
        String doc = Documents.cable().create();
        String textId = Texts.opening().create(doc);
        String path = "/documents/" + doc + "/texts/" + textId;
        String written = api().get(path).then().extract().path("fixity_sha256");
        jdbc("UPDATE text SET fixity_sha256 = NULL WHERE id = ?", textId);
        api().post(path + "/fixity-check").then().statusCode(200)
                .body("status", equalTo("MISMATCH"))
                .body("expected", equalTo(null))
                .body("actual", equalTo(written));

        assertTrue(Caller.asSystem(fixity::recordMissing) >= 1);
        // its progress is measured: what this run had to do and did
        String metrics = io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        java.util.regex.Matcher done = java.util.regex.Pattern
                .compile("(?m)^fonds_backfill_items\\{backfill=\"fixity\",state=\"done\"} ([0-9.E]+)$").matcher(metrics);
        assertTrue(done.find(), "no fonds_backfill_items{state=done} in /q/metrics");
        assertTrue(Double.parseDouble(done.group(1)) >= 1, done.group());
        assertTrue(metrics.contains("fonds_backfill_items{backfill=\"fixity\",state=\"total\"}"));
        api().post(path + "/fixity-check").then().statusCode(200)
                .body("status", equalTo("OK"))
                .body("expected", equalTo(written));
        assertEquals(0, (int) Caller.<Integer>asSystem(fixity::recordMissing), "nothing is left to record");
    }

    @Test
    void aCheckOfTheWholeArchiveIsAJobThatReportsItsProgress() throws SQLException {
        Documents.cable().create();
        String location = api().post("/fixity-checks").then().statusCode(202)
                .header("Location", matchesPattern(".*/fixity-checks/[0-9a-f-]{36}"))
                .body("state", anyOf(equalTo("QUEUED"), equalTo("RUNNING"), equalTo("SUCCEEDED")))
                .body("requested_by", equalTo("user:test-editor")).extract().header("Location");
        ValidatableResponse job = finished(location);
        job.body("state", equalTo("SUCCEEDED"))
                .body("total", greaterThanOrEqualTo(1))
                .body("estimated_seconds_left", equalTo(0))
                .body("rate_per_second", greaterThan(0f))
                .body("started_at", notNullValue())
                .body("finished_at", notNullValue())
                .body("error", nullValue());
        JsonPath done = job.extract().jsonPath();
        assertEquals(done.getLong("total"), done.getLong("checked"));
        assertEquals(done.getLong("report.checked"), done.getLong("checked"));
        assertEquals(done.getLong("report.mismatch_count"), done.getLong("mismatched"));

        // the report names resources of hidden documents: an editor's, as starting a check
        Api.anonymous().get(location).then().statusCode(401);
        Api.as(org.fonds.access.Role.CONTRIBUTOR).get(location).then().statusCode(403);
        Api.as(org.fonds.access.Role.CONTRIBUTOR).post("/fixity-checks").then().statusCode(403);
        api().get("/fixity-checks/{id}", UUID.randomUUID()).then().statusCode(404);
        Api.anonymous().post("/fixity-checks").then().statusCode(401);

        // a job left unfinished by an instance that stopped (its last report long ago) is reported FAILED
        String lost = UUID.randomUUID().toString();
        jdbc("INSERT INTO job (id, kind, state, requested_by, requested_at, started_at, updated_at, done) "
                + "VALUES (?, 'FIXITY_CHECK', 'RUNNING', 'archivist', now() - interval '10 minutes', "
                + "now() - interval '10 minutes', now() - interval '5 minutes', 7)", lost);
        api().get("/fixity-checks/{id}", lost).then().statusCode(200)
                .body("state", equalTo("FAILED"))
                .body("checked", equalTo(7))
                .body("error", containsString("stopped"))
                .body("finished_at", notNullValue());
    }

    /** Starts a check of the whole archive and follows it until it has finished; its report. */
    private static ValidatableResponse archiveCheck() {
        String location = api().post("/fixity-checks").then().statusCode(202).extract().header("Location");
        return finished(location).body("state", equalTo("SUCCEEDED")).rootPath("report");
    }

    private void jdbc(String sql, String id) throws SQLException {
        try (Connection c = EmbeddedPostgresResource.owner(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
    }
}
