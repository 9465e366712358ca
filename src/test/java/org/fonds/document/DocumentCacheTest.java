package org.fonds.document;

import static org.fonds.testing.Api.anonymous;
import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fonds.access.Role;
import org.fonds.testing.Agents;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.EmbeddedPostgresResource;
import org.fonds.testing.Subjects;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/**
 * The cache of rendered documents (DocumentCache) never serves a stale or hidden response: every write to a document
 * or to any of its parts, a change of visibility, and a write made straight in the database (as another instance or
 * an operator makes it) changes the next read; and it holds at most its configured bytes (64 KiB in the tests).
 */
@QuarkusTest
class DocumentCacheTest {

    @Test
    void aSecondReadComesFromTheCacheAndIsTheSame() {
        String doc = Documents.cable().set("visibility", "PUBLISHED").create();
        Texts.opening().create(doc);
        double hits = metric("cache_gets_total\\{cache=\"documents\",result=\"hit\"[^}]*}");
        var first = anonymous().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200)
                .extract().jsonPath();
        // the cache admits an entry once it is read more often than what it would evict (Caffeine's TinyLFU, whose
        // counters stop at 15): the other tests may have filled it
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> second = null;
        for (int i = 0; i < 20 && metric("cache_gets_total\\{cache=\"documents\",result=\"hit\"[^}]*}") <= hits; i++) {
            second = anonymous().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200)
                    .header("Cache-Control", "public, no-cache")
                    .header("Vary", "Authorization, X-API-Key")
                    .extract();
            assertEquals(first.prettify(), second.jsonPath().prettify());
        }
        assertTrue(metric("cache_gets_total\\{cache=\"documents\",result=\"hit\"[^}]*}") > hits,
                "a read was a hit");
        // a revalidation of the cached response
        anonymous().queryParam("embed", "all").header("If-None-Match", second.header("ETag"))
                .get("/documents/{d}", doc).then().statusCode(304);
    }

    @Test
    void everyWriteToTheDocumentOrItsPartsChangesTheNextRead() {
        String doc = Documents.cable().set("visibility", "PUBLISHED").create();
        String text = Texts.opening().create(doc);
        String etag = etag(doc);

        Texts.replace(doc, text, List.of(new org.fonds.testing.ShtykovCable.Section(null,
                List.of("A corrected translation."))));
        assertEquals("A corrected translation.", all(doc).getString("texts[0].content"));
        etag = changed(doc, etag);

        String note = Annotations.translatorNote("a note").quote(text, "corrected").create(doc);
        assertEquals(List.of(note), all(doc).getList("annotations.id"));
        etag = changed(doc, etag);

        api().contentType(ContentType.JSON)
                .body(Map.of("agent_id", Agents.person("Terentii Shtykov").create(), "role", "SENDER"))
                .post("/documents/{d}/participants", doc).then().statusCode(201);
        assertEquals(1, all(doc).getList("participants").size());
        etag = changed(doc, etag);

        String subject = Subjects.labelled("Korean War, 1950-1953").create();
        String version = api().get("/documents/{d}", doc).then().extract().header("ETag");
        api().contentType("application/merge-patch+json").header("If-Match", version)
                .body(Map.of("title", "Shtykov to Vyshinsky", "subject_ids", List.of(subject)))
                .patch("/documents/{d}", doc).then().statusCode(200);
        assertEquals("Shtykov to Vyshinsky", all(doc).getString("title"));
        assertEquals(List.of(subject), all(doc).getList("subject_ids"));
        etag = changed(doc, etag);

        // a link written on another document is this one's linked_from
        String other = Documents.cable().set("visibility", "PUBLISHED").create();
        api().contentType(ContentType.JSON).body(Map.of("type", "REPLY_TO", "target_document_id", doc))
                .post("/documents/{d}/links", other).then().statusCode(201);
        assertEquals(List.of(other), all(doc).getList("linked_from.document_id"));
        etag = changed(doc, etag);

        String noteVersion = api().get("/annotations/{a}", note).then().extract().header("ETag");
        api().header("If-Match", noteVersion).delete("/annotations/{a}", note).then()
                .statusCode(204);
        assertEquals(List.of(), all(doc).getList("annotations"));
        changed(doc, etag);
    }

    @Test
    void aDocumentThatBecomesHiddenLeavesCachedReadsAtOnce() {
        String doc = Documents.cable().set("visibility", "PUBLISHED").create();
        String citing = Documents.cable().set("visibility", "PUBLISHED").create();
        api().contentType(ContentType.JSON).body(Map.of("type", "CITES", "target_document_id", doc))
                .post("/documents/{d}/links", citing).then().statusCode(201);
        for (int i = 0; i < 2; i++) {
            anonymous().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200)
                    .body("linked_from", hasSize(1));
        }
        // the citing document restricted: its link leaves the cited document's linked_from for the public
        restrict(citing);
        anonymous().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200)
                .body("linked_from", hasSize(0));
        api().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200)
                .body("linked_from", hasSize(1));
        // the document itself restricted: gone for the public at once, still there for editors
        restrict(doc);
        anonymous().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(404);
        anonymous().get("/documents/{d}", doc).then().statusCode(404);
        api().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200)
                .header("Cache-Control", "private, no-cache");
        // deleted: gone for everybody
        String version = api().get("/documents/{d}", doc).then().extract().header("ETag");
        api().header("If-Match", version).delete("/documents/{d}", doc).then().statusCode(204);
        api().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(410);
    }

    @Test
    void eachRoleReadsItsOwnDocument() {
        String draft = Documents.cable().create();
        as(Role.CONTRIBUTOR).queryParam("embed", "all").get("/documents/{d}", draft).then().statusCode(200)
                .header("Cache-Control", "private, no-cache");
        anonymous().queryParam("embed", "all").get("/documents/{d}", draft).then().statusCode(404);
    }

    /** What another instance over the same database writes: the next read here sees it. */
    @Test
    void aWriteMadeStraightInTheDatabaseIsSeen() throws SQLException {
        String doc = Documents.cable().set("visibility", "PUBLISHED").create();
        String text = Texts.opening().create(doc);
        String etag = etag(doc);
        written("UPDATE archive.document SET title = 'Written elsewhere' WHERE id = ?", doc);
        assertEquals("Written elsewhere", all(doc).getString("title"));
        etag = changed(doc, etag);
        written("UPDATE archive.text SET translator_name = 'Another translator' WHERE id = ?", text);
        assertEquals("Another translator", all(doc).getString("texts[0].translator_name"));
        etag = changed(doc, etag);
        written("UPDATE archive.document SET visibility = 'RESTRICTED' WHERE id = ?", doc);
        anonymous().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(404);
    }

    /**
     * Reads that arrive together have their versions read together (one statement per batch and role): each still gets
     * its own document as its role sees it, and every read that starts after a write sees it.
     */
    @Test
    void concurrentReadsEachGetTheirOwnDocumentAsTheirRoleAndEveryWriteBeforeThem() throws Exception {
        List<String> published = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            published.add(Documents.cable().set("visibility", "PUBLISHED").set("title", "Batch " + i).create());
        }
        String draft = Documents.cable().set("title", "A draft").create();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            for (int round = 0; round < 3; round++) {
                String title = "Round " + round;
                written("UPDATE archive.document SET title = '" + title + "' WHERE id = ?", published.get(0));
                List<java.util.concurrent.Future<?>> reads = new java.util.ArrayList<>();
                for (int i = 0; i < 64; i++) {
                    int n = i;
                    reads.add(pool.submit(() -> {
                        if (n % 8 == 7) {
                            anonymous().queryParam("embed", "all").get("/documents/{d}", draft).then().statusCode(404);
                            api().queryParam("embed", "all").get("/documents/{d}", draft).then().statusCode(200)
                                    .body("id", equalTo(draft)).body("title", equalTo("A draft"));
                        } else {
                            String doc = published.get(n % published.size());
                            anonymous().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200)
                                    .body("id", equalTo(doc)).body("title", equalTo(n % published.size() == 0
                                            ? title : "Batch " + n % published.size()));
                        }
                    }));
                }
                for (java.util.concurrent.Future<?> read : reads) {
                    read.get(); // an assertion that failed in a read fails here
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @jakarta.inject.Inject
    DocumentService documents;

    /** The pages of GET /documents, cached by the database's change epoch, see every write at once. */
    @Test
    void aListPageSeesEveryWriteAtOnce() throws SQLException {
        String doc = Documents.cable().date("1801-02-03").set("visibility", "PUBLISHED").create();
        long hits = documents.listCacheHits();
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(doc), day1801().getList("items.id"));
        }
        assertTrue(documents.listCacheHits() > hits, "a page was answered by the cache");

        String version = api().get("/documents/{d}", doc).then().extract().header("ETag");
        api().contentType("application/merge-patch+json").header("If-Match", version)
                .body(Map.of("title", "Renamed")).patch("/documents/{d}", doc).then().statusCode(200);
        assertEquals(List.of("Renamed"), day1801().getList("items.title"));

        String other = Documents.cable().date("1801-02-03").set("visibility", "PUBLISHED").create();
        assertEquals(2, day1801().getList("items").size());

        written("UPDATE archive.document SET title = 'Written elsewhere' WHERE id = ?", other);
        assertTrue(day1801().getList("items.title").contains("Written elsewhere"));

        restrict(doc);
        assertEquals(List.of(other), day1801().getList("items.id"));
        assertEquals(2, api().queryParam("date_from", "1801-02-03").queryParam("date_to", "1801-02-03")
                .get("/documents").then().statusCode(200).extract().jsonPath().getList("items").size());
    }

    private static JsonPath day1801() {
        return anonymous().queryParam("date_from", "1801-02-03").queryParam("date_to", "1801-02-03")
                .get("/documents").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theCacheHoldsAtMostItsConfiguredBytes() {
        String doc = Documents.cable().set("visibility", "PUBLISHED").create();
        Texts.cable().create(doc);
        double evictions = metric("cache_evictions_total\\{cache=\"documents\"[^}]*}");
        // each of the 31 combinations of embeds is its own entry: more than 64 KiB of a long cable
        List<String> kinds = List.of("texts", "participants", "links", "media", "annotations");
        long bytes = 0;
        for (int mask = 1; mask < 32; mask++) {
            StringBuilder embed = new StringBuilder();
            for (int k = 0; k < kinds.size(); k++) {
                if ((mask & 1 << k) != 0) {
                    embed.append(embed.isEmpty() ? "" : ",").append(kinds.get(k));
                }
            }
            bytes += api().queryParam("embed", embed.toString()).get("/documents/{d}", doc).then().statusCode(200)
                    .extract().asByteArray().length;
        }
        assertTrue(bytes > 64 * 1024, "the reads rendered " + bytes + " bytes");
        assertEquals(64 * 1024, metric("fonds_document_cache_max_bytes"));
        double weight = metric("fonds_document_cache_weight_bytes");
        assertTrue(weight > 0 && weight <= 64 * 1024, "the cache holds " + weight + " bytes");
        assertTrue(metric("cache_evictions_total\\{cache=\"documents\"[^}]*}") > evictions, "entries were evicted");
    }

    /** A write made straight in the database, as another instance or an operator makes it: one row changed. */
    private static void written(String statement, String id) throws SQLException {
        try (Connection c = EmbeddedPostgresResource.owner(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setObject(1, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
    }

    private static JsonPath all(String doc) {
        return api().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200).extract()
                .jsonPath();
    }

    private static String etag(String doc) {
        return api().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200).extract()
                .header("ETag");
    }

    /** The ETag of the whole document now, which differs from {@code before}. */
    private static String changed(String doc, String before) {
        String now = etag(doc);
        assertNotEquals(before, now);
        api().queryParam("embed", "all").header("If-None-Match", before).get("/documents/{d}", doc).then()
                .statusCode(200);
        return now;
    }

    private static void restrict(String doc) {
        String version = api().get("/documents/{d}", doc).then().extract().header("ETag");
        api().contentType("application/merge-patch+json").header("If-Match", version)
                .body(Map.of("visibility", "RESTRICTED")).patch("/documents/{d}", doc).then().statusCode(200)
                .body("visibility", equalTo("RESTRICTED"));
    }

    /** A value of the Prometheus endpoint (the sum of the series {@code series} matches). */
    private static double metric(String series) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(metrics);
        double sum = 0;
        boolean found = false;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
            found = true;
        }
        assertTrue(found, series + " is in /q/metrics");
        return sum;
    }
}
