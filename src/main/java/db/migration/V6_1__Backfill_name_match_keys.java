package db.migration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.fonds.name.NameKey;

/**
 * Keys the name variants stored before V6 with {@link NameKey} (in Java, so that the keys of old rows, of new rows
 * and of queries come from one implementation), then makes {@code match_key} NOT NULL. Runs in V6's transaction
 * order, after it; an empty database (tests, a first start) only gets the constraint.
 */
public class V6_1__Backfill_name_match_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        for (String table : new String[] {"agent_name", "place_name"}) {
            try (Statement select = context.getConnection().createStatement();
                    PreparedStatement update = context.getConnection()
                            .prepareStatement("UPDATE " + table + " SET match_key = ? WHERE id = ?")) {
                select.setFetchSize(1000);
                try (ResultSet rows = select.executeQuery("SELECT id, value FROM " + table + " WHERE match_key IS NULL")) {
                    int pending = 0;
                    while (rows.next()) {
                        update.setString(1, NameKey.of(rows.getString(2)));
                        update.setObject(2, rows.getObject(1));
                        update.addBatch();
                        if (++pending == 1000) {
                            update.executeBatch();
                            pending = 0;
                        }
                    }
                    if (pending > 0) {
                        update.executeBatch();
                    }
                }
            }
            try (Statement alter = context.getConnection().createStatement()) {
                alter.execute("ALTER TABLE " + table + " ALTER COLUMN match_key SET NOT NULL");
            }
        }
    }
}
