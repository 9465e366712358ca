package org.fonds.history;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.etag;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.fonds.testing.Subjects;
import org.junit.jupiter.api.Test;

/**
 * A revision's state is stored with the representation of its type's view at the time; reading or restoring an older
 * one passes it through the type's upgrade steps, so that an old revision stays correct after the view changed.
 */
@QuarkusTest
class RevisionRepresentationTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void newRevisionsAreStoredInTheCurrentRepresentation() throws SQLException {
        String id = Subjects.labelled("Stored as it is").create();
        assertEquals(1, representation(id, 0));
    }

    @Test
    void aStateStoredInAnOlderRepresentationIsReadAndRestoredInTheCurrentOne() throws SQLException {
        String id = Subjects.labelled("Korean War, 1950-1953").scheme("LCSH").create();
        api().contentType(MERGE_PATCH).header("If-Match", etag("/subjects/{id}", id))
                .body(Map.of("label", "Renamed", "scheme", "LOCAL")).patch("/subjects/{id}", id).then().statusCode(200);
        // revision 0's state as representation 0 stored it: the label was called "heading"
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO revision (resource_type, resource_id, version, action, actor, state, representation) "
                        + "SELECT resource_type, resource_id, 50, 'UPDATE', 'system', "
                        + "(state - 'label') || jsonb_build_object('heading', state -> 'label'), 0 "
                        + "FROM revision WHERE resource_type = 'SUBJECT' AND resource_id = ? AND version = 0")) {
            s.setObject(1, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }

        api().get("/subjects/{id}/revisions/{v}", id, 50).then().statusCode(200)
                .body("state.label", equalTo("Korean War, 1950-1953"))
                .body("state.heading", nullValue());
        api().header("If-Match", etag("/subjects/{id}", id)).post("/subjects/{id}/revisions/{v}/restore", id, 50)
                .then().statusCode(200)
                .body("label", equalTo("Korean War, 1950-1953"))
                .body("scheme", equalTo("LCSH"))
                .body("version", equalTo(2));
        api().get("/subjects/{id}", id).then().statusCode(200).body("label", equalTo("Korean War, 1950-1953"));
        assertEquals(1, representation(id, 2)); // the RESTORE revision is stored in the current representation
    }

    private int representation(String id, long version) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT representation FROM revision WHERE resource_type = 'SUBJECT' AND resource_id = ? "
                        + "AND version = ?")) {
            s.setObject(1, UUID.fromString(id));
            s.setLong(2, version);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }
}
