package org.fonds.webannotation;

import static org.fonds.testing.Api.anonymous;
import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.http.media.MediaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.resource.ResourceLoader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.json.JsonArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Annotations;
import org.fonds.testing.Documents;
import org.fonds.testing.Seed;
import org.fonds.testing.SharedSchemas;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/**
 * The W3C Web Annotation read side against the W3C test suite's MUST schemas (../shared/schemas/web-annotation):
 * every annotation of the sample archive's seed cable, its collection and its pages; the JSON-LD expands against the
 * bundled anno.jsonld (resolved locally, never fetched); each editorial feature at its words with its motivation; the
 * code point offsets; the protocol's headers; a hidden document's annotations do not exist.
 */
@QuarkusTest
class WebAnnotationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads file: IRIs (the suite's schemas and the bare ids they refer to, resolved beside them). */
    private static final ResourceLoader FILES = iri -> iri.toString().startsWith("file:")
            ? () -> Files.newInputStream(Path.of(URI.create(iri.toString()))) : null;

    private static JsonNode json(Response response) {
        try {
            return JSON.readTree(response.asString());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The schemas a .test file of the W3C suite lists, read from their files: bare ids resolve beside them. */
    private static Map<String, Schema> musts(String testFile) throws IOException {
        Path test = SharedSchemas.require("web-annotation/" + testFile);
        Path root = SharedSchemas.ROOT.resolve("web-annotation");
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                b -> b.resourceLoaders(r -> r.values(loaders -> loaders.add(0, FILES))));
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (JsonNode assertion : JSON.readTree(test.toFile()).path("assertions")) {
            Path file = root.resolve(assertion.asText()).toAbsolutePath().normalize();
            schemas.put(assertion.asText(), registry.getSchema(SchemaLocation.of(file.toUri().toString())));
        }
        assertFalse(schemas.isEmpty(), testFile + " lists no schema");
        return schemas;
    }

    private static void assertValid(Map<String, Schema> schemas, JsonNode node, String what) {
        List<String> failures = new ArrayList<>();
        schemas.forEach((name, schema) -> {
            List<Error> errors = schema.validate(node);
            if (!errors.isEmpty()) {
                failures.add(name + ": " + errors);
            }
        });
        assertTrue(failures.isEmpty(), what + " fails " + failures + "\n" + node.toPrettyString());
    }

    /** Expands the JSON-LD with anno.jsonld read from the shared schemas; any other context would be an error. */
    private static JsonArray expand(JsonNode node) throws JsonLdError {
        Path context = SharedSchemas.require("web-annotation/anno.jsonld");
        return JsonLd.expand(JsonDocument.of(new StringReader(node.toString()))).loader((url, options) -> {
            if (!url.toString().equals(WebAnnotations.CONTEXT)) {
                throw new AssertionError("the JSON-LD names another context than anno.jsonld: " + url);
            }
            try (InputStream in = Files.newInputStream(context)) {
                JsonDocument document = JsonDocument.of(MediaType.JSON_LD, in);
                document.setDocumentUrl(URI.create(WebAnnotations.CONTEXT));
                return document;
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).get();
    }

    /** Every annotation of the seed cable, page by page (small pages, so that `next` is followed). */
    private static List<JsonNode> pages(String cable, Map<String, Schema> pageMusts) {
        List<JsonNode> items = new ArrayList<>();
        String url = "/documents/" + cable + "/web-annotations/pages?limit=5";
        int pages = 0;
        while (url != null) {
            Response response = api().get(url);
            response.then().statusCode(200).header("Content-Type", containsString("application/ld+json"))
                    .header("Content-Type", containsString("profile=\"http://www.w3.org/ns/anno.jsonld\""))
                    .header("ETag", org.hamcrest.Matchers.notNullValue()).header("Vary", "Accept")
                    .header("Allow", containsString("GET"));
            JsonNode page = json(response);
            assertValid(pageMusts, page, "page " + pages);
            assertEquals("AnnotationPage", page.path("type").asText());
            page.path("items").forEach(items::add);
            url = page.hasNonNull("next") ? URI.create(page.get("next").asText()).getRawPath() + "?"
                    + URI.create(page.get("next").asText()).getRawQuery() : null;
            pages++;
        }
        assertTrue(pages > 1, "the pages were not followed");
        return items;
    }

    @Test
    void everyAnnotationOfTheSeedCableTheCollectionAndThePagesPassTheW3cMusts() throws Exception {
        String cable = Seed.cable();
        Map<String, Schema> annotationMusts = musts("annotations/annotationMusts.test");
        Response collectionResponse = api().get("/documents/{d}/web-annotations", cable);
        collectionResponse.then().statusCode(200)
                .header("Link", containsString("<http://www.w3.org/ns/ldp#BasicContainer>; rel=\"type\""))
                .header("Allow", containsString("GET")).header("Vary", "Accept");
        JsonNode collection = json(collectionResponse);
        assertValid(musts("collections/collectionMusts.test"), collection, "the collection");
        assertFalse(expand(collection).isEmpty());

        List<JsonNode> items = pages(cable, musts("collections/pages/pageMusts.test"));
        int total = api().queryParam("embed", "annotations").get("/documents/{d}", cable).then().extract()
                .path("annotations.size()");
        assertEquals(total, items.size(), "every annotation once");
        assertEquals(total, collection.path("total").asInt());
        for (JsonNode item : items) {
            ObjectNode annotation = JSON.createObjectNode();
            annotation.put("@context", WebAnnotations.CONTEXT);
            annotation.setAll((ObjectNode) item);
            assertValid(annotationMusts, annotation, "annotation " + item.path("id"));
            JsonArray expanded = expand(annotation);
            assertEquals(1, expanded.size(), "expands to one node");
            assertTrue(expanded.getJsonObject(0).containsKey("http://www.w3.org/ns/oa#hasTarget"),
                    "the target expands to oa:hasTarget: " + expanded);
            // its own URL serves the same annotation
            Response own = api().get(URI.create(item.path("id").asText()).getRawPath());
            own.then().statusCode(200).header("Link", containsString("<http://www.w3.org/ns/ldp#Resource>; "
                    + "rel=\"type\"")).header("Vary", "Accept");
            assertEquals(annotation, json(own));
        }
    }

    /**
     * Notes on parts of a document and page breaks pass the W3C MUSTs: a part is the document's JSON with a
     * FragmentSelector (a JSON Pointer, RFC 6901), or the signatory's participant resource; a page break describes
     * the first words of its page.
     */
    @Test
    void notesOnPartsOfTheDocumentAndPageBreaksPassTheW3cMusts() throws Exception {
        Map<String, Schema> musts = musts("annotations/annotationMusts.test");
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        String signatory = api().contentType(io.restassured.http.ContentType.JSON).body(Map.of("agent_id",
                org.fonds.testing.Agents.person("Dean Acheson").create(), "role", "SIGNATORY", "supplied", true))
                .post("/documents/{d}/participants", doc).then().statusCode(201).extract().<String>path("id");
        String heading = Annotations.of("FOOTNOTE").target(Map.of("part", "HEADING"))
                .set("note_text", "Source: Central Files.").set("footnote", Map.of("marker", "1")).create(doc);
        String signed = Annotations.of("EDITOR_NOTE").target(Map.of("part", "SIGNATURE", "participant_id", signatory))
                .target(Annotations.quoteTarget(text, "The navy")).set("note_text", "Typed.").create(doc);
        String page = Annotations.of("PAGE_BREAK").quote(text, "The navy")
                .set("page_break", Map.of("n", "968", "edition", "frus1950v07")).create(doc);
        String base = URI.create(api().get("/web-annotations/{a}", heading).then().statusCode(200).extract()
                .jsonPath().getString("id")).resolve("/").toString();
        for (String id : List.of(heading, signed, page)) {
            JsonNode annotation = json(api().get("/web-annotations/{a}", id));
            assertValid(musts, annotation, "annotation " + id);
            assertEquals(1, expand(annotation).size());
        }
        JsonNode onHeading = json(api().get("/web-annotations/{a}", heading)).path("target");
        assertEquals(base + "documents/" + doc, onHeading.path("source").asText());
        assertEquals("FragmentSelector", onHeading.path("selector").path("type").asText());
        assertEquals("http://tools.ietf.org/rfc/rfc6901", onHeading.path("selector").path("conformsTo").asText());
        assertEquals("/title", onHeading.path("selector").path("value").asText());
        JsonNode onSignature = json(api().get("/web-annotations/{a}", signed)).path("target");
        assertEquals(base + "documents/" + doc + "/participants/" + signatory, onSignature.get(0).path("source")
                .asText());
        assertEquals("The navy", onSignature.get(1).path("selector").get(0).path("exact").asText());
        JsonNode pageBreak = json(api().get("/web-annotations/{a}", page));
        assertEquals("describing", pageBreak.path("motivation").asText());
        assertTrue(pageBreak.path("body").path("value").asText().contains("968"));
    }

    private static JsonNode find(List<JsonNode> items, String exact, String motivation) {
        for (JsonNode item : items) {
            List<JsonNode> targets = new ArrayList<>();
            if (item.path("target").isArray()) {
                item.path("target").forEach(targets::add);
            } else {
                targets.add(item.path("target"));
            }
            for (JsonNode target : targets) {
                JsonNode selector = target.path("selector").get(0);
                if (exact.equals(selector.path("exact").asText()) && item.path("motivation").toString()
                        .contains(motivation)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no " + motivation + " annotation on '" + exact + "' among " + items);
    }

    private static List<JsonNode> bodies(JsonNode item) {
        List<JsonNode> bodies = new ArrayList<>();
        if (item.path("body").isArray()) {
            item.path("body").forEach(bodies::add);
        } else if (item.has("body")) {
            bodies.add(item.path("body"));
        }
        return bodies;
    }

    @Test
    void eachEditorialFeatureIsAtItsWordsWithItsMotivation() throws Exception {
        String cable = Seed.cable();
        List<JsonNode> items = pages(cable, musts("collections/pages/pageMusts.test"));

        JsonNode foreign = find(items, "attack", "describing");
        assertTrue(bodies(foreign).stream().anyMatch(b -> b.path("value").asText().equals("nastuplenie")
                && b.path("language").asText().startsWith("ru")), foreign.toString());

        JsonNode circled = find(items, "one trawler", "highlighting");
        assertEquals(2, circled.path("target").size(), "the circling targets both spans");
        assertTrue(bodies(circled).stream().anyMatch(b -> b.path("purpose").asText().equals("describing")
                && b.path("value").asText().contains("Hand")), circled.toString());

        JsonNode note = find(items, "one trawler", "commenting");
        assertTrue(bodies(note).get(0).path("value").asText().contains("are circled"), note.toString());

        JsonNode handwritten = items.stream().filter(i -> bodies(i).stream().anyMatch(b -> b.path("value").asText()
                .equals("in the Technical estimate What else"))).findFirst().orElseThrow();
        assertTrue(bodies(handwritten).stream().anyMatch(b -> b.path("value").asText().contains("Uncertain reading: "
                + "estimate") && b.path("value").asText().contains("1 word missing")), handwritten.toString());

        JsonNode margin = items.stream().filter(i -> i.path("motivation").asText().equals("commenting")
                && bodies(i).stream().anyMatch(b -> b.path("value").asText().equals("mark that; still to give")))
                .findFirst().orElseThrow(() -> new AssertionError("the left-margin comment is not there"));
        assertTrue(bodies(margin).stream().anyMatch(b -> b.path("purpose").asText().equals("describing")
                && b.path("value").asText().contains("left margin") && b.path("value").asText().contains("3-5")),
                margin.toString());

        JsonNode supplied = find(items, "his", "editing");
        assertEquals("editing", bodies(supplied).get(0).path("purpose").asText());

        JsonNode mention = find(items, "Pak Heon-yeong", "identifying");
        assertTrue(bodies(mention).get(0).path("id").asText().contains("/agents/"), mention.toString());

        // the translator's note's creator is the translator of the text, when the text names one
        String text = api().queryParam("embed", "texts").get("/documents/{d}", cable).then().extract()
                .path("texts[0].translator_name");
        if (text != null) {
            assertEquals(text, note.path("creator").path("name").asText());
        }

        // the offsets point at the quoted words in the text's content (no astral characters: code points = units)
        JsonNode target = foreign.path("target");
        String content = api().get(URI.create(target.path("source").asText()).getRawPath()).then().statusCode(200)
                .extract().path("content");
        JsonNode position = target.path("selector").get(1);
        assertEquals("TextPositionSelector", position.path("type").asText());
        assertEquals("attack", content.substring(position.path("start").asInt(), position.path("end").asInt()));
    }

    /**
     * The creator where it is known (the seed cable knows neither its translator nor its hands): a translator's note is
     * the text's translator's, a marginal comment its hand's, an agent with a URL or a description by name; an inline
     * variant of a mention is an edit beside the identification.
     */
    @Test
    void theCreatorIsTheTranslatorOrTheHandWhereKnownAndAnInlineVariantIsAnEdit() throws Exception {
        Map<String, Schema> musts = musts("annotations/annotationMusts.test");
        String document = Documents.cable().set("visibility", "PUBLISHED").create();
        String text = Texts.opening().set("translator_name", "Kathryn Weathersby").create(document);
        String note = Annotations.translatorNote("the date as in the original").quote(text, "29 May")
                .create(document);
        String stalin = org.fonds.testing.Agents.person("Joseph Stalin").create();
        String byStalin = Annotations.of("MARGINALIA").quote(text, "at his request")
                .set("marginalia", Map.of("kind", "COMMENT", "position", "LEFT", "transcription", Map.of("text", "da"),
                        "hand", Map.of("agent_id", stalin, "certainty", "MEDIUM"))).create(document);
        String byReader = Annotations.of("MARGINALIA").quote(text, "I met with")
                .set("marginalia", Map.of("kind", "UNDERLINING", "position", "OVER_TEXT",
                        "hand", Map.of("description", "a reader in Moscow", "certainty", "LOW"))).create(document);
        String unknown = Annotations.of("MARGINALIA").quote(text, "Kim Il Sung")
                .set("marginalia", Map.of("kind", "CIRCLING", "position", "OVER_TEXT",
                        "hand", Map.of("certainty", "UNKNOWN"))).create(document);
        String kim = org.fonds.testing.Agents.person("Kim Il Sung").create();
        String mention = Annotations.of("MENTION").quote(text, "Kim Il Sung").set("mention", Map.of("agent_id", kim,
                "name_as_written", "Kim Il Sung", "variant_written_inline", "Kim Il-sung")).create(document);
        Map<String, JsonNode> served = new LinkedHashMap<>();
        for (String id : List.of(note, byStalin, byReader, unknown, mention)) {
            JsonNode annotation = json(api().get("/web-annotations/{a}", id));
            assertValid(musts, annotation, "annotation " + id);
            assertEquals(1, expand(annotation).size());
            served.put(id, annotation);
        }
        String base = URI.create(served.get(note).path("id").asText()).resolve("/").toString();

        JsonNode translator = served.get(note).path("creator");
        assertEquals("Person", translator.path("type").asText());
        assertEquals("Kathryn Weathersby", translator.path("name").asText());
        assertEquals(base + "agents/" + stalin, served.get(byStalin).path("creator").path("id").asText());
        JsonNode reader = served.get(byReader).path("creator");
        assertEquals("a reader in Moscow", reader.path("name").asText());
        assertFalse(reader.has("id"), "a hand described, not identified, has no URL: " + reader);
        assertFalse(served.get(unknown).has("creator"), "an unknown hand is no creator: " + served.get(unknown));
        // JSON-LD: the creator expands to dcterms:creator
        assertTrue(expand(served.get(byStalin)).getJsonObject(0).containsKey("http://purl.org/dc/terms/creator"));

        JsonNode identified = served.get(mention);
        assertEquals(List.of("identifying", "editing"), JSON.convertValue(identified.path("motivation"), List.class));
        List<JsonNode> bodies = bodies(identified);
        assertEquals(base + "agents/" + kim, bodies.get(0).path("id").asText());
        assertEquals("Kim Il-sung", bodies.get(1).path("value").asText());
        assertEquals("editing", bodies.get(1).path("purpose").asText());
    }

    @Test
    void positionsCountCodePointsNotUtf16Units() {
        String document = Documents.cable().set("visibility", "PUBLISHED").create();
        // four mathematical letters outside the BMP: eight UTF-16 units, four code points
        String text = Texts.empty().section(null, "𝔊𝔬𝔱𝔥 words: an attack [nastuplenie] was planned.")
                .create(document);
        String annotation = Annotations.translatorNote("the Russian word").quote(text, "attack").create(document);
        JsonNode w3c = json(api().get("/web-annotations/{a}", annotation));
        JsonNode position = w3c.path("target").path("selector").get(1);
        String content = api().get("/documents/{d}/texts/{t}", document, text).then().extract().path("content");
        int units = content.indexOf("attack");
        assertEquals(units - 4, position.path("start").asInt(), "code points, not UTF-16 units");
        assertEquals(units - 4 + 6, position.path("end").asInt());
        int[] codePoints = content.codePoints().toArray();
        assertEquals("attack", new String(codePoints, position.path("start").asInt(), 6));
        assertEquals("attack", w3c.path("target").path("selector").get(0).path("exact").asText());
    }

    @Test
    void conditionalGetAnswers304AndAChangeChangesTheTag() {
        String document = Documents.cable().set("visibility", "PUBLISHED").create();
        String text = Texts.opening().create(document);
        String annotation = Annotations.translatorNote("first").quote(text, "29 May").create(document);
        String tag = api().get("/web-annotations/{a}", annotation).then().statusCode(200).extract().header("ETag");
        assertNotNull(tag);
        api().header("If-None-Match", tag).get("/web-annotations/{a}", annotation).then().statusCode(304);
        String collectionTag = api().get("/documents/{d}/web-annotations", document).then().extract().header("ETag");
        api().header("If-None-Match", collectionTag).get("/documents/{d}/web-annotations", document).then()
                .statusCode(304);
        Annotations.translatorNote("second").quote(text, "29 May").create(document);
        api().header("If-None-Match", tag).get("/web-annotations/{a}", annotation).then().statusCode(200);
        api().header("If-None-Match", collectionTag).get("/documents/{d}/web-annotations", document).then()
                .statusCode(200).body("total", equalTo(2));
    }

    @Test
    void aHiddenDocumentsAnnotationsDoNotExistForAnAnonymousCaller() {
        String draft = Documents.cable().set("visibility", "DRAFT").create();
        String text = Texts.opening().create(draft);
        String annotation = Annotations.translatorNote("draft note").quote(text, "29 May").create(draft);
        anonymous().get("/web-annotations/{a}", annotation).then().statusCode(404);
        anonymous().get("/documents/{d}/web-annotations", draft).then().statusCode(404);
        anonymous().get("/documents/{d}/web-annotations/pages", draft).then().statusCode(404);
        api().get("/web-annotations/{a}", annotation).then().statusCode(200);
    }

    @Test
    void aBadCursorIsA400Problem() {
        anonymous().queryParam("cursor", "not-a-cursor").get("/documents/{d}/web-annotations/pages", Seed.cable())
                .then().statusCode(400).contentType("application/problem+json");
    }
}
