package org.fonds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule of {@link Deployment}: development values only for the embedded development mode of {@code make run};
 * a deployment names every setting it lacks. (DeploymentRefusalIT starts the packaged application with them.)
 */
class DeploymentTest {

    private static final String URL = "jdbc:postgresql://db.example.org:5432/fonds";
    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final String KEY_FILE = "file:/etc/fonds/jwt-public-key.pem";

    @Test
    void makeRunNeedsNothing() {
        // the committed development secret, no key: the embedded development mode
        SmallRyeConfig config = config(Map.of("fonds.paging.cursor-secret", Deployment.DEVELOPMENT_CURSOR_SECRET));
        assertTrue(Deployment.of(config).embedded());
        assertEquals(List.of(), Deployment.of(config).refusals(config));
    }

    @Test
    void aDatasourceUrlWithDevelopmentValuesIsRefusedNamingBothSettings() {
        SmallRyeConfig config = config(Map.of("quarkus.datasource.jdbc.url", URL,
                "fonds.paging.cursor-secret", Deployment.DEVELOPMENT_CURSOR_SECRET));
        Deployment deployment = Deployment.of(config);
        assertFalse(deployment.embedded());
        List<String> refusals = deployment.refusals(config);
        assertEquals(2, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).startsWith("FONDS_PAGING_CURSOR_SECRET is the development value"), refusals.get(0));
        assertTrue(refusals.get(1).startsWith("No JWT public key is configured: set MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                refusals.get(1));
        assertTrue(deployment.refusalMessage(refusals).startsWith(
                "Fonds: refusing to start. This is a deployment (QUARKUS_DATASOURCE_JDBC_URL is set)"));
    }

    @Test
    void aMissingOrShortSecretIsRefused() {
        SmallRyeConfig missing = config(Map.of("quarkus.datasource.jdbc.url", URL,
                "mp.jwt.verify.publickey.location", KEY_FILE));
        assertEquals(List.of("FONDS_PAGING_CURSOR_SECRET is not set: set a random secret of your own (at least 32 "
                + "characters, e.g. `openssl rand -hex 32`); it signs the paging cursors."),
                Deployment.of(missing).refusals(missing));
        SmallRyeConfig blank = config(Map.of("quarkus.datasource.jdbc.url", URL,
                "mp.jwt.verify.publickey.location", KEY_FILE, "fonds.paging.cursor-secret", "   "));
        assertTrue(Deployment.of(blank).refusals(blank).get(0).startsWith("FONDS_PAGING_CURSOR_SECRET is not set"));
        SmallRyeConfig shortSecret = config(Map.of("quarkus.datasource.jdbc.url", URL,
                "mp.jwt.verify.publickey.location", KEY_FILE, "fonds.paging.cursor-secret", "secret"));
        assertTrue(Deployment.of(shortSecret).refusals(shortSecret).get(0)
                .startsWith("FONDS_PAGING_CURSOR_SECRET is too short (6 characters)"));
    }

    @Test
    void aDeploymentWithItsOwnSecretAndAKeyStarts() {
        for (String keyProperty : List.of("mp.jwt.verify.publickey.location", "mp.jwt.verify.publickey")) {
            SmallRyeConfig config = config(Map.of("quarkus.datasource.jdbc.url", URL,
                    "fonds.paging.cursor-secret", SECRET, keyProperty, "-----BEGIN PUBLIC KEY-----..."));
            assertEquals(List.of(), Deployment.of(config).refusals(config), keyProperty);
        }
    }

    @Test
    void theEmbeddedDatabaseSwitchedOffWithoutADatasourceUrlIsRefused() {
        // the container image: FONDS_EMBEDDED_ENABLED=false
        SmallRyeConfig config = config(Map.of("fonds.embedded.enabled", "false",
                "fonds.paging.cursor-secret", SECRET, "mp.jwt.verify.publickey.location", KEY_FILE));
        Deployment deployment = Deployment.of(config);
        assertFalse(deployment.embedded());
        List<String> refusals = deployment.refusals(config);
        assertEquals(1, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).startsWith("No database is configured: set QUARKUS_DATASOURCE_JDBC_URL"));
        assertTrue(deployment.refusalMessage(refusals).contains("(the embedded PostgreSQL is off)"));
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(new HashMap<>(values), "DeploymentTest", 500))
                .build();
    }
}
