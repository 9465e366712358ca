package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.testing.FondsProcess;
import org.fonds.testing.StreamingReplica;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reads on a real streaming replica (a primary and a {@code pg_basebackup -R} replica of the machine's PostgreSQL),
 * through the packaged application configured as in production ({@code QUARKUS_DATASOURCE_REPLICA_JDBC_URL}):
 * <ol>
 * <li>reads are served by the replica: with its replay paused, a document just written on the primary is not found
 * by a plain read (404), and the replica's statistics count the reads' transactions while the primary's do not;</li>
 * <li>the writer reads its write all the same when it sends back the write's {@code Fonds-Consistency-Token}: an
 * item, a list, and a search (a read in a transaction);</li>
 * <li>the replica stopped: reads go on (the primary serves them, each at once, not after a connection timeout) and
 * the application stays ready; restarted, it serves the reads again by itself.</li>
 * </ol>
 */
class ReplicaIT {

    private static final String REQUIRED = "FONDS_REQUIRE_POSTGRESQL_BINARIES";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path work;
    private StreamingReplica pg;
    private FondsProcess fonds;
    private String editor;

    @BeforeEach
    void setUp() throws Exception {
        Path bin = StreamingReplica.binaries();
        if (bin == null) {
            String missing = "no PostgreSQL binaries with pg_basebackup in /usr/lib/postgresql/<version>/bin "
                    + "(Debian: apt-get install postgresql)";
            if (Boolean.parseBoolean(System.getenv(REQUIRED))) {
                fail(missing + " (required because " + REQUIRED + "=true)");
            }
            Assumptions.abort(missing);
        }
        work = Files.createTempDirectory("fonds-replica-app");
        pg = StreamingReplica.start(bin);
        fonds = FondsProcess.start(List.of(), Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", pg.primaryUrl(),
                "QUARKUS_FLYWAY_USERNAME", "postgres",
                "QUARKUS_FLYWAY_PASSWORD", "postgres",
                "QUARKUS_DATASOURCE_USERNAME", StreamingReplica.API_ROLE,
                "QUARKUS_DATASOURCE_PASSWORD", StreamingReplica.API_ROLE,
                "QUARKUS_DATASOURCE_REPLICA_JDBC_URL", pg.replicaUrl(),
                "FONDS_REPLICA_RETRY_AFTER", RETRY_AFTER.toSeconds() + "s",
                "FONDS_SAMPLE_LOAD", "false"), FondsProcess.freePort(), work.resolve("fonds.log"));
        editor = fonds.editorToken();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (fonds != null) {
            fonds.destroy();
        }
        if (pg != null) {
            pg.close();
        }
        FondsProcess.deleteTree(work);
    }

    @Test
    void readsGoToTheReplicaAWriterReadsItsWritesAndAReplicaOutageFallsBackToThePrimary() throws Exception {
        assertTrue(log().contains("Reads (GET, HEAD) go to the replica"), fonds.logTail());
        assertEquals("replica", readsOn());

        // 1. the replica serves reads: what only the primary has is not found while the replica's replay is paused
        String word = "replicaprobe" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        pg.awaitReplayed();
        pg.pauseReplay();
        Reply created = send(post("/documents", "{\"kind\":\"MEMORANDUM\",\"title\":\"Written during paused replay "
                + word + "\"}"));
        assertEquals(201, created.status(), created.toString());
        String id = JSON.readTree(created.body()).path("id").asText();
        String token = created.header("Fonds-Consistency-Token");
        assertNotNull(token, "a write's response carries the consistency token: " + created);
        try (Connection primary = pg.primary(); Connection replica = pg.replica()) {
            assertTrue(exists(primary, id), "the primary has the document");
            assertTrue(!exists(replica, id), "the paused replica has not replayed it");
        }
        assertEquals(404, send(get("/documents/" + id, null)).status(),
                "a read without the token is served by the replica, which does not have the document yet");
        assertTrue(!listed(send(get("/documents?limit=100", null)), id), "nor in a list");
        assertEquals(0, JSON.readTree(send(get("/search/documents?q=" + word, null)).body()).path("total").asLong(),
                "nor found by a search");

        // 2. read-your-writes: the token sends the writer's reads to the primary while the replica is behind
        Reply item = send(get("/documents/" + id, token));
        assertEquals(200, item.status(), item.toString());
        assertTrue(listed(send(get("/documents?limit=100", token)), id), "the writer's list has it");
        JsonNode found = JSON.readTree(send(get("/search/documents?q=" + word, token)).body());
        assertEquals(1, found.path("total").asLong(), "the writer's search (a read in a transaction) finds it: " + found);
        assertEquals(404, send(get("/documents/" + id, "AAAAAAAAAAAAAAAAAAAAAAAAAAA")).status(),
                "a token this deployment did not issue is ignored");

        pg.resumeReplay();
        awaitStatus("/documents/" + id, null, 200, Duration.ofSeconds(10));
        assertEquals(200, send(get("/documents/" + id, token)).status(), "a replayed token reads on the replica");
        Reply anonymous = send(HttpRequest.newBuilder(fonds.url("/documents/" + id)).build());
        assertEquals(404, anonymous.status(), "the replica's views hide a DRAFT from an anonymous caller (the editor's "
                + "reads above saw it: the caller's role is set on replica connections): " + anonymous);

        // the replica's statistics count the reads, the primary's do not
        int reads = 40;
        long replicaBefore;
        long primaryBefore;
        try (Connection primary = pg.primary(); Connection replica = pg.replica()) {
            pg.awaitReplayed();
            settle(primary, replica);
            replicaBefore = StreamingReplica.committedTransactions(replica);
            primaryBefore = StreamingReplica.committedTransactions(primary);
            for (int i = 0; i < reads; i++) {
                assertEquals(200, send(get("/documents?limit=10", null)).status());
            }
            long replicaDelta = awaitCount(replica, replicaBefore + reads) - replicaBefore;
            long primaryDelta = StreamingReplica.committedTransactions(primary) - primaryBefore;
            System.out.printf("ReplicaIT: %d reads, transactions committed meanwhile: replica %d, primary %d%n", reads,
                    replicaDelta, primaryDelta);
            assertTrue(replicaDelta >= reads, "the replica committed " + replicaDelta + " transactions for " + reads
                    + " reads");
            assertTrue(primaryDelta < reads, "the primary committed " + primaryDelta + " transactions during " + reads
                    + " reads that were not its");
            assertTrue(sessions(replica, "fonds-reads") > 0, "the read pool's sessions are on the replica");
            assertEquals(0, sessions(primary, "fonds-reads"), "and none on the primary");
        }

        // 3. the replica stops: reads go on, on the primary, at once; the application stays ready
        pg.stopReplica();
        List<Reply> outage = new ArrayList<>();
        long outageEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (System.nanoTime() < outageEnd) {
            outage.add(send(get("/documents/" + id, null)));
            outage.add(send(get("/search/documents?q=" + word, null)));
            outage.add(send(get("/documents?limit=10", editor)));
        }
        List<Reply> failed = outage.stream().filter(r -> r.status() != 200).toList();
        System.out.printf("ReplicaIT: replica stopped: %d reads in 3 s, %d not 200, the slowest in %d ms%n",
                outage.size(), failed.size(), outage.stream().mapToLong(r -> r.took().toMillis()).max().orElse(0));
        // a connection the replica dropped within the last second (before its validation interval) may still be handed
        // to one read, which answers a 503 to retry; that failure leaves the replica alone, so there is no second one
        assertTrue(failed.size() <= 1 && failed.stream().allMatch(ReplicaIT::isServiceUnavailable),
                failed.size() + " of " + outage.size() + " reads failed while the replica was down: " + failed
                        + "\n" + fonds.logErrors());
        List<Reply> slow = outage.stream().filter(r -> r.took().compareTo(Duration.ofMillis(1500)) > 0).toList();
        assertTrue(slow.size() <= 1, "reads waited for the stopped replica: " + slow);
        Reply ready = send(HttpRequest.newBuilder(fonds.url("/q/health/ready")).build());
        assertEquals(200, ready.status(), "a replica outage does not make the application unready: " + ready);
        assertTrue(readsOn().startsWith("primary (the replica failed"), "the readiness report says where reads go: "
                + ready);
        assertTrue(log().contains("The read replica cannot be used"), fonds.logTail());

        // it comes back: after fonds.replica.retry-after, reads go to it again by themselves
        pg.startReplica();
        pg.awaitReplayed();
        pg.pauseReplay();
        Reply second = send(post("/documents", "{\"kind\":\"MEMORANDUM\",\"title\":\"After the outage\"}"));
        assertEquals(201, second.status(), second.toString());
        String secondId = JSON.readTree(second.body()).path("id").asText();
        awaitStatus("/documents/" + secondId, null, 404, RETRY_AFTER.plusSeconds(10));
        assertEquals(200, send(get("/documents/" + secondId, second.header("Fonds-Consistency-Token"))).status());
        pg.resumeReplay();
        assertTrue(log().contains("The read replica answers again"), fonds.logTail());
    }

    /** Where reads go, as the readiness report says. */
    private String readsOn() throws IOException {
        Reply ready = send(HttpRequest.newBuilder(fonds.url("/q/health/ready")).build());
        for (JsonNode check : JSON.readTree(ready.body()).path("checks")) {
            if (check.path("data").has("reads_on")) {
                return check.path("data").path("reads_on").asText();
            }
        }
        throw new AssertionError("no reads_on in " + ready);
    }

    private String log() throws IOException {
        return Files.readString(work.resolve("fonds.log"));
    }

    private record Reply(String request, int status, Duration took, HttpResponse<String> response) {

        String body() {
            return response == null ? "" : response.body();
        }

        String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            String body = body();
            return request + " → " + status + " in " + took.toMillis() + " ms "
                    + (body.length() > 300 ? body.substring(0, 300) : body);
        }
    }

    private static boolean isServiceUnavailable(Reply r) {
        return r.status() == 503 && r.header("Retry-After") != null
                && r.body().contains("/problems/service-unavailable");
    }

    private static boolean exists(Connection c, String id) throws Exception {
        try (var s = c.prepareStatement("SELECT 1 FROM archive.document WHERE id = ?::uuid")) {
            s.setString(1, id);
            try (var r = s.executeQuery()) {
                return r.next();
            }
        }
    }

    /** The API's sessions on a server with this application_name (pg_stat_activity). */
    private static long sessions(Connection c, String applicationName) throws Exception {
        try (var s = c.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE usename = ? "
                + "AND application_name = ?")) {
            s.setString(1, StreamingReplica.API_ROLE);
            s.setString(2, applicationName);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static boolean listed(Reply list, String id) throws IOException {
        assertEquals(200, list.status(), list.toString());
        for (JsonNode item : JSON.readTree(list.body()).path("items")) {
            if (id.equals(item.path("id").asText())) {
                return true;
            }
        }
        return false;
    }

    /** Waits until statistics stop moving on both servers (what the start and the steps above did is counted). */
    private static void settle(Connection primary, Connection replica) throws Exception {
        long[] last = {-1, -1};
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int still = 0;
        while (System.nanoTime() < deadline && still < 3) {
            Thread.sleep(1000);
            long p = StreamingReplica.committedTransactions(primary);
            long r = StreamingReplica.committedTransactions(replica);
            // this test's own two sessions commit a transaction per sample
            still = Math.abs(p - last[0]) <= 2 && Math.abs(r - last[1]) <= 2 ? still + 1 : 0;
            last[0] = p;
            last[1] = r;
        }
    }

    /** The replica's count once it has reached {@code atLeast} (backends report statistics within seconds). */
    private static long awaitCount(Connection c, long atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long count = StreamingReplica.committedTransactions(c);
        while (count < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(250);
            count = StreamingReplica.committedTransactions(c);
        }
        return count;
    }

    private void awaitStatus(String path, String token, int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Reply last = null;
        while (System.nanoTime() < deadline) {
            last = send(get(path, token));
            if (last.status() == status) {
                return;
            }
            Thread.sleep(100);
        }
        fail("no " + status + " within " + within + " for " + path + "; last: " + last + "\n" + fonds.logTail());
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(fonds.url(path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + editor)
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** A read as the editor (drafts are visible to editors only: the caller's role is set on replica connections too). */
    private HttpRequest get(String path, String consistencyToken) {
        HttpRequest.Builder b = HttpRequest.newBuilder(fonds.url(path))
                .header("Authorization", "Bearer " + editor)
                .timeout(Duration.ofSeconds(10));
        if (consistencyToken != null) {
            b.header("Fonds-Consistency-Token", consistencyToken);
        }
        return b.build();
    }

    private Reply send(HttpRequest request) {
        String name = request.method() + " " + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(name, response.statusCode(), Duration.ofNanos(System.nanoTime() - start), response);
        } catch (IOException e) {
            return new Reply(name + " (" + e + ")", -1, Duration.ofNanos(System.nanoTime() - start), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(name, -1, Duration.ofNanos(System.nanoTime() - start), null);
        }
    }
}
