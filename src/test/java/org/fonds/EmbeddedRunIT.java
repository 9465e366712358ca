package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What `make run` promises, on the packaged application started as its own process: it serves over an embedded
 * PostgreSQL whose data survives a restart, and Ctrl-C (SIGINT) or SIGTERM leaves no PostgreSQL process behind.
 */
class EmbeddedRunIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();
    private Path work;
    private int port;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory("fonds-run-it");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
    }

    @AfterEach
    void tearDown() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void dataSurvivesARestartAndNoPostgresOutlivesTheApplication() throws Exception {
        Process first = start(false);
        String location = create();
        long postmaster = postmasterPid();
        stop(first, "TERM");
        assertGone(postmaster);

        // Ctrl-C: SIGINT where it can be delivered (a JVM started with SIGINT ignored, as by a non-interactive
        // shell's background job, keeps ignoring it; python resets it to the default first), SIGTERM otherwise
        boolean interruptible = Files.isExecutable(Path.of("/usr/bin/python3"));
        Process second = start(interruptible);
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("Kept across restarts"), read.body());
        long postmaster2 = postmasterPid();
        stop(second, interruptible ? "INT" : "TERM");
        assertGone(postmaster2);
    }

    private Process start(boolean resetSigint) throws Exception {
        List<String> command = new ArrayList<>();
        if (resetSigint) {
            command.addAll(List.of("/usr/bin/python3", "-c",
                    "import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); "
                            + "os.execvp(sys.argv[1], sys.argv[1:])"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("fonds.jar", "target/quarkus-app/quarkus-run.jar")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("fonds.log").toFile());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("FONDS_EMBEDDED_DATA_DIR", work.resolve("data/pg").toString());
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        builder.environment().put("FONDS_SAMPLE_LOAD", "false");
        builder.environment().remove("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        builder.environment().put("FONDS_JWT_DEV_KEY_DIR", work.resolve("data/jwt").toString());
        Process process = builder.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(process.isAlive(), "the application exited: " + log());
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(url("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("not ready within " + START_TIMEOUT + ": " + log());
    }

    private String create() throws Exception {
        // the development editor token that the start printed and wrote beside the generated key pair
        String token = Files.readString(work.resolve("data/jwt/editor.token")).strip();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(url("/documents"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"CABLE\",\"title\":\"Kept across restarts\",\"date\":\"1950-05-30\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        return created.headers().firstValue("Location").orElseThrow();
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(work.resolve("data/pg/postmaster.pid")).get(0).strip());
    }

    private void stop(Process process, String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the application did not stop on SIG" + signal);
    }

    private void assertGone(long postmaster) throws Exception {
        ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false),
                "PostgreSQL (pid " + postmaster + ") outlived the application: " + log());
        assertFalse(Files.exists(work.resolve("data/pg/postmaster.pid")), "postmaster.pid left behind");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private String log() {
        try {
            String text = Files.readString(work.resolve("fonds.log"));
            Matcher tail = Pattern.compile("(?s).{0,3000}$").matcher(text);
            return tail.find() ? tail.group() : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
