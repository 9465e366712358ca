package org.fonds.name;

import static org.fonds.testing.Api.anonymous;
import static org.fonds.testing.Api.api;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.fonds.testing.Agents;
import org.fonds.testing.Api;
import org.fonds.testing.Names;
import org.fonds.testing.Places;
import org.junit.jupiter.api.Test;

/**
 * Repeated name searches are answered from NameSearchCache (keyed by the change epoch that migration V21 makes every
 * write to agents, places and their names bump), and never stale: after a write through the API or straight in the
 * database, as another instance would make it, the next search shows it.
 */
@QuarkusTest
class NameSearchCacheTest {

    @Inject
    NameSearchCache cache;

    @Inject
    AgroalDataSource dataSource;

    private static List<String> found(String owners, String q) {
        return anonymous().queryParam("q", q).get("/search/" + owners).then().statusCode(200).extract()
                .path("items." + (owners.equals("agents") ? "agent" : "place") + ".id");
    }

    /** The same search twice: the second is answered by the cache, with the same hits. */
    private List<String> twice(String owners, String q) {
        List<String> ids = found(owners, q);
        long hits = cache.hits();
        assertThat(found(owners, q), equalTo(ids));
        assertThat("the repeated search was answered by the cache", cache.hits(), greaterThan(hits));
        return ids;
    }

    @Test
    void aRenamedAgentIsFoundByItsNewNameAndNotByItsOld() {
        // names with nothing in common: a shared first name ("Pyotr …") made the two similar enough, for some random
        // tokens, that the new name's search found the agent before the rename
        String old = Names.token() + " " + Names.token();
        String renamed = Names.token() + " " + Names.token();
        String agent = Agents.person(old).create();
        assertThat(twice("agents", old), contains(agent));
        assertThat(twice("agents", renamed), empty());

        api().contentType(ContentType.JSON).body(Agents.person(renamed).body())
                .header("If-Match", Api.etag("/agents/{a}", agent)).put("/agents/{a}", agent).then().statusCode(200);
        assertThat(twice("agents", renamed), contains(agent));
        assertThat(found("agents", old), empty());
    }

    @Test
    void aNewPlaceIsFoundAtOnceAndADeletedOneIsGone() {
        String name = Names.token();
        assertThat(twice("places", name), empty());
        String place = Places.named(name).create();
        assertThat(twice("places", name), contains(place));

        api().header("If-Match", Api.etag("/places/{p}", place)).delete("/places/{p}", place).then().statusCode(204);
        assertThat(found("places", name), empty());
    }

    @Test
    void aWriteStraightInTheDatabaseIsSeenByTheNextSearch() throws SQLException {
        String name = Names.token();
        String agent = Agents.person("Anna " + name).create();
        assertThat(twice("agents", "Anna " + name), contains(agent));

        // as another instance over the same database would: its own connection, its own transaction
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE agent SET deleted_at = now() WHERE id = CAST(? AS uuid)")) {
                s.setString(1, agent);
                assertThat(s.executeUpdate(), equalTo(1));
            }
            assertThat("not committed yet: nothing changes", found("agents", "Anna " + name), contains(agent));
            c.commit();
        }
        assertThat(found("agents", "Anna " + name), empty());
    }
}
