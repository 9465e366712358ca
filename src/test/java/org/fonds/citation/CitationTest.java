package org.fonds.citation;

import static org.fonds.testing.Api.anonymous;
import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.fonds.access.Role;
import org.fonds.testing.Agents;
import org.fonds.testing.Api;
import org.fonds.testing.Documents;
import org.fonds.testing.Places;
import org.fonds.testing.Seed;
import org.fonds.testing.SharedSchemas;
import org.fonds.testing.ShtykovCable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The citation formats of the seed cable (Shtykov to Vyshinsky, 30 May 1950, translated by Kathryn Weathersby, in the
 * Presidential Archive), through HTTP against PostgreSQL: CSL-JSON valid against the CSL data schema, the exact Chicago
 * citation (without the stray delimiters citeproc-java leaves with a translator), BibTeX, schema.org JSON-LD that
 * expands, the ETags, and a hidden document absent from every format.
 */
@QuarkusTest
class CitationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APRF = "Archive of the President of the Russian Federation (APRF)";
    private static final List<String> FORMATS = List.of("csl", "citation", "bibtex", "schema-org");

    private String cable;
    private String shtykov;
    private String vyshinsky;
    private String pyongyang;

    @BeforeEach
    void cable() {
        shtykov = Agents.shtykov().create();
        vyshinsky = Agents.person("Andrei Vyshinsky").name("VYSHINSKY", "en").create();
        pyongyang = Places.pyongyang().create();
        cable = published(Documents.cable().title(ShtykovCable.TITLE).date(ShtykovCable.DATE)
                .set("place_of_origin_id", pyongyang)
                .set("reference_numbers", List.of("408-410"))
                .set("source", Map.of("repository", APRF, "collection", "Wilson Center Digital Archive",
                        "fond", "45", "opis", "1", "delo", "346", "listy", "104-107",
                        "url", "https://digitalarchive.wilsoncenter.org/document/115977"))
                .set("credits", List.of(Map.of("role", "TRANSLATOR", "name", "Kathryn Weathersby"))));
        participant(cable, shtykov, "SENDER", "Shtykov");
        participant(cable, vyshinsky, "RECIPIENT", "VYSHINSKY");
    }

    private static String published(Documents document) {
        return document.set("visibility", "PUBLISHED").create();
    }

    private static void participant(String document, String agent, String role, String asWritten) {
        api().contentType(ContentType.JSON).body(Map.of("agent_id", agent, "role", role, "name_as_written", asWritten))
                .post("/documents/{d}/participants", document).then().statusCode(201);
    }

    private static String url(String path) {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + path;
    }

    @Test
    void chicagoCitationOfTheSeedCableHasTheExactText() {
        Response chicago = anonymous().get("/documents/{d}/citation", cable).then().statusCode(200)
                .contentType(ContentType.JSON).body("style", equalTo("chicago-notes-bibliography"))
                .body("format", equalTo("TEXT")).extract().response();
        String doc = url("/documents/" + cable);
        // citeproc-java alone writes "…, Cable nos. 408–410, , trans. Kathryn Weathersby, …" here
        assertEquals("Terentii Shtykov, “Ciphered Telegram, Shtykov to Vyshinsky,” to Andrei Vyshinsky, Cable nos. "
                + "408–410, trans. Kathryn Weathersby, May 30, 1950, Fond 45, Opis 1, Delo 346, Listy 104-107, "
                + APRF + ", " + doc + ".", chicago.path("citation"));
        assertEquals("Shtykov, Terentii. “Ciphered Telegram, Shtykov to Vyshinsky.” To Andrei Vyshinsky. Cable Nos. "
                + "408–410. Translated by Kathryn Weathersby. May 30, 1950. Fond 45, Opis 1, Delo 346, Listy 104-107. "
                + APRF + ". " + doc + ".", chicago.path("bibliography"));
        // the style's old id is the same style
        anonymous().queryParam("style", "chicago-note-bibliography").get("/documents/{d}/citation", cable).then()
                .statusCode(200).body("citation", equalTo(chicago.path("citation")));
    }

    @Test
    void otherStylesAndHtmlHaveNoStrayDelimiters() {
        for (String style : List.of("apa", "modern-language-association", "chicago-author-date", "harvard-cite-them-right")) {
            for (String format : List.of("TEXT", "HTML")) {
                Response r = anonymous().queryParam("style", style).queryParam("format", format)
                        .get("/documents/{d}/citation", cable).then().statusCode(200)
                        .body("style", equalTo(style)).extract().response();
                for (String part : List.of("citation", "bibliography")) {
                    String text = r.path(part);
                    if (text == null) {
                        continue;
                    }
                    for (String stray : List.of(", ,", ". .", "(;", ". ,", "” .", "&rdquo; .", "” ,", "&rdquo; ,")) {
                        assertFalse(text.contains(stray), style + " " + format + " " + part + " has '" + stray
                                + "': " + text);
                    }
                    if (part.equals("bibliography")) {
                        assertTrue(text.contains("Weathersby"), style + " " + part + ": " + text);
                    }
                }
            }
        }
        String apa = anonymous().queryParam("style", "apa").get("/documents/{d}/citation", cable).then()
                .statusCode(200).extract().path("bibliography");
        // citeproc-java alone writes "(; Kathryn Weathersby, trans.; …)" here
        assertEquals("Shtykov, T. (1950, May 30). Ciphered Telegram, Shtykov to Vyshinsky (Kathryn Weathersby, trans.; "
                + "Cable Nos. 408–410) [to Andrei Vyshinsky]. " + APRF + " (Fond 45, Opis 1, Delo 346, Listy 104-107). "
                + url("/documents/" + cable), apa);
        String html = anonymous().queryParam("format", "HTML").get("/documents/{d}/citation", cable).then()
                .statusCode(200).extract().path("citation");
        assertTrue(html.contains("&ldquo;Ciphered Telegram, Shtykov to Vyshinsky,&rdquo;"), html);
    }

    @Test
    void anUnknownStyleIsAProblemThatSaysWhereTheStylesAreListed() {
        for (String style : List.of("no-such-style", "../../etc/passwd", "https://example.org/style.csl", "APA")) {
            anonymous().queryParam("style", style).get("/documents/{d}/citation", cable).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("GET /citation-styles"))
                    .body("errors[0].field", equalTo("style"));
        }
        anonymous().get("/citation-styles").then().statusCode(200)
                .body("default_style", equalTo("chicago-notes-bibliography"))
                .body("styles", hasItem("apa")).body("styles", hasItem("chicago-notes-bibliography"))
                .body("styles", hasItem("modern-language-association"));
        Api.malformed().queryParam("format", "PDF").get("/documents/{d}/citation", cable).then().statusCode(400);
    }

    @Test
    void cslJsonIsValidAgainstTheCslDataSchema() throws Exception {
        Schema schema;
        try (InputStream in = Files.newInputStream(SharedSchemas.require("csl/csl-data.json"))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        Response r = anonymous().accept("application/vnd.citationstyles.csl+json").get("/documents/{d}/csl", cable)
                .then().statusCode(200).contentType("application/vnd.citationstyles.csl+json").extract().response();
        JsonNode csl = JSON.readTree(r.asByteArray());
        List<Error> errors = schema.validate(csl);
        assertTrue(errors.isEmpty(), errors + " in " + csl);
        JsonNode item = csl.get(0);
        assertEquals("personal_communication", item.get("type").asText());
        assertEquals(JSON.readTree("[{\"family\":\"Shtykov\",\"given\":\"Terentii\"}]"), item.get("author"));
        assertEquals(JSON.readTree("[{\"family\":\"Vyshinsky\",\"given\":\"Andrei\"}]"), item.get("recipient"));
        assertEquals(JSON.readTree("[{\"literal\":\"Kathryn Weathersby\"}]"), item.get("translator"));
        assertEquals(JSON.readTree("{\"date-parts\":[[1950,5,30]]}"), item.get("issued"));
        assertEquals("Fond 45, Opis 1, Delo 346, Listy 104-107", item.get("archive_location").asText());
        assertEquals(APRF, item.get("archive").asText());

        // every kind of EDTF date gives valid CSL
        Map<String, String> dates = Map.of(
                "1950-05-30~", "{\"date-parts\":[[1950,5,30]],\"circa\":true}",
                "1950-05?", "{\"date-parts\":[[1950,5]],\"circa\":true}",
                "1950-06-08/1950-06-10", "{\"date-parts\":[[1950,6,8],[1950,6,10]]}",
                "195X", "{\"date-parts\":[[1950],[1959]]}",
                "1950-05-XX", "{\"date-parts\":[[1950,5]]}",
                "1950-22", "{\"date-parts\":[[1950]],\"season\":2}",
                "1950-05-30T13:40:00Z", "{\"date-parts\":[[1950,5,30]]}",
                "../1950-06", "{\"literal\":\"–1950-06\"}",
                "1950/", "{\"literal\":\"1950–\"}");
        for (Map.Entry<String, String> date : dates.entrySet()) {
            String id = published(Documents.of("LETTER").title("Dated " + date.getKey()).date(date.getKey()));
            JsonNode other = JSON.readTree(anonymous().get("/documents/{d}/csl", id).then().statusCode(200)
                    .extract().asByteArray());
            assertTrue(schema.validate(other).isEmpty(), schema.validate(other) + " in " + other);
            assertEquals(JSON.readTree(date.getValue()), other.get(0).get("issued"), date.getKey());
            // and every style can format it
            anonymous().get("/documents/{d}/citation", id).then().statusCode(200);
            // BibTeX: the EDTF in date; year and month only from a plain date (none of these; a season is no month)
            String bibtex = anonymous().get("/documents/{d}/bibtex", id).then().statusCode(200).extract().asString();
            assertTrue(bibtex.contains("  date = {" + date.getKey() + "},\n") && !bibtex.contains("month ="), bibtex);
        }
    }

    @Test
    void bibtexHasTheEntryEscaped() {
        String bibtex = anonymous().get("/documents/{d}/bibtex", cable).then().statusCode(200)
                .contentType("application/x-bibtex").extract().asString();
        String key = "shtykov1950-" + cable.substring(0, 8);
        assertTrue(bibtex.startsWith("@unpublished{" + key + ",\n"), bibtex);
        assertTrue(bibtex.contains("  author = {Shtykov, Terentii},\n"), bibtex);
        assertTrue(bibtex.contains("  title = {{Ciphered Telegram, Shtykov to Vyshinsky}},\n"), bibtex);
        assertTrue(bibtex.contains("  date = {1950-05-30},\n  year = {1950},\n  month = may,\n"), bibtex);
        assertTrue(bibtex.contains("  translator = {{Kathryn Weathersby}},\n"), bibtex);
        assertTrue(bibtex.contains("  recipient = {Vyshinsky, Andrei},\n"), bibtex);
        assertTrue(bibtex.contains("  location = {Pyongyang},\n"), bibtex);
        assertTrue(bibtex.contains("  howpublished = {" + APRF + ", Wilson Center Digital Archive, Fond 45, Opis 1, "
                + "Delo 346, Listy 104-107},\n"), bibtex);
        assertTrue(bibtex.endsWith("  url = {" + url("/documents/" + cable) + "}\n}\n"), bibtex);

        String odd = published(Documents.of("MEMORANDUM").title("50% of {the} fuel & $ for #1 ~ ^_\\").date("1950~"));
        String memo = anonymous().get("/documents/{d}/bibtex", odd).then().statusCode(200).extract().asString();
        assertTrue(memo.contains("  title = {{50\\% of \\{the\\} fuel \\& \\$ for \\#1 \\textasciitilde{} "
                + "\\textasciicircum{}\\_\\textbackslash{}}},\n"), memo);
        assertTrue(memo.contains("  date = {1950~},\n"), memo);
        assertFalse(memo.contains("year ="), memo);
    }

    @Test
    void schemaOrgIsAnArchiveComponentAndValidJsonLd() throws Exception {
        Response r = anonymous().accept("application/ld+json").get("/documents/{d}/schema-org", cable).then()
                .statusCode(200).contentType("application/ld+json")
                .body("'@context'", equalTo("https://schema.org"))
                .body("'@type'", equalTo(List.of("ArchiveComponent", "Message")))
                .body("'@id'", equalTo(url("/documents/" + cable)))
                .body("name", equalTo(ShtykovCable.TITLE))
                .body("dateCreated", equalTo("1950-05-30"))
                .body("dateSent", equalTo("1950-05-30"))
                .body("holdingArchive.'@type'", equalTo("ArchiveOrganization"))
                .body("holdingArchive.name", equalTo(APRF))
                .body("itemLocation", equalTo("Fond 45, Opis 1, Delo 346, Listy 104-107"))
                .body("sender[0].'@type'", equalTo("Person"))
                .body("sender[0].'@id'", equalTo(url("/agents/" + shtykov)))
                .body("sender[0].name", equalTo("Terentii Shtykov"))
                .body("sender[0].familyName", equalTo("Shtykov"))
                .body("recipient[0].'@id'", equalTo(url("/agents/" + vyshinsky)))
                .body("recipient[0].name", equalTo("Andrei Vyshinsky"))
                .body("translator[0].name", equalTo("Kathryn Weathersby"))
                .body("locationCreated.'@id'", equalTo(url("/places/" + pyongyang)))
                .body("locationCreated.geo.latitude", equalTo(39.0392f))
                .body("inLanguage", equalTo(List.of("ru")))
                .body("sameAs", equalTo("https://digitalarchive.wilsoncenter.org/document/115977"))
                .extract().response();
        JsonArray expanded = JsonLd.expand(JsonDocument.of(new ByteArrayInputStream(r.asByteArray())))
                .loader(schemaOrgContext()).get();
        assertEquals(1, expanded.size());
        JsonObject node = expanded.getJsonObject(0);
        assertEquals(List.of("https://schema.org/ArchiveComponent", "https://schema.org/Message"),
                node.getJsonArray("@type").getValuesAs(jakarta.json.JsonString.class).stream()
                        .map(jakarta.json.JsonString::getString).toList());
        assertEquals(url("/agents/" + shtykov), node.getJsonArray("https://schema.org/sender").getJsonObject(0)
                .getString("@id"));
        assertEquals(APRF, node.getJsonArray("https://schema.org/holdingArchive").getJsonObject(0)
                .getJsonArray("https://schema.org/name").getJsonObject(0).getString("@value"));

        // an uncertain date is a coverage, not a dateCreated; a memorandum has an author, not a sender
        String memo = published(Documents.of("MEMORANDUM").title("Memo").date("1950-06?"));
        participant(memo, shtykov, "AUTHOR", "Shtykov");
        anonymous().get("/documents/{d}/schema-org", memo).then().statusCode(200)
                .body("'@type'", equalTo("ArchiveComponent")).body("dateCreated", nullValue())
                .body("temporalCoverage", equalTo("1950-06-01/1950-06-30"))
                .body("author[0].name", equalTo("Terentii Shtykov")).body("sender", nullValue());
    }

    /**
     * A stand-in for https://schema.org's context, which these machines cannot fetch: what it does for the terms used
     * here (a vocabulary of https://schema.org/ terms), so that expansion checks the document's JSON-LD syntax.
     */
    private static DocumentLoader schemaOrgContext() {
        return (url, options) -> {
            if (!url.toString().startsWith("https://schema.org")) {
                throw new com.apicatalog.jsonld.JsonLdError(com.apicatalog.jsonld.JsonLdErrorCode.LOADING_DOCUMENT_FAILED,
                        "no network: " + url);
            }
            return JsonDocument.of(new StringReader("{\"@context\": {\"@vocab\": \"https://schema.org/\"}}"));
        };
    }

    @Test
    void everyFormatHasAnEtagAndAnswers304() {
        for (String format : FORMATS) {
            String tag = anonymous().get("/documents/{d}/" + format, cable).then().statusCode(200).extract()
                    .header("ETag");
            assertTrue(tag != null && !tag.isBlank(), format);
            anonymous().header("If-None-Match", tag).get("/documents/{d}/" + format, cable).then().statusCode(304);
        }
        String csl = anonymous().get("/documents/{d}/csl", cable).then().extract().header("ETag");
        String bibtex = anonymous().get("/documents/{d}/bibtex", cable).then().extract().header("ETag");
        assertFalse(csl.equals(bibtex), "each format has its own ETag");
        // renaming the sender changes the citation, and so its ETag
        api().contentType("application/merge-patch+json").header("If-Match", Api.etag("/agents/{a}", shtykov))
                .body(Map.of("note", "changed")).patch("/agents/{a}", shtykov).then().statusCode(200);
        anonymous().header("If-None-Match", csl).get("/documents/{d}/csl", cable).then().statusCode(200);
    }

    @Test
    void aHiddenDocumentIsAbsentFromEveryFormat() {
        String draft = Documents.cable().title("Draft cable cite-hidden").create();
        String restricted = Documents.cable().title("Restricted cable cite-hidden").set("visibility", "RESTRICTED")
                .create();
        for (String format : FORMATS) {
            for (String hidden : List.of(draft, restricted)) {
                anonymous().get("/documents/{d}/" + format, hidden).then().statusCode(404)
                        .contentType("application/problem+json").body(org.hamcrest.Matchers.not(
                                containsString("cite-hidden")));
                Api.as(Role.CONTRIBUTOR).get("/documents/{d}/" + format, restricted).then().statusCode(404);
            }
            api().get("/documents/{d}/" + format, draft).then().statusCode(200);
        }
        api().header("If-Match", Api.etag("/documents/{d}", cable)).delete("/documents/{d}", cable).then()
                .statusCode(204);
        for (String format : FORMATS) {
            api().get("/documents/{d}/" + format, cable).then().statusCode(410);
        }
    }

    @Test
    void aDocumentPrintedInAnEditionIsCitedWithItsPagesAndAPassageWithThePagesItIsOn() {
        org.fonds.testing.Editions.Made made = org.fonds.testing.Editions.cableWithEverything();
        String doc = made.document();
        String text = made.text();
        // the edition's page 968 starts inside the text: its first page is not known, so no page range yet
        api().get("/documents/{d}/csl", doc).then().statusCode(200)
                .body("[0].container-title", equalTo("FRUS 1950, vol. VII")).body("[0].page", nullValue());
        String content = api().queryParam("embed", "texts").get("/documents/{d}", doc).then().statusCode(200)
                .extract().path("texts.find { it.id == '" + text + "' }.content");
        org.fonds.testing.Annotations.of("PAGE_BREAK").quote(text, "To VYSHINSKY").set("page_break",
                Map.of("n", "967", "edition", "frus1950v07")).create(doc);
        api().get("/documents/{d}/csl", doc).then().statusCode(200).body("[0].page", equalTo("967-968"));

        int weapons = content.indexOf("the weapons and ammunition");
        int navy = content.indexOf("The navy");
        Response passage = api().queryParam("text_id", text).queryParam("start", weapons)
                .queryParam("end", weapons + "the weapons".length()).get("/documents/{d}/citation", doc).then()
                .statusCode(200).body("pages", equalTo("968")).extract().response();
        assertTrue(passage.<String>path("citation").contains("968"), passage.asString());
        api().queryParam("text_id", text).queryParam("start", 0).queryParam("end", navy)
                .get("/documents/{d}/citation", doc).then().statusCode(200).body("pages", equalTo("967-968"));
        api().queryParam("text_id", text).queryParam("start", 0).queryParam("end", 12)
                .get("/documents/{d}/citation", doc).then().statusCode(200).body("pages", equalTo("967"));
        api().get("/documents/{d}/citation", doc).then().statusCode(200).body("pages", nullValue());

        // what a passage leaves out: the document's first text, its start, its end
        api().queryParam("text_id", text).get("/documents/{d}/citation", doc).then().statusCode(200)
                .body("pages", equalTo("967-968"));
        api().queryParam("end", 12).get("/documents/{d}/citation", doc).then().statusCode(200)
                .body("pages", equalTo("967"));
        api().queryParam("start", weapons).get("/documents/{d}/citation", doc).then().statusCode(200)
                .body("pages", equalTo("968"));
        // a passage inside the document's text
        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("text_id", text, "start", 9, "end", 4),
                Map.of("text_id", text, "start", 0, "end", content.length() + 1),
                Map.of("text_id", java.util.UUID.randomUUID(), "start", 0, "end", 4))) {
            api().queryParams(bad).get("/documents/{d}/citation", doc).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    /** The sample archive's seed cable itself: its CSL-JSON valid, its Chicago citation and bibliography exact. */
    @Test
    void theSampleCableIsCitedToo() throws Exception {
        String sample = Seed.cable();
        Response chicago = anonymous().get("/documents/{d}/citation", sample).then().statusCode(200).extract()
                .response();
        // the free citation's own final period no longer doubles the style's comma (it read "(seed …)., http")
        assertEquals("Terentii Shtykov, “Ciphered telegram from Shtykov to Vyshinsky on a meeting with Kim Il Sung,” "
                + "Cable to Andrei Vyshinsky, May 30, 1950, Translated text as quoted in the sample blog post (seed "
                + "000_410ccfa423a79dd7), " + url("/documents/" + sample) + ".", chicago.path("citation"));
        assertEquals("Shtykov, Terentii. “Ciphered telegram from Shtykov to Vyshinsky on a meeting with Kim Il Sung.” "
                + "Cable to Andrei Vyshinsky. May 30, 1950. Translated text as quoted in the sample blog post (seed "
                + "000_410ccfa423a79dd7). " + url("/documents/" + sample) + ".", chicago.path("bibliography"));

        Schema schema;
        try (InputStream in = Files.newInputStream(SharedSchemas.require("csl/csl-data.json"))) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        }
        JsonNode csl = JSON.readTree(anonymous().get("/documents/{d}/csl", sample).then().statusCode(200).extract()
                .asByteArray());
        assertEquals(List.of(), schema.validate(csl), csl.toString());
        assertEquals("personal_communication", csl.get(0).get("type").asText());
        assertEquals(JSON.readTree("{\"date-parts\":[[1950,5,30]]}"), csl.get(0).get("issued"));
    }
}
