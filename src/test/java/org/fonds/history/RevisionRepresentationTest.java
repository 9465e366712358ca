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

    /** Representation 1 of documents, participants and annotations had no FRUS fields (V18): they read as absent. */
    @Test
    void statesStoredBeforeTheFrusFieldsReadWithoutThem() throws SQLException {
        // published: the revisions of a draft are hidden from this test's own connection (no caller role)
        String doc = org.fonds.testing.Documents.cable().set("kind_as_written", "Ciphered telegram")
                .set("visibility", "PUBLISHED").create();
        String participant = api().contentType(io.restassured.http.ContentType.JSON).body(Map.of("agent_id",
                org.fonds.testing.Agents.person("Dean Acheson").create(), "role", "SIGNATORY", "supplied", true))
                .post("/documents/{d}/participants", doc).then().statusCode(201).extract().<String>path("id");
        String text = org.fonds.testing.Texts.opening().create(doc);
        String note = org.fonds.testing.Annotations.translatorNote("a note").quote(text, "The navy").create(doc);
        old("DOCUMENT", doc, "state - 'kind_as_written'");
        old("PARTICIPANT", participant, "state - 'supplied'");
        old("ANNOTATION", note, "(state - 'page_break') || jsonb_build_object('targets', (SELECT jsonb_agg(t - 'part' "
                + "- 'participant_id') FROM jsonb_array_elements(state -> 'targets') t))");

        api().get("/documents/{d}/revisions/{v}", doc, 50).then().statusCode(200)
                .body("state.containsKey('kind_as_written')", equalTo(true))
                .body("state.kind_as_written", nullValue());
        api().get("/documents/{d}/participants/{p}/revisions/{v}", doc, participant, 50).then().statusCode(200)
                .body("state.supplied", equalTo(false));
        api().get("/annotations/{a}/revisions/{v}", note, 50).then().statusCode(200)
                .body("state.containsKey('page_break')", equalTo(true))
                .body("state.targets[0].containsKey('part')", equalTo(true))
                .body("state.targets[0].exact", equalTo("The navy"));
        api().header("If-Match", etag("/documents/{d}", doc)).post("/documents/{d}/revisions/{v}/restore", doc, 50)
                .then().statusCode(200).body("kind_as_written", nullValue());
    }

    /** Stores revision 50 of a resource as representation 1 stored it: revision 0's state, {@code state} changed. */
    private void old(String type, String id, String state) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO revision (resource_type, resource_id, document_id, version, action, actor, state, "
                        + "representation) SELECT resource_type, resource_id, document_id, 50, 'UPDATE', 'system', "
                        + state + ", 1 FROM revision WHERE resource_type = ? AND resource_id = ? AND version = 0")) {
            s.setString(1, type);
            s.setObject(2, UUID.fromString(id));
            assertEquals(1, s.executeUpdate());
        }
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
