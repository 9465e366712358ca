package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.fonds.testing.FondsProcess;
import org.junit.jupiter.api.Test;

/**
 * What `make run` promises, on the packaged application started as its own process: it serves over an embedded
 * PostgreSQL whose data survives a restart, and Ctrl-C (SIGINT) or SIGTERM leaves no PostgreSQL process behind.
 */
class EmbeddedRunIT {

    private final HttpClient http = HttpClient.newHttpClient();
    private Path work;
    private int port;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory("fonds-run-it");
        port = FondsProcess.freePort();
    }

    @AfterEach
    void tearDown() throws IOException {
        FondsProcess.deleteTree(work);
    }

    @Test
    void dataSurvivesARestartAndNoPostgresOutlivesTheApplication() throws Exception {
        FondsProcess first = start(false);
        URI location = create(first);
        long postmaster = postmasterPid();
        // a shutdown checkpoint slower than the 5 s zonky's pg_ctl waits (a busy disk with fsync on): the
        // checkpointer is held for 10 s, and the application must still wait for its PostgreSQL to stop
        ProcessHandle checkpointer = checkpointer(postmaster);
        send("STOP", checkpointer);
        Thread resume = new Thread(() -> {
            try {
                Thread.sleep(10_000);
                send("CONT", checkpointer);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        resume.start();
        try {
            first.signal("TERM");
            assertGone(first, postmaster);
        } finally {
            resume.join();
        }

        // Ctrl-C: SIGINT where it can be delivered (a JVM started with SIGINT ignored, as by a non-interactive
        // shell's background job, keeps ignoring it; python resets it to the default first), SIGTERM otherwise
        boolean interruptible = Files.isExecutable(Path.of("/usr/bin/python3"));
        FondsProcess second = start(interruptible);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(location).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("Kept across restarts"), read.body());
        long postmaster2 = postmasterPid();
        second.signal(interruptible ? "INT" : "TERM");
        assertGone(second, postmaster2);
    }

    @Test
    void aSecondStartOnTheSameDataIsRefusedAndTheFirstKeepsServing() throws Exception {
        FondsProcess first = start(false);
        try {
            long postmaster = postmasterPid();
            Path secondLog = work.resolve("second.log");
            FondsProcess second = FondsProcess.launch(List.of(), Map.of("FONDS_EMBEDDED_DATA_DIR",
                    work.resolve("data/pg").toString(), "FONDS_SAMPLE_LOAD", "false"), FondsProcess.freePort(),
                    secondLog);
            assertTrue(second.process().waitFor(120, TimeUnit.SECONDS), "the second start did not give up: "
                    + FondsProcess.tail(secondLog));
            assertEquals(1, second.process().exitValue(), FondsProcess.tail(secondLog));
            assertTrue(FondsProcess.tail(secondLog).contains("is in use by a running Fonds (pid "
                    + first.process().pid() + ","), FondsProcess.tail(secondLog));

            // the first one's PostgreSQL was left alone, and it still reads and writes
            assertEquals(postmaster, postmasterPid());
            HttpResponse<String> read = http.send(HttpRequest.newBuilder(create(first)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, read.statusCode(), read.body());
        } finally {
            first.signal("TERM");
        }
        // once the first has stopped, the directory is free again
        FondsProcess third = start(false);
        third.signal("TERM");
    }

    @Test
    void aStartThatFailsSaysWhy() throws Exception {
        // a migration edited after it ran (its checksum no longer the one recorded): Flyway's validation refuses the
        // next start, which once ended with status 1 and nothing in the log
        FondsProcess first = start(false);
        Path dataDir = work.resolve("data/pg");
        List<String> pid = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/fonds";
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres",
                Files.readString(dataDir.resolve("fonds-superuser.password")).strip());
                java.sql.Statement s = c.createStatement()) {
            assertEquals(1, s.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 "
                    + "WHERE version = '1'"));
        }
        long postmaster = postmasterPid();
        first.signal("TERM");
        assertGone(first, postmaster);

        Path secondLog = work.resolve("second.log");
        FondsProcess second = FondsProcess.launch(List.of(), Map.of("FONDS_EMBEDDED_DATA_DIR", dataDir.toString(),
                "FONDS_SAMPLE_LOAD", "false"), port, secondLog);
        assertTrue(second.process().waitFor(120, TimeUnit.SECONDS), "the start did not give up: "
                + FondsProcess.tail(secondLog));
        String log = Files.readString(secondLog);
        assertEquals(1, second.process().exitValue(), FondsProcess.tail(secondLog));
        assertTrue(log.contains("Fonds could not start"), FondsProcess.tail(secondLog));
        assertTrue(log.contains("checksum mismatch for migration version 1"), FondsProcess.tail(secondLog));
        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")), "its PostgreSQL was left running");
    }

    private FondsProcess start(boolean resetSigint) throws Exception {
        List<String> prefix = resetSigint ? List.of("/usr/bin/python3", "-c",
                "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                        + "os.execvp(sys.argv[1], sys.argv[1:])") : List.of();
        return FondsProcess.start(prefix, Map.of("FONDS_EMBEDDED_DATA_DIR", work.resolve("data/pg").toString(),
                "FONDS_SAMPLE_LOAD", "false"), port, work.resolve("fonds.log"));
    }

    /** Creates a published document as the run's development editor (the token `make run` prints). */
    private URI create(FondsProcess fonds) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(url("/documents"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + fonds.editorToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"CABLE\",\"title\":\"Kept across restarts\","
                        + "\"date\":\"1950-05-30\",\"visibility\":\"PUBLISHED\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return URI.create(created.headers().firstValue("Location").orElseThrow());
    }

    private static ProcessHandle checkpointer(long postmaster) {
        return ProcessHandle.of(postmaster).orElseThrow().children()
                .filter(p -> p.info().commandLine().orElse("").contains("checkpointer")
                        || readCmdline(p).contains("checkpointer"))
                .findFirst().orElseThrow(() -> new AssertionError("no checkpointer under the postmaster"));
    }

    /** PostgreSQL renames its processes ("postgres: checkpointer"), which /proc/PID/cmdline shows. */
    private static String readCmdline(ProcessHandle p) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"));
        } catch (IOException e) {
            return "";
        }
    }

    private static void send(String signal, ProcessHandle p) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).inheritIO().start().waitFor();
    }

    private long postmasterPid() throws IOException {
        return FondsProcess.postmasterPid(work.resolve("data/pg"));
    }

    /** The application exits (a loaded machine may take a while: it waits for PostgreSQL's shutdown checkpoint), and its PostgreSQL is stopped by then. */
    private void assertGone(FondsProcess fonds, long postmaster) throws Exception {
        assertTrue(fonds.process().waitFor(180, TimeUnit.SECONDS), "the application did not exit: " + log());
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().completeOnTimeout(p, 1, TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "PostgreSQL (pid " + postmaster + ") outlived the application: " + log());
        assertFalse(Files.exists(work.resolve("data/pg/postmaster.pid")), "postmaster.pid left behind");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String log() {
        return FondsProcess.tail(work.resolve("fonds.log"));
    }
}
