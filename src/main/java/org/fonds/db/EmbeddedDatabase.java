package org.fonds.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The embedded PostgreSQL of {@code make run}: a persistent data directory, durable settings (fsync and
 * synchronous commit on, unlike zonky's test defaults), password authentication instead of zonky's
 * {@code trust}, and no shutdown hook of zonky's own (the caller stops it after Quarkus has stopped).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    private static final String SUPERUSER = "postgres";
    /** The API's own role: not the owner of the tables (migration V12); a new password at every start. */
    private static final String API_ROLE = "fonds_api";
    private static final String DATABASE = "fonds";
    private static final String CREDENTIALS_FILE = "fonds-superuser.password";
    private static final String SECURE_HBA = """
            # Written by Fonds: every connection authenticates with a password.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    /** How long {@link #close()} waits for the postmaster to finish its shutdown checkpoint. */
    private static final Duration STOP_WAIT = Duration.ofMinutes(5);

    private final EmbeddedPostgres postgres;
    private final Path dataDir;
    private final String password;
    private final Owner owner;
    private final String apiPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDir, String password, Owner owner) {
        this.postgres = postgres;
        this.dataDir = dataDir;
        this.password = password;
        this.owner = owner;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        try {
            Path dir = dataDir.toAbsolutePath();
            Files.createDirectories(dir.getParent());
            Owner owner = Owner.claim(dir); // refuses while another running Fonds serves from this directory
            try {
                return start(dir, owner);
            } catch (RuntimeException | IOException e) {
                owner.release();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    private static EmbeddedDatabase start(Path dir, Owner owner) throws IOException {
        stopOrphan(dir);
        Path credentials = dir.resolve(CREDENTIALS_FILE);
        String password = Files.isRegularFile(credentials)
                ? Files.readString(credentials, StandardCharsets.UTF_8).strip()
                : HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "100")
                // as the Kubernetes cluster (deploy/kubernetes) rather than PostgreSQL's 128 MB; checkpoints 4 GB of
                // WAL apart rather than 1: after each, the first write to a page logs the whole page (2.4 million such
                // pages, about half of the WAL, in an import of 1,000,000 documents). Together: 8 % less CPU for
                // PostgreSQL in an import of 200,000 documents (bench/RESULTS.md)
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("listen_addresses", "localhost")
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        EmbeddedDatabase db = new EmbeddedDatabase(pg, dir, password, owner);
        db.secure(credentials);
        db.createDatabase();
        db.createApiRole();
        return db;
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running on the data directory; stop it before starting
     * anew, or zonky would wait for a start that cannot happen (or adopt the orphan with its old settings). Called
     * only by the directory's {@link Owner}: a postmaster found then has no live Fonds behind it.
     */
    private static void stopOrphan(Path dir) throws IOException {
        Optional<ProcessHandle> process = postmaster(dir);
        if (process.isEmpty()) {
            return;
        }
        LOG.warnf("Stopping an orphaned PostgreSQL (pid %d) left on %s by an earlier run", process.get().pid(), dir);
        ProcessHandle orphan = process.get();
        orphan.destroy();
        try {
            orphan.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            orphan.destroyForcibly();
        }
    }

    /** The live postmaster named by the data directory's {@code postmaster.pid}, if any. */
    private static Optional<ProcessHandle> postmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    /** Replaces initdb's {@code trust} with passwords. Idempotent, so an interrupted first start is mended. */
    private void secure(Path credentials) throws IOException {
        Path hba = credentials.resolveSibling("pg_hba.conf");
        if (Files.readString(hba).equals(SECURE_HBA)) {
            return;
        }
        Path tmp = credentials.resolveSibling(CREDENTIALS_FILE + ".tmp");
        Files.writeString(tmp, password, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        Files.move(tmp, credentials, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        execute("SET password_encryption = 'scram-sha-256'; ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "'",
                SUPERUSER);
        Files.writeString(hba, SECURE_HBA, StandardCharsets.UTF_8);
        execute("SELECT pg_reload_conf()", SUPERUSER);
    }

    private void createDatabase() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database " + DATABASE, e);
        }
    }

    /** The API's login role, with this start's password (no password is kept on disk for it). */
    private void createApiRole() {
        execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + API_ROLE + "') THEN "
                + "CREATE ROLE " + API_ROLE + " LOGIN; END IF; END $$; "
                + "SET password_encryption = 'scram-sha-256'; ALTER ROLE " + API_ROLE + " PASSWORD '" + apiPassword
                + "'", SUPERUSER);
    }

    private void execute(String sql, String database) {
        try (Connection c = postgres.getDatabase(SUPERUSER, database).getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run SQL on the embedded PostgreSQL", e);
        }
    }

    public String version() {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    public int port() {
        return postgres.getPort();
    }

    /** The owner of the tables, whom Flyway migrates as. */
    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return password;
    }

    /** The API's own role (the datasource's user), which reaches the rows only through the views. */
    public String apiUsername() {
        return API_ROLE;
    }

    public String apiPassword() {
        return apiPassword;
    }

    /**
     * Stops PostgreSQL and returns only once the postmaster has exited. zonky's {@code pg_ctl stop} gives up after a
     * few seconds, but with fsync on the shutdown checkpoint can take longer on a busy disk, and the JVM must not exit
     * while its database is still running. Runs after Quarkus has stopped, when logging is already shut down, so it
     * reports on standard error.
     */
    @Override
    public void close() {
        Optional<ProcessHandle> running;
        try {
            running = postmaster(dataDir);
        } catch (IOException e) {
            running = Optional.empty();
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("Fonds: could not ask the embedded PostgreSQL to stop: " + e);
        }
        running.ifPresent(EmbeddedDatabase::awaitExit);
        owner.release();
    }

    private static void awaitExit(ProcessHandle postmaster) {
        try {
            postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            System.err.printf("Fonds: the embedded PostgreSQL (pid %d) did not stop within %s; stopping it at once%n",
                    postmaster.pid(), STOP_WAIT);
            postmaster.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // onExit does not fail
        }
    }

    /** Another running Fonds serves from the data directory: this start is refused, and that one left alone. */
    public static final class InUse extends IllegalStateException {
        InUse(String message) {
            super(message);
        }
    }
}
