package org.fonds.history;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.etag;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.fonds.testing.Agents;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.Subjects;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/** DELETE is soft: 410 on direct reads, absent from every list, search, count and embed, and restorable. */
@QuarkusTest
class SoftDeleteTest {

    @Test
    void aDeletedDocumentIsGoneEverywhereAndComesBackWhenRestored() {
        String language = "x-" + UUID.randomUUID().toString().substring(0, 8);
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String doc = Documents.cable().language(language).set("summary", "Soft delete " + word).create();
        String text = Texts.opening().create(doc);
        String note = Annotations.translatorNote("A note about " + word).quote(text, "large subchaser").create(doc);

        api().queryParam("language", language).get("/documents").then().body("items.id", equalTo(List.of(doc)));
        api().queryParam("q", word).get("/search/documents").then().body("items.id", hasItem(doc));

        api().header("If-Match", etag("/documents/{d}", doc)).delete("/documents/{d}", doc).then().statusCode(204);

        api().get("/documents/{d}", doc).then().statusCode(410)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/gone"))
                .body("status", equalTo(410));
        api().queryParam("language", language).get("/documents").then().body("items", equalTo(List.of()));
        api().queryParam("q", word).get("/search/documents").then()
                .body("items.id", not(hasItem(doc)))
                .body("total", equalTo(0));
        api().queryParam("on", "1950-05-30").get("/dates/documents").then()
                .body("items.document_id", not(hasItem(doc)));
        // its parts and annotations go with it
        api().get("/documents/{d}/texts", doc).then().statusCode(410);
        api().get("/documents/{d}/texts/{t}", doc, text).then().statusCode(410);
        api().get("/documents/{d}/annotations", doc).then().statusCode(410);
        api().get("/annotations/{a}", note).then().statusCode(410);
        api().get("/documents/{d}/marginalia", doc).then().statusCode(410);
        // writes to it are refused the same way
        api().contentType("application/merge-patch+json").header("If-Match", "\"1\"").body("{\"title\":\"x\"}")
                .patch("/documents/{d}", doc).then().statusCode(410);
        // the history stays readable
        api().get("/documents/{d}/revisions", doc).then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATE", "DELETE")));

        // restoring the DELETE revision (its state is the last one) brings back the document and its parts
        api().post("/documents/{d}/revisions/1/restore", doc).then().statusCode(200)
                .body("version", equalTo(2))
                .body("summary", equalTo("Soft delete " + word));
        api().get("/documents/{d}", doc).then().statusCode(200);
        api().queryParam("language", language).get("/documents").then().body("items.id", equalTo(List.of(doc)));
        api().queryParam("q", word).get("/search/documents").then().body("items.id", hasItem(doc));
        api().queryParam("embed", "texts,annotations").get("/documents/{d}", doc).then()
                .body("texts.id", equalTo(List.of(text)))
                .body("annotations.id", equalTo(List.of(note)));
    }

    @Test
    void aDeletedPartLeavesListsAndEmbedsAndTheSearch() {
        String word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        String keep = Annotations.translatorNote("Kept note.").quote(text, "large subchaser").create(doc);
        String gone = Annotations.translatorNote("Deleted note " + word).quote(text, "trawler").create(doc);
        api().queryParam("q", word).get("/search/documents").then().body("items.id", hasItem(doc));

        api().header("If-Match", etag("/annotations/{a}", gone)).delete("/annotations/{a}", gone).then()
                .statusCode(204);
        api().get("/annotations/{a}", gone).then().statusCode(410).body("type", equalTo("/problems/gone"));
        api().get("/documents/{d}/annotations", doc).then().body("items.id", equalTo(List.of(keep)));
        api().queryParam("embed", "annotations").get("/documents/{d}", doc).then()
                .body("annotations.id", equalTo(List.of(keep)));
        api().queryParam("q", word).get("/search/documents").then().body("items.id", not(hasItem(doc)));

        // the text is still anchored to by a live annotation: 409, as before soft deletion
        api().header("If-Match", etag("/documents/{d}/texts/{t}", doc, text)).delete("/documents/{d}/texts/{t}", doc,
                text).then().statusCode(409).body("type", equalTo("/problems/conflict"));
        api().header("If-Match", etag("/annotations/{a}", keep)).delete("/annotations/{a}", keep).then()
                .statusCode(204);
        // only deleted annotations point at it now: the text can be deleted, but not purged
        api().header("If-Match", etag("/documents/{d}/texts/{t}", doc, text)).delete("/documents/{d}/texts/{t}", doc,
                text).then().statusCode(204);
        api().get("/documents/{d}/texts", doc).then().body("items", equalTo(List.of()));
        org.fonds.testing.Api.as(org.fonds.access.Role.ADMIN).header("If-Match", "\"1\"").delete("/documents/{d}/texts/{t}/revisions", doc, text).then()
                .statusCode(409);
    }

    @Test
    void deletedAgentsAndSubjectsLeaveTheirListsAndSearches() {
        String name = "Zzsoftdelete" + UUID.randomUUID().toString().replace("-", "").substring(0, 6);
        String agent = Agents.person(name).create();
        api().queryParam("q", name).get("/search/agents").then().body("items.agent.id", hasItem(agent));
        api().header("If-Match", etag("/agents/{a}", agent)).delete("/agents/{a}", agent).then().statusCode(204);
        api().get("/agents/{a}", agent).then().statusCode(410);
        api().queryParam("name", name).get("/agents").then().body("items", equalTo(List.of()));
        api().queryParam("q", name).get("/search/agents").then().body("items.agent.id", not(hasItem(agent)));

        String subject = Subjects.labelled(name).create();
        api().header("If-Match", etag("/subjects/{s}", subject)).delete("/subjects/{s}", subject).then()
                .statusCode(204);
        api().queryParam("label", name).get("/subjects").then().body("items", equalTo(List.of()));
        api().get("/subjects/{s}", subject).then().statusCode(410);
        api().post("/subjects/{s}/revisions/1/restore", subject).then().statusCode(200).body("label", equalTo(name));
        api().get("/subjects/{s}", subject).then().statusCode(200).body("version", equalTo(2));
    }
}
