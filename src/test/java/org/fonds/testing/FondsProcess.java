package org.fonds.testing;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fonds.access.DevKeys;
import org.fonds.access.Role;

/**
 * The packaged application ({@code make run}'s jar) started as a process of its own, for the *IT tests: start it
 * with some environment, wait until it is ready, signal or kill it, read the tail of its log.
 */
public final class FondsProcess {

    public static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final Path log;
    private final int port;

    private FondsProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the jar on {@code port} with {@code env} added to (or, for a null value, removed from) this JVM's
     * environment, logging to {@code log}, and waits until {@code /q/health/ready} answers 200.
     *
     * @param prefix commands to run the JVM through (e.g. a wrapper that resets a signal), or an empty list
     */
    public static FondsProcess start(List<String> prefix, Map<String, String> env, int port, Path log)
            throws Exception {
        FondsProcess fonds = launch(prefix, env, port, log);
        fonds.awaitReady();
        return fonds;
    }

    /** {@link #start} without waiting: for a start that is expected to fail. */
    public static FondsProcess launch(List<String> prefix, Map<String, String> env, int port, Path log)
            throws Exception {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("fonds.jar", "target/quarkus-app/quarkus-run.jar")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // one client sending a stream of writes: the per-client rate limit would answer 429s, which are not the point
        builder.environment().put("FONDS_RATE_LIMIT_ENABLED", "false");
        // the development key pair and editor token of this run, beside its log (see editorToken())
        builder.environment().remove("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        builder.environment().remove("MP_JWT_VERIFY_PUBLICKEY");
        builder.environment().remove("FONDS_PAGING_CURSOR_SECRET");
        builder.environment().put("FONDS_JWT_DEV_KEY_DIR", devKeyDir(log).toString());
        if (env.get("QUARKUS_DATASOURCE_JDBC_URL") != null) {
            // an external database is a deployment, which refuses development values (org.fonds.Deployment): give it
            // a cursor secret and a public key of this run, and write an editor token signed with its private key
            // where editorToken() reads it
            builder.environment().putAll(deploymentSettings(devKeyDir(log)));
        }
        env.forEach((k, v) -> {
            if (v == null) {
                builder.environment().remove(k);
            } else {
                builder.environment().put(k, v);
            }
        });
        return new FondsProcess(builder.start(), log, port);
    }

    /**
     * What a deployment must be given (see deploy/README.md): a cursor secret of its own and a public key, as
     * environment variables; the matching EDITOR token is written to {@code editor.token} in {@code dir}.
     */
    public static Map<String, String> deploymentSettings(Path dir) throws IOException {
        KeyPair pair = DevKeys.generate();
        Files.createDirectories(dir);
        Path publicKey = dir.resolve("public-key.pem");
        Files.writeString(publicKey, DevKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.writeString(dir.resolve("editor.token"), token(pair.getPrivate(), Role.EDITOR) + "\n");
        return Map.of("FONDS_PAGING_CURSOR_SECRET", HexFormat.of().formatHex(new SecureRandom().generateSeed(32)),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", publicKey.toAbsolutePath().toUri().toString());
    }

    /**
     * A PostgreSQL of its own on {@code port}, its data in {@code dataDir} (kept between starts), with the API's login
     * role {@code fonds_api} (password the same), as an external database of Fonds: started with
     * {@code QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:<port>/postgres}, Flyway as {@code postgres}.
     */
    public static io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres(Path dataDir, int port)
            throws IOException {
        var pg = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(true)
                .start();
        try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fonds_api') THEN "
                    + "CREATE ROLE fonds_api LOGIN PASSWORD 'fonds_api'; END IF; END $$");
        } catch (java.sql.SQLException e) {
            throw new IOException("Could not create the API's role", e);
        }
        return pg;
    }

    /** The settings that start Fonds over {@link #postgres} on {@code port}. */
    public static Map<String, String> externalDatabase(int port) {
        return Map.of("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + port + "/postgres",
                "QUARKUS_FLYWAY_USERNAME", "postgres",
                "QUARKUS_FLYWAY_PASSWORD", "postgres",
                "QUARKUS_DATASOURCE_USERNAME", "fonds_api",
                "QUARKUS_DATASOURCE_PASSWORD", "fonds_api");
    }

    /** A bearer token for {@code role}, signed with {@code key}, as Fonds expects them (issuer fonds, groups). */
    public static String token(PrivateKey key, Role role) {
        return Jwt.issuer("fonds").subject("it-" + role.name().toLowerCase(Locale.ROOT)).groups(role.name())
                .expiresIn(Duration.ofHours(1)).jws().sign(key);
    }

    private static Path devKeyDir(Path log) {
        return log.toAbsolutePath().resolveSibling("jwt");
    }

    /**
     * The EDITOR token of this run: the development one it printed and wrote beside its generated key pair, or with
     * an external database the one signed for the key pair of {@link #deploymentSettings}.
     */
    public String editorToken() throws IOException {
        return java.nio.file.Files.readString(devKeyDir(log).resolve("editor.token")).strip();
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited: " + logTail());
            }
            try {
                HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(url("/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("not ready within " + START_TIMEOUT + ": " + logTail());
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Sends a signal (TERM, INT, KILL) and waits for the process to end. */
    public void signal(String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the application did not stop on SIG" + signal);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
    public void kill() throws Exception {
        process.destroyForcibly(); // SIGKILL on Linux
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the application survived SIGKILL");
        }
    }

    /** Stops the process if it is still running (for @AfterEach). */
    public void destroy() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String logTail() {
        return tail(log);
    }

    /** The log's ERROR entries (their first line and the causes named under them), at most 20: what a failure needs. */
    public String logErrors() {
        try {
            List<String> out = new java.util.ArrayList<>();
            boolean inError = false;
            for (String line : Files.readAllLines(log)) {
                if (line.contains(" ERROR [")) {
                    if (out.size() >= 60) {
                        break;
                    }
                    out.add(line.length() > 400 ? line.substring(0, 400) : line);
                    inError = true;
                } else if (inError && line.startsWith("Caused by:")) {
                    out.add("    " + (line.length() > 300 ? line.substring(0, 300) : line));
                } else if (!line.startsWith("\t") && !line.startsWith("Caused by:") && !line.startsWith("\tat ")
                        && line.matches("^\\d{4}-.*")) {
                    inError = false;
                }
            }
            return out.isEmpty() ? "(no ERROR in the log)" : String.join("\n", out);
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public static String tail(Path log) {
        try {
            String text = Files.readString(log);
            Matcher tail = Pattern.compile("(?s).{0,3000}$").matcher(text);
            return tail.find() ? tail.group() : text;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The pid in a PostgreSQL data directory's postmaster.pid, or -1 when there is none. */
    public static long postmasterPid(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return -1;
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
    }

    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.UncheckedIOException vanished) {
            // a file went away while walking (a process still shutting down): what is left is in the temp folder
        }
    }
}
