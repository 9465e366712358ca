package org.fonds.search;

import static org.fonds.testing.Api.api;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.fonds.testing.Agents;
import org.fonds.testing.Annotations;
import org.fonds.testing.Api;
import org.fonds.testing.Collections;
import org.fonds.testing.Documents;
import org.fonds.testing.Subjects;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/**
 * GET /search/documents through HTTP: on the seed cable of the sample archive and on small documents made here, each
 * with words of its own (a random marker) so that tests do not see each other's documents.
 */
@QuarkusTest
class SearchResourceTest {

    private static final Random RANDOM = new Random();

    /** A word no other document has: letters only, so every configuration keeps it as one word. */
    private static String marker() {
        StringBuilder word = new StringBuilder("qz");
        for (int i = 0; i < 10; i++) {
            word.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return word.append('x').toString();
    }

    private static String document(String title) {
        return Documents.cable().title(title).create();
    }

    private static String text(String document, String language, String... paragraphs) {
        return Texts.empty().set("language", language).set("role", language.equals("ru") ? "ORIGINAL" : "TRANSLATION")
                .section(null, paragraphs).create(document);
    }

    private static RequestSpecification search(String q) {
        return api().queryParam("q", q);
    }

    private static JsonPath found(RequestSpecification request) {
        return request.get("/search/documents").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath found(String q) {
        return found(search(q));
    }

    private static String hit(String id) {
        return "items.find { it.id == '" + id + "' }";
    }

    @Test
    void englishWordsAreFoundByTheirStem() {
        String m = marker();
        String doc = document("Stemming " + m);
        String text = text(doc, "en", "The attack began at dawn, said " + m + ".");
        JsonPath result = found("attacks " + m);
        assertThat(result.getList("items.id"), contains(doc));
        assertThat(result.getString(hit(doc) + ".matches[0].field"), equalTo("TEXT"));
        assertThat(result.getString(hit(doc) + ".matches[0].text_id"), equalTo(text));
        assertThat(result.getString(hit(doc) + ".matches[0].language"), equalTo("en"));
        assertThat(result.getString(hit(doc) + ".matches[0].snippet"),
                containsString("«attack» began"));
    }

    /**
     * A text longer than 100,000 characters takes fonds_tsvector's other branch (V24: the one that guards the
     * tsvector's size limit); its words are found to its last.
     */
    @Test
    void aLongTextIsFoundByItsLastWord() {
        String m = marker();
        String n = marker();
        String doc = document("Long " + m);
        String paragraph = "The delegation discussed the shipments of grain once more. ".repeat(1200); // 70,800
        text(doc, "en", m + " " + paragraph, paragraph + " " + n);
        assertThat(found(n).getList("items.id"), contains(doc));
        assertThat(found(m + " " + n).getList("items.id"), contains(doc));
    }

    @Test
    void russianWordsAreFoundByTheirStem() {
        String m = marker();
        String doc = document("Russian " + m);
        String text = text(doc, "ru", "Наступление начнётся в конце июня, " + m + ".");
        search("наступления " + m).get("/search/documents").then().statusCode(200)
                .body("items.id", contains(doc))
                .body("total", equalTo(1))
                .body("items[0].matches[0].field", equalTo("TEXT"))
                .body("items[0].matches[0].text_id", equalTo(text))
                .body("items[0].matches[0].language", equalTo("ru"))
                .body("items[0].matches[0].snippet", containsString("«Наступление» начнётся"));
    }

    @Test
    void phrasesOrAndExclusion() {
        String m = marker();
        String a = marker();
        String b = marker();
        String inOrder = document("Phrase " + m);
        text(inOrder, "en", "They had not received one large subchaser " + a + ".");
        String reversed = document("Phrase " + m);
        text(reversed, "en", "The subchaser was large " + b + ".");
        String neither = document("Phrase " + m);

        search("\"large subchaser\" " + m).get("/search/documents").then().statusCode(200)
                .body("items", empty());
        search("\"large subchaser\" " + a).get("/search/documents").then().statusCode(200)
                .body("items.id", contains(inOrder));
        search(a + " or " + b).get("/search/documents").then().statusCode(200)
                .body("items.id", containsInAnyOrder(inOrder, reversed));
        search(m + " -" + a).get("/search/documents").then().statusCode(200)
                .body("items.id", containsInAnyOrder(reversed, neither))
                .body("total", equalTo(2));
    }

    @Test
    void aTitleMatchSaysTitleAndRanksFirst() {
        String m = marker();
        String inTitle = document("Report on " + m);
        String inText = document("Another report");
        text(inText, "en", "Nothing about it but the word " + m + " once.");
        search(m).get("/search/documents").then().statusCode(200)
                .body("items.id", contains(inTitle, inText))
                .body("items[0].matches[0].field", equalTo("TITLE"))
                .body("items[0].matches[0].snippet", equalTo("Report on «" + m + "»"))
                .body("items[0].matches[0].text_id", nullValue())
                .body("items[0].score", notNullValue())
                .body("items[1].matches[0].field", equalTo("TEXT"));
    }

    @Test
    void translatorsNotesAndMarginaliaTranscriptionsAreSearched() {
        String m = marker();
        String n = marker();
        String doc = document("Notes and marks");
        String text = text(doc, "en", "The navy had not received one trawler.");
        String note = Annotations.translatorNote("“one trawler” is circled, " + m).quote(text, "one trawler")
                .create(doc);
        Map<String, Object> marginalia = new LinkedHashMap<>();
        marginalia.put("kind", "COMMENT");
        marginalia.put("transcription", Map.of("text", "still to give " + n));
        String mark = Annotations.of("MARGINALIA").quote(text, "trawler").set("marginalia", marginalia).create(doc);

        search(m).get("/search/documents").then().statusCode(200)
                .body("items.id", contains(doc))
                .body("items[0].matches", hasSize(1))
                .body("items[0].matches[0].field", equalTo("ANNOTATION"))
                .body("items[0].matches[0].annotation_id", equalTo(note))
                .body("items[0].matches[0].annotation_type", equalTo("TRANSLATOR_NOTE"))
                .body("items[0].matches[0].snippet", containsString("is circled, «" + m + "»"));
        search("give " + n).get("/search/documents").then().statusCode(200)
                .body("items.id", contains(doc))
                .body("items[0].matches[0].field", equalTo("ANNOTATION"))
                .body("items[0].matches[0].annotation_id", equalTo(mark))
                .body("items[0].matches[0].annotation_type", equalTo("MARGINALIA"))
                .body("items[0].matches[0].snippet", equalTo("still to «give» «" + n + "»"));
    }

    @Test
    void theSeedCableIsFoundByItsTranslationAndItsNotes() {
        // other tests make cables with the same words: keep to the sample archive's subject "Military planning"
        List<Map<String, Object>> subjects = api().queryParam("label", "Military planning").queryParam("limit", 100)
                .get("/subjects").then().statusCode(200).extract().path("items");
        String planning = subjects.stream().filter(s -> "Military planning".equals(s.get("label")))
                .map(s -> (String) s.get("id")).findFirst().orElseThrow();
        JsonPath result = found(search("\"large subchaser\" trawler").queryParam("subject_id", planning));
        assertThat(result.getList("facets.subject.label"), hasItem("Military planning"));
        String cable = "items.find { it.title == 'Ciphered telegram from Shtykov to Vyshinsky on a meeting with Kim Il "
                + "Sung' }";
        assertThat(result.getString(cable + ".kind"), equalTo("CABLE"));
        assertThat(result.getList(cable + ".matches.field"), hasItem("TEXT"));
        assertThat(result.getList(cable + ".matches.field"), hasItem("ANNOTATION"));
        assertThat(result.getList(cable + ".matches.snippet").toString(),
                containsString("«subchaser»"));
    }

    @Test
    void everyFilterAndTheFacetsOfTheWholeMatchSet() {
        String m = marker();
        String subject = Subjects.labelled("Subject " + m).create();
        String collection = Collections.titled("Collection " + m).create();
        String sender = Agents.person("Sender " + m).create();
        String cable = Documents.cable().title("Cable " + m).set("classification", "Secret " + m)
                .set("subject_ids", List.of(subject)).set("collection_ids", List.of(collection)).create();
        String letter = Documents.of("LETTER").title("Letter " + m).language("en").create();
        String letterText = text(letter, "en", "Dear comrade, the trawler.");
        Annotations.translatorNote("a word is illegible").quote(letterText, "trawler").create(letter);
        String memo = Documents.of("MEMORANDUM").title("Memorandum " + m).language("en").create();
        String memoText = text(memo, "en", "The subchaser is late.");
        Map<String, Object> marginalia = Map.of("kind", "CIRCLING");
        Annotations.of("MARGINALIA").quote(memoText, "subchaser").set("marginalia", marginalia).create(memo);
        api().contentType(ContentType.JSON).body(Map.of("agent_id", sender, "role", "SENDER"))
                .post("/documents/{d}/participants", memo).then().statusCode(201);

        search(m).get("/search/documents").then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.id", containsInAnyOrder(cable, letter, memo))
                .body("facets.kind.value", containsInAnyOrder("CABLE", "LETTER", "MEMORANDUM"))
                .body("facets.kind.count", contains(1, 1, 1))
                .body("facets.language.value", contains("en", "ru"))
                .body("facets.language.count", contains(2, 1))
                .body("facets.subject.value", contains(subject))
                .body("facets.subject.label", contains("Subject " + m))
                .body("facets.subject.count", contains(1))
                .body("facets.collection.value", contains(collection))
                .body("facets.collection.label", contains("Collection " + m))
                .body("facets.classification.value", contains("Secret " + m))
                .body("facets.has_translator_notes.value", contains("false", "true"))
                .body("facets.has_translator_notes.count", contains(2, 1))
                .body("facets.has_marginalia.value", contains("false", "true"))
                .body("facets.has_marginalia.count", contains(2, 1));

        expect(search(m).queryParam("kind", "LETTER"), letter);
        expect(search(m).queryParam("language", "en"), letter, memo);
        expect(search(m).queryParam("subject_id", subject), cable);
        expect(search(m).queryParam("collection_id", collection), cable);
        expect(search(m).queryParam("classification", "Secret " + m), cable);
        expect(search(m).queryParam("has_translator_notes", true), letter);
        expect(search(m).queryParam("has_translator_notes", false), cable, memo);
        expect(search(m).queryParam("has_marginalia", true), memo);
        expect(search(m).queryParam("has_marginalia", false), cable, letter);
        expect(search(m).queryParam("participant_id", sender), memo);
        expect(search(m).queryParam("participant_id", sender).queryParam("role", "SENDER"), memo);
        expect(search(m).queryParam("participant_id", sender).queryParam("role", "RECIPIENT"));
        expect(search(m).queryParam("language", "en").queryParam("has_marginalia", false), letter);
        // the facets count the filtered set
        search(m).queryParam("language", "en").get("/search/documents").then().statusCode(200)
                .body("facets.kind.value", containsInAnyOrder("LETTER", "MEMORANDUM"))
                .body("facets.language.value", contains("en"))
                .body("facets.subject", empty());
        // without q, the filters alone select (sorted by date)
        api().queryParam("classification", "Secret " + m).get("/search/documents").then().statusCode(200)
                .body("items.id", contains(cable))
                .body("items[0].score", nullValue())
                .body("items[0].matches", empty());
    }

    private static void expect(RequestSpecification request, String... ids) {
        request.get("/search/documents").then().statusCode(200)
                .body("items.id", containsInAnyOrder((Object[]) ids))
                .body("total", equalTo(ids.length));
    }

    @Test
    void sortByDateThenIdUndatedLastPagedByCursor() {
        String m = marker();
        String june = Documents.cable().title("June " + m).date("1950-06-01").create();
        String undated = Documents.cable().title("Undated " + m).set("date", null).create();
        String undatedToo = Documents.cable().title("Undated too " + m).set("date", null).create();
        String may = Documents.cable().title("May " + m).date("1950-05-01").create();
        search(m).queryParam("sort", "DATE").get("/search/documents").then().statusCode(200)
                .body("items.id", contains(may, june, undated, undatedToo))
                .body("next", nullValue());
        String next = search(m).queryParam("sort", "DATE").queryParam("limit", 1).get("/search/documents").then()
                .statusCode(200)
                .body("items.id", contains(may))
                .body("total", equalTo(4))
                .body("next_offset", nullValue())
                .extract().path("next");
        next = search(m).queryParam("sort", "DATE").queryParam("limit", 2).queryParam("cursor", next)
                .get("/search/documents").then().statusCode(200)
                .body("items.id", contains(june, undated))
                .extract().path("next");
        search(m).queryParam("sort", "DATE").queryParam("limit", 2).queryParam("cursor", next)
                .get("/search/documents").then().statusCode(200)
                .body("items.id", contains(undatedToo))
                .body("next", nullValue());
        // a cursor belongs to its query and filters
        problem(search(m + " or x").queryParam("sort", "DATE").queryParam("cursor", next), "cursor");
        problem(search(m).queryParam("cursor", next), "cursor");
        problem(search(m).queryParam("sort", "DATE").queryParam("offset", 2), "offset");
    }

    @Test
    void relevancePagesByOffset() {
        String m = marker();
        String best = document(m + " " + m + " in the title");
        String second = document("Only in a text");
        text(second, "en", "Here is " + m + ".");
        String third = document("Only in a note");
        String text = text(third, "en", "The trawler.");
        Annotations.translatorNote("a word about " + m).quote(text, "trawler").create(third);
        search(m).queryParam("limit", 2).get("/search/documents").then().statusCode(200)
                .body("items.id", contains(best, second))
                .body("total", equalTo(3))
                .body("offset", equalTo(0))
                .body("next_offset", equalTo(2))
                .body("next", nullValue())
                .body("next_url", allOf(containsString("/search/documents?"), containsString("offset=2"),
                        containsString("limit=2"), containsString("q=" + m)))
                .body("prev_url", nullValue())
                .header("Link", allOf(containsString("offset=2"), endsWith("; rel=\"next\"")));
        search(m).queryParam("limit", 2).queryParam("offset", 2).get("/search/documents").then().statusCode(200)
                .body("items.id", contains(third))
                .body("offset", equalTo(2))
                .body("next_offset", nullValue())
                .body("next_url", nullValue())
                .body("prev_url", allOf(containsString("offset=0"), containsString("q=" + m)))
                .header("Link", allOf(containsString("offset=0"), endsWith("; rel=\"prev\"")));
    }

    @Test
    void anUncertainMonthOverlapsSomeDaysOfItButIsWithinOnlyTheWholeMonth() {
        String m = marker();
        String doc = Documents.cable().title("Uncertain " + m).date("1950-05?").create();
        expect(search(m).queryParam("date_from", "1950-05-20").queryParam("date_to", "1950-05-25"), doc);
        expect(search(m).queryParam("date_from", "1950-05-20").queryParam("date_to", "1950-05-25")
                .queryParam("date_match", "OVERLAPS"), doc);
        expect(search(m).queryParam("date_from", "1950-05-20").queryParam("date_to", "1950-05-25")
                .queryParam("date_match", "WITHIN"));
        expect(search(m).queryParam("date_from", "1950-05-01").queryParam("date_to", "1950-05-31")
                .queryParam("date_match", "WITHIN"), doc);
        expect(search(m).queryParam("date_from", "1950-05-20").queryParam("date_match", "WITHIN"));
        expect(search(m).queryParam("date_to", "1950-06-30").queryParam("date_match", "WITHIN"), doc);
        expect(search(m).queryParam("date_from", "1950-06-01"));
    }

    @Test
    void changesAreSearchableAtOnce() {
        String m = marker();
        String n = marker();
        String doc = document("Before " + m);
        String text = text(doc, "en", "Old words " + m + ".");
        api().contentType(ContentType.JSON).body(Texts.empty().set("language", "en").section(null, "New words " + n)
                .body()).header("If-Match", Api.etag("/documents/{d}/texts/{t}", doc, text)).put("/documents/{d}/texts/{t}", doc, text).then().statusCode(200);
        api().contentType("application/merge-patch+json").body(Map.of("title", "After"))
                .header("If-Match", Api.etag("/documents/{d}", doc)).patch("/documents/{d}", doc).then().statusCode(200);
        expect(search(m));
        expect(search(n), doc);
    }

    @Test
    void invalidQueriesAndFiltersAreProblemsNamingTheParameter() {
        problem(Api.malformed().queryParam("q", "   "), "q");
        // the spec says minLength 1: an empty value is not "left out" (that is how to browse by the filters)
        problem(Api.malformed().queryParam("q", ""), "q");
        problem(Api.malformed().queryParam("q", "x").queryParam("classification", ""), "classification");
        problem(Api.malformed().queryParam("classification", ""), "classification");
        problem(Api.malformed().queryParam("q", "word ".repeat(101)), "q");
        problem(Api.malformed().queryParam("q", "x").queryParam("kind", "TELEGRAM"), "kind");
        problem(Api.malformed().queryParam("q", "x").queryParam("has_marginalia", "maybe"), "has_marginalia");
        problem(Api.malformed().queryParam("q", "x").queryParam("date_match", "DURING"), "date_match");
        problem(Api.malformed().queryParam("q", "x").queryParam("date_from", "1950-13-01"), "date_from");
        problem(Api.malformed().queryParam("q", "x").queryParam("subject_id", "nope"), "subject_id");
        problem(Api.malformed().queryParam("q", "x").queryParam("offset", 10001), "offset");
        problem(Api.malformed().queryParam("q", "x").queryParam("limit", 101), "limit");
        problem(api().queryParam("q", "x").queryParam("language", "not a tag"), "language");
        problem(api().queryParam("q", "x").queryParam("date_from", "1950-06-01").queryParam("date_to", "1950-05-01"),
                "date_to");
        problem(api().queryParam("sort", "RELEVANCE"), "sort");
        problem(api().queryParam("date_match", "WITHIN"), "date_match");
    }

    private static void problem(RequestSpecification request, String parameter) {
        request.get("/search/documents").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter));
    }
}
