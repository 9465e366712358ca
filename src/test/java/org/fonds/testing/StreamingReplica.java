package org.fonds.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL primary and a streaming replica made from it with {@code pg_basebackup -R}, on free loopback ports,
 * with the machine's PostgreSQL binaries ({@code /usr/lib/postgresql/<version>/bin}: zonky's embedded bundle has no
 * pg_basebackup). As root, the servers run as the user {@code postgres}, which owns their directories. Trust
 * authentication on 127.0.0.1 (a throwaway pair); the API's role {@code fonds_api} is created on the primary and
 * reaches the replica by replication, as in production.
 */
public final class StreamingReplica implements AutoCloseable {

    public static final String API_ROLE = "fonds_api";
    private static final String OWNER = "postgres";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Path bin;
    private final Path work;
    private final int primaryPort;
    private final int replicaPort;

    private StreamingReplica(Path bin, Path work, int primaryPort, int replicaPort) {
        this.bin = bin;
        this.work = work;
        this.primaryPort = primaryPort;
        this.replicaPort = replicaPort;
    }

    /** The directory of the newest installed PostgreSQL's binaries that has pg_basebackup, or null. */
    public static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(v -> v.getFileName().toString().matches("\\d+"))
                    .filter(v -> Files.isExecutable(v.resolve("bin/pg_basebackup")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString())))
                    .map(v -> v.resolve("bin"))
                    .orElse(null);
        }
    }

    /** Initialises and starts the primary, creates the API's role, then makes and starts the replica. */
    public static StreamingReplica start(Path bin) throws Exception {
        Path work = Files.createTempDirectory("fonds-replica-it");
        StreamingReplica pair = new StreamingReplica(bin, work, FondsProcess.freePort(), FondsProcess.freePort());
        try {
            pair.run("chown", "-R", OWNER + ":" + OWNER, work.toString());
            pair.runAsOwner(bin.resolve("initdb").toString(), "-D", pair.primaryDir().toString(), "-U", OWNER,
                    "--auth=trust", "-E", "UTF8", "--locale=C");
            Files.writeString(pair.primaryDir().resolve("postgresql.conf"), "\n"
                    + "listen_addresses = '127.0.0.1'\n"
                    + "port = " + pair.primaryPort + "\n"
                    + "unix_socket_directories = '" + work + "'\n"
                    + "max_connections = 60\n"
                    + "fsync = off\n"
                    + "wal_level = replica\n"
                    + "hot_standby = on\n", java.nio.file.StandardOpenOption.APPEND);
            pair.pgCtl(pair.primaryDir(), "start");
            try (Connection c = pair.primary(); Statement s = c.createStatement()) {
                s.execute("CREATE ROLE " + API_ROLE + " LOGIN PASSWORD '" + API_ROLE + "'");
            }
            pair.runAsOwner(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p",
                    Integer.toString(pair.primaryPort), "-U", OWNER, "-D", pair.replicaDir().toString(), "-R",
                    "-X", "stream", "--checkpoint=fast");
            Files.writeString(pair.replicaDir().resolve("postgresql.conf"), "\nport = " + pair.replicaPort + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            pair.startReplica();
            return pair;
        } catch (Exception e) {
            pair.close();
            throw e;
        }
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int replicaPort() {
        return replicaPort;
    }

    public String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres";
    }

    public String replicaUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/postgres";
    }

    /** A connection to the primary as the owner of the tables (superuser); the caller closes it. */
    public Connection primary() throws SQLException {
        return DriverManager.getConnection(primaryUrl(), OWNER, OWNER);
    }

    /** A connection to the replica as the superuser (read-only: it is a standby); the caller closes it. */
    public Connection replica() throws SQLException {
        return DriverManager.getConnection(replicaUrl(), OWNER, OWNER);
    }

    /** Stops replaying WAL on the replica (it still receives it) and waits until it has stopped. */
    public void pauseReplay() throws Exception {
        try (Connection c = replica(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_wal_replay_pause()");
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery("SELECT pg_get_wal_replay_pause_state()")) {
                    r.next();
                    if ("paused".equals(r.getString(1))) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the replica's replay did not pause");
        }
    }

    public void resumeReplay() throws SQLException {
        try (Connection c = replica(); Statement s = c.createStatement()) {
            s.execute("SELECT pg_wal_replay_resume()");
        }
    }

    /** Waits until the replica has replayed everything the primary has written so far. */
    public void awaitReplayed() throws Exception {
        String target;
        try (Connection c = primary(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT pg_current_wal_insert_lsn()")) {
            r.next();
            target = r.getString(1);
        }
        try (Connection c = replica(); Statement s = c.createStatement()) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                try (ResultSet r = s.executeQuery("SELECT pg_last_wal_replay_lsn() >= '" + target + "'::pg_lsn")) {
                    r.next();
                    if (r.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the replica did not replay up to " + target);
    }

    /** Transactions committed in the database {@code postgres} of a server so far (its statistics). */
    public static long committedTransactions(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet r = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = 'postgres'")) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    public void stopReplica() throws Exception {
        pgCtl(replicaDir(), "stop", "-m", "fast");
    }

    public void startReplica() throws Exception {
        pgCtl(replicaDir(), "start");
    }

    public String logs() {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("primary.log", "replica.log")) {
            out.append("--- ").append(name).append('\n').append(FondsProcess.tail(work.resolve(name))).append('\n');
        }
        return out.toString();
    }

    /** Stops both servers at once and deletes their directories. */
    @Override
    public void close() {
        for (Path dir : List.of(replicaDir(), primaryDir())) {
            if (Files.exists(dir.resolve("postmaster.pid"))) {
                try {
                    pgCtl(dir, "stop", "-m", "immediate");
                } catch (Exception e) {
                    // already stopped
                }
            }
        }
        try {
            FondsProcess.deleteTree(work);
        } catch (IOException e) {
            // left in the temp folder
        }
    }

    private Path primaryDir() {
        return work.resolve("primary");
    }

    private Path replicaDir() {
        return work.resolve("replica");
    }

    private void pgCtl(Path dataDir, String action, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(),
                "-l", work.resolve(dataDir.getFileName() + ".log").toString(), "-w", "-t", Long.toString(WAIT.toSeconds()),
                action));
        command.addAll(List.of(options));
        runAsOwner(command.toArray(String[]::new));
    }

    private void runAsOwner(String... command) throws Exception {
        List<String> full = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            full.addAll(List.of("runuser", "-u", OWNER, "--"));
        }
        full.addAll(List.of(command));
        run(full.toArray(String[]::new));
    }

    private void run(String... command) throws Exception {
        if (command[0].equals("chown") && !"root".equals(System.getProperty("user.name"))) {
            return; // the servers run as this user, who owns the directory already
        }
        Path output = Files.createTempFile("fonds-replica-cmd", ".log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!p.waitFor(WAIT.toSeconds() + 30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end: " + Files.readString(output));
            }
            if (p.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + p.exitValue() + "): "
                        + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
