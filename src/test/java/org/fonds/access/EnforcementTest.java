package org.fonds.access;

import static org.fonds.testing.Api.anonymous;
import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.etag;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fonds.testing.Agents;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.EmbeddedPostgresResource;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The enforcement does not depend on the query: on the API's own datasource (its database role), with an anonymous
 * caller set, a raw {@code SELECT *} of every table or view that role can reach returns no row of a hidden document
 * (DRAFT, EMBARGOED before its day, RESTRICTED), of its texts, participants, links, media and annotations, nor any
 * deleted row; and the tables behind the views are out of its reach. The relations come from the catalog, so a new
 * table is covered without editing this test.
 */
@QuarkusTest
class EnforcementTest {

    /**
     * The documented exposures of deleted rows: the history of what one may see, 410's tombstones (ids only), and the
     * OAI-PMH headers of deleted documents the caller could see (id, datestamp, deleted flag, sets: V15).
     */
    private static final Set<String> DELETED_ROWS_SHOWN = Set.of("revision", "tombstone", "document_datestamp");

    private static List<String> hidden;
    private static List<String> deleted;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Caller caller;

    /** Once for the class, with the application running. */
    @BeforeEach
    void archive() {
        if (hidden != null) {
            return;
        }
        hidden = new ArrayList<>();
        deleted = new ArrayList<>();
        hidden.addAll(fixture(Map.of()));
        hidden.addAll(fixture(Map.of("visibility", "RESTRICTED")));
        hidden.addAll(fixture(Map.of("visibility", "EMBARGOED", "embargo_until",
                LocalDate.now().plusYears(5).toString())));
        String draft = hidden.get(0);
        // a published document with a link to the draft (hidden with its target) and a deleted text
        List<String> published = fixture(Map.of("visibility", "PUBLISHED"));
        String doc = published.get(0);
        hidden.add(api().contentType(ContentType.JSON).body(Map.of("type", "CITES", "target_document_id", draft))
                .post("/documents/{d}/links", doc).then().statusCode(201).extract().path("id"));
        String text = Texts.opening().create(doc);
        api().header("If-Match", etag("/documents/{d}/texts/{t}", doc, text))
                .delete("/documents/{d}/texts/{t}", doc, text).then().statusCode(204);
        deleted.add(text);
        // a deleted published document, with everything it had
        List<String> gone = fixture(Map.of("visibility", "PUBLISHED"));
        api().header("If-Match", etag("/documents/{d}", gone.get(0))).delete("/documents/{d}", gone.get(0)).then()
                .statusCode(204);
        deleted.addAll(gone);
        // a deleted agent, with its names
        String agent = Agents.person("Enforcement Testperson").create();
        api().header("If-Match", etag("/agents/{a}", agent)).delete("/agents/{a}", agent).then().statusCode(204);
        deleted.add(agent);
    }

    /** A document of this visibility with a text, a participant, a link, a media item and an annotation: their ids. */
    private static List<String> fixture(Map<String, Object> visibility) {
        Documents d = Documents.cable().title("Enforcement");
        visibility.forEach(d::set);
        String id = d.create();
        String text = Texts.cable().create(id);
        String agent = Agents.shtykov().create();
        String participant = api().contentType(ContentType.JSON).body(Map.of("agent_id", agent, "role", "SENDER"))
                .post("/documents/{d}/participants", id).then().statusCode(201).extract().path("id");
        String link = api().contentType(ContentType.JSON).body(Map.of("type", "CITES", "reference_as_written", "no. 1"))
                .post("/documents/{d}/links", id).then().statusCode(201).extract().path("id");
        String media = api().contentType(ContentType.JSON).body(Map.of("url", "https://archive.example.org/p1.jpg",
                "media_type", "image/jpeg")).post("/documents/{d}/media", id).then().statusCode(201)
                .extract().path("id");
        String annotation = Annotations.translatorNote("A note").quote(text, "29 May").create(id);
        return List.of(id, text, participant, link, media, annotation);
    }

