package org.fonds.sample;

import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The sample archive, loaded at start through the services, walked through the API as a client would: the seed
 * cable of 30 May 1950 with every editorial feature, each found by its own URL, and the other sources it quotes.
 */
@QuarkusTest
class SampleArchiveTest {

    private static final String CABLE_TITLE = "Ciphered telegram from Shtykov to Vyshinsky on a meeting with Kim Il Sung";

    @Inject
    SampleArchive sample;

    private static String cable() {
        List<Map<String, Object>> items = api().queryParam("kind", "CABLE").queryParam("date_from", "1950-05-30")
                .queryParam("date_to", "1950-05-30").queryParam("limit", 100).get("/documents").then().statusCode(200)
                .extract().path("items");
        return items.stream().filter(d -> CABLE_TITLE.equals(d.get("title"))).map(d -> (String) d.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("the sample cable is not listed"));
    }

    private static JsonPath whole(String id) {
        return api().queryParam("embed", "all").get("/documents/{d}", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void loadingAgainChangesNothing() {
        assertFalse(sample.load(), "a second load is refused");
        api().queryParam("kind", "CABLE").queryParam("limit", 100).get("/documents").then()
                .body("items.findAll { it.title == '" + CABLE_TITLE + "' }", hasSize(1));
    }

    @Test
    void theCableItsSenderRecipientAndForTheirOwnUrls() {
        String id = cable();
        JsonPath doc = whole(id);
        assertEquals("1950-05-30", doc.getString("date"));
        assertEquals(List.of("ru"), doc.getList("languages"));
        String sender = doc.getString("participants.find { it.role == 'SENDER' }.agent_id");
        api().get("/agents/{a}", sender).then().statusCode(200)
                .body("preferred_name", equalTo("Terentii Shtykov"))
                .body("names.value", hasItem("Терентий Фомич Штыков"))
                .body("offices.title", hasItem("Soviet ambassador to the DPRK"));
        assertEquals("VYSHINSKY", doc.getString("participants.find { it.role == 'RECIPIENT' }.name_as_written"));
        String via = doc.getString("participants.find { it.role == 'VIA' }.agent_id");
        api().get("/agents/{a}", via).then().body("type", equalTo("ORGANISATION"))
                .body("names.value", hasItem("instantsiya"));
        api().get("/places/{p}", doc.getString("place_of_origin_id")).then().body("preferred_name", equalTo("Pyongyang"));
        api().queryParam("participant_id", sender).queryParam("role", "SENDER").get("/documents").then()
                .body("items.id", hasItem(id));
    }

    @Test
    void theTextHasItsSectionsAndAddressableParagraphs() {
        String id = cable();
        JsonPath doc = whole(id);
        assertEquals(List.of("Note:", "My opinion."), doc.getList("texts[0].sections.heading").subList(1, 3));
        String text = doc.getString("texts[0].id");
        api().get("/documents/{d}/texts/{t}/paragraphs/4", id, text).then().statusCode(200)
                .body("text", containsString("one trawler and one large subchaser"));
        assertFalse(doc.getString("texts[0].content").contains("["), "the brackets became annotations");
    }

    @Test
    void originalLanguageTermsAndTranslatorsNotes() {
        String id = cable();
        api().queryParam("type", "FOREIGN_TERM").get("/documents/{d}/annotations", id).then().statusCode(200)
                .body("items.foreign_term.term", equalTo(List.of("instantsiya", "nastuplenie", "okhotnik")))
                .body("items.targets.exact.flatten()", equalTo(List.of("the Politburo", "attack", "subchaser")));
        List<String> notes = api().queryParam("type", "TRANSLATOR_NOTE").get("/documents/{d}/annotations", id).then()
                .body("items", hasSize(3)).extract().path("items.id");
        api().get("/annotations/{a}", notes.get(0)).then().statusCode(200)
                .body("note_text", containsString("are circled"))
                .body("targets.exact", equalTo(List.of("one trawler", "one large subchaser")));
    }

    @Test
    void theMarginalia() {
        String id = cable();
        JsonPath marginalia = api().get("/documents/{d}/marginalia", id).then().statusCode(200)
                .body("items", hasSize(3)).extract().jsonPath();
        // the circling of both phrases, reported by the translator's note
        assertEquals("CIRCLING", marginalia.getString("items[0].marginalia.kind"));
        assertEquals(List.of("one trawler", "one large subchaser"), marginalia.getList("items[0].targets.exact"));
        String reporter = marginalia.getString("items[0].marginalia.reported_by_id");
        api().get("/annotations/{a}", reporter).then().body("type", equalTo("TRANSLATOR_NOTE"));
        // the left-margin comment with its line to lines 3-5, running off the page
        assertEquals("LEFT", marginalia.getString("items[1].marginalia.position"));
        assertEquals("LINE", marginalia.getString("items[1].marginalia.connector"));
        assertEquals(3, marginalia.getInt("items[1].targets[0].line_start"));
        assertEquals(5, marginalia.getInt("items[1].targets[0].line_end"));
        assertTrue(marginalia.getBoolean("items[1].marginalia.off_page"));
        assertEquals(5, marginalia.getList("items[1].marginalia.transcription.gaps").size());
        // the final handwritten note: an uncertain reading and one word off the page
        assertEquals("estimate", marginalia.getString("items[2].marginalia.transcription.uncertain[0].reading"));
        assertEquals("OFF_PAGE", marginalia.getString("items[2].marginalia.transcription.gaps[0].reason"));
        assertEquals(1, marginalia.getInt("items[2].marginalia.transcription.gaps[0].extent.quantity"));
        assertEquals("WORDS", marginalia.getString("items[2].marginalia.transcription.gaps[0].extent.unit"));
    }

    @Test
    void suppliedWordsAndNameVariants() {
        String id = cable();
        api().queryParam("type", "SUPPLIED").get("/documents/{d}/annotations", id).then()
                .body("items.targets.exact.flatten()", equalTo(List.of("his", "the view", "be given")));
        JsonPath mentions = api().queryParam("type", "MENTION").queryParam("limit", 100)
                .get("/documents/{d}/annotations", id).then().extract().jsonPath();
        String pak = mentions.getString("items.find { it.mention.variant_written_inline == 'Pak Hon Yong' }"
                + ".mention.agent_id");
        api().get("/agents/{a}", pak).then()
                .body("names.value", hasItems("Pak Heon-yeong", "Pak Hon Yong", "박헌영"));
        List<String> people = mentions.getList("items.mention.name_as_written");
        assertTrue(people.containsAll(List.of("VYSHINSKY", "Kim Il Sung", "Postnikov", "Fatherland Front",
                "People’s Army", "Moscow", "the USSR")), people.toString());
    }

    @Test
    void everyDateTheTextMentionsIsFoundByTheDatesResource() {
        String id = cable();
        List<String> dates = api().queryParam("type", "MENTION").queryParam("limit", 100)
                .get("/documents/{d}/annotations", id).then().extract().path("items.mention.date.findAll { it }");
        assertTrue(dates.containsAll(List.of("1950-05-29", "1950-06-01", "1950-06-08/1950-06-10",
                "1950-06-21/1950-06-30", "1950-07", "1950-09", "1950-06/1950-07")), dates.toString());
        api().queryParam("on", "1950-05-30").get("/dates/documents").then()
                .body("items.find { it.document_id == '" + id + "' }.written", equalTo(true));
        api().queryParam("on", "1950-06-09").get("/dates/documents").then()
                .body("items.find { it.document_id == '" + id + "' }.mentioned", equalTo(true));
        api().queryParam("on", "1950-09").get("/dates/documents").then()
                .body("items.document_id", hasItem(id));
    }

    @Test
    void theOtherSourcesTheSeedQuotes() {
        List<Map<String, Object>> conversations = api().queryParam("kind", "RECORD_OF_CONVERSATION")
                .queryParam("limit", 100).get("/documents").then().extract().path("items");
        String mao = conversations.stream().filter(d -> "1956".equals(d.get("date"))).map(d -> (String) d.get("id"))
                .findFirst().orElseThrow();
        JsonPath conversation = whole(mao);
        assertEquals(2, conversation.getList("participants.findAll { it.role == 'CONVERSATION_PARTICIPANT' }").size());
        assertTrue(conversation.getList("annotations.findAll { it.type == 'SUPPLIED' }.targets.exact.flatten()")
                .contains("of his house"));

        List<Map<String, Object>> photos = api().queryParam("kind", "PHOTOGRAPH").queryParam("limit", 100)
                .get("/documents").then().extract().path("items");
        JsonPath photo = whole((String) photos.get(0).get("id"));
        assertTrue(photo.getString("media[0].caption").contains("Deoksu Palace"));
        String depicted = photo.getString("media[0].depicted_agent_ids[0]");
        api().get("/agents/{a}", depicted).then().body("preferred_name", equalTo("Terentii Shtykov"));

        List<Map<String, Object>> articles = api().queryParam("kind", "ARTICLE").queryParam("limit", 100)
                .get("/documents").then().extract().path("items");
        String post = articles.stream().filter(d -> ((String) d.get("title")).startsWith("Soviet Cable Shows"))
                .map(d -> (String) d.get("id")).findFirst().orElseThrow();
        api().queryParam("type", "CITES").get("/documents/{d}/links", post).then()
                .body("items.target_document_id", hasItem(cable()));
    }
}
