package org.fonds.access;

import static org.fonds.testing.Api.anonymous;
import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.fonds.testing.Agents;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.Seed;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a caller may not see is invisible everywhere: direct reads and every sub-resource (404, as for what does not
 * exist), lists, search hits and facet counts, date counts and lists, the timeline, embeds, annotations and links.
 * Every document here is dated in 1187 and titled with the made-up word "quorvex", so that the listings are exact.
 */
@QuarkusTest
class VisibilityTest {

    private static final String WORD = "quorvex";

    /** One document of a visibility with everything a document can have. */
    record Fixture(String id, String text, String participant, String link, String media, String annotation) {
    }

    private static Fixture published;
    private static Fixture draft;
    private static Fixture restricted;
    private static Fixture embargoed;
    private static Fixture lapsed;
    private static String linkToDraft;

    /** Once for the class, but with the application running (a static @BeforeAll runs before it listens). */
    @BeforeEach
    void archive() {
        if (published != null) {
            return;
        }
        published = fixture("1187-03-01", Map.of("visibility", "PUBLISHED"));
        draft = fixture("1187-04-01", Map.of());
        restricted = fixture("1187-05-01", Map.of("visibility", "RESTRICTED"));
        embargoed = fixture("1187-06-01", Map.of("visibility", "EMBARGOED",
                "embargo_until", LocalDate.now().plusYears(10).toString()));
        lapsed = fixture("1187-07-01", Map.of("visibility", "EMBARGOED",
                "embargo_until", LocalDate.now().minusDays(2).toString()));
        linkToDraft = api().contentType(ContentType.JSON).body(Map.of("type", "CITES", "target_document_id", draft.id))
                .post("/documents/{d}/links", published.id).then().statusCode(201).extract().path("id");
    }

    private static Fixture fixture(String date, Map<String, Object> visibility) {
        Documents d = Documents.cable().title("The " + WORD + " cable of " + date).date(date);
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
        String annotation = Annotations.of("MENTION").quote(text, "29 May").set("mention", Map.of("date", date))
                .create(id);
        return new Fixture(id, text, participant, link, media, annotation);
    }

    /** Every path that shows the document or something of it. */
    private static List<String> paths(Fixture f) {
        String d = "/documents/" + f.id;
        return List.of(d, d + "?embed=all", d + "/texts", d + "/texts/" + f.text, d + "/texts/" + f.text + "/paragraphs/1",
                d + "/participants", d + "/participants/" + f.participant, d + "/links", d + "/links/" + f.link,
                d + "/media", d + "/media/" + f.media, d + "/annotations", d + "/marginalia",
                "/annotations/" + f.annotation);
    }

