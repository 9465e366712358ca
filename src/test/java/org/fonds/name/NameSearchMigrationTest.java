package org.fonds.name;

import static org.junit.jupiter.api.Assertions.assertEquals;

import db.migration.V6_1__Backfill_name_match_keys;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.fonds.testing.EmbeddedPostgresResource;
import org.junit.jupiter.api.Test;

/**
 * The Java migration that keys the names stored before V6 ran at start (match_key is NOT NULL), and keys rows that
 * lack a key as the application does: run again here on unkeyed seed names, in a transaction rolled back.
 */
@QuarkusTest
class NameSearchMigrationTest {

    @Test
    void theBackfillKeysExistingNamesAndMakesTheKeyRequired() throws Exception {
        try (Connection connection = EmbeddedPostgresResource.owner()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                assertEquals("NO", single(sql, "SELECT is_nullable FROM information_schema.columns "
                        + "WHERE table_schema = 'archive' AND table_name = 'agent_name' AND column_name = 'match_key'"));
                assertEquals("vasilyev", single(sql, "SELECT match_key FROM agent_name WHERE value = 'Васильев' LIMIT 1"));
                sql.execute("ALTER TABLE agent_name ALTER COLUMN match_key DROP NOT NULL");
                sql.execute("ALTER TABLE place_name ALTER COLUMN match_key DROP NOT NULL");
                sql.execute("UPDATE agent_name SET match_key = NULL WHERE value IN ('Васильев', 'Pak Hŏn-yŏng')");
                sql.execute("UPDATE place_name SET match_key = NULL WHERE value = 'Пхеньян'");

                new V6_1__Backfill_name_match_keys().migrate(new Context() {
                    @Override
                    public Configuration getConfiguration() {
                        return null;
                    }

                    @Override
                    public Connection getConnection() {
                        return connection;
                    }
                });

                assertEquals("vasilyev", single(sql, "SELECT match_key FROM agent_name WHERE value = 'Васильев' LIMIT 1"));
                assertEquals("pak hon yong",
                        single(sql, "SELECT match_key FROM agent_name WHERE value = 'Pak Hŏn-yŏng' LIMIT 1"));
                assertEquals("pkhenyan", single(sql, "SELECT match_key FROM place_name WHERE value = 'Пхеньян' LIMIT 1"));
                // the frozen rules of the migration are still today's: a change of NameKey needs a re-keying migration
                for (String value : new String[] {"Васильев", "Pak Hŏn-yŏng"}) {
                    assertEquals(NameKey.of(value), single(sql,
                            "SELECT match_key FROM agent_name WHERE value = '" + value + "' LIMIT 1"), value);
                }
                assertEquals("NO", single(sql, "SELECT is_nullable FROM information_schema.columns "
                        + "WHERE table_schema = 'archive' AND table_name = 'place_name' AND column_name = 'match_key'"));
            } finally {
                connection.rollback();
            }
        }
    }

    private static String single(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
