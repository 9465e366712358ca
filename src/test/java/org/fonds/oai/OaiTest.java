package org.fonds.oai;

import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.fonds.access.Role;
import org.fonds.testing.Agents;
import org.fonds.testing.Annotations;
import org.fonds.testing.Api;
import org.fonds.testing.Collections;
import org.fonds.testing.Documents;
import org.fonds.testing.EmbeddedPostgresResource;
import org.fonds.testing.Places;
import org.fonds.testing.Seed;
import org.fonds.testing.SharedSchemas;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.InputSource;

/**
 * /oai through HTTP: every verb and every error condition the archive can reach, each response valid against
 * OAI-PMH.xsd and oai_dc.xsd (the imports resolved to the local copies, never over the network), Dublin Core read
 * back at the right fields, deleted records listed as deleted and hidden ones never, and a whole harvest, page by
 * page with writes in between, that gets every record exactly once.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OaiTest {

    @Inject
    EmbargoEnds embargoEnds;

    private static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";
    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    /**
     * The TEI of a record is checked against tei_all.rng where it is served on its own (TeiExportTest) and compared
     * with that here; OAI-PMH.xsd's metadata wildcard is strict, so the envelope is validated with this declaration of
     * the TEI root that takes any content (written for this test, not a copy of a TEI schema).
     */
    private static final String ANY_TEI = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
            + "targetNamespace=\"" + TEI + "\" elementFormDefault=\"qualified\"><xs:element name=\"TEI\">"
            + "<xs:complexType><xs:sequence><xs:any processContents=\"skip\" minOccurs=\"0\" "
            + "maxOccurs=\"unbounded\"/></xs:sequence><xs:anyAttribute processContents=\"skip\"/></xs:complexType>"
            + "</xs:element></xs:schema>";
    private static final String PREFIX = "oai:fonds.example.org:";
    private static final int SET_SIZE = 105;

    private static Schema schema;

    private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);
    private String cable;
    private String draft;
    private String deleted;
    private String set;
    private final List<String> members = new ArrayList<>();

    /** Built once, at the first test (REST Assured is not set up before Quarkus starts). */
    private void archive() {
        if (cable != null) {
            return;
        }
        set = Collections.titled("OAI set " + run).description("The documents of the OAI test " + run).create();
        String shtykov = Agents.shtykov().identifier("WIKIDATA", "Q4348186").create();
        String pyongyang = Places.pyongyang().create();
        cable = Documents.cable().title("OAI cable " + run).set("visibility", "PUBLISHED")
                .set("place_of_origin_id", pyongyang).set("reference_numbers", List.of("408-410"))
                .set("rights", "Public domain " + run)
                .set("summary", "Kim Il Sung's plans " + run)
                .set("source", Map.of("repository", "APRF", "fond", "45", "opis", "1", "delo", "346",
                        "listy", "104-107"))
                .set("credits", List.of(Map.of("role", "TRANSLATOR", "name", "Kathryn Weathersby")))
                .set("collection_ids", List.of(set)).create();
        api().contentType(ContentType.JSON).body(Map.of("agent_id", shtykov, "role", "SENDER"))
                .post("/documents/{d}/participants", cable).then().statusCode(201);
        members.add(cable);
        for (int i = 1; i < SET_SIZE; i++) {
            members.add(Documents.of("LETTER").title("OAI letter " + i + " " + run).set("visibility", "PUBLISHED")
                    .set("collection_ids", List.of(set)).create());
        }
        draft = Documents.of("LETTER").title("OAI draft " + run).set("collection_ids", List.of(set)).create();
        deleted = Documents.of("LETTER").title("OAI deleted " + run).set("visibility", "PUBLISHED")
                .set("collection_ids", List.of(set)).create();
        api().header("If-Match", Api.etag("/documents/{d}", deleted)).delete("/documents/{d}", deleted).then()
                .statusCode(204);
    }

    // --- the verbs ----------------------------------------------------------------------------------------------

    @Test
    void identify() {
        Element identify = body(oai(Api.anonymous(), "verb", "Identify"), "Identify");
        assertTrue(text(identify, "baseURL").endsWith("/oai"));
        assertEquals("2.0", text(identify, "protocolVersion"));
        assertEquals("persistent", text(identify, "deletedRecord"));
        assertEquals("YYYY-MM-DDThh:mm:ssZ", text(identify, "granularity"));
        assertTrue(text(identify, "earliestDatestamp").matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"));
        // POST with a form, as the protocol allows
        Response post = Api.anonymous().contentType(ContentType.URLENC).body("verb=Identify").post("/oai");
        body(checked(post), "Identify");
        // encoded arguments are decoded; a body that is not URL-encoded is a badArgument, not a server error
        Element record = body(checked(Api.anonymous().contentType(ContentType.URLENC)
                .body("verb=GetRecord&metadataPrefix=oai%5Fdc&identifier=" + PREFIX.replace(":", "%3A") + cable())
                .post("/oai")), "GetRecord");
        assertEquals(PREFIX + cable, text(record, "identifier"));
        error(checked(Api.unauthenticated().contentType(ContentType.URLENC).body("verb=Identify&x=%zz")
                .post("/oai")), "badArgument");
    }

    @Test
    void listMetadataFormats() {
        Element formats = body(oai(Api.anonymous(), "verb", "ListMetadataFormats"), "ListMetadataFormats");
        assertEquals(List.of("oai_dc", "tei"), texts(formats, "metadataPrefix"));
        assertEquals(List.of("http://www.openarchives.org/OAI/2.0/oai_dc/", TEI),
                texts(formats, "metadataNamespace"));
        Element ofCable = body(oai(Api.anonymous(), "verb", "ListMetadataFormats", "identifier", PREFIX + cable()),
                "ListMetadataFormats");
        assertEquals(List.of("oai_dc", "tei"), texts(ofCable, "metadataPrefix"));
    }

    @Test
    void listSets() {
        archive();
        Document response = oai(Api.anonymous(), "verb", "ListSets");
        NodeList sets = response.getElementsByTagNameNS(OAI, "set");
        boolean found = false;
        for (int i = 0; i < sets.getLength(); i++) {
            Element s = (Element) sets.item(i);
            if (text(s, "setSpec").equals(set)) {
                found = true;
                assertEquals("OAI set " + run, text(s, "setName"));
                assertEquals("The documents of the OAI test " + run, text(s, DC, "description"));
            }
        }
        assertTrue(found, "the collection is not a set");
    }

    @Test
    void getRecordInDublinCore() {
        Element record = body(oai(Api.anonymous(), "verb", "GetRecord", "identifier", PREFIX + cable(),
                "metadataPrefix", "oai_dc"), "GetRecord");
        assertEquals(PREFIX + cable, text(record, "identifier"));
        assertEquals(List.of(set), texts(record, "setSpec"));
        assertEquals(List.of("OAI cable " + run), texts(record, DC, "title"));
        assertEquals(List.of("Terentii Shtykov"), texts(record, DC, "creator"));
        assertEquals(List.of("Kathryn Weathersby"), texts(record, DC, "contributor"));
        assertEquals(List.of("Kim Il Sung's plans " + run), texts(record, DC, "description"));
        assertEquals(List.of("1950-05-30"), texts(record, DC, "date"));
        assertEquals(List.of("Text", "cable"), texts(record, DC, "type"));
        List<String> identifiers = texts(record, DC, "identifier");
        assertTrue(identifiers.get(0).endsWith("/documents/" + cable), identifiers.toString());
        assertEquals("408-410", identifiers.get(1));
        assertEquals(List.of("ru"), texts(record, DC, "language"));
        assertEquals(List.of("APRF, Fond 45, Opis 1, Delo 346, Listy 104-107"), texts(record, DC, "source"));
        assertEquals(List.of("Public domain " + run), texts(record, DC, "rights"));
        assertEquals(List.of("Pyongyang"), texts(record, DC, "coverage"));

        // the sample archive's cable
        Element sample = body(oai(Api.anonymous(), "verb", "GetRecord", "identifier", PREFIX + Seed.cable(),
                "metadataPrefix", "oai_dc"), "GetRecord");
        assertEquals(List.of(Seed.CABLE_TITLE), texts(sample, DC, "title"));
    }

    @Test
    void teiRecordsAreTheDocumentsOwnTei() {
        archive();
        for (String id : List.of(cable, Seed.cable())) {
            Element record = body(oai(Api.anonymous(), "verb", "GetRecord", "identifier", PREFIX + id,
                    "metadataPrefix", "tei"), "GetRecord");
            NodeList tei = record.getElementsByTagNameNS(TEI, "TEI");
            assertEquals(1, tei.getLength());
            String own = Api.anonymous().get("/documents/{d}/tei", id).then().statusCode(200).extract().asString();
            assertTrue(parse(own).getDocumentElement().isEqualNode(tei.item(0)),
                    "the record's TEI is not GET /documents/" + id + "/tei");
        }
        // harvested as TEI: the same records as in Dublin Core (the deleted one without metadata, the draft absent)
        List<String> asTei = harvest(Api::anonymous, "ListRecords", "tei", set);
        assertEquals(harvest(Api::anonymous, "ListRecords", "oai_dc", set), asTei);
        assertTrue(asTei.contains(PREFIX + deleted) && !asTei.contains(PREFIX + draft), asTei.toString());
    }

    @Test
    void deletedAndHiddenRecords() {
        archive();
        Element gone = body(oai(Api.anonymous(), "verb", "GetRecord", "identifier", PREFIX + deleted,
                "metadataPrefix", "oai_dc"), "GetRecord");
        assertEquals("deleted", ((Element) gone.getElementsByTagNameNS(OAI, "header").item(0)).getAttribute("status"));
        assertEquals(0, gone.getElementsByTagNameNS(OAI, "metadata").getLength());
        // a draft does not exist for an anonymous harvester, and does for a contributor
        error(oai(Api.anonymous(), "verb", "GetRecord", "identifier", PREFIX + draft, "metadataPrefix", "oai_dc"),
                "idDoesNotExist");
        body(oai(Api.as(Role.CONTRIBUTOR), "verb", "GetRecord", "identifier", PREFIX + draft, "metadataPrefix",
                "oai_dc"), "GetRecord");
        String list = harvest(Api::anonymous, "ListIdentifiers", "oai_dc", set).toString();
        assertFalse(list.contains(draft), "a draft in an anonymous harvest");
    }

    // --- the errors ---------------------------------------------------------------------------------------------

    @Test
    void everyErrorCondition() {
        archive();
        // badVerb: none, unknown, repeated; the request element then echoes no argument
        Document none = oai(Api.unauthenticated());
        error(none, "badVerb");
        assertFalse(((Element) none.getElementsByTagNameNS(OAI, "request").item(0)).hasAttributes());
        error(oai(Api.unauthenticated(), "verb", "Harvest"), "badVerb");
        error(checked(Api.unauthenticated().queryParam("verb", "Identify", "ListSets").get("/oai")), "badVerb");
        // badArgument: illegal, missing, repeated, malformed dates, different granularities, from after until
        Document illegal = oai(Api.anonymous(), "verb", "Identify", "identifier", PREFIX + cable);
        error(illegal, "badArgument");
        assertFalse(((Element) illegal.getElementsByTagNameNS(OAI, "request").item(0)).hasAttributes());
        error(oai(Api.anonymous(), "verb", "ListRecords"), "badArgument");
        error(checked(Api.unauthenticated().queryParam("verb", "ListRecords")
                .queryParam("metadataPrefix", "oai_dc", "oai_dc").get("/oai")), "badArgument");
        error(oai(Api.anonymous(), "verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2026-13-01"),
                "badArgument");
        error(oai(Api.anonymous(), "verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "yesterday"),
                "badArgument");
        error(oai(Api.anonymous(), "verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2026-01-01",
                "until", "2026-02-01T00:00:00Z"), "badArgument");
        error(oai(Api.anonymous(), "verb", "ListRecords", "metadataPrefix", "oai_dc", "from", "2026-02-01",
                "until", "2026-01-01"), "badArgument");
        error(oai(Api.anonymous(), "verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "resumptionToken", "x"),
                "badArgument");
        // badResumptionToken: not issued here, or issued for another verb
        error(oai(Api.anonymous(), "verb", "ListRecords", "resumptionToken", "not-a-token"), "badResumptionToken");
        String token = firstToken();
        error(oai(Api.anonymous(), "verb", "ListIdentifiers", "resumptionToken", token), "badResumptionToken");
        // cannotDisseminateFormat
        error(oai(Api.unauthenticated(), "verb", "ListRecords", "metadataPrefix", "mods"), "cannotDisseminateFormat");
        error(oai(Api.unauthenticated(), "verb", "GetRecord", "identifier", PREFIX + cable, "metadataPrefix", "marc21"),
                "cannotDisseminateFormat");
        // idDoesNotExist: unknown, malformed, of another repository
        error(oai(Api.anonymous(), "verb", "GetRecord", "identifier", PREFIX + java.util.UUID.randomUUID(),
                "metadataPrefix", "oai_dc"), "idDoesNotExist");
        error(oai(Api.anonymous(), "verb", "GetRecord", "identifier", "oai:elsewhere.org:" + cable,
                "metadataPrefix", "oai_dc"), "idDoesNotExist");
        error(oai(Api.anonymous(), "verb", "ListMetadataFormats", "identifier", "urn:x"), "idDoesNotExist");
        // noRecordsMatch: before any record, or a set that does not exist
        error(oai(Api.anonymous(), "verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "until", "1900-01-01"),
                "noRecordsMatch");
        error(oai(Api.anonymous(), "verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set",
                java.util.UUID.randomUUID().toString()), "noRecordsMatch");
        // noMetadataFormats: nothing of a deleted item is disseminated any more
        error(oai(Api.anonymous(), "verb", "ListMetadataFormats", "identifier", PREFIX + deleted),
                "noMetadataFormats");
        // noSetHierarchy is answered only when the caller sees no collection at all: not reachable in a shared archive
    }

    // --- harvesting ---------------------------------------------------------------------------------------------

    @Test
    void aSetInPagesWithItsCompleteListSize() {
        archive();
        List<Document> pages = new ArrayList<>();
        Document page = oai(Api.anonymous(), "verb", "ListRecords", "metadataPrefix", "oai_dc", "set", set);
        pages.add(page);
        while (!token(page).getTextContent().isEmpty()) {
            page = oai(Api.anonymous(), "verb", "ListRecords", "resumptionToken", token(page).getTextContent());
            pages.add(page);
        }
        assertEquals(2, pages.size());
        assertEquals(String.valueOf(SET_SIZE + 1), token(pages.get(0)).getAttribute("completeListSize"));
        assertEquals("0", token(pages.get(0)).getAttribute("cursor"));
        assertEquals(String.valueOf(OaiProtocol.RECORDS_PAGE), token(pages.get(1)).getAttribute("cursor"));
        Set<String> records = new HashSet<>();
        for (Document p : pages) {
            NodeList headers = p.getElementsByTagNameNS(OAI, "header");
            for (int i = 0; i < headers.getLength(); i++) {
                records.add(text((Element) headers.item(i), "identifier"));
            }
        }
        assertEquals(SET_SIZE + 1, records.size());
        assertTrue(records.contains(PREFIX + deleted));
        assertFalse(records.contains(PREFIX + draft));
    }

    @Test
    void aWholeHarvestWithWritesBetweenPagesGetsEveryRecordExactlyOnce() {
        archive();
        // what an anonymous reader sees before the harvest, through the JSON API
        Set<String> visible = new HashSet<>();
        String cursor = null;
        do {
            RequestSpecification request = Api.anonymous().queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response response = request.get("/documents");
            response.then().statusCode(200);
            List<String> ids = response.path("items.id");
            visible.addAll(ids);
            cursor = response.path("next");
        } while (cursor != null);

        Map<String, Integer> seen = new LinkedHashMap<>();
        Set<String> deletedSeen = new HashSet<>();
        Document page = oai(Api.anonymous(), "verb", "ListRecords", "metadataPrefix", "oai_dc");
        String responseDate = text(page.getDocumentElement(), "responseDate");
        int pages = 1;
        count(page, seen, deletedSeen);
        // between the pages: a record already harvested changes, a new one is made, one is deleted
        String harvested = members.stream().filter(m -> seen.containsKey(PREFIX + m)).findFirst()
                .orElse(seen.keySet().iterator().next().substring(PREFIX.length()));
        api().contentType("application/merge-patch+json").header("If-Match", Api.etag("/documents/{d}", harvested))
                .body(Map.of("summary", "changed during the harvest " + run)).patch("/documents/{d}", harvested)
                .then().statusCode(200);
        String created = Documents.of("LETTER").title("Made during the harvest " + run)
                .set("visibility", "PUBLISHED").create();
        String removed = members.get(members.size() - 1);
        boolean removedSeen = seen.containsKey(PREFIX + removed);
        api().header("If-Match", Api.etag("/documents/{d}", removed)).delete("/documents/{d}", removed).then()
                .statusCode(204);
        while (!token(page).getTextContent().isEmpty()) {
            page = oai(Api.anonymous(), "verb", "ListRecords", "resumptionToken", token(page).getTextContent());
            pages++;
            count(page, seen, deletedSeen);
        }
        assertTrue(pages > 1, "one page only");
        seen.forEach((id, n) -> assertEquals(1, n, id + " harvested " + n + " times"));
        Set<String> live = new HashSet<>();
        seen.keySet().stream().filter(id -> !deletedSeen.contains(id)).forEach(id -> live.add(
                id.substring(PREFIX.length())));
        // every record visible at the start, once; the removed one as it was when the list began, or not at all
        // when it was not reached before its deletion (it moved past the list's end: the next harvest has it)
        Set<String> expected = new HashSet<>(visible);
        if (!removedSeen) {
            expected.remove(removed);
        }
        assertEquals(expected, live);
        assertFalse(seen.containsKey(PREFIX + created), "made after the list began: in the next harvest");

        // the next, incremental, harvest from the first response's date has what changed meanwhile
        Map<String, Integer> next = new LinkedHashMap<>();
        Set<String> nextDeleted = new HashSet<>();
        Document incremental = oai(Api.anonymous(), "verb", "ListIdentifiers", "metadataPrefix", "oai_dc",
                "from", responseDate);
        count(incremental, next, nextDeleted);
        while (!token(incremental).getTextContent().isEmpty()) {
            incremental = oai(Api.anonymous(), "verb", "ListIdentifiers", "resumptionToken",
                    token(incremental).getTextContent());
            count(incremental, next, nextDeleted);
        }
        assertTrue(next.containsKey(PREFIX + harvested));
        assertTrue(next.containsKey(PREFIX + created));
        assertTrue(nextDeleted.contains(PREFIX + removed));
    }

    /**
     * A record's datestamp is its last change, whatever part of it changed (V25): a text added, a note's words edited.
     * Each step starts an incremental harvest from a responseDate later than every write before it (datestamps are
     * shown to the second, hence the pause), and that harvest has the changed record and not the unchanged one.
     */
    @Test
    void aChangeOfAnyPartMovesTheRecordsDatestamp() throws InterruptedException {
        String changed = Documents.of("LETTER").title("OAI changed in its parts " + run)
                .set("visibility", "PUBLISHED").create();
        String unchanged = Documents.of("LETTER").title("OAI unchanged " + run).set("visibility", "PUBLISHED")
                .create();
        String created = datestamp(changed);

        String from = laterResponseDate();
        String text = Texts.opening().create(changed);
        assertEquals(List.of(PREFIX + changed), changedSince(from, changed, unchanged), "a text added");
        String afterText = datestamp(changed);
        assertTrue(afterText.compareTo(created) > 0 && afterText.compareTo(from) >= 0, created + " " + afterText);
        String note = Annotations.translatorNote("The first words").quote(text, "I met with Kim Il Sung")
                .create(changed);

        from = laterResponseDate();
        api().contentType("application/merge-patch+json").header("If-Match", Api.etag("/annotations/{a}", note))
                .body(Map.of("note_text", "The first words, edited")).patch("/annotations/{a}", note).then()
                .statusCode(200);
        assertEquals(List.of(PREFIX + changed), changedSince(from, changed, unchanged), "a note's words edited");
        assertTrue(datestamp(changed).compareTo(from) >= 0);
        assertTrue(datestamp(unchanged).compareTo(from) < 0, "the unchanged record's datestamp moved");
    }

    /**
     * A record shows its sender's and its place's preferred names and its sets: renaming the agent or the place, or
     * deleting the collection, changes it without a write of its rows, and moves its datestamp (V28); so do the
     * records that name them in a note or as a participant's place. A new title of the collection is not in the
     * record, and moves nothing; the document that refers to none of them stays put.
     */
    @Test
    void aRenamedAgentOrPlaceOrADeletedSetMovesItsRecords() throws InterruptedException {
        String agent = Agents.person("OAI sender " + run).create();
        String place = Places.named("OAI place " + run).create();
        String collection = Collections.titled("OAI set to delete " + run).create();
        String shown = Documents.of("LETTER").title("OAI shows them " + run).set("visibility", "PUBLISHED")
                .set("place_of_origin_id", place).set("collection_ids", List.of(collection)).create();
        api().contentType(ContentType.JSON).body(Map.of("agent_id", agent, "role", "SENDER"))
                .post("/documents/{d}/participants", shown).then().statusCode(201);
        // the other ways a record shows them: a note naming the agent and the place (TEI's persName, placeName), a
        // participant's place
        String mentions = Documents.of("LETTER").title("OAI mentions them " + run).set("visibility", "PUBLISHED")
                .create();
        String text = Texts.opening().create(mentions);
        Annotations.of("MENTION").quote(text, "I met with Kim Il Sung").set("mention", Map.of("agent_id", agent))
                .create(mentions);
        Annotations.of("MENTION").quote(text, "I met with Kim Il Sung").set("mention", Map.of("place_id", place))
                .create(mentions);
        String placed = Documents.of("LETTER").title("OAI participant's place " + run).set("visibility", "PUBLISHED")
                .create();
        api().contentType(ContentType.JSON).body(Map.of("agent_id",
                Agents.person("OAI recipient " + run).create(), "role", "RECIPIENT", "place_id", place)).post("/documents/{d}/participants", placed).then().statusCode(201);
        String other = Documents.of("LETTER").title("OAI shows none " + run).set("visibility", "PUBLISHED").create();

        String from = laterResponseDate();
        api().contentType(ContentType.JSON).body(Agents.person("OAI sender renamed " + run).body())
                .header("If-Match", Api.etag("/agents/{a}", agent)).put("/agents/{a}", agent).then().statusCode(200);
        assertEquals(Set.of(PREFIX + shown, PREFIX + mentions),
                Set.copyOf(changedSince(from, shown, mentions, placed, other)), "the sender renamed");
        assertTrue(recordText(shown).contains("OAI sender renamed " + run), "dc:creator is the new name");

        from = laterResponseDate();
        api().contentType(ContentType.JSON).body(Places.named("OAI place renamed " + run).body())
                .header("If-Match", Api.etag("/places/{p}", place)).put("/places/{p}", place).then().statusCode(200);
        assertEquals(Set.of(PREFIX + shown, PREFIX + mentions, PREFIX + placed),
                Set.copyOf(changedSince(from, shown, mentions, placed, other)), "the place renamed");

        from = laterResponseDate();
        api().contentType("application/merge-patch+json").body(Map.of("title", "OAI set retitled " + run))
                .header("If-Match", Api.etag("/collections/{c}", collection)).patch("/collections/{c}", collection)
                .then().statusCode(200);
        assertEquals(List.of(), changedSince(from, shown, other), "a set's title is not in its records");
        api().header("If-Match", Api.etag("/collections/{c}", collection)).delete("/collections/{c}", collection)
                .then().statusCode(204);
        assertEquals(List.of(PREFIX + shown), changedSince(from, shown, other), "the set deleted");
    }

    /** The record's metadata (oai_dc) as text. */
    private static String recordText(String id) {
        return body(oai(Api.anonymous(), "verb", "GetRecord", "identifier", PREFIX + id, "metadataPrefix", "oai_dc"),
                "GetRecord").getTextContent();
    }

    /**
     * An embargo ends with a date, not a write: a document last written before its embargo's day would keep an older
     * datestamp than the harvester's last harvest. The check (every fonds.oai.embargo-check-every, run here at once)
     * dates it then, once; a document still under embargo is left alone. Both were written "two days ago": their
     * datestamps set back by hand, as the owner, with one embargo ending today and one tomorrow.
     */
    @Test
    void aDocumentOutOfItsEmbargoIsInTheNextHarvest() throws Exception {
        String freed = Documents.of("LETTER").title("OAI embargo ends today " + run).set("visibility", "EMBARGOED")
                .set("embargo_until", "2999-01-01").create();
        String held = Documents.of("LETTER").title("OAI embargo ends tomorrow " + run).set("visibility", "EMBARGOED")
                .set("embargo_until", "2999-01-01").create();
        try (Connection owner = EmbeddedPostgresResource.owner(); Statement sql = owner.createStatement()) {
            sql.execute("UPDATE archive.document SET embargo_until = CURRENT_DATE WHERE id = '" + freed + "'");
            sql.execute("UPDATE archive.document SET embargo_until = CURRENT_DATE + 1 WHERE id = '" + held + "'");
            sql.execute("UPDATE archive.document_change SET datestamp = now() - interval '2 days' "
                    + "WHERE document_id IN ('" + freed + "', '" + held + "')");
        }
        String heldBefore = datestamp(Api.as(Role.EDITOR), held);
        String from = laterResponseDate();
        // visible to all now, but dated before the last harvest
        assertTrue(datestamp(Api.anonymous(), freed).compareTo(from) < 0);
        assertEquals(List.of(), changedSince(from, freed), "listed before the check");

        assertTrue(embargoEnds.check() >= 1);
        assertEquals(List.of(PREFIX + freed), changedSince(from, freed, held));
        String dated = datestamp(Api.anonymous(), freed);
        assertTrue(dated.compareTo(from) >= 0, dated);
        assertEquals(heldBefore, datestamp(Api.as(Role.EDITOR), held), "still under embargo, yet dated again");
        // once: a later check leaves it where it is
        Thread.sleep(1_100);
        embargoEnds.check();
        assertEquals(dated, datestamp(Api.anonymous(), freed));
    }

    /** The record's datestamp, as GetRecord shows it. */
    private static String datestamp(String id) {
        return datestamp(Api.anonymous(), id);
    }

    private static String datestamp(RequestSpecification who, String id) {
        return text(body(oai(who, "verb", "GetRecord", "identifier", PREFIX + id, "metadataPrefix",
                "oai_dc"), "GetRecord"), "datestamp");
    }

    /** The responseDate of a response made more than a second after every write before it. */
    private static String laterResponseDate() throws InterruptedException {
        Thread.sleep(1_100);
        return text(oai(Api.anonymous(), "verb", "Identify").getDocumentElement(), "responseDate");
    }

    /** Which of {@code ids} an incremental harvest from {@code from} lists, in the harvest's order. */
    private static List<String> changedSince(String from, String... ids) {
        List<String> listed = new ArrayList<>();
        Document page = oai(Api.anonymous(), "verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "from", from);
        while (true) {
            NodeList found = page.getElementsByTagNameNS(OAI, "identifier");
            for (int i = 0; i < found.getLength(); i++) {
                String id = found.item(i).getTextContent();
                if (List.of(ids).contains(id.substring(PREFIX.length()))) {
                    listed.add(id);
                }
            }
            if (token(page).getTextContent().isEmpty()) {
                return listed;
            }
            page = oai(Api.anonymous(), "verb", "ListIdentifiers", "resumptionToken", token(page).getTextContent());
        }
    }

    private static void count(Document page, Map<String, Integer> seen, Set<String> deleted) {
        NodeList headers = page.getElementsByTagNameNS(OAI, "header");
        for (int i = 0; i < headers.getLength(); i++) {
            Element header = (Element) headers.item(i);
            String id = text(header, "identifier");
            seen.merge(id, 1, Integer::sum);
            if (header.getAttribute("status").equals("deleted")) {
                deleted.add(id);
            }
        }
    }

    /** The token of the second page of ListRecords in the set (larger than a page). */
    private String firstToken() {
        String token = token(oai(Api.anonymous(), "verb", "ListRecords", "metadataPrefix", "oai_dc", "set", set))
                .getTextContent();
        assertFalse(token.isEmpty());
        return token;
    }

    /** Every header of a harvest of {@code verb} (followed through its tokens), as text. */
    private List<String> harvest(java.util.function.Supplier<RequestSpecification> who, String verb, String prefix,
            String inSet) {
        List<String> identifiers = new ArrayList<>();
        Document page = oai(who.get(), "verb", verb, "metadataPrefix", prefix, "set", inSet);
        while (true) {
            NodeList ids = page.getElementsByTagNameNS(OAI, "identifier");
            for (int i = 0; i < ids.getLength(); i++) {
                identifiers.add(ids.item(i).getTextContent());
            }
            Element token = token(page);
            if (token == null || token.getTextContent().isEmpty()) {
                return identifiers;
            }
            page = oai(who.get(), "verb", verb, "resumptionToken", token.getTextContent());
        }
    }

    private String cable() {
        archive();
        return cable;
    }

    // --- requests, validation, reading ----------------------------------------------------------------------------

    private static Document oai(RequestSpecification request, String... arguments) {
        Map<String, String> query = new HashMap<>();
        for (int i = 0; i < arguments.length; i += 2) {
            query.put(arguments[i], arguments[i + 1]);
        }
        return checked(request.queryParams(query).get("/oai"));
    }

    /** 200, text/xml, valid against OAI-PMH.xsd and oai_dc.xsd; the parsed document. */
    private static Document checked(Response response) {
        response.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/xml"));
        String xml = response.asString();
        try {
            schema().newValidator().validate(new StreamSource(new StringReader(xml)));
            return parse(xml);
        } catch (Exception e) {
            throw new AssertionError("invalid OAI-PMH response: " + e.getMessage() + "\n"
                    + xml.substring(0, Math.min(xml.length(), 3000)), e);
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /**
     * OAI-PMH.xsd with oai_dc.xsd; simpledc's import of http://www.w3.org/2001/03/xml.xsd (and oai_dc's of simpledc)
     * resolved to the local files, and any other external schema refused (no network).
     */
    private static synchronized Schema schema() throws Exception {
        if (schema == null) {
            Path oai = SharedSchemas.require("oai-pmh/OAI-PMH.xsd");
            Path dc = SharedSchemas.require("oai-pmh/oai_dc.xsd");
            Path simpledc = SharedSchemas.require("oai-pmh/simpledc20021212.xsd");
            Path xml = SharedSchemas.require("oai-pmh/xml.xsd");
            DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance()
                    .getDOMImplementation("LS");
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                Path local = systemId == null ? null : systemId.endsWith("/xml.xsd") || systemId.equals("xml.xsd")
                        ? xml : systemId.endsWith("simpledc20021212.xsd") ? simpledc : null;
                if (local == null) {
                    throw new IllegalStateException("an unexpected schema import: " + systemId);
                }
                LSInput input = ls.createLSInput();
                try {
                    input.setByteStream(Files.newInputStream(local));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                input.setSystemId(local.toUri().toString());
                return input;
            });
            schema = factory.newSchema(new StreamSource[] {new StreamSource(oai.toFile()),
                    new StreamSource(dc.toFile()), new StreamSource(new StringReader(ANY_TEI))});
        }
        return schema;
    }

    private static Element body(Document response, String verb) {
        NodeList errors = response.getElementsByTagNameNS(OAI, "error");
        assertEquals(0, errors.getLength(), () -> "error " + ((Element) errors.item(0)).getAttribute("code") + ": "
                + errors.item(0).getTextContent());
        NodeList found = response.getElementsByTagNameNS(OAI, verb);
        assertEquals(1, found.getLength(), "no " + verb);
        return (Element) found.item(0);
    }

    private static void error(Document response, String code) {
        NodeList errors = response.getElementsByTagNameNS(OAI, "error");
        assertTrue(errors.getLength() > 0, "no error, expected " + code);
        assertEquals(code, ((Element) errors.item(0)).getAttribute("code"), errors.item(0).getTextContent());
    }

    private static Element token(Document page) {
        NodeList tokens = page.getElementsByTagNameNS(OAI, "resumptionToken");
        if (tokens.getLength() == 0) {
            Element none = page.createElementNS(OAI, "resumptionToken");
            return none;
        }
        return (Element) tokens.item(0);
    }

    private static String text(Element parent, String name) {
        return text(parent, OAI, name);
    }

    private static String text(Element parent, String namespace, String name) {
        NodeList found = parent.getElementsByTagNameNS(namespace, name);
        assertNotNull(found.item(0), "no " + name);
        return found.item(0).getTextContent();
    }

    private static List<String> texts(Element parent, String name) {
        return texts(parent, OAI, name);
    }

    private static List<String> texts(Element parent, String namespace, String name) {
        List<String> texts = new ArrayList<>();
        NodeList found = parent.getElementsByTagNameNS(namespace, name);
        for (int i = 0; i < found.getLength(); i++) {
            texts.add(found.item(i).getTextContent());
        }
        return texts;
    }
}
