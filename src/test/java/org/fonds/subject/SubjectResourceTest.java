package org.fonds.subject;

import org.fonds.testing.Api;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Documents;
import org.fonds.testing.Names;
import org.fonds.testing.Pages;
import org.fonds.testing.Subjects;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SubjectResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void createReadReplacePatchAndDelete() {
        Response created = Subjects.labelled("  Korean War, 1950-1953 ").scheme("LCSH")
                .uri("https://example.org/subjects/korean-war").post()
                .header("Location", containsString("/subjects/"))
                .body("label", equalTo("Korean War, 1950-1953"))
                .body("scheme", equalTo("LCSH"))
                .extract().response();
        String id = created.path("id");
        String etag = created.header("ETag");
        assertTrue(created.header("Location").endsWith("/subjects/" + id));
        api().get("/subjects/{id}", id).then().statusCode(200).header("ETag", equalTo(etag))
                .body("uri", equalTo("https://example.org/subjects/korean-war"));
        api().header("If-None-Match", etag).get("/subjects/{id}", id).then().statusCode(304).body(emptyOrNullString());

        String replaced = api().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Subjects.labelled("Military planning").body())
                .put("/subjects/{id}", id).then()
                .statusCode(200)
                .body("label", equalTo("Military planning"))
                .body("scheme", nullValue())
                .body("uri", nullValue())
                .body("version", equalTo(1))
                .extract().header("ETag");
        api().contentType(MERGE_PATCH).header("If-Match", etag).body("{\"scheme\":\"LCSH\"}")
                .patch("/subjects/{id}", id).then().statusCode(412);
        api().contentType(MERGE_PATCH).header("If-Match", replaced).body("{\"scheme\":\"Wilson Center themes\"}")
                .patch("/subjects/{id}", id).then()
                .statusCode(200)
                .body("label", equalTo("Military planning"))
                .body("scheme", equalTo("Wilson Center themes"));

        api().header("If-Match", etag).delete("/subjects/{id}", id).then().statusCode(412);
        api().header("If-Match", Api.etag("/subjects/{id}", id)).delete("/subjects/{id}", id).then().statusCode(204);
        api().get("/subjects/{id}", id).then().statusCode(410).body("type", equalTo("/problems/gone"));
    }

    @Test
    void invalidFieldsAre422NamingTheField() {
        malformed().contentType(ContentType.JSON).body(Subjects.labelled(" ").body()).post("/subjects").then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("label")));
        malformed().contentType(ContentType.JSON).body(Subjects.labelled("Korean War").uri("not a uri").body())
                .post("/subjects").then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("uri")))
                .body("errors[0].message", equalTo("must be an absolute URI"));
        String id = Subjects.labelled("Korean War").create();
        api().contentType(MERGE_PATCH).body("{\"label\":null}").header("If-Match", Api.etag("/subjects/{id}", id)).patch("/subjects/{id}", id).then()
                .statusCode(422)
                .body("errors.field", hasItem("label"));
    }

    @Test
    void listFiltersByLabelAndPages() {
        String token = Names.token();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Subjects.labelled("Weapons deliveries " + token + " " + i).create());
        }
        Subjects.labelled("Gasoline").create();
        api().queryParam("label", "DELIVERIES " + token.toUpperCase()).get("/subjects").then()
                .statusCode(200)
                .body("items.id", equalTo(created));
        List<List<String>> pages = Pages.ids("/subjects", Map.of("label", token), 2);
        assertEquals(3, pages.size());
        assertEquals(created, pages.stream().flatMap(List::stream).toList());
    }

    @Test
    void purgingASubjectRemovesItFromItsDocuments() {
        String id = Subjects.labelled("Oil supplies").create();
        String document = Documents.cable().set("subject_ids", List.of(id)).create();
        // a (soft) deletion keeps the link, so that restoring the subject restores it
        api().header("If-Match", Api.etag("/subjects/{id}", id)).delete("/subjects/{id}", id).then().statusCode(204);
        api().get("/documents/{id}", document).then().statusCode(200).body("subject_ids", equalTo(List.of(id)));
        org.fonds.testing.Api.as(org.fonds.access.Role.ADMIN).header("If-Match", "\"1\"").delete("/subjects/{id}/revisions", id).then().statusCode(204);
        api().get("/documents/{id}", document).then().statusCode(200).body("subject_ids", equalTo(List.of()));
    }
}
