package org.fonds.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A throwaway embedded PostgreSQL for the tests, and the key pair of their bearer tokens ({@link TestKeys}): a
 * fresh data directory in the temp folder, deleted when the
 * tests end, so no state is carried from one run to the next and nothing is left running.
 */
public class EmbeddedPostgresResource implements QuarkusTestResourceLifecycleManager {

    /** The owner of the tables (zonky's superuser), as Flyway and {@link #owner()} connect. */
    public static final String OWNER = "postgres";
    /** The API's own database role: the datasource's user. */
    public static final String API_ROLE = "fonds_api";

    private static final String OWNER_URL = "fonds.test.owner-jdbc-url";
    private EmbeddedPostgres postgres;

    /**
     * A connection as the owner of the tables, to the tables themselves (search_path archive, then public), for tests
     * that read or change rows behind the API's back (the API's own datasource sees only the views of migration V12).
     * The caller closes it.
     */
    public static Connection owner() throws SQLException {
        Connection c = DriverManager.getConnection(ConfigProvider.getConfig().getValue(OWNER_URL, String.class));
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path = archive, public");
        }
        return c;
    }

    /**
     * A connection as the API's role, outside the API's pool, for tests that set {@code fonds.role} or
     * {@code fonds.include_deleted} themselves: a pooled connection keeps what its session was given, and
     * {@link org.fonds.access.CallerRoleInterceptor} trusts the role it set last, so a test that changed it on a pooled
     * connection would let the next request read as that role. The caller closes it.
     */
    public static Connection api() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = EmbeddedPostgres.builder().setServerConfig("max_connections", "50").start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the test PostgreSQL", e);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + API_ROLE + " LOGIN PASSWORD '" + API_ROLE + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the API's role", e);
        }
        Map<String, String> config = new HashMap<>(TestKeys.generate());
        // no user in the URL: it would override the datasource's
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        // Flyway migrates as the owner of the tables; the API connects as a role of its own (migration V12)
        config.put("quarkus.flyway.username", OWNER);
        config.put("quarkus.flyway.password", OWNER);
        config.put("quarkus.datasource.username", API_ROLE);
        config.put("quarkus.datasource.password", API_ROLE);
        config.put(OWNER_URL, postgres.getJdbcUrl(OWNER, "postgres"));
        return config;
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
