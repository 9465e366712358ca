package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.fonds.testing.FondsProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under read and write load: the application answers every request within two seconds, each
 * with a 503 problem and {@code Retry-After} (never a 500, never a hang), and when PostgreSQL is back on the same
 * port and data it serves again by itself within a few seconds, without a restart.
 */
class DatabaseOutageIT {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    private static final Duration RECOVER_WITHIN = Duration.ofSeconds(10);
    private static final int CLIENTS = 12; // each request of the outage waits up to the 1.5 s acquisition timeout
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Path work;
    private int pgPort;
    private EmbeddedPostgres postgres;
    private FondsProcess fonds;
    private String token;

    /** One request of the load and what came back; status -1 when no response came (a hang or a dropped connection). */
    private record Outcome(String request, long startNanos, long endNanos, int status, String contentType,
            String retryAfter, String body) {

        Duration took() {
            return Duration.ofNanos(endNanos - startNanos);
        }

        @Override
        public String toString() {
            return request + " → " + status + " in " + took().toMillis() + " ms " + contentType + " Retry-After: "
                    + retryAfter + " " + (body.length() > 400 ? body.substring(0, 400) : body);
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory("fonds-outage-it");
        pgPort = FondsProcess.freePort();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (fonds != null) {
            fonds.destroy();
        }
        if (postgres != null) {
            postgres.close();
        }
        FondsProcess.deleteTree(work);
    }

    @Test
    void postgresStoppedUnderLoadGives503sWithinTwoSecondsAndTheApiRecoversByItself() throws Exception {
        postgres = startPostgres();
        Map<String, String> env = new java.util.HashMap<>(FondsProcess.externalDatabase(pgPort));
        env.put("FONDS_SAMPLE_LOAD", "false");
        fonds = FondsProcess.start(List.of(), env, FondsProcess.freePort(), work.resolve("fonds.log"));
        token = fonds.editorToken();
        String id = JSON.readTree(send(create()).body()).path("id").asText();
        List<String> reads = List.of("/documents/" + id, "/documents?limit=5", "/search/documents?q=outage",
                "/documents/" + id + "/texts", "/agents?name=x");

        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger counter = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    int n = counter.getAndIncrement();
                    outcomes.add(n % 3 == 0 ? send(create()) : send(get(reads.get(n % reads.size()))));
                }
            });
        }
        awaitOutcomes(outcomes, 20);

        long stopping = System.nanoTime();
        postgres.close();
        long stopped = System.nanoTime();
        long outageEnd = stopped + TimeUnit.SECONDS.toNanos(8); // long enough for dozens of requests to start and end inside it
        while (System.nanoTime() < outageEnd) {
            Thread.sleep(50);
        }
        // the outage ends when the restart begins: PostgreSQL accepts connections before startPostgres returns, and a
        // request waiting for a connection then is rightly served
        long restarting = System.nanoTime();
        postgres = startPostgres();
        long restarted = System.nanoTime();

        // recovery: every kind of request succeeds again, by itself
        long deadline = restarted + RECOVER_WITHIN.toNanos();
        long recovered = -1;
        while (System.nanoTime() < deadline) {
            boolean allOk = send(create()).status == 201;
            for (String read : reads) {
                allOk &= send(get(read)).status == 200;
            }
            if (allOk) {
                recovered = System.nanoTime();
                break;
            }
            Thread.sleep(100);
        }
        stop.set(true);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS), "the load did not stop");
        assertTrue(recovered > 0, "no recovery within " + RECOVER_WITHIN + " of PostgreSQL's return: "
                + fonds.logTail());

        List<Outcome> all = new ArrayList<>(outcomes);
        List<String> problems = new ArrayList<>();
        int duringOutage = 0;
        for (Outcome o : all) {
            if (o.status() < 0 || o.took().compareTo(ANSWER_WITHIN) > 0) {
                problems.add("no answer within " + ANSWER_WITHIN.toMillis() + " ms: " + o);
            } else if (o.status() >= 500 && !isServiceUnavailable(o)) {
                problems.add("not a 503 problem with Retry-After: " + o);
            } else if (o.startNanos() > stopped && o.endNanos() < restarting) {
                duringOutage++;
                if (!isServiceUnavailable(o)) {
                    problems.add("while PostgreSQL was down: " + o);
                }
            }
        }
        System.out.printf("DatabaseOutageIT: %d requests, %d during the outage, PostgreSQL stopped in %d ms, "
                + "recovered %d ms after its restart%n", all.size(), duringOutage,
                (stopped - stopping) / 1_000_000, (recovered - restarted) / 1_000_000);
        assertTrue(problems.isEmpty(), problems.size() + " bad outcomes of " + all.size() + ":\n"
                + String.join("\n", problems.subList(0, Math.min(20, problems.size()))) + "\nThe application's errors:\n"
                + fonds.logErrors());
        assertTrue(duringOutage > 20, "only " + duringOutage + " requests while PostgreSQL was down");
        assertEquals(200, send(get("/documents/" + id)).status(), "the document written before the outage");
    }

    private static boolean isServiceUnavailable(Outcome o) {
        return o.status() == 503 && o.contentType().startsWith("application/problem+json") && o.retryAfter() != null
                && o.body().contains("/problems/service-unavailable");
    }

    private void awaitOutcomes(List<Outcome> outcomes, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (outcomes.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(outcomes.size() >= count, "the load did not start");
        outcomes.forEach(o -> assertTrue(o.status() == 200 || o.status() == 201, "before the outage: " + o));
    }

    /** PostgreSQL with the API's own role (the owner migrates; the API reads through the views). */
    private EmbeddedPostgres startPostgres() throws IOException {
        return FondsProcess.postgres(work.resolve("pg"), pgPort);
    }

    private HttpRequest create() {
        return HttpRequest.newBuilder(fonds.url("/documents"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(ANSWER_WITHIN.plusSeconds(3))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"MEMORANDUM\",\"title\":\"written during an outage\"}"))
                .build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(fonds.url(path)).header("Authorization", "Bearer " + token)
                .timeout(ANSWER_WITHIN.plusSeconds(3)).build();
    }

    private Outcome send(HttpRequest request) {
        String name = request.method() + " " + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Outcome(name, start, System.nanoTime(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body());
        } catch (IOException e) {
            return new Outcome(name, start, System.nanoTime(), -1, "", null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(name, start, System.nanoTime(), -1, "", null, e.toString());
        }
    }
}
