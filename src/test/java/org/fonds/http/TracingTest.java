package org.fonds.http;

import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.fonds.testing.Documents;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Traces, with the OpenTelemetry SDK on (it is off by default) and the finished spans kept in memory
 * ({@link org.fonds.testing.InMemorySpans}) instead of exported: every request is one SERVER span, the JDBC
 * statements it runs are spans under it, and the log lines it writes carry its trace and span ids. Each request sends
 * a W3C {@code traceparent} of its own, so that its trace is known in advance and no other request's spans are
 * mistaken for its.
 */
@QuarkusTest
@TestProfile(TracingTest.TracesOn.class)
class TracingTest {

    public static class TracesOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // export the finished spans at once instead of every 5 s
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "10ms",
                    "fonds.sample.load", "false");
        }
    }

    private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
    private static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
    private static final SplittableRandom RANDOM = new SplittableRandom();

    @Inject
    InMemorySpanExporter spans;

    private final List<ExtLogRecord> logged = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord r) {
                r.copyMdc(); // the request's MDC, before its thread moves on
                synchronized (logged) {
                    logged.add(r);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLogs() {
        Logger.getLogger("org.fonds").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("org.fonds").removeHandler(capture);
    }

    @Test
    void aRequestIsOneServerSpanWithItsStatementsAsChildren() {
        String id = Documents.cable().create();
        String trace = traceId();

        api().header("traceparent", traceparent(trace)).get("/documents/{id}", id).then().statusCode(200);

        List<SpanData> inTrace = await(trace, s -> s.getKind() == SpanKind.SERVER);
        List<SpanData> servers = inTrace.stream().filter(s -> s.getKind() == SpanKind.SERVER).toList();
        assertEquals(1, servers.size(), () -> "one SERVER span for the request: " + describe(inTrace));
        SpanData server = servers.get(0);
        assertTrue(server.getName().contains("/documents/"), () -> "the server span names the route: " + server);

        // the JDBC instrumentation's spans: a CLIENT span per SQL statement, and an INTERNAL one per connection
        // taken from the pool (DataSource.getConnection: the wait for a connection shows)
        List<SpanData> database = inTrace.stream().filter(TracingTest::isDatabase).toList();
        assertTrue(database.stream().anyMatch(s -> s.getKind() == SpanKind.CLIENT),
                () -> "the request's SQL statements are CLIENT spans: " + describe(inTrace));
        for (SpanData span : database) {
            assertEquals(server.getSpanId(), span.getParentSpanId(),
                    () -> "a database span is a child of the request's server span: " + describe(inTrace));
        }
    }

    @Test
    void logLinesOfARequestCarryItsTraceAndSpanIds() {
        String trace = traceId();

        // an unknown document: a 404 problem, logged at WARN by ProblemResponses while the request is served
        api().header("traceparent", traceparent(trace))
                .get("/documents/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);

        SpanData server = await(trace, s -> s.getKind() == SpanKind.SERVER).stream()
                .filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow();
        List<ExtLogRecord> lines;
        synchronized (logged) {
            lines = logged.stream().filter(r -> r.getFormattedMessage().contains("404")).toList();
        }
        assertFalse(lines.isEmpty(), "the 404 problem was logged");
        for (ExtLogRecord line : lines) {
            assertEquals(trace, line.getMdc("traceId"), line.getFormattedMessage());
            assertEquals(server.getSpanId(), line.getMdc("spanId"), line.getFormattedMessage());
        }
    }

    /** A statement span of the JDBC instrumentation (semantic conventions old or new). */
    private static boolean isDatabase(SpanData span) {
        return "postgresql".equals(span.getAttributes().get(DB_SYSTEM))
                || "postgresql".equals(span.getAttributes().get(DB_SYSTEM_NAME));
    }

    /** The finished spans of this trace once one of them matches (spans are exported when they end). */
    private List<SpanData> await(String trace, Predicate<SpanData> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<SpanData> inTrace = spans.getFinishedSpanItems().stream()
                    .filter(s -> s.getTraceId().equals(trace)).toList();
            if (inTrace.stream().anyMatch(until)) {
                return inTrace;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such span in trace " + trace + " within 10 s: " + describe(inTrace));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String describe(List<SpanData> spans) {
        return spans.stream().map(s -> s.getKind() + " " + s.getName() + " " + s.getSpanId() + "<-" + s.getParentSpanId())
                .collect(Collectors.joining(", ", "[", "]"));
    }

    /** A random W3C trace id (32 lowercase hex digits, not all zero). */
    private static String traceId() {
        return String.format("%016x%016x", RANDOM.nextLong() | 1, RANDOM.nextLong());
    }

    /** A sampled W3C traceparent header of this trace, from a made-up parent span of the caller. */
    private static String traceparent(String trace) {
        return "00-" + trace + "-" + String.format("%016x", RANDOM.nextLong() | 1) + "-01";
    }

}
