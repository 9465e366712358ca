package org.fonds.place;

import org.fonds.testing.Api;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
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
import org.fonds.testing.Places;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PlaceResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void createThenReadReturnsEveryFieldWithLocationAndETag() {
        String wikidata = Names.wikidataId();
        Response created = Places.pyongyang().identifier("WIKIDATA", wikidata).set("note", "Capital of the DPRK.")
                .post()
                .header("Location", containsString("/places/"))
                .header("ETag", notNullValue())
                .body("preferred_name", equalTo("Pyongyang"))
                .body("latitude", equalTo(39.0392f))
                .body("longitude", equalTo(125.7625f))
                .extract().response();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/places/" + id));

        api().get("/places/{id}", id).then()
                .statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("names.value", equalTo(List.of("Pyongyang", "평양", "P'yŏngyang")))
                .body("names.language", equalTo(List.of("en", "ko-Hang", "ko-Latn")))
                .body("names.transliteration", equalTo(java.util.Arrays.asList(null, null, "MCCUNE_REISCHAUER")))
                .body("names.preferred", equalTo(List.of(true, false, false)))
                .body("identifiers", equalTo(List.of(Map.of("scheme", "WIKIDATA", "value", wikidata))))
                .body("note", equalTo("Capital of the DPRK."))
                .body("version", equalTo(0));

        String etag = created.header("ETag");
        api().header("If-None-Match", etag).get("/places/{id}", id).then()
                .statusCode(304)
                .body(emptyOrNullString());
    }

    @Test
    void coordinatesComeTogetherAndWithinRange() {
        invalid(Places.named("Moscow").set("latitude", 55.7558), "longitude")
                .body("errors[0].message", equalTo("must be given with latitude"));
        invalid(Places.named("Moscow").set("longitude", 37.6173), "latitude");
        invalid(Places.named("Moscow").at(95.0, 37.6173), "latitude");
        invalid(Places.named("Moscow").at(55.7558, -180.5), "longitude");
        invalid(Places.named("Moscow").name("Москва", "Cyrillic Russian"), "names[1].language");
        invalid(Places.named("Moscow").preferredName("Москва", "ru-Cyrl").preferredName("Moskva", "ru-Latn"), "names");
        invalid(Places.named("Moscow").identifier("WIKIDATA", "649"), "identifiers[0].value");
        Places.named("Moscow").at(-90, 180).post();

        String id = Places.named("Moscow").name("Москва", "ru-Cyrl").at(55.7558, 37.6173).create();
        api().contentType(MERGE_PATCH).body("{\"latitude\": null}").header("If-Match", Api.etag("/places/{id}", id)).patch("/places/{id}", id).then()
                .statusCode(422)
                .body("errors.field", equalTo(List.of("latitude")));
        api().contentType(MERGE_PATCH).body("{\"latitude\": null, \"longitude\": null}").header("If-Match", Api.etag("/places/{id}", id)).patch("/places/{id}", id).then()
                .statusCode(200)
                .body("latitude", nullValue())
                .body("longitude", nullValue())
                .body("names", hasSize(2));
    }

    private static io.restassured.response.ValidatableResponse invalid(Places place, String field) {
        return malformed().contentType(ContentType.JSON).body(place.body()).post("/places").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void putReplacesEveryFieldAndStaleIfMatchIs412() {
        String id = Places.named("Deoksu Palace").name("덕수궁", "ko-Hang").at(37.5658, 126.9751).create();
        String etag = api().get("/places/{id}", id).then().extract().header("ETag");

        api().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Places.named("Deoksugung").preferredName("덕수궁", "ko-Hang").body())
                .put("/places/{id}", id).then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("preferred_name", equalTo("덕수궁"))
                .body("names.preferred", equalTo(List.of(false, true)))
                .body("latitude", nullValue());

        api().contentType(ContentType.JSON).header("If-Match", etag).body(Places.pyongyang().body())
                .put("/places/{id}", id).then()
                .statusCode(412)
                .body("type", equalTo("/problems/precondition-failed"));
        api().contentType(MERGE_PATCH).header("If-Match", etag).body("{\"note\":\"Lost edit\"}")
                .patch("/places/{id}", id).then().statusCode(412);
        api().header("If-Match", etag).delete("/places/{id}", id).then().statusCode(412);
        api().get("/places/{id}", id).then().body("preferred_name", equalTo("덕수궁"));
    }

    @Test
    void listFiltersByNameInAnyVariantAndPages() {
        String token = Names.cyrillicToken();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Places.named("Moscow " + i).name("Москва-" + token, "ru-Cyrl").create());
        }
        Places.named("Pyongyang").name("평양", "ko-Hang").create();

        api().queryParam("name", "МОСКВА-" + token.toUpperCase()).get("/places").then().statusCode(200)
                .body("items.id", equalTo(created))
                .body("items[0].names.value", equalTo(List.of("Moscow 0", "Москва-" + token)));
        List<List<String>> pages = Pages.ids("/places", Map.of("name", token), 2);
        assertEquals(3, pages.size());
        assertEquals(created, pages.stream().flatMap(List::stream).toList());
        api().queryParam("name", "평양").get("/places").then().body("items.names.value", hasItem(hasItem("평양")));
    }

    @Test
    void deletingAPlaceClearsItFromDocumentsThatGiveItAsTheirOrigin() {
        String id = Places.pyongyang().create();
        String document = Documents.cable().set("place_of_origin_id", id).create();
        api().get("/documents/{id}", document).then().body("place_of_origin_id", equalTo(id));

        api().header("If-Match", Api.etag("/places/{id}", id)).delete("/places/{id}", id).then().statusCode(204);
        api().get("/places/{id}", id).then().statusCode(410);
        // a (soft) deletion keeps the reference, so that restoring the place restores it; a purge clears it
        api().get("/documents/{id}", document).then().statusCode(200).body("place_of_origin_id", equalTo(id));
        org.fonds.testing.Api.as(org.fonds.access.Role.ADMIN).header("If-Match", "\"1\"").delete("/places/{id}/revisions", id).then().statusCode(204);
        api().get("/places/{id}", id).then().statusCode(404);
        api().get("/documents/{id}", document).then().statusCode(200).body("place_of_origin_id", nullValue());
    }
}