    @Test
    void noRelationTheApiRoleReachesShowsAHiddenOrDeletedRow() throws SQLException {
        // anonymous, and what must count as anonymous: no setting at all, or a value that is no role
        for (String role : List.of("ANONYMOUS", "", "SUPERUSER")) {
            try (Connection c = EmbeddedPostgresResource.api(); Statement s = c.createStatement()) {
                try (PreparedStatement set = c.prepareStatement("SELECT set_config('fonds.role', ?, false)")) {
                    set.setString(1, role);
                    set.execute();
                }
                List<String> relations = reachable(s);
                assertTrue(relations.containsAll(List.of("document", "text", "participant", "document_link", "media",
                        "annotation", "annotation_target", "agent", "agent_name", "revision")), relations.toString());
                for (String relation : relations) {
                    int rows = 0;
                    try (ResultSet r = s.executeQuery("SELECT CAST(x AS text) FROM public." + relation + " x")) {
                        while (r.next()) {
                            rows++;
                            String row = r.getString(1);
                            for (String id : hidden) {
                                if (row.contains(id)) {
                                    fail(relation + " shows " + id + " of a hidden document to role '" + role
                                            + "': " + row);
                                }
                            }
                            for (String id : DELETED_ROWS_SHOWN.contains(relation) ? List.<String>of() : deleted) {
                                if (row.contains(id)) {
                                    fail(relation + " shows the deleted " + id + " to role '" + role + "': " + row);
                                }
                            }
                        }
                    }
                    if (relation.equals("document")) {
                        assertTrue(rows > 0, "the published documents are seen");
                    }
                }
            }
        }
    }

