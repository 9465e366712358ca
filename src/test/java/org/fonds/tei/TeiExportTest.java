package org.fonds.tei;

import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Annotations;
import org.fonds.testing.Api;
import org.fonds.testing.Documents;
import org.fonds.testing.Seed;
import org.fonds.testing.ShtykovCable;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * TEI P5 of one document and of the whole archive: valid against tei_all.rng, and read back, every editorial feature
 * of the seed cable found at its words.
 */
@QuarkusTest
class TeiExportTest {

    private static String tei(String documentId) {
        return api().accept(TeiWriter.MEDIA_TYPE).get("/documents/{d}/tei", documentId).then().statusCode(200)
                .contentType(startsWith(TeiWriter.MEDIA_TYPE)).header("ETag", containsString("-tei-")).extract()
                .asString();
    }

    private static JsonPath document(String documentId) {
        return api().queryParam("embed", "all").get("/documents/{d}", documentId).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void theSampleCableIsValidTeiWithEveryFeatureAtItsWords() {
        String cable = Seed.cable();
        String xml = tei(cable);
        TeiReading.assertValid(xml);
        TeiReading r = new TeiReading(xml);
        JsonPath json = document(cable);
        String textId = json.getString("texts[0].id");
        TeiReading.Text text = r.text(textId);
        // nothing of the text is lost, moved or repeated
        assertEquals(json.getString("texts[0].content"), text.content());
        assertEquals("en", r.element("//t:div[@xml:id='text-" + textId + "']")
                .getAttributeNS("http://www.w3.org/XML/1998/namespace", "lang"));

        // header: the sender and recipient with @ref to the agents, the conversation's participant, languages, date
        String shtykov = Seed.sender(cable);
        Element sent = r.element("//t:correspDesc/t:correspAction[@type='sent']/t:persName");
        assertTrue(sent.getAttribute("ref").endsWith("/agents/" + shtykov), sent.getAttribute("ref"));
        assertEquals("Shtykov", sent.getTextContent());
        assertEquals("VYSHINSKY", r.string("//t:correspAction[@type='received' and not(@subtype)]/t:persName", r.dom));
        assertEquals("the Politburo", r.string("//t:correspAction[@subtype='via']/t:orgName", r.dom));
        assertEquals("Kim Il Sung", r.string("//t:particDesc//t:person[@role='conversation-participant']/t:persName",
                r.dom));
        assertEquals("1950-05-30", r.string("//t:creation/t:date/@when-custom", r.dom));
        assertEquals("#edtf", r.string("//t:creation/t:date/@datingMethod", r.dom));
        assertEquals("Pyongyang", r.string("//t:creation/t:placeName", r.dom));
        assertEquals(List.of("ru", "en"), r.elements("//t:langUsage/t:language").stream()
                .map(e -> e.getAttribute("ident")).toList());
        assertEquals("Wilson Center Digital Archive", r.string("//t:msDesc/t:msIdentifier/t:collection", r.dom));

        // the translator's note on the circled words points at both spans
        Element circledNote = r.element("//t:note[@type='translator' and contains(., 'are circled')]");
        List<String> targets = Arrays.asList(circledNote.getAttribute("target").split(" "));
        List<String> ends = Arrays.asList(circledNote.getAttribute("targetEnd").split(" "));
        assertEquals(List.of("one trawler", "one large subchaser"),
                List.of(text.between(targets.get(0), ends.get(0)), text.between(targets.get(1), ends.get(1))));

        // the circled words, by the hand the header declares, reported by that note
        List<Element> circled = r.elements("//t:hi[@rend='circled']");
        assertEquals(List.of("one trawler", "one large subchaser"),
                circled.stream().map(e -> text.chained(r, e.getAttributeNS(XmlNs.XML, "id"))).toList());
        for (Element hi : circled) {
            assertEquals("#" + circledNote.getAttributeNS(XmlNs.XML, "id"), hi.getAttribute("corresp"));
            handDeclared(r, hi.getAttribute("hand"));
        }

        // the marginal comment in the left margin, by a declared hand, at the paragraph it concerns, with its gaps
        Element margin = r.element("//t:note[@type='marginal' and @place='margin-left']");
        assertEquals("comment", margin.getAttribute("subtype"));
        handDeclared(r, margin.getAttribute("hand"));
        assertTrue(text.between(margin.getAttribute("target"), margin.getAttribute("targetEnd"))
                .startsWith("Kim Il Sung then reported that they are finishing organizational issues"));
        StringBuilder words = new StringBuilder();
        for (org.w3c.dom.Node n = margin.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE) {
                words.append(n.getNodeValue());
            }
        }
        assertEquals("mark that; still to give", words.toString());
        // the line drawn to lines 3-5: where on the page the comment's words are
        assertEquals("3", r.string("t:locus/@from", margin));
        assertEquals("5", r.string("t:locus/@to", margin));
        assertEquals("#" + margin.getAttribute("target").substring(1), r.string("t:locus/@target", margin));
        assertEquals(5, r.elements("t:gap[@reason='off-page']", margin).size());

        // the handwritten note between the lines: an unclear reading and a word off the page
        Element interlinear = r.element("//t:note[@type='marginal' and @place='interlinear']");
        assertEquals("I promised to take appropriate steps.",
                text.between(interlinear.getAttribute("target"), interlinear.getAttribute("targetEnd")));
        assertEquals("estimate", r.string("t:unclear[@cert='low']", interlinear));
        Element gap = r.elements("t:gap", interlinear).get(0);
        assertEquals(List.of("off-page", "1", "words"),
                List.of(gap.getAttribute("reason"), gap.getAttribute("quantity"), gap.getAttribute("unit")));
        assertEquals("in the Technical estimate What else", interlinear.getTextContent());

        // the foreign terms at the English words they translate
        Element attack = r.element("//t:seg[@type='foreign-term'][t:note/t:foreign='nastuplenie']");
        assertEquals("attack", text.words(attack.getAttributeNS(XmlNs.XML, "id")));
        assertEquals("ru-Latn", r.string("t:note/t:foreign[1]/@xml:lang", attack));
        assertEquals("наступление", r.string("t:note/t:foreign[2]", attack));
        assertEquals("subchaser", text.words(r.element("//t:seg[t:note/t:foreign='okhotnik']")
                .getAttributeNS(XmlNs.XML, "id")));

        // the supplied words
        assertEquals(List.of("his", "the view", "be given"), r.elements("//t:supplied").stream()
                .map(e -> text.words(e.getAttributeNS(XmlNs.XML, "id"))).toList());
        assertEquals("Supplied by the translator: [his]", r.elements("//t:supplied").get(0).getAttribute("reason"));

        // mentions: a person with the inline variant as choice/reg, a date with its EDTF and bounds
        Element pak = r.elements("//t:persName[t:choice]").get(0);
        assertEquals("Pak Heon-yeong", r.string("t:choice/t:orig", pak));
        assertEquals("Pak Hon Yong", r.string("t:choice/t:reg", pak));
        assertTrue(pak.getAttribute("ref").contains("/agents/"));
        Element between = r.element("//t:date[@when-custom='1950-06-08/1950-06-10']");
        assertEquals("between 8 and 10 June", text.words(between.getAttributeNS(XmlNs.XML, "id")));
        assertEquals(List.of("1950-06-08", "1950-06-10"),
                List.of(between.getAttribute("notBefore"), between.getAttribute("notAfter")));
        assertTrue(r.element("//t:body//t:placeName[. = 'Moscow']").getAttribute("ref").contains("/places/"));
    }

