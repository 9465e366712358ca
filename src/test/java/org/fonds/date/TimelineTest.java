package org.fonds.date;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.Seed;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/**
 * The timeline. The seed cable's dates are in 1950, which other tests use too, so its entries are picked out of all
 * the pages; the exact counts and pages use a year of their own (1681).
 */
@QuarkusTest
class TimelineTest {

    @Test
    void theSeedCableFromLateMayToJune1950InChronologicalOrder() {
        String cable = Seed.cable();
        List<Map<String, Object>> entries = new ArrayList<>();
        JsonPath first = null;
        String cursor = null;
        do {
            RequestSpecification request = api().queryParam("from", "1950-05-25").queryParam("to", "1950-06")
                    .queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/timeline").then().statusCode(200).extract().jsonPath();
            first = first == null ? page : first;
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                if (cable.equals(((Map<?, ?>) item.get("document")).get("id"))) {
                    entries.add(item);
                }
            }
            cursor = page.getString("next");
        } while (cursor != null);

        assertEquals(List.of("MENTIONED", "WRITTEN", "MENTIONED", "MENTIONED", "MENTIONED", "MENTIONED", "MENTIONED",
                "MENTIONED", "MENTIONED", "MENTIONED", "MENTIONED", "MENTIONED", "MENTIONED"),
                entries.stream().map(e -> e.get("kind")).toList());
        assertEquals(java.util.Arrays.asList("29 May", null, "1 June", "1 June", "the beginning of June", "in June",
                "June and July", "between 8 and 10 June", "the end of June", "the end of June", "the end of June",
                "the end of June", "the end of June"), entries.stream().map(e -> e.get("quote")).toList());
        assertEquals(List.of("1950-05-29", "1950-05-30", "1950-06-01", "1950-06-01", "1950-06-01/1950-06-10",
                "1950-06", "1950-06/1950-07", "1950-06-08/1950-06-10", "1950-06-21/1950-06-30",
                "1950-06-21/1950-06-30", "1950-06-21/1950-06-30", "1950-06-21/1950-06-30", "1950-06-21/1950-06-30"),
                entries.stream().map(e -> e.get("date")).toList());
        Map<String, Object> written = entries.get(1);
        assertEquals(null, written.get("annotation_id"));
        assertEquals(Map.of("id", cable, "title", Seed.CABLE_TITLE, "kind", "CABLE"), written.get("document"));
        assertTrue(entries.get(0).get("annotation_id") != null);
        assertEquals("1950-06-10", ((Map<?, ?>) entries.get(7).get("date_range")).get("latest"));

        assertEquals("1950-05-25", first.getString("from"));
        assertEquals("1950-06-30", first.getString("to"));
        assertEquals("DAY", first.getString("granularity"), "37 days are counted per day");
        List<String> periods = first.getList("counts.period");
        assertTrue(periods.containsAll(List.of("1950-05-29", "1950-05-30", "1950-06-01", "1950-06-08", "1950-06-21")),
                periods.toString());
        assertTrue(first.getInt("counts.find { it.period == '1950-06-21' }.mentioned") >= 5);
        assertTrue(first.getInt("counts.find { it.period == '1950-05-30' }.written") >= 1);
    }

    @Test
    void countsAndPagesOfAYearOfItsOwn() {
        String d1 = Documents.cable().date("1681-03-02").create();
        String t1 = Texts.cable().create(d1);
        String april = mention(d1, t1, "July", "1681-04");
        String early = mention(d1, t1, "29 May", "1681-03-01");
        String d2 = Documents.cable().date("1681-03-02/1681-03-05").create();
        String d3 = Documents.cable().date("1682-01-01").create();
        String late = mention(d3, Texts.cable().create(d3), "between 8 and 10 June", "1681-12-24/1681-12-26");
        Documents.cable().date("1680-12-31/1681-01-02").create(); // placed at its earliest day, before the span

        JsonPath page = api().queryParam("from", "1681").queryParam("to", "1681").get("/timeline").then()
                .statusCode(200)
                .body("granularity", equalTo("MONTH"))
                .body("from", equalTo("1681-01-01"))
                .body("to", equalTo("1681-12-31"))
                .body("counts.period", contains("1681-03", "1681-04", "1681-12"))
                .body("counts.written", contains(2, 0, 0))
                .body("counts.mentioned", contains(1, 1, 1))
                .body("written", equalTo(2))
                .body("mentioned", equalTo(3))
                .body("limit", equalTo(50))
                .body("next", nullValue())
                .extract().jsonPath();
        assertEquals(List.of(early, d1, d2, april, late), ids(page));
        assertEquals(List.of("MENTIONED", "WRITTEN", "WRITTEN", "MENTIONED", "MENTIONED"), page.getList("items.kind"));
        assertEquals("29 May", page.getString("items[0].quote"));

        api().queryParam("from", "1681").queryParam("to", "1681").queryParam("granularity", "YEAR").get("/timeline")
                .then().body("counts.period", contains("1681")).body("counts.mentioned", contains(3));

        JsonPath one = api().queryParam("from", "1681").queryParam("to", "1681").queryParam("limit", 2)
                .get("/timeline").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(early, d1), ids(one));
        JsonPath two = api().queryParam("from", "1681").queryParam("to", "1681").queryParam("limit", 2)
                .queryParam("cursor", one.getString("next")).get("/timeline").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of(d2, april), ids(two));
        api().queryParam("from", "1681").queryParam("to", "1681").queryParam("limit", 2)
                .queryParam("cursor", two.getString("next")).get("/timeline").then()
                .body("items.annotation_id", contains(late))
                .body("next", nullValue());
        api().queryParam("from", "1681").queryParam("to", "1682").queryParam("cursor", one.getString("next"))
                .get("/timeline").then().statusCode(400).body("type", equalTo("/problems/invalid-cursor"));
    }

    @Test
    void theSpanIsChecked() {
        badRequest(malformed().queryParam("to", "1950-07"), "from");
        badRequest(malformed().queryParam("from", "1950-05"), "to");
        badRequest(api().queryParam("from", "1950-07").queryParam("to", "1950-05"), "to");
        badRequest(api().queryParam("from", "1950-13").queryParam("to", "1951"), "from");
        badRequest(api().queryParam("from", "1800").queryParam("to", "1950"), "to");
        badRequest(malformed().queryParam("from", "1950").queryParam("to", "1950").queryParam("limit", 201), "limit");
        badRequest(malformed().queryParam("from", "1950").queryParam("to", "1950").queryParam("granularity", "WEEK"),
                "granularity");
    }

    private static List<String> ids(JsonPath page) {
        List<String> ids = new ArrayList<>();
        for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
            ids.add(item.get("kind").equals("WRITTEN") ? (String) ((Map<?, ?>) item.get("document")).get("id")
                    : (String) item.get("annotation_id"));
        }
        return ids;
    }

    private static String mention(String document, String text, String words, String date) {
        return Annotations.of("MENTION").quote(text, words).set("mention", Map.of("date", date)).create(document);
    }

    private static void badRequest(RequestSpecification request, String parameter) {
        request.get("/timeline").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(parameter));
    }
}
