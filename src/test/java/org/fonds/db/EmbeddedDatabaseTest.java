package org.fonds.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The embedded database of `make run`: durable, password-protected, persistent, and stopped without a trace. */
class EmbeddedDatabaseTest {

    private Path dataDir;

    @BeforeEach
    void createDirectory() throws Exception {
        dataDir = Files.createTempDirectory("fonds-embedded-test").resolve("pg");
    }

    @AfterEach
    void deleteDirectory() throws Exception {
        try (Stream<Path> files = Files.walk(dataDir.getParent())) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void dataSurvivesARestartAndNoServerOutlivesClose() throws Exception {
        long pid;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE kept (note text)");
                s.execute("INSERT INTO kept VALUES ('one trawler')");
            }
            pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        }
        // pg_ctl stop returns when the pid file is gone, a moment before the process itself has exited
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().orTimeout(10, TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "postmaster stopped");
        assertFalse(Files.exists(dataDir.resolve("postmaster.pid")));

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir);
                Connection c = connect(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT note FROM kept")) {
            assertTrue(rs.next());
            assertEquals("one trawler", rs.getString(1));
        }
    }

    @Test
    void durableSettingsAndPasswordAuthentication() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir)) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                assertEquals("on", show(s, "fsync"));
                assertEquals("on", show(s, "synchronous_commit"));
                // sized for bulk imports (bench/RESULTS.md, session 13): fewer checkpoints, fewer full-page images
                assertEquals("512MB", show(s, "shared_buffers"));
                assertEquals("4GB", show(s, "max_wal_size"));
            }
            assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(db.jdbcUrl(), db.username(), "wrong").close());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), db.username(), "").close());
            String hba = Files.readString(dataDir.resolve("pg_hba.conf"));
            assertFalse(hba.contains("trust"), hba);
        }
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }

    private static String show(Statement s, String setting) throws SQLException {
        try (ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