    private static void handDeclared(TeiReading r, String hand) {
        assertTrue(hand.startsWith("#"), hand);
        r.element("//t:handDesc/t:handNote[@xml:id='" + hand.substring(1) + "']");
    }

    /** The seed cable as typed, with overlapping and paragraph-crossing anchors, line breaks and two texts. */
    @Test
    void overlappingAnchorsAreKeptAndTheTeiStaysValid() {
        String doc = Documents.cable().create();
        String en = Texts.cable().create(doc);
        String ru = Texts.empty().set("role", "ORIGINAL").set("language", "ru").set("translator_name", null)
                .section("Заголовок", "первая строка\nвторая строка", "третья").create(doc);
        Annotations.of("UNCERTAIN_READING").quote(en, "?estimate?")
                .set("uncertain_reading", Map.of("reading", "estimate", "certainty", "LOW",
                        "alternatives", List.of("estimated"))).create(doc);
        Annotations.of("GAP").quote(en, "[[one word off the page]]")
                .set("gap", Map.of("reason", "OFF_PAGE", "extent", Map.of("quantity", 1, "unit", "WORDS")))
                .create(doc);
        // two underlinings that cross: "one trawler and one" and "one large subchaser"
        Map<String, Object> underline = Map.of("kind", "UNDERLINING", "position", "OVER_TEXT",
                "hand", Map.of("certainty", "LOW", "description", "a reader in Moscow"));
        String first = Annotations.of("MARGINALIA").quote(en, "one trawler and one").set("marginalia", underline)
                .create(doc);
        String second = Annotations.of("MARGINALIA").quote(en, "one large subchaser").set("marginalia", underline)
                .create(doc);
        // a date named with an inline variant, crossing both underlinings: fragments, the variant in the last
        String date = Annotations.of("MENTION").quote(en, "and one large")
                .set("mention", Map.of("date", "1950-06", "name_as_written", "and one large",
                        "variant_written_inline", "a variant")).create(doc);
        // a translator's note and words supplied across two paragraphs
        String across = "second echelon.\n\n[Translator’s note: there";
        String note = Annotations.translatorNote("spans two paragraphs").quote(en, across).create(doc);
        String supplied = Annotations.of("SUPPLIED").quote(en, "echelon.\n\n[Translator’s")
                .set("supplied", Map.of("reason", "test")).create(doc);
        Annotations.of("FOOTNOTE").quote(ru, "вторая").set("note_text", "a footnote")
                .set("footnote", Map.of("marker", "1")).create(doc);

        String xml = tei(doc);
        TeiReading.assertValid(xml);
        TeiReading r = new TeiReading(xml);
        JsonPath json = document(doc);
        TeiReading.Text english = r.text(en);
        TeiReading.Text russian = r.text(ru);
        assertEquals(json.getString("texts.find { it.id == '" + en + "' }.content"), english.content());
        assertEquals(json.getString("texts.find { it.id == '" + ru + "' }.content"), russian.content());
        assertEquals(1, r.elements("//t:div[@xml:id='text-" + ru + "']//t:lb").size());
        assertEquals("#" + r.string("//t:titleStmt/t:respStmt[t:resp/@key='TRANSLATOR']/@xml:id", r.dom),
                r.element("//t:div[@xml:id='text-" + en + "']").getAttribute("resp"));

        assertEquals("?estimate?", english.words(r.string("//t:unclear[@cert='low']/@xml:id", r.dom)));
        assertEquals("estimated", r.string("//t:unclear/t:note[@type='alternative']", r.dom));
        Element gapSeg = r.element("//t:seg[@type='gap']");
        assertEquals("[[one word off the page]]", english.words(gapSeg.getAttributeNS(XmlNs.XML, "id")));
        assertEquals("off-page", r.string("t:gap/@reason", gapSeg));

        // the crossing underlinings: one of them is cut in two fragments chained by @next/@prev, nothing lost
        assertEquals("one trawler and one", english.chained(r, "a-" + first + "-t0"));
        assertEquals("one large subchaser", english.chained(r, "a-" + second + "-t0"));
        assertEquals(3, r.elements("//t:hi[@rend='underlined']").size());
        assertEquals("and one large", english.chained(r, "a-" + date + "-t0"));
        assertEquals("1950-06", r.string("//t:date[@xml:id='a-" + date + "-t0']/@when-custom", r.dom));
        assertEquals("a variant", r.string("//t:date[@prev][not(@next)]/t:note[@type='variant']/t:reg", r.dom));
        assertEquals(1, r.elements("//t:hi[@rend='underlined'][@next]").size());
        assertEquals(1, r.elements("//t:handNote").size());

        Element translator = r.element("//t:note[@xml:id='a-" + note + "']");
        assertEquals("#" + r.string("//t:respStmt[t:resp/@key='TRANSLATOR']/@xml:id", r.dom),
                translator.getAttribute("resp"));
        assertEquals(across, english.between(translator.getAttribute("target"), translator.getAttribute("targetEnd")));
        assertEquals("echelon.\n\n[Translator’s", english.chained(r, "a-" + supplied + "-t0"));

        Element footnote = r.element("//t:note[@type='footnote']");
        assertEquals("1", footnote.getAttribute("n"));
        assertEquals("вторая", russian.between(footnote.getAttribute("target"), footnote.getAttribute("targetEnd")));
    }

