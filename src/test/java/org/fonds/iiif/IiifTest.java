package org.fonds.iiif;

import static org.fonds.testing.Api.anonymous;
import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Annotations;
import org.fonds.testing.Api;
import org.fonds.testing.Collections;
import org.fonds.testing.Documents;
import org.fonds.testing.SharedSchemas;
import org.fonds.testing.ShtykovCable;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/**
 * IIIF Presentation 3 manifests and collections against the IIIF 3.0 JSON Schema (../shared/schemas/iiif): the seed
 * cable with two page images, its translation supplementing the first canvas, its marginal comment commenting on the
 * region of its page; collections list only the visible documents that have a manifest.
 */
@QuarkusTest
class IiifTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema schema() {
        // self-contained (its references are fragments of itself): read from the file, never fetched by its $id
        try (InputStream in = Files.newInputStream(SharedSchemas.require("iiif/iiif_3_0.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode valid(Response response) throws IOException {
        response.then().statusCode(200).header("Content-Type", containsString("application/ld+json"))
                .header("Content-Type", containsString("http://iiif.io/api/presentation/3/context.json"));
        JsonNode node = JSON.readTree(response.asString());
        List<Error> errors = schema().validate(node);
        assertTrue(errors.isEmpty(), "not valid IIIF 3.0: " + errors + "\n" + node.toPrettyString());
        return node;
    }

    private static String media(String document, String url, Integer page, String caption) {
        return api().contentType(ContentType.JSON).body(page == null ? Map.of("url", url, "media_type", "image/jpeg",
                "caption", caption) : Map.of("url", url, "media_type", "image/jpeg", "page_number", page, "caption",
                caption)).post("/documents/{d}/media", document).then().statusCode(201).extract().path("id");
    }

    /** The seed cable, published, with its translation, two page images and its marginal comment on page 1. */
    private static String cable(String collection) {
        String id = Documents.cable().title(ShtykovCable.TITLE).date(ShtykovCable.DATE)
                .set("visibility", "PUBLISHED").set("summary", "Kim Il Sung's army will be ready at the end of June.")
                .set("collection_ids", List.of(collection)).create();
        String text = Texts.cable().create(id);
        media(id, "https://images.example.org/shtykov/2.jpg", 2, "Second page");
        media(id, "https://images.example.org/shtykov/1.jpg", 1, "First page");
        Annotations.of("MARGINALIA").quote(text, "Kim Il Sung then reported that they are finishing")
                .withTarget("page", 1).withTarget("region", "pct:0,20,12,30").withTarget("margin", "LEFT")
                .set("marginalia", Map.of("kind", "COMMENT", "position", "LEFT",
                        "transcription", Map.of("text", "mark that; still to give")))
                .create(id);
        Annotations.translatorNote("“one trawler” and “one large subchaser” are circled")
                .quote(text, "one large subchaser").create(id);
        return id;
    }

    @Test
    void theSeedCablesManifestIsValidIiif3WithItsPagesTextAndMarginalia() throws IOException {
        String collection = Collections.titled("IIIF manifests").create();
        String cable = cable(collection);
        Response response = anonymous().get("/documents/{d}/iiif-manifest", cable);
        JsonNode manifest = valid(response);
        assertEquals("Manifest", manifest.path("type").asText());
        assertEquals(ShtykovCable.TITLE, manifest.path("label").path("none").get(0).asText());
        assertEquals("1950-05-30T00:00:00Z", manifest.path("navDate").asText());
        assertTrue(manifest.path("seeAlso").get(0).path("id").asText().endsWith("/documents/" + cable + "/tei"));
        assertEquals("application/tei+xml", manifest.path("seeAlso").get(0).path("format").asText());

        JsonNode canvases = manifest.path("items");
        assertEquals(2, canvases.size());
        JsonNode first = canvases.get(0);
        assertEquals("p. 1", first.path("label").path("none").get(0).asText(), "by page number");
        JsonNode painting = first.path("items").get(0).path("items").get(0);
        assertEquals("painting", painting.path("motivation").asText());
        assertEquals("https://images.example.org/shtykov/1.jpg", painting.path("body").path("id").asText());
        assertEquals(first.path("id").asText(), painting.path("target").asText());

        List<JsonNode> annotations = new ArrayList<>();
        first.path("annotations").get(0).path("items").forEach(annotations::add);
        JsonNode translation = annotations.stream().filter(a -> a.path("motivation").asText().equals("supplementing"))
                .findFirst().orElseThrow();
        assertEquals("en", translation.path("body").path("language").asText());
        assertTrue(translation.path("body").path("value").asText().contains("one trawler and one large subchaser"));
        JsonNode comment = annotations.stream().filter(a -> a.path("motivation").asText().equals("commenting"))
                .findFirst().orElseThrow();
        assertEquals("mark that; still to give", comment.path("body").path("value").asText());
        assertEquals(first.path("id").asText() + "#xywh=0,283,120,424", comment.path("target").asText(),
                "the region pct:0,20,12,30 of the 1000 x 1414 canvas");
        assertTrue(canvases.get(1).path("annotations").isMissingNode(), "nothing on page 2");

        String tag = response.header("ETag");
        anonymous().header("If-None-Match", tag).get("/documents/{d}/iiif-manifest", cable).then().statusCode(304);

        // the descriptive properties: summary and metadata as language maps, the homepage, rights
        assertEquals("Kim Il Sung's army will be ready at the end of June.",
                manifest.path("summary").path("none").get(0).asText());
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        manifest.path("metadata").forEach(e -> metadata.put(e.path("label").path("en").get(0).asText(),
                e.path("value").path("none").get(0).asText()));
        assertEquals("cable", metadata.get("Kind"));
        assertEquals("1950-05-30", metadata.get("Date (EDTF)"));
        assertEquals("ru", metadata.get("Languages"));
        JsonNode homepage = manifest.path("homepage").get(0);
        assertTrue(homepage.path("id").asText().endsWith("/documents/" + cable), homepage.toString());
        assertEquals("Text", homepage.path("type").asText());
        assertTrue(manifest.path("rights").isMissingNode(), "no rights recorded, none stated");
        String licence = "http://creativecommons.org/publicdomain/mark/1.0/";
        api().contentType("application/merge-patch+json").header("If-Match", Api.etag("/documents/{d}", cable))
                .body(Map.of("rights", licence)).patch("/documents/{d}", cable).then().statusCode(200);
        assertEquals(licence, valid(anonymous().get("/documents/{d}/iiif-manifest", cable)).path("rights").asText());
        // rights in words are no IIIF rights URI: a required statement
        api().contentType("application/merge-patch+json").header("If-Match", Api.etag("/documents/{d}", cable))
                .body(Map.of("rights", "Public domain in the United States")).patch("/documents/{d}", cable).then()
                .statusCode(200);
        JsonNode worded = valid(anonymous().get("/documents/{d}/iiif-manifest", cable));
        assertTrue(worded.path("rights").isMissingNode(), worded.toString());
        assertEquals("Public domain in the United States",
                worded.path("requiredStatement").path("value").path("none").get(0).asText());
    }

    @Test
    void aTextWithPageBreaksOfTheOriginalPutsEachPagesWordsOnItsCanvasLabelledAsPrinted() throws IOException {
        String doc = Documents.cable().set("visibility", "PUBLISHED").create();
        String text = Texts.opening().create(doc);
        media(doc, "https://images.example.org/opening/1.jpg", 1, "First page");
        media(doc, "https://images.example.org/opening/2.jpg", 2, "Second page");
        // the original's page 105 starts at "The navy"; an edition's page break does not divide the canvases
        Annotations.of("PAGE_BREAK").quote(text, "The navy").set("page_break", Map.of("n", "105")).create(doc);
        Annotations.of("PAGE_BREAK").quote(text, "At the beginning").set("page_break",
                Map.of("n", "968", "edition", "frus1950v07")).create(doc);
        JsonNode canvases = valid(anonymous().get("/documents/{d}/iiif-manifest", doc)).path("items");
        assertEquals(2, canvases.size());
        assertEquals("p. 1", canvases.get(0).path("label").path("none").get(0).asText(), "no break: its image's page");
        assertEquals("p. 105", canvases.get(1).path("label").path("none").get(0).asText(), "as the original prints it");
        String first = supplementing(canvases.get(0));
        String second = supplementing(canvases.get(1));
        assertTrue(first.startsWith(Texts.TO_VYSHINSKY) && first.endsWith("had mainly already arrived."), first);
        assertTrue(second.startsWith("The navy is somewhat behind") && second.endsWith("I called in advisers."),
                second);
        String content = anonymous().queryParam("embed", "texts").get("/documents/{d}", doc).then().statusCode(200)
                .extract().path("texts[0].content");
        int at = content.indexOf("The navy");
        assertEquals(content.substring(0, at).strip(), first, "every word on one canvas");
        assertEquals(content.substring(at).strip(), second);
    }

    private static String supplementing(JsonNode canvas) {
        List<String> values = new ArrayList<>();
        canvas.path("annotations").get(0).path("items").forEach(a -> {
            if (a.path("motivation").asText().equals("supplementing")) {
                values.add(a.path("body").path("value").asText());
            }
        });
        assertEquals(1, values.size(), canvas.toString());
        return values.get(0);
    }

    @Test
    void aCollectionListsTheManifestsOfItsVisibleDocumentsOnly() throws IOException {
        String collection = Collections.titled("IIIF collection").description("For IIIF.").create();
        String cable = cable(collection);
        String draft = Documents.cable().set("visibility", "DRAFT").set("collection_ids", List.of(collection))
                .create();
        media(draft, "https://images.example.org/draft.jpg", 1, "Draft page");
        String withoutImage = Documents.cable().set("visibility", "PUBLISHED")
                .set("collection_ids", List.of(collection)).create();
        media(withoutImage, "urn:example:not-http", 1, "Not a web image");

        JsonNode iiif = valid(anonymous().get("/collections/{c}/iiif-collection", collection));
        assertEquals("Collection", iiif.path("type").asText());
        assertEquals(1, iiif.path("items").size(), iiif.toPrettyString());
        assertTrue(iiif.path("items").get(0).path("id").asText().endsWith("/documents/" + cable + "/iiif-manifest"));
        JsonNode editors = valid(api().get("/collections/{c}/iiif-collection", collection));
        assertEquals(2, editors.path("items").size(), "an editor sees the draft's manifest too");

        anonymous().get("/documents/{d}/iiif-manifest", draft).then().statusCode(404);
        valid(api().get("/documents/{d}/iiif-manifest", draft));
        anonymous().get("/documents/{d}/iiif-manifest", withoutImage).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
