package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fonds.testing.FondsProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What `make dev` promises: Quarkus dev mode over the embedded PostgreSQL, with the sample archive, the Dev UI and
 * live reload. Run on a copy of the project (pom, wrapper, src/main, the committed spec the clients are generated
 * from) in target/, so that dev mode's own compilation does not write into the classes this build is testing.
 */
class DevModeIT {

    private static final Duration START = Duration.ofMinutes(8);
    // HTTP/1.1, as a browser or curl first speaks it to dev mode
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private Process dev;

    @AfterEach
    void stop() throws Exception {
        if (dev != null && dev.isAlive()) {
            // the dev JVM is a child of Maven's: TERM it first, so that it stops its PostgreSQL, then Maven
            dev.descendants().forEach(ProcessHandle::destroy);
            dev.destroy();
            if (!dev.waitFor(60, TimeUnit.SECONDS)) {
                dev.descendants().forEach(ProcessHandle::destroyForcibly);
                dev.destroyForcibly();
            }
        }
    }

    @Test
    void devModeServesTheSampleArchiveWithTheDevUi() throws Exception {
        Path copy = Path.of("target", "dev-mode-it").toAbsolutePath();
        FondsProcess.deleteTree(copy);
        for (String part : List.of("pom.xml", "mvnw", ".mvn", "src/main", "openapi/openapi.yaml")) {
            copyTree(Path.of(part), copy.resolve(part));
        }
        int port = FondsProcess.freePort();
        Path log = copy.resolve("dev.log");
        dev = new ProcessBuilder("./mvnw", "-B", "quarkus:dev", "-Dquarkus.http.port=" + port, "-Ddebug=false",
                "-Dquarkus.console.enabled=false", "-Dquarkus.analytics.disabled=true",
                "-Dfonds.embedded.data-dir=" + copy.resolve("data/pg"),
                "-Dfonds.jwt.dev-key-dir=" + copy.resolve("data/jwt"))
                .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();

        long deadline = System.nanoTime() + START.toNanos();
        while (status(port, "/q/health/ready") != 200) {
            assertTrue(dev.isAlive() && System.nanoTime() < deadline, () -> "dev mode did not start:\n" + tail(log));
            Thread.sleep(1000);
        }
        assertEquals(200, status(port, "/documents"));
        String found = body(port, "/search/documents?q=trawler");
        assertTrue(found.contains("\"total\":") && !found.contains("\"total\":0"), () -> "no sample archive: " + found);
        assertEquals(200, status(port, "/q/dev-ui/"));

        // live reload: a changed setting is served at a next request, over the same database (the first reload ended
        // dev mode once: FondsMain's exit handler took the restart's stop for the end)
        assertTrue(body(port, "/oai?verb=Identify").contains("<repositoryName>Fonds</repositoryName>"));
        Path properties = copy.resolve("src/main/resources/application.properties");
        Files.writeString(properties, Files.readString(properties) + "\nfonds.archive.name=Reloaded archive\n");
        deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String reloaded = "<repositoryName>Reloaded archive</repositoryName>";
        while (!bodyOrNothing(port, "/oai?verb=Identify").contains(reloaded)) {
            assertTrue(dev.isAlive() && System.nanoTime() < deadline, () -> "no live reload:\n" + tail(log));
            Thread.sleep(1000);
        }
        String again = body(port, "/search/documents?q=trawler");
        assertTrue(again.contains("\"total\":") && !again.contains("\"total\":0"), () -> "no sample archive: " + again);
    }

    private int status(int port, String path) {
        try {
            return http.send(request(port, path), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String body(int port, String path) throws IOException, InterruptedException {
        return http.send(request(port, path), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The body, or nothing while dev mode restarts and the port does not answer. */
    private String bodyOrNothing(int port, String path) throws InterruptedException {
        try {
            return body(port, path);
        } catch (IOException e) {
            return "";
        }
    }

    private static HttpRequest request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofMinutes(3))
                .build();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