    /**
     * A FRUS-shaped document: its kind as written, a footnote on its heading, a note on its dateline, source line and
     * signature, page breaks of the original and of the printed edition, a supplied signature and an enclosure.
     */
    @Test
    void aFrusDocumentWithNotesOnItsPartsPageBreaksASuppliedSignatureAndAnEnclosureIsValidTei() {
        String place = org.fonds.testing.Places.pyongyang().create();
        String doc = Documents.cable().set("kind_as_written", "Ciphered telegram").set("place_of_origin_id", place)
                .set("credits", List.of(Map.of("role", "EDITOR", "name", "John P. Glennon")))
                .set("source", Map.of("citation", "Department of State, Central Files, 795.00/6-2550")).create();
        String en = Texts.opening().create(doc);
        String acheson = api().contentType(ContentType.JSON).body(Map.of("agent_id",
                org.fonds.testing.Agents.person("Dean Acheson").create(), "role", "SIGNATORY",
                "name_as_written", "Acheson", "supplied", true)).post("/documents/{d}/participants", doc).then()
                .statusCode(201).extract().<String>path("id");
        String heading = Annotations.of("FOOTNOTE").target(Map.of("part", "HEADING"))
                .set("note_text", "Source: Department of State, Central Files, 795.00/6-2550. Secret.")
                .set("footnote", Map.of("marker", "1")).create(doc);
        String dateline = Annotations.of("EDITOR_NOTE").target(Map.of("part", "DATELINE"))
                .set("note_text", "Received June 25.").create(doc);
        String source = Annotations.of("EDITOR_NOTE").target(Map.of("part", "SOURCE"))
                .target(Annotations.quoteTarget(en, "Kim Il Sung")).set("note_text", "Repeated to Moscow.")
                .create(doc);
        String signature = Annotations.of("EDITOR_NOTE").target(Map.of("part", "SIGNATURE", "participant_id", acheson))
                .set("note_text", "Printed from an unsigned copy.").create(doc);
        String unnamed = Annotations.of("EDITOR_NOTE").target(Map.of("part", "SIGNATURE"))
                .set("note_text", "Initialed by the drafter.").create(doc);
        String original = Annotations.of("PAGE_BREAK").quote(en, "The navy").set("page_break", Map.of("n", "2"))
                .create(doc);
        String printed = Annotations.of("PAGE_BREAK").quote(en, "At the beginning").set("page_break",
                Map.of("n", "968", "edition", "frus1950v07", "edition_title", "FRUS 1950, vol. VII")).create(doc);
        String enclosure = Documents.of("MEMORANDUM").title("Enclosure").create();
        api().contentType(ContentType.JSON).body(Map.of("type", "ENCLOSURE_OF", "target_document_id", doc))
                .post("/documents/{d}/links", enclosure).then().statusCode(201);

        String xml = tei(doc);
        TeiReading.assertValid(xml);
        TeiReading r = new TeiReading(xml);
        JsonPath json = document(doc);
        TeiReading.Text text = r.text(en);
        assertEquals(json.getString("texts[0].content"), text.content(), "nothing of the text lost to the marks");

        assertEquals("Ciphered telegram", r.string("//t:msDesc/t:msContents/t:msItem/t:title[@type='kind']",
                r.dom));
        assertEquals("cable", r.string("//t:textClass/t:keywords/t:term[@type='kind']", r.dom));
        // the notes inside their parts
        Element headNote = r.element("//t:body/t:head/t:note[@xml:id='a-" + heading + "']");
        assertEquals("1", headNote.getAttribute("n"));
        assertEquals("footnote", headNote.getAttribute("type"));
        assertTrue(r.string("//t:body/t:head", r.dom).startsWith("Ciphered Telegram, Shtykov to Vyshinsky"));
        // an editor's note is type="editor", by the editor the header credits where one is credited
        Element datelineNote = r.element("//t:body/t:dateline/t:note[@xml:id='a-" + dateline + "']");
        assertEquals("editor", datelineNote.getAttribute("type"));
        assertEquals("Received June 25.", datelineNote.getTextContent());
        assertEquals("#" + r.string("//t:titleStmt/t:respStmt[t:resp/@key='EDITOR']/@xml:id", r.dom),
                datelineNote.getAttribute("resp"));
        assertEquals("1950-05-30", r.string("//t:body/t:dateline/t:date/@when", r.dom));
        Element sourceNote = r.element("//t:sourceDesc/t:bibl[@type='citation']/t:note[@xml:id='a-" + source + "']");
        assertEquals("Kim Il Sung", text.between(sourceNote.getAttribute("target"),
                sourceNote.getAttribute("targetEnd")));
        Element signed = r.element("//t:body/t:signed[@xml:id='participant-" + acheson + "']");
        assertEquals("Acheson", r.string("t:supplied/t:persName", signed));
        assertFalse(r.string("t:supplied/@reason", signed).isBlank());
        r.element("//t:body/t:signed[@xml:id='participant-" + acheson + "']/t:note[@xml:id='a-" + signature + "']");
        r.element("//t:body/t:signed[not(@xml:id)]/t:note[@xml:id='a-" + unnamed + "']");
        // the page breaks before the first words of their pages
        Element pb = r.element("//t:pb[@xml:id='a-" + original + "']");
        assertEquals("2", pb.getAttribute("n"));
        assertFalse(pb.hasAttribute("ed"));
        assertEquals(json.getString("texts[0].content").indexOf("The navy"), text.spans().get("a-" + original)[0]);
        Element edition = r.element("//t:pb[@xml:id='a-" + printed + "']");
        assertEquals(List.of("968", "frus1950v07", "#edition-frus1950v07"), List.of(edition.getAttribute("n"),
                edition.getAttribute("ed"), edition.getAttribute("edRef")));
        assertEquals("FRUS 1950, vol. VII", r.string("//t:sourceDesc/t:listBibl/t:bibl[@xml:id='edition-frus1950v07']",
                r.dom));
        // the enclosure, linked to its covering document, is pointed at from it, and back
        assertTrue(r.string("//t:correspDesc/t:correspContext/t:ref[@type='enclosure']/@target", r.dom)
                .endsWith("/documents/" + enclosure));
        String enclosed = tei(enclosure);
        TeiReading.assertValid(enclosed);
        assertTrue(new TeiReading(enclosed).string("//t:correspContext/t:ref[@type='enclosed-in']/@target",
                new TeiReading(enclosed).dom).endsWith("/documents/" + doc));
    }

