package org.fonds.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.fonds.access.Role;
import org.fonds.testing.Api;
import org.fonds.testing.Node;
import org.fonds.testing.Processes;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript client that openapi-generator makes from the committed spec ({@code typescript-fetch}, written to
 * target/generated-client-ts by the build, as {@code make clients} does) compiles with {@code tsc} (pinned in
 * src/test/typescript/package.json, installed with {@code npm ci}), and drives this server from Node: create with a
 * bearer token, list, embed, search, and a 404 problem (src/test/typescript/client-test.ts). The README's examples
 * (src/test/typescript/example.ts, Example.java) compile, run against this server, and are in the README as they are.
 */
@QuarkusTest
class TypeScriptClientTest {

    private static final Path SOURCES = Path.of("src", "test", "typescript");
    private static final Path GENERATED = Path.of("target", "generated-client-ts");
    private static final Path WORK = Path.of("target", "typescript-client");
    private static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);

    @TestHTTPResource("/")
    URL root;

    @Test
    void theGeneratedClientCompilesAndDrivesTheServer() throws IOException {
        Node.requireInstalled();
        assertTrue(Files.isRegularFile(GENERATED.resolve("index.ts")),
                GENERATED + " is missing: the build generates it (generate-test-sources; `make clients`)");
        prepare();

        Processes.Result compiled = Processes.run(WORK, Map.of(), NPM_TIMEOUT, "node", "node_modules/typescript/bin/tsc",
                "-p", "tsconfig.json");
        assertEquals(0, compiled.exitCode(), "tsc:\n" + compiled.output());

        String mark = mark();
        Processes.Result run = Processes.run(WORK, Map.of(
                "FONDS_URL", root.toString().replaceAll("/+$", ""),
                "FONDS_TOKEN", Api.token(Role.EDITOR),
                "FONDS_MARK", mark), Duration.ofMinutes(2), "node", "out/client-test.js");
        assertEquals(0, run.exitCode(), "node out/client-test.js:\n" + run.output());
        assertTrue(run.output().contains("ts-client: all checks passed"), run.output());
        Processes.Result example = Processes.run(WORK, Map.of("FONDS_URL", root.toString().replaceAll("/+$", "")),
                Duration.ofMinutes(1), "node", "out/example.js");
        assertEquals(0, example.exitCode(), "the README's example, node out/example.js:\n" + example.output());
    }

    @Test
    void theReadmesJavaExampleRuns() throws ApiException {
        String previous = System.getProperty("fonds.url");
        System.setProperty("fonds.url", root.toString().replaceAll("/+$", ""));
        try {
            Example.main(new String[0]);
        } finally {
            if (previous == null) {
                System.clearProperty("fonds.url");
            } else {
                System.setProperty("fonds.url", previous);
            }
        }
    }

    @Test
    void theReadmeShowsTheExamplesAsTheyAreCompiled() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String ts = Files.readString(SOURCES.resolve("example.ts")).strip();
        assertTrue(readme.contains(ts), "README.md shows src/test/typescript/example.ts as it is:\n" + ts);
        String java = Files.readString(Path.of("src/test/java/org/fonds/client/Example.java"));
        String body = java.substring(java.indexOf("import "), java.lastIndexOf('}') + 1).strip()
                .replaceAll("(?m)^/\\*\\*.*\\*/\\n", "");
        assertTrue(readme.contains(body), "README.md shows Example.java (from its imports) as it is:\n" + body);
    }

    /**
     * target/typescript-client: the committed package files and scripts, the generated client as src/fonds-client,
     * and typescript in node_modules (npm ci, again only when the lock file changed).
     */
    private static void prepare() throws IOException {
        Files.createDirectories(WORK.resolve("src"));
        Path installedLock = WORK.resolve("node_modules").resolve(".fonds-package-lock.json");
        boolean upToDate = Files.isRegularFile(installedLock)
                && Files.mismatch(installedLock, SOURCES.resolve("package-lock.json")) == -1
                && Files.isRegularFile(WORK.resolve("node_modules/typescript/bin/tsc"));
        for (String file : new String[] {"package.json", "package-lock.json", "tsconfig.json"}) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        try (Stream<Path> scripts = Files.list(SOURCES)) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".ts")).toList()) {
                Files.copy(script, WORK.resolve("src").resolve(script.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path client = WORK.resolve("src").resolve("fonds-client");
        delete(client);
        delete(WORK.resolve("out"));
        try (Stream<Path> files = Files.walk(GENERATED)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ts")).toList()) {
                Path target = client.resolve(GENERATED.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
        if (!upToDate) {
            Processes.Result installed = Processes.run(WORK, Map.of(), NPM_TIMEOUT, "npm", "ci", "--no-audit", "--no-fund",
                    "--loglevel=error");
            assertEquals(0, installed.exitCode(), "npm ci:\n" + installed.output());
            Files.copy(SOURCES.resolve("package-lock.json"), installedLock, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Eight letters no word has: the document's title word and its private-use language tag (x-...). */
    private static String mark() {
        Random random = new Random();
        StringBuilder mark = new StringBuilder("q");
        for (int i = 0; i < 7; i++) {
            mark.append((char) ('a' + random.nextInt(26)));
        }
        return mark.toString();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
