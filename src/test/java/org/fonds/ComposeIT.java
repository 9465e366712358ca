package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.testing.FondsProcess;
import org.fonds.testing.Podman;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * deploy/compose.yaml brought up with podman-compose, with the host-network override (loopback ports only; run through
 * deploy/podman-compose-host-network, which mends Debian's podman-compose 1.0.3 for network_mode): the API waits for
 * its PostgreSQL by restarting, migrates as the owner, serves as its own role, writes
 * and reads; then everything is brought down, the data volume with it. PostgreSQL is POSTGRES_IMAGE when given,
 * else the local stand-in of the official image that deploy/postgres/ builds on the base image (no registry here).
 */
class ComposeIT {

    private static final String LOCAL_POSTGRES_IMAGE = "localhost/fonds-postgres:15";
    private static final Duration READY_WITHIN = Duration.ofSeconds(150);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String project = "fonds-it-" + UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, String> env = new HashMap<>();
    private Path work;
    private int port;
    private boolean up;

    @BeforeEach
    void setUp() throws Exception {
        Podman.requireInstalled(Podman.FONDS_IMAGE, "podman-compose");
        work = Files.createTempDirectory("fonds-compose-it");
        port = FondsProcess.freePort();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (up) {
            compose("down", "--volumes"); // whatever the test's outcome: no container or volume left behind
        }
        FondsProcess.deleteTree(work);
    }

    @Test
    void upWriteReadDown() throws Exception {
        String postgresImage = System.getenv().getOrDefault("POSTGRES_IMAGE", LOCAL_POSTGRES_IMAGE);
        if (postgresImage.equals(LOCAL_POSTGRES_IMAGE)) {
            // cached after the first build (a minute: Debian's PostgreSQL packages)
            Podman.run(Duration.ofMinutes(5), "build", "--quiet", "--network", "host", "--build-arg",
                    "BASE_IMAGE=" + Podman.BASE_IMAGE, "--tag", LOCAL_POSTGRES_IMAGE, "deploy/postgres")
                    .orFail("building " + LOCAL_POSTGRES_IMAGE);
        }
        Map<String, String> settings = FondsProcess.deploymentSettings(work.resolve("jwt"));
        env.put("FONDS_IMAGE", Podman.FONDS_IMAGE);
        env.put("POSTGRES_IMAGE", postgresImage);
        env.put("FONDS_PORT", Integer.toString(port));
        env.put("POSTGRES_PORT", Integer.toString(FondsProcess.freePort()));
        env.put("FONDS_DB_OWNER_PASSWORD", "owner-" + UUID.randomUUID());
        env.put("FONDS_DB_API_PASSWORD", "api-" + UUID.randomUUID());
        env.put("FONDS_PAGING_CURSOR_SECRET", settings.get("FONDS_PAGING_CURSOR_SECRET"));
        env.put("FONDS_JWT_PUBLIC_KEY_FILE", work.resolve("jwt/public-key.pem").toString());
        String token = Files.readString(work.resolve("jwt/editor.token")).strip();

        up = true;
        compose("up", "--detach").orFail("podman-compose up");
        awaitReady();

        HttpResponse<String> created = http.send(HttpRequest.newBuilder(url("/documents"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"LETTER\",\"title\":\"Written through compose\","
                        + "\"visibility\":\"PUBLISHED\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        HttpResponse<String> read = http.send(HttpRequest.newBuilder(
                URI.create(created.headers().firstValue("Location").orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, read.statusCode(), read.body());
        assertTrue(read.body().contains("\"title\":\"Written through compose\""), read.body());
        // a deployment's database holds no sample archive unless asked for: the one document is ours
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(url("/documents")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode(), list.body());
        assertEquals(1, new ObjectMapper().readTree(list.body()).path("items").size(), list.body());

        compose("down", "--volumes").orFail("podman-compose down");
        up = false;
        String left = Podman.run(Duration.ofSeconds(30), "ps", "--all", "--quiet", "--filter",
                "label=io.podman.compose.project=" + project).orFail("podman ps").output().strip();
        assertEquals("", left, "containers left after down");
        String volumes = Podman.run(Duration.ofSeconds(30), "volume", "ls", "--quiet").orFail("podman volume ls")
                .output();
        assertTrue(!volumes.contains(project), "volume left after down --volumes: " + volumes);
    }

    private Podman.Result compose(String... args) throws Exception {
        // podman-compose as installed, but on Debian's 1.0.3 without its bug with network_mode (see the script)
        List<String> command = new ArrayList<>(List.of("deploy/podman-compose-host-network",
                "--project-name", project,
                "--file", Path.of("deploy/compose.yaml").toAbsolutePath().toString(),
                "--file", Path.of("deploy/compose.host-network.yaml").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return Podman.exec(command, env, null, Duration.ofMinutes(3));
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(url("/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the API is (re)starting while PostgreSQL initialises
            }
            Thread.sleep(500);
        }
        fail("not ready within " + READY_WITHIN + ": " + compose("logs").output());
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
