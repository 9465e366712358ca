package org.fonds.tei;

import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fonds.access.Caller;
import org.fonds.bulk.ImportUnits;
import org.fonds.testing.Seed;
import org.junit.jupiter.api.Test;

/**
 * The TEI import reads what the TEI export writes: the seed cable exported, imported as a new document (its ids
 * renamed, so that it does not meet the original) and exported again gives the same TEI, element for element and
 * character for character once the ids are named back.
 */
@QuarkusTest
class TeiImportTest {

    /** The ids a TEI file of Fonds names its document's own resources by (not the agents and places it points at). */
    private static final Pattern OWN_ID = Pattern.compile(
            "(?:doc-|text-|a-|media-|participant-|documents/)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    @Inject
    TeiFormat format;

    /** The units of a file, each written at once in a transaction of its own as the import job does. */
    private final class Units implements ImportUnits {
        final List<String> written = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        @Override
        public void unit(long line, String sourceId, JsonNode report, Supplier<String> write) {
            written.add(Caller.asSystem(() -> QuarkusTransaction.requiringNew().call(write::get)));
        }

        @Override
        public void problem(long line, String detail) {
            problems.add(line + ": " + detail);
        }
    }

    @ActivateRequestContext
    Units importing(String xml) throws IOException {
        Units units = new Units();
        format.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), units);
        return units;
    }

    private static String tei(String documentId) {
        return api().accept(TeiWriter.MEDIA_TYPE).get("/documents/{d}/tei", documentId).then().statusCode(200)
                .extract().asString();
    }

    /** Each own id replaced by the id {@code ids} gives it, wherever it occurs (a URL, a ref's words). */
    private static String rename(String xml, Map<String, String> ids) {
        String out = xml;
        for (Map.Entry<String, String> e : ids.entrySet()) {
            out = out.replace(e.getKey(), e.getValue());
        }
        return out;
    }

    /**
     * A fresh id for each own id of the file, in the same order as the old ones (annotations are written in the order
     * of their ids): the old id's time-ordered first part, a random rest.
     */
    private static Map<String, String> freshIds(String xml) {
        Map<String, String> renamed = new LinkedHashMap<>();
        Matcher m = OWN_ID.matcher(xml);
        while (m.find()) {
            renamed.computeIfAbsent(m.group(1), old -> old.substring(0, 24) + UUID.randomUUID().toString().substring(24));
        }
        return renamed;
    }

    @Test
    void theSeedCableComesBackAsItWent() throws IOException {
        String cable = Seed.cable();
        String original = tei(cable);
        Map<String, String> renamed = freshIds(original);
        Map<String, String> back = new LinkedHashMap<>();
        renamed.forEach((old, fresh) -> back.put(fresh, old));
        assertTrue(renamed.size() > 10, "the cable names its document, texts and annotations: " + renamed.size());

        Units units = importing(rename(original, renamed));
        assertEquals(List.of(), units.problems);
        String copy = renamed.get(cable);
        assertEquals(List.of("/documents/" + copy), units.written);

        assertSameText(original, rename(tei(copy), back));
    }

    /** Equal, or a failure that shows where they part (the files are long). */
    private static void assertSameText(String expected, String actual) {
        int at = 0;
        while (at < Math.min(expected.length(), actual.length()) && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        if (at < Math.max(expected.length(), actual.length())) {
            int from = Math.max(0, at - 300);
            assertEquals(expected.substring(from, Math.min(expected.length(), at + 300)),
                    actual.substring(from, Math.min(actual.length(), at + 300)), "the TEI differs at character " + at);
        }
    }

    @Test
    void aTeiElementOffTheMappingIsReportedWithItsLineAndTheNextOneStillComes() throws IOException {
        String cable = Seed.cable();
        String original = tei(cable);
        String body = original.substring(original.indexOf("<TEI"));
        String good = rename(body, freshIds(body));
        String corpus = "<?xml version=\"1.0\"?>\n<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">\n"
                + "<TEI><teiHeader><fileDesc><titleStmt><title>No id</title></titleStmt></fileDesc></teiHeader></TEI>\n"
                + good.replace(" xmlns=\"http://www.tei-c.org/ns/1.0\"", "") + "\n</teiCorpus>";
        Units units = importing(corpus);
        assertEquals(1, units.problems.size(), units.problems.toString());
        assertTrue(units.problems.get(0).startsWith("3: "), units.problems.get(0));
        assertEquals(1, units.written.size());
        api().get(units.written.get(0)).then().statusCode(200);
    }

    @Test
    void aFrusVolumeComesInADocumentPerDivWithItsNotesSignatureAndEnclosure() throws IOException {
        String volume;
        try (var in = TeiImportTest.class.getResourceAsStream("frus-fixture.xml")) {
            volume = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Units units = importing(volume);
        assertEquals(List.of(), units.problems);
        assertEquals(3, units.written.size(), "one unit per document div: " + units.written);

        // the telegram: heading, sender and recipient, the instant with its offset, place, classification, source
        io.restassured.path.json.JsonPath telegram = api().queryParam("embed", "all").get(units.written.get(0))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("The Secretary of State (Acheson) to the Embassy in Korea", telegram.getString("title"));
        assertEquals("CABLE", telegram.getString("kind"));
        assertEquals("1950-05-30T13:40:00-04:00", telegram.getString("date"));
        assertEquals("secret", telegram.getString("classification"));
        assertTrue(telegram.getString("source.citation").startsWith("Source: Department of State, Central Files, "
                + "795.00/5–3050: Telegram."), telegram.getString("source.citation"));
        assertEquals("Telegram", telegram.getString("kind_as_written"));
        assertEquals(List.of("SENDER", "SIGNATORY"), telegram.getList("participants.role"));
        // the signature the editors supplied ("[Acheson]")
        assertEquals(List.of("Acheson", "Acheson"), telegram.getList("participants.name_as_written"));
        assertEquals(List.of(false, true), telegram.getList("participants.supplied"));
        // the same agent for the name in the heading and the supplied signature
        assertEquals(telegram.getString("participants[0].agent_id"), telegram.getString("participants[1].agent_id"));
        api().get("/places/{p}", telegram.getString("place_of_origin_id")).then().statusCode(200)
                .body("preferred_name", org.hamcrest.Matchers.equalTo("Washington"));
        String content = telegram.getString("texts[0].content");
        assertEquals("412. Your 408. Department concurs in your estimate of the situation along the parallel and asks "
                + "you to report any movement of troops at once.\n\nInform ROK Government orally.", content);
        // footnotes at the word before them, with their printed numbers
        String footnotes = "annotations.findAll { it.type == 'FOOTNOTE' }.sort { it.footnote.marker }";
        assertEquals(List.of("1", "2", "3"), telegram.getList(footnotes + ".footnote.marker"));
        // the source note is the heading's footnote 1; the others are at the word before them
        assertEquals("HEADING", telegram.getString(footnotes + "[0].targets[0].part"));
        assertTrue(telegram.getString(footnotes + "[0].note_text").startsWith("Source: Department of State"));
        assertEquals(List.of("408.", "orally."), telegram.getList(footnotes + "[1..2].collect { it.targets[0].exact }"));
        assertEquals(List.of("Not printed.", "The Embassy reported on June 1 that this had been done (telegram 431)."),
                telegram.getList(footnotes + "[1..2].note_text"));
        // the pages of the printed volume: the one it starts on (the pb before it), at its first word, and the one
        // that starts inside the text, at its first words
        String pageBreaks = "annotations.findAll { it.type == 'PAGE_BREAK' }.sort { it.targets[0].start }";
        assertEquals(List.of("967", "968"), telegram.getList(pageBreaks + ".page_break.n"));
        assertEquals(List.of("412.", "any"), telegram.getList(pageBreaks + ".collect { it.targets[0].exact }"));
        assertEquals(0, telegram.getInt(pageBreaks + "[0].targets[0].start"));
        assertEquals(List.of("frus-fixture-v01", "frus-fixture-v01"), telegram.getList(pageBreaks + ".page_break.edition"));
        assertEquals(List.of("Fixture Volume, Korea, 1950", "Fixture Volume, Korea, 1950"),
                telegram.getList(pageBreaks + ".page_break.edition_title"));

        // the despatch and its enclosure, linked to it
        io.restassured.path.json.JsonPath despatch = api().queryParam("embed", "all").get(units.written.get(1))
                .then().statusCode(200).extract().jsonPath();
        assertEquals("REPORT", despatch.getString("kind"));
        assertEquals("Despatch", despatch.getString("kind_as_written"));
        // the inline source note, unnumbered: an editor's note on the heading
        assertEquals(List.of("795.00/6–250: Despatch"), despatch.getList(
                "annotations.findAll { it.type == 'EDITOR_NOTE' && it.targets[0].part == 'HEADING' }.note_text"));
        assertEquals("1950-06-02", despatch.getString("date"));
        assertEquals("John J. Muccio", despatch.getString("participants.find { it.role == 'SIGNATORY' }.name_as_written"));
        String despatchId = despatch.getString("id");
        io.restassured.path.json.JsonPath enclosure = api().queryParam("embed", "all")
                .get("/documents/{d}", frusId("frus-fixture-v01/d2/attachment-1")).then().statusCode(200).extract()
                .jsonPath();
        assertEquals("Memorandum of Conversation, by the Counselor of Embassy", enclosure.getString("title"));
        assertEquals("RECORD_OF_CONVERSATION", enclosure.getString("kind"));
        assertEquals("Memorandum of Conversation", enclosure.getString("kind_as_written"));
        assertEquals(List.of(enclosure.getString("id")), despatch.getList("linked_from.document_id"));
        assertEquals("1950-06-01", enclosure.getString("date"));
        assertEquals(List.of("ENCLOSURE_OF"), enclosure.getList("links.type"));
        assertEquals(List.of(despatchId), enclosure.getList("links.target_document_id"));
        assertEquals(List.of("artillery."), enclosure.getList(
                "annotations.findAll { it.type == 'FOOTNOTE' }.collect { it.targets[0].exact }"));
        // the despatch and its enclosure start on the page that began in the telegram
        assertEquals(List.of("968"), despatch.getList("annotations.findAll { it.type == 'PAGE_BREAK' }.page_break.n"));
        assertEquals(List.of("968:The"), enclosure.getList("annotations.findAll { it.type == 'PAGE_BREAK' }"
                + ".collect { it.page_break.n + ':' + it.targets[0].exact }"));
        assertEquals(List.of("E. F. D."), enclosure.getList("participants.name_as_written"));

        // an editorial note over several days
        api().get(units.written.get(2)).then().body("date", org.hamcrest.Matchers.equalTo("1950-06-05/1950-06-09"))
                .body("kind_as_written", org.hamcrest.Matchers.equalTo("Editorial Note"));
        // its lists and its table: a paragraph for each head, item (with its label) and row, a tab between two cells
        // (an item with paragraphs and words outside them: the words before, between and after them as paragraphs);
        // the pages that start between paragraphs, at the first word of the next, and inside one
        io.restassured.path.json.JsonPath note = api().queryParam("embed", "all").get(units.written.get(2))
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Between June 5 and June 9 the Department received several reports of movements north of "
                + "the parallel.", "Reports received", "From the Embassy in Seoul", "From the Military Advisory Group",
                "(1) Troops moved north of Kaesong.", "(2) Artillery was seen near Ongjin.",
                "It was withdrawn on June 8.", "(3) Reports from Ongjin:", "Shelling on June 7.", "None after that.",
                "Date\tReports", "June 5\t2", "\t3"),
                note.getList("texts[0].sections[0].paragraphs"));
        assertEquals(List.of("Kaesong.:Telegram 440 from Seoul."), note.getList(
                "annotations.findAll { it.type == 'FOOTNOTE' }.collect { it.targets[0].exact + ':' + it.note_text }"));
        assertEquals(List.of("968:Between", "969:(1)", "970:June", "971:3"), note.getList(
                "annotations.findAll { it.type == 'PAGE_BREAK' }.sort { it.targets[0].start }"
                        + ".collect { it.page_break.n + ':' + it.targets[0].exact }"));
    }

    @Test
    void notesOnPartsPageBreaksASuppliedSignatureAndAnEnclosureComeBackAsTheyWent() throws IOException {
        org.fonds.testing.Editions.Made made = org.fonds.testing.Editions.cableWithEverything();
        String doc = made.document();
        String enclosure = made.enclosure();
        String covering = tei(doc);
        String enclosed = tei(enclosure);
        Map<String, String> renamed = freshIds(covering + enclosed);
        Map<String, String> back = new LinkedHashMap<>();
        renamed.forEach((old, fresh) -> back.put(fresh, old));
        String corpus = "<teiCorpus xmlns=\"http://www.tei-c.org/ns/1.0\">"
                + rename(covering, renamed).substring(covering.indexOf("<TEI"))
                + rename(enclosed, renamed).substring(enclosed.indexOf("<TEI")) + "</teiCorpus>";
        Units units = importing(corpus);
        assertEquals(List.of(), units.problems);
        assertEquals(List.of("/documents/" + renamed.get(doc), "/documents/" + renamed.get(enclosure)),
                units.written);
        assertSameText(covering, rename(tei(renamed.get(doc)), back));
        assertSameText(enclosed, rename(tei(renamed.get(enclosure)), back));
    }

    @Test
    void aFrusVolumePostedToTheImportsComesInOnceAndAgainWritesNothing() throws IOException {
        String volume;
        try (var in = TeiImportTest.class.getResourceAsStream("frus-fixture.xml")) {
            volume = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("frus-fixture-v01",
                    "frus-fixture-v02");
        }
        io.restassured.path.json.JsonPath job = importJob(volume);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        assertEquals("TEI", job.getString("format"));
        assertEquals(3, job.getLong("written"), job.prettify());
        assertEquals(List.of("/documents/" + frusId("frus-fixture-v02/d1"), "/documents/" + frusId("frus-fixture-v02/d2"),
                "/documents/" + frusId("frus-fixture-v02/d3")), job.getList("paths"));
        assertEquals(List.of("frus-fixture-v02/d1", "frus-fixture-v02/d2", "frus-fixture-v02/d3"),
                job.getList("reports.report.frus_document"));
        api().get("/documents/{d}", frusId("frus-fixture-v02/d2/attachment-1")).then().statusCode(200);

        io.restassured.path.json.JsonPath again = importJob(volume);
        assertEquals("SUCCEEDED", again.getString("state"));
        assertEquals(0, again.getLong("written"));
        assertEquals(3, again.getLong("skipped"));
    }

    @Test
    void aFrusVolumesPeopleAreTheAgentsThisArchiveHasWhenOneOfThemHasTheName() throws IOException {
        // names no other test uses: the fixture's Muccio and Acheson renamed
        String tag = UUID.randomUUID().toString().replaceAll("[^a-f]", "");
        String muccio = "Muccio" + tag;
        String acheson = "Acheson" + tag;
        String volume;
        try (var in = TeiImportTest.class.getResourceAsStream("frus-fixture.xml")) {
            volume = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("frus-fixture-v01",
                    "frus-fixture-" + tag).replace("Muccio", muccio).replace("Acheson", acheson);
        }
        // one agent has Muccio's name as a variant (in another case); two have Acheson's
        String ambassador = org.fonds.testing.Agents.person("John J. " + muccio).name(muccio.toUpperCase(), "en")
                .create();
        String one = org.fonds.testing.Agents.person("Dean " + acheson).name(acheson, "en").create();
        String other = org.fonds.testing.Agents.person("Edward " + acheson).name(acheson, "en").create();

        io.restassured.path.json.JsonPath job = importJob(volume);
        assertEquals("SUCCEEDED", job.getString("state"), job.prettify());
        io.restassured.path.json.JsonPath despatch = api().queryParam("embed", "participants")
                .get("/documents/{d}", frusId("frus-fixture-" + tag + "/d2")).then().statusCode(200).extract()
                .jsonPath();
        // the heading's "Muccio" is the agent's variant: that agent; the signature "John J. Muccio" its preferred name
        assertEquals(List.of(ambassador, ambassador), despatch.getList("participants.agent_id"));
        assertEquals(List.of(muccio, "John J. " + muccio), despatch.getList("participants.name_as_written"));
        // "Acheson" could be either of two: the volume's own agent, the same for the heading and the signature
        io.restassured.path.json.JsonPath telegram = api().queryParam("embed", "participants")
                .get("/documents/{d}", frusId("frus-fixture-" + tag + "/d1")).then().statusCode(200).extract()
                .jsonPath();
        List<String> senders = telegram.getList("participants.agent_id");
        assertEquals(2, senders.size());
        assertEquals(senders.get(0), senders.get(1));
        assertFalse(List.of(one, other).contains(senders.get(0)), senders.toString());
        api().get("/agents/{a}", senders.get(0)).then().statusCode(200)
                .body("preferred_name", org.hamcrest.Matchers.equalTo(acheson));
    }

    /** POSTs the TEI to /imports and follows the job to its end. */
    private static io.restassured.path.json.JsonPath importJob(String tei) {
        String location = org.fonds.testing.Api.malformed().contentType(TeiWriter.MEDIA_TYPE)
                .body(tei.getBytes(StandardCharsets.UTF_8)).post("/imports").then().statusCode(202).extract()
                .header("Location");
        return org.fonds.testing.Jobs.finished(location).extract().jsonPath();
    }

    private static String frusId(String what) {
        return UUID.nameUUIDFromBytes(("frus:" + what).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
