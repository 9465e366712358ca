package org.fonds.cmif;

import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.fonds.access.Role;
import org.fonds.testing.Agents;
import org.fonds.testing.Api;
import org.fonds.testing.Documents;
import org.fonds.testing.Places;
import org.fonds.testing.Seed;
import org.fonds.testing.SharedSchemas;
import org.fonds.testing.ShtykovCable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * GET /cmif: the CMIF file of the archive, the seed cable first, valid against the CMIF 1.1 RELAX NG schema (Jing),
 * and, read back, obeying the three rules only CMIF's prose and Schematron state: both actions present, every
 * {@code @source} a {@code bibl/@xml:id}, dates only YYYY, YYYY-MM or YYYY-MM-DD. What a caller may not see is absent.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CmifTest {

    private static final String TEI = "http://www.tei-c.org/ns/1.0";
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private String cable;
    private String uncertain;
    private String summer;
    private String unknownRecipient;
    private String draft;
    private String deleted;
    private String diary;

    /** Built once, at the first test (REST Assured is not set up before Quarkus starts). */
    private void archive() {
        if (cable != null) {
            return;
        }
        String shtykov = Agents.shtykov().identifier("VIAF", "265294048").identifier("WIKIDATA", "Q4348186")
                .create();
        String vyshinsky = Agents.person("Andrei Vyshinsky " + run).identifier("GND", "118627287").create();
        String politburo = Agents.organisation("Politburo " + run).create();
        String pyongyang = Places.pyongyang().identifier("GEONAMES", "1871859").identifier("WIKIDATA", "Q18808")
                .create();
        cable = Documents.cable().title(ShtykovCable.TITLE + " " + run).set("date", ShtykovCable.DATE)
                .set("dispatched", "1950-05-30T22:40:00").set("place_of_origin_id", pyongyang)
                .set("visibility", "PUBLISHED").create();
        participant(cable, shtykov, "SENDER", null);
        participant(cable, vyshinsky, "RECIPIENT", null);
        participant(cable, politburo, "VIA", null);

        summer = Documents.of("LETTER").title("A summer letter " + run).set("date", "1950-22")
                .set("visibility", "PUBLISHED").create();
        participant(summer, shtykov, "SENDER", null);
        uncertain = Documents.of("LETTER").title("An uncertain letter " + run).set("date", "1950-05?")
                .set("visibility", "PUBLISHED").create();
        participant(uncertain, vyshinsky, "SENDER", null);
        participant(uncertain, shtykov, "RECIPIENT", null);
        unknownRecipient = Documents.of("LETTER").title("A letter to nobody known " + run).set("date", "1950/1951")
                .set("visibility", "PUBLISHED").create();
        participant(unknownRecipient, shtykov, "SENDER", null);

        draft = Documents.of("LETTER").title("Draft letter " + run).set("visibility", "DRAFT").create();
        participant(draft, shtykov, "SENDER", null);
        deleted = Documents.of("LETTER").title("Deleted letter " + run).set("visibility", "PUBLISHED").create();
        api().header("If-Match", Api.etag("/documents/{d}", deleted)).delete("/documents/{d}", deleted).then()
                .statusCode(204);
        diary = Documents.of("DIARY").title("A diary, not correspondence " + run).set("visibility", "PUBLISHED")
                .create();
    }

    private static void participant(String document, String agent, String role, String date) {
        Map<String, Object> body = new HashMap<>(Map.of("agent_id", agent, "role", role));
        if (date != null) {
            body.put("date", date);
        }
        api().contentType(ContentType.JSON).body(body).post("/documents/{d}/participants", document).then()
                .statusCode(201);
    }

    private Response cmif() {
        archive();
        Response response = Api.anonymous().get("/cmif");
        response.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("application/tei+xml"));
        return response;
    }

    @Test
    void validAgainstTheCmifSchema() {
        Path schema = SharedSchemas.require("cmif/cmi-customization.rng");
        String xml = cmif().asString();
        List<String> errors = new ArrayList<>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                // with the XML before the error: the CMIF is one line, and its column says little alone
                String[] lines = xml.split("\n", -1);
                String line = e.getLineNumber() > 0 && e.getLineNumber() <= lines.length
                        ? lines[e.getLineNumber() - 1] : "";
                int at = Math.min(Math.max(e.getColumnNumber(), 0), line.length());
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage() + " at …"
                        + line.substring(Math.max(0, at - 300), at));
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, handler);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap());
        try {
            assertTrue(driver.loadSchema(ValidationDriver.fileInputSource(schema.toFile())), errors.toString());
            boolean valid = driver.validate(new InputSource(new StringReader(xml)));
            assertTrue(valid && errors.isEmpty(), "CMIF invalid: " + errors.stream().limit(20).toList());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theRulesTheSchemaDoesNotCheck() throws Exception {
        Document xml = parse(cmif().asString());
        Set<String> bibls = new HashSet<>();
        NodeList biblList = xml.getElementsByTagNameNS(TEI, "bibl");
        for (int i = 0; i < biblList.getLength(); i++) {
            bibls.add(((Element) biblList.item(i)).getAttributeNS("http://www.w3.org/XML/1998/namespace", "id"));
        }
        NodeList descs = xml.getElementsByTagNameNS(TEI, "correspDesc");
        assertTrue(descs.getLength() >= 3, "too few letters: " + descs.getLength());
        for (int i = 0; i < descs.getLength(); i++) {
            Element desc = (Element) descs.item(i);
            String source = desc.getAttribute("source");
            assertTrue(source.startsWith("#") && bibls.contains(source.substring(1)),
                    desc.getAttribute("ref") + ": @source " + source + " names no bibl/@xml:id of " + bibls);
            List<String> types = new ArrayList<>();
            NodeList actions = desc.getElementsByTagNameNS(TEI, "correspAction");
            for (int j = 0; j < actions.getLength(); j++) {
                types.add(((Element) actions.item(j)).getAttribute("type"));
            }
            assertEquals(List.of("sent", "received"), types, desc.getAttribute("ref"));
        }
        NodeList dates = xml.getElementsByTagNameNS(TEI, "date");
        int checked = 0;
        for (int i = 0; i < dates.getLength(); i++) {
            Element date = (Element) dates.item(i);
            if (!date.getParentNode().getLocalName().equals("correspAction")) {
                continue;
            }
            for (String attribute : List.of("when", "from", "to", "notBefore", "notAfter")) {
                if (date.hasAttribute(attribute)) {
                    checked++;
                    assertTrue(date.getAttribute(attribute).matches("\\d{4}(-\\d{2}(-\\d{2})?)?"),
                            "@" + attribute + "=" + date.getAttribute(attribute));
                }
            }
        }
        assertTrue(checked > 3, "only " + checked + " dates");
    }

    @Test
    void theCableWithItsAuthoritiesPlaceAndDate() throws Exception {
        Map<String, Element> letters = letters(parse(cmif().asString()));
        Element cable = letters.get(this.cable);
        assertNotNull(cable, "the cable is missing");
        Element sent = action(cable, "sent");
        Element sender = first(sent, "persName");
        assertEquals("Terentii Shtykov", sender.getTextContent());
        assertEquals("http://viaf.org/viaf/265294048 http://www.wikidata.org/entity/Q4348186",
                sender.getAttribute("ref"));
        Element place = first(sent, "placeName");
        assertEquals("Pyongyang", place.getTextContent());
        assertEquals("http://www.geonames.org/1871859 http://www.wikidata.org/entity/Q18808", place.getAttribute("ref"));
        // the dispatch's time of day is dropped: CMIF takes days
        assertEquals("1950-05-30", first(sent, "date").getAttribute("when"));
        Element received = action(cable, "received");
        Element recipient = first(received, "persName");
        assertEquals("Andrei Vyshinsky " + run, recipient.getTextContent());
        assertEquals("http://d-nb.info/gnd/118627287", recipient.getAttribute("ref"));
        // the VIA body is not a recipient when there is one
        assertEquals(0, received.getElementsByTagNameNS(TEI, "orgName").getLength());

        // an uncertain month (1950-05?): the days it can denote
        Element uncertainSent = first(action(letters.get(uncertain), "sent"), "date");
        assertEquals("1950-05-01", uncertainSent.getAttribute("notBefore"));
        assertEquals("1950-05-31", uncertainSent.getAttribute("notAfter"));
        // a season (1950-22, summer) is not a month: the days it can denote
        Element season = first(action(letters.get(summer), "sent"), "date");
        assertEquals("", season.getAttribute("when"));
        assertTrue(season.getAttribute("notBefore").startsWith("1950-0"), season.getAttribute("notBefore"));
        assertTrue(season.getAttribute("notAfter").compareTo(season.getAttribute("notBefore")) > 0);
        // an unknown recipient is named unknown; an interval of years is from/to
        Element toNobody = letters.get(unknownRecipient);
        assertEquals("unknown", first(action(toNobody, "received"), "persName").getTextContent());
        Element interval = first(action(toNobody, "sent"), "date");
        assertEquals("1950", interval.getAttribute("from"));
        assertEquals("1951", interval.getAttribute("to"));
    }

    @Test
    void theSampleCableIsThere() throws Exception {
        archive();
        String sample = Seed.cable();
        Map<String, Element> letters = letters(parse(cmif().asString()));
        assertTrue(letters.containsKey(sample), "the sample archive's cable is missing");
        assertFalse(action(letters.get(sample), "sent").getTextContent().isBlank());
    }

    @Test
    void hiddenDeletedAndOtherKindsAreAbsent() throws Exception {
        String body = cmif().asString();
        for (String absent : List.of(draft, deleted, diary)) {
            assertFalse(body.contains(absent), absent + " is in the CMIF of an anonymous caller");
        }
        assertFalse(body.contains("Draft letter " + run));
        // a contributor sees drafts, here too
        String contributors = Api.as(Role.CONTRIBUTOR).get("/cmif").then().statusCode(200).extract().asString();
        assertTrue(contributors.contains(draft));
        assertFalse(contributors.contains(deleted));
    }

    @Test
    void notModifiedUntilSomethingChanges() {
        String etag = cmif().header("ETag");
        assertNotNull(etag);
        Api.anonymous().header("If-None-Match", etag).get("/cmif").then().statusCode(304);
        Documents.of("LETTER").title("Another letter " + run).set("visibility", "PUBLISHED").create();
        Api.anonymous().header("If-None-Match", etag).get("/cmif").then().statusCode(200);
    }

    private static Map<String, Element> letters(Document xml) {
        Map<String, Element> letters = new HashMap<>();
        NodeList descs = xml.getElementsByTagNameNS(TEI, "correspDesc");
        for (int i = 0; i < descs.getLength(); i++) {
            Element desc = (Element) descs.item(i);
            String ref = desc.getAttribute("ref");
            letters.put(ref.substring(ref.lastIndexOf('/') + 1), desc);
        }
        return letters;
    }

    private static Element action(Element desc, String type) {
        NodeList actions = desc.getElementsByTagNameNS(TEI, "correspAction");
        for (int i = 0; i < actions.getLength(); i++) {
            if (((Element) actions.item(i)).getAttribute("type").equals(type)) {
                return (Element) actions.item(i);
            }
        }
        throw new AssertionError("no correspAction " + type);
    }

    private static Element first(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(TEI, name);
        assertTrue(found.getLength() > 0, "no " + name);
        return (Element) found.item(0);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }
}
