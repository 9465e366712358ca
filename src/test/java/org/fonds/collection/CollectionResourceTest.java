package org.fonds.collection;

import org.fonds.testing.Api;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Collections;
import org.fonds.testing.Documents;
import org.fonds.testing.Pages;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CollectionResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void createReadReplacePatchAndDelete() {
        Response created = Collections.titled("Korean War Origins, 1945-1950")
                .description("Soviet, Chinese and Korean documents on the origins of the Korean War.").post()
                .header("Location", containsString("/collections/"))
                .body("title", equalTo("Korean War Origins, 1945-1950"))
                .extract().response();
        String id = created.path("id");
        String etag = created.header("ETag");
        assertTrue(created.header("Location").endsWith("/collections/" + id));
        api().get("/collections/{id}", id).then().statusCode(200).header("ETag", equalTo(etag))
                .body("description", containsString("origins of the Korean War"));
        api().header("If-None-Match", etag).get("/collections/{id}", id).then().statusCode(304)
                .body(emptyOrNullString());

        String replaced = api().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Collections.titled("Korea in the Cold War").body())
                .put("/collections/{id}", id).then()
                .statusCode(200)
                .body("title", equalTo("Korea in the Cold War"))
                .body("description", nullValue())
                .body("version", equalTo(1))
                .extract().header("ETag");
        api().contentType(ContentType.JSON).header("If-Match", etag).body(Collections.titled("Lost edit").body())
                .put("/collections/{id}", id).then().statusCode(412);
        api().contentType(MERGE_PATCH).header("If-Match", replaced).body("{\"description\":\"Cables and letters.\"}")
                .patch("/collections/{id}", id).then()
                .statusCode(200)
                .body("title", equalTo("Korea in the Cold War"))
                .body("description", equalTo("Cables and letters."));
        api().contentType(MERGE_PATCH).body("{\"title\":\" \"}").header("If-Match", Api.etag("/collections/{id}", id)).patch("/collections/{id}", id).then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("title")));

        api().header("If-Match", replaced).delete("/collections/{id}", id).then().statusCode(412);
        api().header("If-Match", "\"2\"").delete("/collections/{id}", id).then().statusCode(204);
        api().get("/collections/{id}", id).then().statusCode(410);
    }

    @Test
    void invalidFieldsAre422() {
        malformed().contentType(ContentType.JSON).body(Map.of("description", "no title")).post("/collections").then()
                .statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", equalTo(List.of("title")));
    }

    @Test
    void listPagesThroughEveryCollectionOnceInCreationOrder() {
        List<String> before = Pages.ids("/collections", Map.of(), 100).stream().flatMap(List::stream).toList();
        for (int i = 0; i < 3; i++) {
            Collections.titled("Paging collection " + i).create();
        }
        List<List<String>> pages = Pages.ids("/collections", Map.of(), 2);
        List<String> all = pages.stream().flatMap(List::stream).toList();
        assertEquals(before.size() + 3, all.size());
        assertEquals(before, all.subList(0, before.size()));
        assertEquals(all.stream().sorted().toList(), all);
        assertEquals((all.size() + 1) / 2, pages.size());
    }

    @Test
    void deletingACollectionKeepsItsDocuments() {
        String id = Collections.titled("To be dissolved").create();
        String document = Documents.cable().set("collection_ids", List.of(id)).create();
        api().header("If-Match", Api.etag("/collections/{id}", id)).delete("/collections/{id}", id).then().statusCode(204);
        api().get("/documents/{id}", document).then().statusCode(200).body("collection_ids", hasSize(1));
        org.fonds.testing.Api.as(org.fonds.access.Role.ADMIN).header("If-Match", "\"1\"").delete("/collections/{id}/revisions", id).then().statusCode(204);
        api().get("/documents/{id}", document).then().statusCode(200).body("collection_ids", hasSize(0));
    }
}