    @Test
    void everyKindOfDateGivesValidTei() {
        // TEI's @when takes only XML Schema dates: a season (1950-22) is not a month, a time keeps its offset
        for (String date : List.of("1950-22", "1950-05-30~", "1950-05?", "195X", "1950-05-XX", "../1950-06", "1950/",
                "1950-06-08/1950-06-10", "1950-05-30T13:40:00Z", "-0044-03-15")) {
            String doc = Documents.of("LETTER").title("Dated " + date).date(date).create();
            String xml = tei(doc);
            TeiReading.assertValid(xml);
            Element created = new TeiReading(xml).element("//t:profileDesc/t:creation/t:date");
            assertEquals(date, created.getAttribute("when-custom"), xml);
        }
    }

    @Test
    void aHiddenDocumentIsNotThereAndAnUnchangedOneIsNotModified() {
        String draft = Documents.cable().title("Draft TEI never shown").create();
        Api.anonymous().accept(TeiWriter.MEDIA_TYPE).get("/documents/{d}/tei", draft).then().statusCode(404)
                .contentType(ContentType.fromContentType("application/problem+json"));
        String corpus = Api.anonymous().get("/tei-corpus").then().statusCode(200)
                .contentType(startsWith(TeiWriter.MEDIA_TYPE)).extract().asString();
        TeiReading.assertValid(corpus);
        assertFalse(corpus.contains(draft));
        assertTrue(corpus.contains("doc-" + Seed.cable()));
        // the sample photograph's image, as a graphic with its caption
        TeiReading photos = new TeiReading(corpus);
        assertFalse(photos.elements("//t:TEI/t:facsimile/t:graphic[t:desc][@mimeType]").isEmpty());
        String editors = api().get("/tei-corpus").then().statusCode(200).extract().asString();
        assertTrue(editors.contains("doc-" + draft));

        String cable = Seed.cable();
        String etag = api().get("/documents/{d}/tei", cable).then().statusCode(200).extract().header("ETag");
        api().header("If-None-Match", etag).get("/documents/{d}/tei", cable).then().statusCode(304);
        String text = Texts.cable().create(draft);
        String before = api().get("/documents/{d}/tei", draft).then().statusCode(200).extract().header("ETag");
        Annotations.of("SUPPLIED").quote(text, "his").set("supplied", Map.of()).create(draft);
        String after = api().get("/documents/{d}/tei", draft).then().statusCode(200).extract().header("ETag");
        assertNotEquals(before, after);
    }

    /** The XML namespace. */
    private static final class XmlNs {
        static final String XML = "http://www.w3.org/XML/1998/namespace";
    }
}