    /**
     * The views read a part's copy of its document's visibility and deletion (V12): the copy follows every change of
     * the document, and a write of the part cannot set it.
     */
    @Test
    void aPartFollowsItsDocumentAndCannotClaimAnotherVisibility() throws SQLException {
        List<String> draft = fixture(Map.of());
        String doc = draft.get(0);
        String text = draft.get(1);
        anonymous().get("/documents/{d}/texts/{t}", doc, text).then().statusCode(404);
        // through the view as an editor, a part that says its document is published is still its draft's part
        try (Connection c = EmbeddedPostgresResource.api(); Statement s = c.createStatement()) {
            s.execute("SELECT set_config('fonds.role', 'EDITOR', false)");
            assertEquals(1, s.executeUpdate("UPDATE text SET doc_visibility = 'PUBLISHED' WHERE id = '" + text + "'"));
            s.execute("SELECT set_config('fonds.role', 'ANONYMOUS', false)");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM text WHERE id = '" + text + "'")) {
                r.next();
                assertEquals(0, r.getInt(1), "the trigger took the copy from the document again");
            }
            // an insert may give the copies (as an import does), but only its document's (V29); or leave them to the
            // trigger
            s.execute("SELECT set_config('fonds.role', 'EDITOR', false)");
            String copy = "INSERT INTO participant SELECT (jsonb_populate_record(NULL::participant, to_jsonb(p) "
                    + "|| jsonb_build_object('id', gen_random_uuid(), 'position', %d, 'doc_visibility', %s))).* "
                    + "FROM participant p WHERE p.id = '" + draft.get(2) + "'";
            SQLException forged = assertThrows(SQLException.class,
                    () -> s.executeUpdate(String.format(copy, 97, "'PUBLISHED'")));
            assertEquals("23514", forged.getSQLState(), forged.getMessage());
            assertEquals(1, s.executeUpdate(String.format(copy, 98, "'DRAFT'")));
            assertEquals(1, s.executeUpdate(String.format(copy, 99, "NULL")));
            try (ResultSet r = s.executeQuery("SELECT position, doc_visibility FROM participant WHERE document_id = '"
                    + doc + "' AND position > 90 ORDER BY position")) {
                assertTrue(r.next());
                assertEquals(98, r.getInt(1));
                assertEquals("DRAFT", r.getString(2));
                assertTrue(r.next());
                assertEquals(99, r.getInt(1));
                assertEquals("DRAFT", r.getString(2), "the trigger copied the document's");
                assertFalse(r.next());
            }
            s.execute("DELETE FROM participant WHERE document_id = '" + doc + "' AND position > 90");
        }
        // published: every part shows; restricted, then deleted: none
        api().contentType("application/merge-patch+json").header("If-Match", etag("/documents/{d}", doc))
                .body(Map.of("visibility", "PUBLISHED")).patch("/documents/{d}", doc).then().statusCode(200);
        anonymous().get("/documents/{d}/texts/{t}", doc, text).then().statusCode(200);
        anonymous().get("/documents/{d}/participants/{p}", doc, draft.get(2)).then().statusCode(200);
        anonymous().get("/annotations/{a}", draft.get(5)).then().statusCode(200);
        anonymous().queryParam("embed", "all").get("/documents/{d}", doc).then().statusCode(200)
                .body("texts.id", contains(text)).body("media.id", contains(draft.get(4)));
        api().contentType("application/merge-patch+json").header("If-Match", etag("/documents/{d}", doc))
                .body(Map.of("visibility", "RESTRICTED")).patch("/documents/{d}", doc).then().statusCode(200);
        anonymous().get("/documents/{d}/texts/{t}", doc, text).then().statusCode(404);
        anonymous().get("/annotations/{a}", draft.get(5)).then().statusCode(404);
        api().get("/documents/{d}/texts/{t}", doc, text).then().statusCode(200);
        api().header("If-Match", etag("/documents/{d}", doc)).delete("/documents/{d}", doc).then().statusCode(204);
        api().get("/documents/{d}/texts/{t}", doc, text).then().statusCode(410);
        api().get("/documents/{d}/links/{l}", doc, draft.get(3)).then().statusCode(410);
    }

    @Test
    void theTablesBehindTheViewsAreOutOfReach() throws SQLException {
        try (Connection c = EmbeddedPostgresResource.api(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("SELECT c.relname FROM pg_class c JOIN pg_namespace n "
                    + "ON n.oid = c.relnamespace WHERE n.nspname = 'archive' AND c.relkind IN ('r', 'p')")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            assertTrue(tables.contains("document"), tables.toString());
            for (String table : tables) {
                SQLException e = assertThrows(SQLException.class,
                        () -> s.executeQuery("SELECT * FROM archive." + table).close(), table);
                assertEquals("42501", e.getSQLState(), table + ": " + e.getMessage()); // insufficient_privilege
            }
            // nor can the role widen what it sees: the narrow path needs an editor, and the views are not its own
            s.execute("SELECT set_config('fonds.include_deleted', 'on', false)");
            try (ResultSet r = s.executeQuery("SELECT count(*) FROM public.agent WHERE id = '"
                    + deleted.get(deleted.size() - 1) + "'")) {
                r.next();
                assertEquals(0, r.getInt(1), "an anonymous caller sees no deleted row, whatever it sets");
            }
            assertThrows(SQLException.class, () -> s.execute("CREATE OR REPLACE VIEW public.agent AS "
                    + "SELECT 1 AS id"));
        }
    }

    @Test
    void outsideARequestTheCallerIsAnonymousUnlessItRunsAsTheSystem() throws SQLException {
        assertEquals(Role.ANONYMOUS, caller.role());
        assertEquals(Role.ADMIN, Caller.asSystem(caller::role));
        assertEquals(Role.ANONYMOUS, caller.role(), "only for the work it wraps");
        // and the connections say so to the database
        assertEquals("ANONYMOUS", roleOfAConnection());
        assertEquals("ADMIN", Caller.asSystem(() -> {
            try {
                return roleOfAConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    private String roleOfAConnection() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT fonds_caller_role()")) {
            r.next();
            return r.getString(1);
        }
    }

    /** The tables and views in any schema the API role may read (the catalog's own schemas aside). */
    private static List<String> reachable(Statement s) throws SQLException {
        List<String> relations = new ArrayList<>();
        try (ResultSet r = s.executeQuery("SELECT n.nspname, c.relname FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'v', 'm', 'p', 'f') "
                + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
                + "AND has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') "
                + "ORDER BY 2")) {
            while (r.next()) {
                assertEquals("public", r.getString(1), "the API role reaches only public: " + r.getString(2));
                relations.add(r.getString(2));
            }
        }
        assertFalse(relations.isEmpty());
        return relations;
    }
}
