package org.fonds.search;

import static org.fonds.testing.Api.anonymous;
import static org.fonds.testing.Api.api;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fonds.testing.Api;
import org.fonds.testing.Documents;
import org.fonds.testing.EmbeddedPostgresResource;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/**
 * The cache of repeated searches (SearchCache, keyed by migration V20's change epoch) never serves a stale or a hidden
 * result: a repeated search is answered from the cache (its hit count grows), and after any write, made through the
 * API or straight in the database as another instance would, the next search shows it. Here the cache holds three
 * entries at most.
 */
@QuarkusTest
@TestProfile(SearchCacheTest.ThreeEntries.class)
class SearchCacheTest {

    public static class ThreeEntries implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fonds.search.cache.max-entries", "3");
        }
    }

    private static final Random RANDOM = new Random();

    @Inject
    SearchCache cache;

    @Inject
    AgroalDataSource dataSource;

    /** A word no other document has (letters only: every configuration keeps it as one word). */
    private static String marker() {
        StringBuilder word = new StringBuilder("qz");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.append('x').toString();
    }

    private static JsonPath found(RequestSpecification request, String q) {
        return request.queryParam("q", q).get("/search/documents").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(RequestSpecification request, String q) {
        return found(request, q).getList("items.id");
    }

    /** The same search twice: the second is answered by the cache, with the same items. */
    private List<String> twice(RequestSpecification first, RequestSpecification second, String q) {
        List<String> ids = ids(first, q);
        long hits = cache.hits();
        assertThat(ids(second, q), equalTo(ids));
        assertThat("the repeated search was answered by the cache", cache.hits(), greaterThan(hits));
        return ids;
    }

    /** Readers see published documents only (a new one is a draft unless it says otherwise). */
    private static Documents published(String kind) {
        return Documents.of(kind).set("visibility", "PUBLISHED");
    }

    private static String text(String document, String words) {
        return Texts.empty().set("language", "en").set("role", "TRANSLATION").section(null, words).create(document);
    }

    @Test
    void aWriteToATextChangesTheNextSearch() {
        String m = marker();
        String n = marker();
        String doc = published("CABLE").title("Cached search").create();
        String text = text(doc, "Old words " + m + ".");
        assertThat(twice(anonymous(), anonymous(), m), contains(doc));
        assertThat(twice(anonymous(), anonymous(), n), empty());

        api().contentType(ContentType.JSON).body(Texts.empty().set("language", "en").section(null, "New words " + n)
                .body()).header("If-Match", Api.etag("/documents/{d}/texts/{t}", doc, text))
                .put("/documents/{d}/texts/{t}", doc, text).then().statusCode(200);
        assertThat(ids(anonymous(), n), contains(doc));
        assertThat(ids(anonymous(), m), empty());
    }

    @Test
    void aDocumentMadeHiddenDisappearsFromCachedSearchesAtOnce() {
        String m = marker();
        String restricted = published("CABLE").title("Soon restricted " + m).create();
        String draft = published("CABLE").title("Soon a draft " + m).create();
        String deleted = published("CABLE").title("Soon deleted " + m).create();
        assertThat(twice(anonymous(), anonymous(), m), containsInAnyOrder(restricted, draft, deleted));

        patch(restricted, Map.of("visibility", "RESTRICTED"));
        assertThat(ids(anonymous(), m), containsInAnyOrder(draft, deleted));
        patch(draft, Map.of("visibility", "DRAFT"));
        assertThat(twice(anonymous(), anonymous(), m), contains(deleted));
        api().header("If-Match", Api.etag("/documents/{d}", deleted)).delete("/documents/{d}", deleted).then()
                .statusCode(204);
        anonymous().queryParam("q", m).get("/search/documents").then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
        // the views differ per role, and so do the entries: an editor sees what is hidden from readers
        assertThat(twice(api(), api(), m), containsInAnyOrder(restricted, draft));
        assertThat(ids(anonymous(), m), empty());
    }

    private static void patch(String document, Map<String, Object> changes) {
        api().contentType("application/merge-patch+json").body(changes)
                .header("If-Match", Api.etag("/documents/{d}", document)).patch("/documents/{d}", document).then()
                .statusCode(200);
    }

    @Test
    void aWriteStraightInTheDatabaseIsSeenByTheNextSearch() throws SQLException {
        String m = marker();
        String n = marker();
        String doc = published("CABLE").title("Written elsewhere " + m).create();
        String text = text(doc, "Words " + m + ".");
        assertThat(twice(anonymous(), anonymous(), n), empty());
        assertThat(twice(anonymous(), anonymous(), m), contains(doc));

        // as another instance over the same database would: its own connection, its own transaction
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE document SET title = 'Written elsewhere ' || ? WHERE id = CAST(? AS uuid)")) {
                s.setString(1, n);
                s.setString(2, doc);
                assertThat(s.executeUpdate(), equalTo(1));
            }
            // not committed yet: nothing changes
            assertThat(ids(anonymous(), n), empty());
            c.commit();
        }
        assertThat(ids(anonymous(), n), contains(doc));
        assertThat(ids(anonymous(), m), contains(doc)); // still in its text

        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("DELETE FROM text WHERE id = CAST(? AS uuid)")) {
            s.setString(1, text);
            assertThat(s.executeUpdate(), equalTo(1));
        }
        assertThat(ids(anonymous(), m), empty());
    }

    /**
     * Two writers never wait for each other at the epoch (V23): another transaction holds the shard of this writer's
     * backend, as a concurrent writer whose pid is equal modulo 16 would (an import's two writer threads did), and the
     * write goes through at once, through another shard. Its commit still changes the next search.
     */
    @Test
    void aWriterDoesNotWaitForTheEpochShardAnotherTransactionHolds() throws SQLException {
        String m = marker();
        String n = marker();
        String doc = published("CABLE").title("Shard " + m).create();
        assertThat(twice(anonymous(), anonymous(), m), contains(doc));
        try (Connection writer = dataSource.getConnection(); Connection holder = EmbeddedPostgresResource.owner()) {
            int shard;
            try (Statement s = writer.createStatement(); ResultSet r = s.executeQuery("SELECT pg_backend_pid() % 16")) {
                r.next();
                shard = r.getInt(1);
            }
            holder.setAutoCommit(false);
            try (PreparedStatement s = holder.prepareStatement(
                    "SELECT n FROM archive.search_epoch WHERE shard = ? FOR UPDATE")) {
                s.setInt(1, shard);
                s.executeQuery().close();
            }
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '5s'"); // before V23: "canceling statement due to lock timeout"
            }
            try (PreparedStatement s = writer.prepareStatement(
                    "UPDATE document SET title = 'Shard ' || ? WHERE id = CAST(? AS uuid)")) {
                s.setString(1, n);
                s.setString(2, doc);
                assertThat(s.executeUpdate(), equalTo(1));
            }
            writer.commit();
            holder.rollback();
        }
        assertThat(ids(anonymous(), n), contains(doc));
        assertThat(ids(anonymous(), m), empty());
    }

    @Test
    void theCacheIsBoundedByItsConfiguration() {
        String m = marker();
        published("CABLE").title("Bounded " + m).create();
        for (int i = 0; i < 6; i++) {
            anonymous().queryParam("q", m).queryParam("limit", i + 1).get("/search/documents").then().statusCode(200);
        }
        assertThat(cache.size(), lessThanOrEqualTo(3L));
    }

    @Test
    void facetCountsEqualThoseOfACountQuery() throws SQLException {
        String m = marker();
        for (int i = 0; i < 3; i++) {
            published("CABLE").title("Counted cable " + i + " " + m).create();
        }
        for (int i = 0; i < 2; i++) {
            published("MEMORANDUM").title("Counted memorandum " + i + " " + m).language("en").create();
        }
        JsonPath result = found(anonymous(), m);
        Map<String, Integer> kinds = new HashMap<>();
        List<String> values = result.getList("facets.kind.value");
        List<Integer> counts = result.getList("facets.kind.count");
        for (int i = 0; i < values.size(); i++) {
            kinds.put(values.get(i), counts.get(i));
        }
        Map<String, Integer> languages = new HashMap<>();
        values = result.getList("facets.language.value");
        counts = result.getList("facets.language.count");
        for (int i = 0; i < values.size(); i++) {
            languages.put(values.get(i), counts.get(i));
        }
        assertThat(kinds, equalTo(counts("SELECT d.kind, count(*) FROM document d WHERE d.title LIKE ? GROUP BY 1",
                m)));
        assertThat(languages, equalTo(counts("SELECT l, count(*) FROM document d, unnest(d.languages) l "
                + "WHERE d.title LIKE ? GROUP BY 1", m)));
        assertThat(result.getInt("total"), equalTo(5));
        assertThat(result.getBoolean("counts_capped"), equalTo(false));
    }

    private Map<String, Integer> counts(String sql, String marker) throws SQLException {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, "%" + marker + "%");
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    counts.put(r.getString(1), r.getInt(2));
                }
            }
        }
        return counts;
    }
}
