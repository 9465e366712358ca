package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fonds.testing.FondsProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application started as a deployment without its own settings refuses to start: exit status 1, one
 * message naming every missing setting, no stack trace, and nothing started (no embedded PostgreSQL, no HTTP port).
 * Development values are for {@code make run} only (EmbeddedRunIT: it needs no configuration at all).
 */
class DeploymentRefusalIT {

    private Path work;

    @BeforeEach
    void setUp() throws IOException {
        work = Files.createTempDirectory("fonds-refusal-it");
    }

    @AfterEach
    void tearDown() throws IOException {
        FondsProcess.deleteTree(work);
    }

    @Test
    void aDatasourceUrlWithoutACursorSecretAndAPublicKeyIsRefused() throws Exception {
        Map<String, String> env = new HashMap<>();
        // nothing listens there: the refusal comes before any connection
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + FondsProcess.freePort() + "/fonds");
        env.put("FONDS_PAGING_CURSOR_SECRET", null);
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION", null);
        String output = refused(env);
        assertTrue(output.contains("Fonds: refusing to start. This is a deployment (QUARKUS_DATASOURCE_JDBC_URL is set)"),
                output);
        // unset, it is the packaged development value
        assertTrue(output.contains("  - FONDS_PAGING_CURSOR_SECRET is the development value: set a random secret"),
                output);
        assertTrue(output.contains("  - No JWT public key is configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION"), output);
    }

    @Test
    void anEmptyOrShortCursorSecretIsRefused() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + FondsProcess.freePort() + "/fonds");
        env.put("FONDS_PAGING_CURSOR_SECRET", ""); // the public key of FondsProcess stays
        String output = refused(env);
        assertTrue(output.contains("  - FONDS_PAGING_CURSOR_SECRET is not set: set a random secret"), output);
        assertFalse(output.contains("JWT"), "the public key was given: " + output);

        env.put("FONDS_PAGING_CURSOR_SECRET", "s3cret");
        assertTrue(refused(env).contains("  - FONDS_PAGING_CURSOR_SECRET is too short (6 characters)"));
    }

    @Test
    void withTheEmbeddedDatabaseOffAndNoDatasourceUrlThereIsNoDatabaseAndNoneIsStarted() throws Exception {
        Map<String, String> env = new HashMap<>(FondsProcess.deploymentSettings(work.resolve("jwt")));
        env.put("FONDS_EMBEDDED_ENABLED", "false"); // as in the container image
        env.put("FONDS_EMBEDDED_DATA_DIR", work.resolve("data/pg").toString());
        String output = refused(env);
        assertTrue(output.contains("Fonds: refusing to start. This is a deployment (the embedded PostgreSQL is off)"),
                output);
        assertTrue(output.contains("  - No database is configured: set QUARKUS_DATASOURCE_JDBC_URL"), output);
        assertFalse(Files.exists(work.resolve("data")), "an embedded PostgreSQL was started");
    }

    /** Starts the jar, which must exit with status 1 at once and print its reasons without a stack trace. */
    private String refused(Map<String, String> env) throws Exception {
        Path log = work.resolve("fonds.log");
        Files.deleteIfExists(log);
        FondsProcess fonds = FondsProcess.launch(List.of(), env, FondsProcess.freePort(), log);
        try {
            assertTrue(fonds.process().waitFor(60, TimeUnit.SECONDS), "still running: " + FondsProcess.tail(log));
        } finally {
            fonds.destroy();
        }
        String output = Files.readString(log);
        assertEquals(1, fonds.process().exitValue(), output);
        assertFalse(output.contains("\tat ") || output.contains("Exception"), "a stack trace: " + output);
        assertTrue(output.contains("See deploy/README.md (Configuration)."), output);
        return output;
    }
}
