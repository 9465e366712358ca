package org.fonds.place;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Names;
import org.fonds.testing.Places;
import org.fonds.testing.Seed;
import org.junit.jupiter.api.Test;

/** Finding places by name: the seed's Pyongyang by its Russian name, and the ranking with names of the test's own. */
@QuarkusTest
class PlaceSearchTest {

    @Test
    void pyongyangIsFoundByItsRussianNameAndMisspelt() {
        String pyongyang = Seed.placeOfOrigin(Seed.cable());
        Map<String, Object> russian = hit("Пхеньян", pyongyang);
        assertEquals("EXACT", russian.get("match"));
        assertEquals(Map.of("value", "Пхеньян", "language", "ru-Cyrl"), russian.get("matched_variant"));
        assertEquals("Pyongyang", ((Map<?, ?>) russian.get("place")).get("preferred_name"));
        assertEquals("SIMILAR", hit("Pjongyang", pyongyang).get("match"));
        assertEquals("EXACT", hit("평양", pyongyang).get("match"));
        api().queryParam("q", "Пхеньян").get("/search/places").then().statusCode(200).body("key", equalTo("pkhenyan"));
    }

    @Test
    void exactBeforePrefixBeforeSimilar() {
        String token = Names.token();
        // one letter changed (never to itself, whatever the random token)
        char changed = token.charAt(4) == 'x' ? 'y' : 'x';
        String similar = Places.named(token.substring(0, 4) + changed + token.substring(5) + "sk").create();
        String prefix = Places.named(token + "sk-Nord").create();
        String exact = Places.named(token + "sk").create();
        api().queryParam("q", token + "sk").get("/search/places").then().statusCode(200)
                .body("items.place.id", contains(exact, prefix, similar))
                .body("items.match", contains("EXACT", "PREFIX", "SIMILAR"))
                .body("items[0].score", equalTo(1.0f));
        malformed().queryParam("q", "").get("/search/places").then().statusCode(400)
                .body("errors.field", contains("q"));
    }

    private static Map<String, Object> hit(String q, String id) {
        List<Map<String, Object>> items = api().queryParam("q", q).queryParam("limit", 100).get("/search/places")
                .then().statusCode(200).extract().path("items");
        Map<String, Object> hit = items.stream().filter(i -> id.equals(((Map<?, ?>) i.get("place")).get("id")))
                .findFirst().orElse(null);
        assertNotNull(hit, () -> "searching " + q + " does not find " + id + " among " + items);
        return hit;
    }
}
