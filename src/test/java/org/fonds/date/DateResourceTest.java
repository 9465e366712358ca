package org.fonds.date;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/**
 * Browsing by date. The cable of 30 May 1950 is dated in the year every other test uses, so it is looked for among
 * the others; the exact listings and counts use years of their own (1651, 1661, 1671).
 */
@QuarkusTest
class DateResourceTest {

    @Test
    void theCableIsWrittenOn30MayAndMentions29MayEarlyJuneAndJuly() {
        String cable = Documents.cable().create();
        String text = Texts.cable().create(cable);
        String june = mention(cable, text, "between 8 and 10 June", "1950-06-08/1950-06-10");
        String may = mention(cable, text, "29 May", "1950-05-29");
        String july = Annotations.of("MENTION").quote(text, "July").set("mention", Map.of("date", "1950-07"))
                .create(cable);

        Map<String, Object> onTheDay = find(cable, Map.of("on", "1950-05-30"));
        assertEquals(true, onTheDay.get("written"));
        assertEquals(false, onTheDay.get("mentioned"));
        assertEquals(List.of(), onTheDay.get("mention_ids"));
        assertEquals("1950-05-30", onTheDay.get("date"));
        assertEquals("CABLE", onTheDay.get("kind"));

        Map<String, Object> dayBefore = find(cable, Map.of("on", "1950-05-29"));
        assertEquals(false, dayBefore.get("written"));
        assertEquals(List.of(may), dayBefore.get("mention_ids"));

        Map<String, Object> inJune = find(cable, Map.of("on", "1950-06"));
        assertEquals(false, inJune.get("written"));
        assertEquals(true, inJune.get("mentioned"));
        assertEquals(List.of(june), inJune.get("mention_ids"));
        assertEquals(List.of(june), find(cable, Map.of("on", "1950-06-09")).get("mention_ids"));

        Map<String, Object> inTheYear = find(cable, Map.of("on", "1950"));
        assertEquals(true, inTheYear.get("written"));
        assertEquals(List.of(june, may, july), inTheYear.get("mention_ids"));

        assertNull(find(cable, Map.of("on", "1950-06-11")));
        assertNull(find(cable, Map.of("on", "1950-06", "basis", "WRITTEN")));
        assertNotNull(find(cable, Map.of("from", "1950-06-10", "to", "1950-06-20", "basis", "MENTIONED")));
    }

    @Test
    void writtenAndMentionedAreToldApart() {
        String b = Documents.cable().date("1651-03-02").create();
        String mentionOfB = mention(b, Texts.cable().create(b), "July", "1651-04");
        String c = Documents.cable().date("1652-01-01").create();
        String mentionOfC = mention(c, Texts.cable().create(c), "29 May", "1651-03-10");

        api().queryParam("on", "1651-03").get("/dates/documents").then().statusCode(200)
                .body("items.document_id", contains(b, c))
                .body("items.written", contains(true, false))
                .body("items.mentioned", contains(false, true))
                .body("items[1].mention_ids", contains(mentionOfC))
                .body("items[0].date_range.earliest", equalTo("1651-03-02"))
                .body("next", nullValue());
        api().queryParam("on", "1651-03").queryParam("basis", "WRITTEN").get("/dates/documents").then()
                .body("items.document_id", contains(b))
                .body("items[0].mention_ids", empty());
        api().queryParam("on", "1651-03").queryParam("basis", "MENTIONED").get("/dates/documents").then()
                .body("items.document_id", contains(c));
        api().queryParam("on", "1651").get("/dates/documents").then()
                .body("items.document_id", contains(b, c))
                .body("items.written", contains(true, false))
                .body("items[0].mention_ids", contains(mentionOfB));
        api().queryParam("from", "1651-04").queryParam("to", "1652").get("/dates/documents").then()
                .body("items.document_id", contains(b, c))
                .body("items.written", contains(false, true))
                .body("items.mentioned", contains(true, false));
        api().queryParam("on", "1651-03-02").get("/dates/documents").then().body("items.document_id", contains(b));
        api().queryParam("to", "1651-03-05").queryParam("basis", "WRITTEN").get("/dates/documents").then()
                .body("items.document_id", hasItem(b));
    }