    private static void invisible(Supplier<RequestSpecification> caller, Fixture f) {
        for (String path : paths(f)) {
            caller.get().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("/problems/not-found"));
        }
    }

    private static void visible(Supplier<RequestSpecification> caller, Fixture f) {
        for (String path : paths(f)) {
            caller.get().get(path).then().statusCode(200);
        }
    }

    private static List<String> listed(Supplier<RequestSpecification> caller) {
        return caller.get().queryParam("date_from", "1187-01-01").queryParam("date_to", "1187-12-31")
                .queryParam("limit", 100).get("/documents").then().statusCode(200).extract().path("items.id");
    }

    private static JsonPath search(Supplier<RequestSpecification> caller) {
        return caller.get().queryParam("q", WORD).queryParam("limit", 50).get("/search/documents").then()
                .statusCode(200).extract().jsonPath();
    }

    private static List<String> dated(Supplier<RequestSpecification> caller) {
        return caller.get().queryParam("on", "1187").queryParam("limit", 100).get("/dates/documents").then()
                .statusCode(200).extract().path("items.document_id");
    }

    private static int yearCount(Supplier<RequestSpecification> caller) {
        return caller.get().queryParam("granularity", "YEAR").queryParam("from", "1187").queryParam("to", "1187")
                .get("/dates/counts").then().statusCode(200).extract().path("buckets[0].count");
    }

    private static List<String> timeline(Supplier<RequestSpecification> caller) {
        JsonPath page = caller.get().queryParam("from", "1187").queryParam("to", "1187").queryParam("limit", 100)
                .get("/timeline").then().statusCode(200).extract().jsonPath();
        assertEquals(page.getInt("written") + page.getInt("mentioned"), page.getList("items").size());
        return new ArrayList<>(page.getList("items.document.id"));
    }

    @Test
    void anonymousReadersSeeOnlyPublishedAndLapsedEmbargoes() {
        Supplier<RequestSpecification> anonymous = org.fonds.testing.Api::anonymous;
        visible(anonymous, published);
        visible(anonymous, lapsed);
        for (Fixture hidden : List.of(draft, restricted, embargoed)) {
            invisible(anonymous, hidden);
        }
        List<String> seen = List.of(published.id, lapsed.id);
        assertEquals(seen, listed(anonymous));
        JsonPath hits = search(anonymous);
        assertEquals(seen, hits.getList("items.id"));
        assertEquals(2, hits.getInt("total"));
        assertEquals(List.of(2), hits.getList("facets.kind.count"));
        assertEquals(seen, dated(anonymous));
        assertEquals(2, yearCount(anonymous));
        assertEquals(List.of(published.id, published.id, lapsed.id, lapsed.id), timeline(anonymous));
        // a link to a document the reader may not see is not shown, nor embedded
        anonymous().get("/documents/{d}/links", published.id).then().statusCode(200)
                .body("items.id", not(hasItem(linkToDraft)));
        anonymous().get("/documents/{d}/links/{l}", published.id, linkToDraft).then().statusCode(404);
        anonymous().queryParam("embed", "links").get("/documents/{d}", published.id).then()
                .body("links.id", not(hasItem(linkToDraft)));
    }

    @Test
    void contributorsAlsoSeeDrafts() {
        Supplier<RequestSpecification> contributor = () -> as(Role.CONTRIBUTOR);
        visible(contributor, draft);
        invisible(contributor, restricted);
        invisible(contributor, embargoed);
        assertEquals(List.of(published.id, draft.id, lapsed.id), listed(contributor));
        assertEquals(3, search(contributor).getInt("total"));
        assertEquals(3, yearCount(contributor));
        as(Role.CONTRIBUTOR).get("/documents/{d}/links", published.id).then()
                .body("items.id", hasItem(linkToDraft));
    }

    @Test
    void editorsAndAdministratorsSeeEverything() {
        for (Role role : List.of(Role.EDITOR, Role.ADMIN)) {
            Supplier<RequestSpecification> caller = () -> as(role);
            for (Fixture f : List.of(published, draft, restricted, embargoed, lapsed)) {
                visible(caller, f);
            }
            List<String> all = List.of(published.id, draft.id, restricted.id, embargoed.id, lapsed.id);
            assertEquals(all, listed(caller));
            JsonPath hits = search(caller);
            assertEquals(5, hits.getInt("total"));
            assertEquals(List.of(5), hits.getList("facets.kind.count"));
            assertEquals(all, dated(caller));
            assertEquals(5, yearCount(caller));
            assertEquals(10, timeline(caller).size());
        }
    }

    /**
     * The pool's connections remember the role their session holds (CallerRoleInterceptor) and are set again only when
     * the next borrower's differs: callers taking turns, each read as itself, every time, whatever connection it gets.
     */
    @Test
    void aConnectionNeverAnswersAsItsPreviousBorrower() {
        String d = "/documents/" + restricted.id;
        for (int round = 0; round < 24; round++) {
            Role role = round % 2 == 0 ? Role.EDITOR : Role.ADMIN; // a contributor sees no restricted document
            as(role).get(d + "/texts/" + restricted.text).then().statusCode(200);
            anonymous().get(d + "/texts/" + restricted.text).then().statusCode(404);
            as(role).get(d + "?embed=all").then().statusCode(200).body("texts.id", hasItem(restricted.text));
            anonymous().get(d + "?embed=all").then().statusCode(404);
            as(Role.CONTRIBUTOR).get(d + "/participants").then().statusCode(404);
            as(role).get(d + "/participants").then().statusCode(200);
        }
    }

    @Test
    void anEmbargoLapsesOnItsDay() {
        String id = Documents.cable().title("An embargo that lapses").date("1186-01-01")
                .set("visibility", "EMBARGOED").set("embargo_until", LocalDate.now().plusDays(30).toString())
                .create();
        anonymous().get("/documents/{d}", id).then().statusCode(404);
        api().contentType("application/merge-patch+json")
                .body(Map.of("embargo_until", LocalDate.now().minusDays(1).toString()))
                .header("If-Match", org.fonds.testing.Api.etag("/documents/{d}", id)).patch("/documents/{d}", id).then().statusCode(200);
        anonymous().get("/documents/{d}", id).then().statusCode(200).body("visibility", equalTo("EMBARGOED"));
        // restricting it hides it again, and clears the embargo date
        api().contentType("application/merge-patch+json").body(Map.of("visibility", "RESTRICTED"))
                .header("If-Match", org.fonds.testing.Api.etag("/documents/{d}", id)).patch("/documents/{d}", id).then().statusCode(200).body("embargo_until", equalTo(null));
        anonymous().get("/documents/{d}", id).then().statusCode(404);
    }

    @Test
    void anEmbargoNeedsItsDayAndOnlyAnEmbargoHasOne() {
        Map<String, Object> body = new LinkedHashMap<>(Documents.cable().set("visibility", "EMBARGOED").body());
        api().contentType(ContentType.JSON).body(body).post("/documents").then().statusCode(422)
                .body("errors.field", hasItem("embargo_until"));
        body.put("visibility", "PUBLISHED");
        body.put("embargo_until", "2030-01-01");
        api().contentType(ContentType.JSON).body(body).post("/documents").then().statusCode(422)
                .body("errors.field", hasItem("embargo_until"));
    }

    @Test
    void theSampleArchiveIsPublished() {
        anonymous().get("/documents/{d}", Seed.cable()).then().statusCode(200)
                .body("visibility", equalTo("PUBLISHED"));
        anonymous().queryParam("limit", 100).get("/documents").then()
                .body("items.visibility", not(empty()))
                .body("items.findAll { it.visibility != 'PUBLISHED' && it.visibility != 'EMBARGOED' }", empty());
    }

    @Test
    void writesToAnInvisibleDocumentAre404NotForbidden() {
        as(Role.CONTRIBUTOR).contentType(ContentType.JSON).body(Texts.cable().body())
                .post("/documents/{d}/texts", restricted.id).then().statusCode(404);
        as(Role.CONTRIBUTOR).contentType(ContentType.JSON)
                .body(Map.of("type", "CITES", "target_document_id", restricted.id))
                .post("/documents/{d}/links", draft.id).then().statusCode(422);
    }
}
