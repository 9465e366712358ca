package org.fonds.history;

import static org.fonds.testing.Api.anonymous;
import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.as;
import static org.fonds.testing.Api.token;
import static org.fonds.testing.Api.unauthenticated;
import static org.fonds.testing.Api.etag;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.fonds.access.Role;
import org.fonds.testing.Agents;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.Subjects;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/** Every write of every resource is a revision: who, when, what, the version and the full state; restorable. */
@QuarkusTest
class RevisionResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void aDocumentsCreateUpdateAndDeleteAreRevisionsWithTheirFullState() {
        String id = Documents.cable().create();
        api().contentType(MERGE_PATCH).header("If-Match", etag("/documents/{id}", id))
                .body("{\"title\":\"Second title\"}").patch("/documents/{id}", id).then().statusCode(200);
        api().contentType(ContentType.JSON).header("If-Match", etag("/documents/{id}", id))
                .body(Documents.cable().title("Third title").body()).put("/documents/{id}", id).then().statusCode(200);
        api().header("If-Match", etag("/documents/{id}", id)).delete("/documents/{id}", id).then().statusCode(204);

        api().get("/documents/{id}/revisions", id).then().statusCode(200)
                .body("items.version", equalTo(List.of(0, 1, 2, 3)))
                .body("items.action", equalTo(List.of("CREATE", "UPDATE", "UPDATE", "DELETE")))
                .body("items.actor", equalTo(List.of("user:test-editor", "user:test-editor", "user:test-editor",
                        "user:test-editor"))) // who: the subject of the bearer token
                .body("items[0].recorded_at", notNullValue())
                .body("next", nullValue());
        api().get("/documents/{id}/revisions/{v}", id, 0).then().statusCode(200)
                .body("resource_type", equalTo("DOCUMENT"))
                .body("resource_id", equalTo(id))
                .body("action", equalTo("CREATE"))
                .body("state.id", equalTo(id))
                .body("state.version", equalTo(0))
                .body("state.title", equalTo("Ciphered Telegram, Shtykov to Vyshinsky"))
                .body("state.date", equalTo("1950-05-30"));
        api().get("/documents/{id}/revisions/{v}", id, 1).then().body("state.title", equalTo("Second title"));
        // the DELETE revision keeps the last state
        api().get("/documents/{id}/revisions/{v}", id, 3).then().body("action", equalTo("DELETE"))
                .body("state.title", equalTo("Third title"));
        api().get("/documents/{id}/revisions/{v}", id, 9).then().statusCode(404)
                .body("type", equalTo("/problems/not-found"));
    }

    @Test
    void revisionsPageWithCursors() {
        String id = Subjects.labelled("Revision paging").create();
        for (int i = 1; i <= 4; i++) {
            api().contentType(MERGE_PATCH).header("If-Match", etag("/subjects/{id}", id))
                    .body(Map.of("label", "Revision paging " + i)).patch("/subjects/{id}", id).then().statusCode(200);
        }
        String next = api().queryParam("limit", 2).get("/subjects/{id}/revisions", id).then().statusCode(200)
                .body("items.version", equalTo(List.of(0, 1))).extract().path("next");
        next = api().queryParam("limit", 2).queryParam("cursor", next).get("/subjects/{id}/revisions", id).then()
                .body("items.version", equalTo(List.of(2, 3))).extract().path("next");
        api().queryParam("limit", 2).queryParam("cursor", next).get("/subjects/{id}/revisions", id).then()
                .body("items.version", equalTo(List.of(4))).body("next", nullValue());
        malformed().queryParam("cursor", next).get("/agents/{id}/revisions", Agents.shtykov().create()).then()
                .statusCode(400).body("type", equalTo("/problems/invalid-cursor"));
    }

    @Test
    void partsAnnotationsAndAgentsHaveRevisionsToo() {
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        String note = Annotations.translatorNote("Large subchaser: a class of Soviet patrol boat.")
                .quote(text, "large subchaser").create(doc);
        String agent = Agents.shtykov().create();

        api().contentType(ContentType.JSON).header("If-Match", etag("/documents/{d}/texts/{t}", doc, text))
                .body(Texts.opening().set("translator_name", "Another translator").body())
                .put("/documents/{d}/texts/{t}", doc, text).then().statusCode(200);
        api().get("/documents/{d}/texts/{t}/revisions", doc, text).then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATE", "UPDATE")));
        api().get("/documents/{d}/texts/{t}/revisions/1", doc, text).then().statusCode(200)
                .body("resource_type", equalTo("TEXT"))
                .body("document_id", equalTo(doc))
                .body("state.translator_name", equalTo("Another translator"));
        // a text is only found under its own document
        api().get("/documents/{d}/texts/{t}/revisions", Documents.cable().create(), text).then().statusCode(404);

        api().get("/annotations/{a}/revisions/0", note).then().statusCode(200)
                .body("resource_type", equalTo("ANNOTATION"))
                .body("state.note_text", equalTo("Large subchaser: a class of Soviet patrol boat."))
                .body("state.targets[0].exact", equalTo("large subchaser"));
        api().get("/agents/{a}/revisions", agent).then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATE")));
        api().get("/agents/{a}/revisions/0", agent).then().body("state.preferred_name", notNullValue());
        api().get("/places/{p}/revisions", agent).then().statusCode(404); // an agent's id is no place
    }

    @Test
    void restoringARevisionMakesItsStateANewVersion() {
        String id = Documents.cable().set("summary", "First summary").create();
        api().contentType(MERGE_PATCH).header("If-Match", etag("/documents/{id}", id))
                .body("{\"title\":\"Wrong title\",\"summary\":null}").patch("/documents/{id}", id).then()
                .statusCode(200);

        api().header("If-Match", "\"0\"").post("/documents/{id}/revisions/0/restore", id).then().statusCode(412)
                .body("type", equalTo("/problems/precondition-failed"));
        api().post("/documents/{id}/revisions/0/restore", id).then().statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("version", equalTo(2))
                .body("title", equalTo("Ciphered Telegram, Shtykov to Vyshinsky"))
                .body("summary", equalTo("First summary"));
        api().get("/documents/{id}", id).then().body("title", equalTo("Ciphered Telegram, Shtykov to Vyshinsky"));
        api().get("/documents/{id}/revisions", id).then()
                .body("items.action", equalTo(List.of("CREATE", "UPDATE", "RESTORE")));
        api().get("/documents/{id}/revisions/2", id).then().body("state.summary", equalTo("First summary"));
    }

    @Test
    void aRestoreThatWouldNowBeInvalidIsAProblemNotAnError() {
        String subject = Subjects.labelled("Restore dangling").create();
        String id = Documents.cable().set("subject_ids", List.of(subject)).create();
        api().contentType(MERGE_PATCH).header("If-Match", etag("/documents/{id}", id))
                .body("{\"subject_ids\":[]}").patch("/documents/{id}", id).then().statusCode(200);
        // the subject is purged since: restoring the revision that referred to it would dangle
        as(Role.ADMIN).header("If-Match", etag("/subjects/{s}", subject)).delete("/subjects/{s}/revisions", subject).then()
                .statusCode(204);
        api().post("/documents/{id}/revisions/0/restore", id).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", equalTo(List.of("subject_ids")));
        api().get("/documents/{id}", id).then().body("version", equalTo(1));
    }

    @Test
    void restoringAnAnnotationAndATextThroughTheirRevisions() {
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        String note = Annotations.translatorNote("First wording.").quote(text, "large subchaser").create(doc);
        api().contentType(MERGE_PATCH).header("If-Match", etag("/annotations/{a}", note))
                .body("{\"note_text\":\"Second wording.\"}").patch("/annotations/{a}", note).then().statusCode(200);
        api().post("/annotations/{a}/revisions/0/restore", note).then().statusCode(200)
                .body("note_text", equalTo("First wording."))
                .body("targets[0].exact", equalTo("large subchaser"))
                .body("version", equalTo(2));
        api().get("/annotations/{a}/revisions", note).then()
                .body("items.action", equalTo(List.of("CREATE", "UPDATE", "RESTORE")));
        api().get("/documents/{d}/texts/{t}/revisions/0", doc, text).then().statusCode(200);
        api().post("/documents/{d}/texts/{t}/revisions/0/restore", doc, text).then().statusCode(200)
                .body("version", equalTo(1));
    }

    @Test
    void purgeNeedsIfMatchAndRemovesTheResourceWithItsHistory() {
        String id = Agents.person("Purged Person").create();
        api().header("If-Match", etag("/agents/{a}", id)).delete("/agents/{a}", id).then().statusCode(204);
        unauthenticated().auth().oauth2(token(Role.ADMIN))
                .delete("/agents/{a}/revisions", id).then().statusCode(428)
                .body("type", equalTo("/problems/precondition-required"));
        as(Role.ADMIN).header("If-Match", "\"0\"").delete("/agents/{a}/revisions", id).then().statusCode(412);
        as(Role.ADMIN).header("If-Match", "\"1\"").delete("/agents/{a}/revisions", id).then().statusCode(204);
        api().get("/agents/{a}", id).then().statusCode(404);
        api().get("/agents/{a}/revisions", id).then().statusCode(404);
    }

    @Test
    void purgingADocumentRemovesItsPartsAndTheirRevisions() {
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        Annotations.translatorNote("A note.").quote(text, "large subchaser").create(doc);
        as(Role.ADMIN).header("If-Match", etag("/documents/{d}", doc)).delete("/documents/{d}/revisions", doc).then()
                .statusCode(204);
        api().get("/documents/{d}", doc).then().statusCode(404);
        api().get("/documents/{d}/texts/{t}/revisions", doc, text).then().statusCode(404);
        api().get("/documents/{d}/revisions", doc).then().statusCode(404);
    }

    @Test
    void purgingAnAgentThatLiveRecordsReferToIsAConflict() {
        String agent = Agents.person("Referred Person").create();
        String doc = Documents.cable().create();
        api().contentType(ContentType.JSON).body(Map.of("agent_id", agent, "role", "SENDER"))
                .post("/documents/{d}/participants", doc).then().statusCode(201);
        api().header("If-Match", etag("/agents/{a}", agent)).delete("/agents/{a}", agent).then().statusCode(409)
                .body("type", equalTo("/problems/conflict"));
        as(Role.ADMIN).header("If-Match", etag("/agents/{a}", agent)).delete("/agents/{a}/revisions", agent).then()
                .statusCode(409).body("type", equalTo("/problems/conflict"));
        api().get("/agents/{a}/revisions", agent).then().body("items", hasSize(1));
    }

    @Test
    void theHistoryOfAHiddenDocumentIsHiddenTooAndOnlyEditorsRestoreAndOnlyAdministratorsPurge() {
        String doc = Documents.cable().title("A draft with a history").create(); // a DRAFT: anonymous readers do not see it
        String text = Texts.opening().create(doc);
        int first = api().get("/documents/{d}/revisions", doc).then().statusCode(200).extract().path("items[0].version");
        anonymous().get("/documents/{d}/revisions", doc).then().statusCode(404);
        anonymous().get("/documents/{d}/revisions/{v}", doc, first).then().statusCode(404);
        anonymous().get("/documents/{d}/texts/{t}/revisions", doc, text).then().statusCode(404);
        as(Role.CONTRIBUTOR).get("/documents/{d}/revisions", doc).then().statusCode(200);

        as(Role.CONTRIBUTOR).post("/documents/{d}/revisions/{v}/restore", doc, first).then().statusCode(403)
                .body("type", equalTo("/problems/forbidden"));
        api().header("If-Match", etag("/documents/{d}", doc)).delete("/documents/{d}/revisions", doc).then()
                .statusCode(403);
        api().get("/documents/{d}", doc).then().statusCode(200);
    }
}