    @Test
    void countsPerYearMonthAndDayBucketTheEarliestDay() {
        String d1 = Documents.cable().date("1661-03-02").create();
        String t1 = Texts.cable().create(d1);
        mention(d1, t1, "July", "1661-04");
        mention(d1, t1, "between 8 and 10 June", "1661-03-02/1661-03-05");
        String d2 = Documents.cable().date("1662-01").create();
        mention(d2, Texts.cable().create(d2), "29 May", "1661-03-10");
        Documents.cable().date("1661-03-02").create();
        Documents.cable().date("1660-12-31/1661-01-02").create(); // counted in 1660, its earliest day

        counts(Map.of("granularity", "YEAR", "from", "1661", "to", "1662"))
                .body("granularity", equalTo("YEAR"))
                .body("basis", equalTo("ANY"))
                .body("from", equalTo("1661-01-01"))
                .body("to", equalTo("1662-12-31"))
                .body("buckets.period", contains("1661", "1662"))
                .body("buckets.count", contains(3, 1));
        counts(Map.of("granularity", "YEAR", "from", "1660", "to", "1662", "basis", "WRITTEN"))
                .body("buckets.period", contains("1660", "1661", "1662"))
                .body("buckets.count", contains(1, 2, 1));
        counts(Map.of("granularity", "MONTH", "from", "1661", "to", "1661", "basis", "MENTIONED"))
                .body("buckets.period", contains("1661-03", "1661-04"))
                .body("buckets.count", contains(2, 1));
        counts(Map.of("granularity", "DAY", "from", "1661-03", "to", "1661-03"))
                .body("from", equalTo("1661-03-01"))
                .body("to", equalTo("1661-03-31"))
                .body("buckets.period", contains("1661-03-02", "1661-03-10"))
                .body("buckets.count", contains(2, 1));
        counts(Map.of("granularity", "DAY", "from", "1661-03", "to", "1661-03", "basis", "WRITTEN"))
                .body("buckets.period", contains("1661-03-02"))
                .body("buckets.count", contains(2));
    }

    @Test
    void documentsByDatePageWithACursor() {
        List<String> created = List.of(Documents.cable().date("1671-02").create(),
                Documents.cable().date("1671-05-01").create(), Documents.cable().date("1671").create());
        JsonPath first = api().queryParam("on", "1671").queryParam("limit", 2).get("/dates/documents").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(created.subList(0, 2), first.getList("items.document_id"));
        api().queryParam("on", "1671").queryParam("limit", 2).queryParam("cursor", first.getString("next"))
                .get("/dates/documents").then()
                .body("items.document_id", contains(created.get(2)))
                .body("next", nullValue());
        api().queryParam("on", "1672").queryParam("limit", 2).queryParam("cursor", first.getString("next"))
                .get("/dates/documents").then().statusCode(400).body("type", equalTo("/problems/invalid-cursor"));
    }

    @Test
    void periodsAreCheckedParameters() {
        badRequest(api().queryParam("on", "1950-13"), "/dates/documents", "on");
        badRequest(api().queryParam("on", "1950-02-30"), "/dates/documents", "on");
        badRequest(malformed().queryParam("on", "June 1950"), "/dates/documents", "on");
        badRequest(api().queryParam("on", "1950").queryParam("from", "1950"), "/dates/documents", "on");
        badRequest(api(), "/dates/documents", "on");
        badRequest(api().queryParam("from", "1951").queryParam("to", "1950"), "/dates/documents", "to");
        badRequest(api().queryParam("from", "1951").queryParam("to", "1950"), "/dates/counts", "to");
        badRequest(malformed().queryParam("granularity", "WEEK"), "/dates/counts", "granularity");
        badRequest(malformed().queryParam("basis", "SENT"), "/dates/documents", "basis");
    }

    private static String mention(String document, String text, String words, String date) {
        return Annotations.of("MENTION").quote(text, words).set("mention", Map.of("date", date)).create(document);
    }

    private static io.restassured.response.ValidatableResponse counts(Map<String, String> parameters) {
        return api().queryParams(parameters).get("/dates/counts").then().statusCode(200);
    }

    /** The item of {@code document} among all the pages of GET /dates/documents, or null when it is not listed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> find(String document, Map<String, String> parameters) {
        String cursor = null;
        do {
            RequestSpecification request = api().queryParams(parameters).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/dates/documents").then().statusCode(200).extract().jsonPath();
            for (Map<String, Object> item : page.<Map<String, Object>>getList("items")) {
                if (document.equals(item.get("document_id"))) {
                    return item;
                }
            }
            cursor = page.getString("next");
        } while (cursor != null);
        return null;
    }

    private static void badRequest(RequestSpecification request, String path, String parameter) {
        request.get(path).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains(parameter));
    }
}
