package org.fonds.agent;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.fonds.testing.Agents;
import org.fonds.testing.Api;
import org.fonds.testing.Documents;
import org.fonds.testing.Names;
import org.fonds.testing.Pages;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgentResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void createThenReadReturnsEveryFieldWithLocationAndETag() {
        String mission = Agents.organisation("Soviet Embassy in Pyongyang").create();
        String wikidata = Names.wikidataId();
        Response created = Agents.shtykov()
                .office("Soviet ambassador to the DPRK", mission, "1948-10", "1951")
                .identifier("WIKIDATA", wikidata)
                .note("Signed the cable of 30 May 1950 to Vyshinsky.")
                .post()
                .header("Location", containsString("/agents/"))
                .header("ETag", notNullValue())
                .body("type", equalTo("PERSON"))
                .body("preferred_name", equalTo("Terentii Shtykov"))
                .body("existence", equalTo("1907/1964"))
                .body("existence_range.earliest", equalTo("1907-01-01"))
                .body("existence_range.latest", equalTo("1964-12-31"))
                .extract().response();
        String id = created.path("id");
        assertTrue(created.header("Location").endsWith("/agents/" + id));

        api().get("/agents/{id}", id).then()
                .statusCode(200)
                .header("ETag", equalTo(created.header("ETag")))
                .body("id", equalTo(id))
                .body("names.value", equalTo(List.of("Terentii Shtykov", "Штыков, Терентий Фомич",
                        "Shtykov, Terentiĭ Fomich")))
                .body("names.language", equalTo(List.of("en", "ru-Cyrl", "ru-Latn")))
                .body("names[2].transliteration", equalTo("LIBRARY_OF_CONGRESS"))
                .body("names.preferred", equalTo(List.of(true, false, false)))
                .body("offices[0].title", equalTo("Soviet ambassador to the DPRK"))
                .body("offices[0].organisation_id", equalTo(mission))
                .body("offices[0].start", equalTo("1948-10"))
                .body("offices[0].end", equalTo("1951"))
                .body("identifiers", equalTo(List.of(Map.of("scheme", "WIKIDATA", "value", wikidata))))
                .body("note", equalTo("Signed the cable of 30 May 1950 to Vyshinsky."))
                .body("created_at", notNullValue())
                .body("version", equalTo(0));
    }

    @Test
    void officesAndCollectiveBodiesAreAgentsToo() {
        Agents.office("Secretary of State").post().body("type", equalTo("OFFICE"));
        Agents.group("Politburo").name("Политбюро ЦК ВКП(б)", "ru-Cyrl").post()
                .body("type", equalTo("GROUP"))
                .body("preferred_name", equalTo("Politburo"));
        Agents.organisation("Korean People's Army").name("조선인민군", "ko-Hang").post()
                .body("type", equalTo("ORGANISATION"));
    }

    @Test
    void nameVariantsKeepTheirOrderAndExactlyOneIsPreferred() {
        Response created = Agents.person("Kim Il Sung")
                .preferredName("김일성", "ko-Hang")
                .transliteration("Kim Il-sŏng", "ko-Latn", "MCCUNE_REISCHAUER")
                .transliteration("Gim Il-seong", "ko-Latn", "REVISED_ROMANIZATION")
                .existence("1912-04-15/1994-07-08")
                .post()
                .body("preferred_name", equalTo("김일성"))
                .body("names.value", equalTo(List.of("Kim Il Sung", "김일성", "Kim Il-sŏng", "Gim Il-seong")))
                .body("names.preferred", equalTo(List.of(false, true, false, false)))
                .extract().response();
        String id = created.path("id");

        // a new order, none flagged: the first is preferred
        Map<String, Object> body = Agents.person("Pak Heon-yeong")
                .name("박헌영", "ko-Hang")
                .transliteration("Pak Hŏn-yŏng", "ko-Latn", "MCCUNE_REISCHAUER")
                .transliteration("Pak Hon Yong", "ko-Latn", "OTHER")
                .body();
        api().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(body)
                .put("/agents/{id}", id).then()
                .statusCode(200)
                .body("preferred_name", equalTo("Pak Heon-yeong"))
                .body("names.value", equalTo(List.of("Pak Heon-yeong", "박헌영", "Pak Hŏn-yŏng", "Pak Hon Yong")))
                .body("names.preferred", equalTo(List.of(true, false, false, false)))
                .body("names[3].transliteration", equalTo("OTHER"));
        api().get("/agents/{id}", id).then()
                .body("names.value", equalTo(List.of("Pak Heon-yeong", "박헌영", "Pak Hŏn-yŏng", "Pak Hon Yong")))
                .body("names.preferred", equalTo(List.of(true, false, false, false)));

        // the preferred flag moves to the last name, and the list shrinks
        api().contentType(MERGE_PATCH)
                .body(Map.of("names", List.of(Names.variant("Pak Hon Yong", "ko-Latn", null, false),
                        Names.variant("박헌영", "ko-Hang", null, true))))
                .header("If-Match", Api.etag("/agents/{id}", id)).patch("/agents/{id}", id).then()
                .statusCode(200)
                .body("preferred_name", equalTo("박헌영"))
                .body("names.value", equalTo(List.of("Pak Hon Yong", "박헌영")))
                .body("names.preferred", equalTo(List.of(false, true)));
    }

    @Test
    void conditionalGetAnswers304WhileTheETagIsCurrent() {
        String id = Agents.shtykov().create();
        String etag = api().get("/agents/{id}", id).then().statusCode(200).extract().header("ETag");

        api().header("If-None-Match", etag).get("/agents/{id}", id).then()
                .statusCode(304)
                .header("ETag", equalTo(etag))
                .body(emptyOrNullString());

        api().contentType(MERGE_PATCH).body("{\"note\":\"Changed\"}").header("If-Match", Api.etag("/agents/{id}", id)).patch("/agents/{id}", id).then().statusCode(200);
        api().header("If-None-Match", etag).get("/agents/{id}", id).then().statusCode(200);
    }

    @Test
    void putReplacesEveryFieldAndStaleIfMatchIs412() {
        String id = Agents.shtykov().note("to be cleared").identifier("VIAF", "123456789").create();
        String etag = api().get("/agents/{id}", id).then().extract().header("ETag");

        String newEtag = api().contentType(ContentType.JSON).header("If-Match", etag)
                .body(Agents.group("Politburo").body())
                .put("/agents/{id}", id).then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("type", equalTo("GROUP"))
                .body("names", hasSize(1))
                .body("existence", nullValue())
                .body("existence_range", nullValue())
                .body("identifiers", hasSize(0))
                .body("note", nullValue())
                .body("version", equalTo(1))
                .extract().header("ETag");

        api().contentType(ContentType.JSON).header("If-Match", etag).body(Agents.shtykov().body())
                .put("/agents/{id}", id).then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-failed"));
        api().contentType(MERGE_PATCH).header("If-Match", etag).body("{\"note\":\"Lost edit\"}")
                .patch("/agents/{id}", id).then().statusCode(412);
        api().header("If-Match", etag).delete("/agents/{id}", id).then().statusCode(412);

        api().get("/agents/{id}", id).then().statusCode(200)
                .header("ETag", equalTo(newEtag))
                .body("preferred_name", equalTo("Politburo"));
    }

    @Test
    void mergePatchChangesOnlyTheGivenFieldsAndNullClears() {
        String id = Agents.shtykov().note("to be cleared").identifier("VIAF", "987654321").create();
        api().contentType(MERGE_PATCH).body("{\"existence\":\"1907-11-13/1964-10-25\",\"note\":null}")
                .header("If-Match", Api.etag("/agents/{id}", id)).patch("/agents/{id}", id).then()
                .statusCode(200)
                .body("preferred_name", equalTo("Terentii Shtykov"))
                .body("names", hasSize(3))
                .body("existence_range.earliest", equalTo("1907-11-13"))
                .body("identifiers[0].value", equalTo("987654321"))
                .body("note", nullValue())
                .body("version", equalTo(1));
    }

    @Test
    void mergePatchResultIsValidatedLikeAPut() {
        String id = Agents.shtykov().create();
        api().contentType(MERGE_PATCH)
                .body(Map.of("names", List.of(Names.variant("Kim Il Sung", "en", null, true),
                        Names.variant("김일성", "ko-Hang", null, true)), "existence", "1912-13"))
                .header("If-Match", Api.etag("/agents/{id}", id)).patch("/agents/{id}", id).then()
                .statusCode(422)
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", hasItem("names"))
                .body("errors.field", hasItem("existence"));
        api().get("/agents/{id}", id).then().body("preferred_name", equalTo("Terentii Shtykov")).body("version", equalTo(0));
    }

    @Test
    void invalidFieldsAre422NamingTheField() {
        invalid(Agents.person("Kim Il Sung").name("김일성", "not a tag"), "names[1].language");
        invalid(Agents.shtykov().existence("1907-13/1964"), "existence");
        invalid(Agents.shtykov().set("names", List.of()), "names");
        invalid(Agents.person("Kim Il Sung").name(" ", "ko-Hang"), "names[1].value");
        invalid(Agents.person("Kim Il Sung").preferredName("김일성", "ko-Hang").preferredName("Kim Il-sŏng", "ko-Latn"),
                "names")
                .body("errors.message", hasItem("at most one name can be preferred"));
        invalid(Agents.person("Kim Il Sung").transliteration("Kim Il-sung", "ko-Latn", "KONTSEVICH"),
                "names[1].transliteration");
        invalid(Agents.shtykov().identifier("ISNI", "0000000121032683"), "identifiers[0].scheme");
        invalid(Agents.shtykov().identifier("WIKIDATA", "Shtykov"), "identifiers[0].value")
                .body("errors.message", hasItem(containsString("Wikidata item id")));
        invalid(Agents.shtykov().identifier("VIAF", "Q123"), "identifiers[0].value");
        invalid(Agents.shtykov().identifier("ORCID", "0000-0002-1825-0098"), "identifiers[0].value");
        invalid(Agents.shtykov().office("Soviet ambassador to the DPRK", null, "1948-1O", null), "offices[0].start");
        invalid(Agents.shtykov().office("Soviet ambassador to the DPRK", null, "1951", "1948"), "offices[0].end");
        invalid(Agents.shtykov().office("Soviet ambassador to the DPRK", "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b", null,
                null), "offices[0].organisation_id");
        invalid(Agents.shtykov().set("type", "COMMITTEE"), "type");

        Agents.shtykov().identifier("ORCID", "0000-0002-1825-0097").identifier("GND", "118540238")
                .identifier("LCNAF", "n79021164").identifier("OTHER", "Shtykov-1907").post();
    }

    private static ValidatableResponse invalid(Agents agent, String field) {
        return malformed().contentType(ContentType.JSON).body(agent.body()).post("/agents").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", hasItem(field));
    }

    @Test
    void listFiltersByTypeNameInAnyVariantAndIdentifier() {
        String token = Names.cyrillicToken();
        String wikidata = Names.wikidataId();
        String shtykov = Agents.shtykov().name("Штыков-" + token, "ru-Cyrl").identifier("WIKIDATA", wikidata).create();
        String politburo = Agents.group("Politburo").name("Политбюро " + token, "ru-Cyrl").create();
        Agents.person("Vasil'yev").name("Васильев", "ru-Cyrl").create();

        // case-insensitive substring of any variant, not only the preferred name
        api().queryParam("name", token.toUpperCase()).get("/agents").then().statusCode(200)
                .body("items.id", equalTo(List.of(shtykov, politburo)))
                .body("items[0].preferred_name", equalTo("Terentii Shtykov"))
                .body("items[0].names", hasSize(4))
                .body("items[0].existence_range.latest", equalTo("1964-12-31"));
        api().queryParam("name", token).queryParam("type", "GROUP").get("/agents").then()
                .body("items.id", equalTo(List.of(politburo)));
        api().queryParam("identifier", "wikidata:" + wikidata).get("/agents").then()
                .body("items.id", equalTo(List.of(shtykov)));
        api().queryParam("identifier", "WIKIDATA:" + wikidata).queryParam("type", "ORGANISATION").get("/agents").then()
                .body("items", hasSize(0));
        // LIKE wildcards in the filter match literally
        api().queryParam("name", token.substring(0, 3) + "%" + token.substring(4)).get("/agents").then()
                .body("items", hasSize(0));
    }

    @Test
    void listPagesThroughEveryMatchOnceInCreationOrder() {
        String token = Names.token();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Agents.person("General Vasil'yev " + token + " " + i).create());
        }
        List<List<String>> pages = Pages.ids("/agents", Map.of("name", token), 2);
        assertEquals(3, pages.size());
        assertEquals(created, pages.stream().flatMap(List::stream).toList());

        String next = api().queryParam("name", token).queryParam("limit", 2).get("/agents").then().extract().path("next");
        api().queryParam("name", token + "x").queryParam("cursor", next).get("/agents").then()
                .statusCode(400)
                .body("type", equalTo("/problems/invalid-cursor"));
    }

    @Test
    void badFilterParametersAre400() {
        malformed().queryParam("identifier", "isni:0000000121032683").get("/agents").then()
                .statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("identifier"));
        malformed().queryParam("identifier", "Q5816").get("/agents").then().statusCode(400);
        malformed().queryParam("type", "COMMITTEE").get("/agents").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("type"));
        malformed().queryParam("name", "Shtykov".repeat(72)).get("/agents").then()
                .statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void deleteRemovesTheAgentAndItsNames() {
        String token = Names.token();
        String id = Agents.person("Postnikov " + token).create();
        String etag = api().get("/agents/{id}", id).then().extract().header("ETag");
        api().header("If-Match", etag).delete("/agents/{id}", id).then().statusCode(204);
        api().get("/agents/{id}", id).then().statusCode(410).body("type", equalTo("/problems/gone"));
        api().queryParam("name", token).get("/agents").then().body("items", hasSize(0));
        api().header("If-Match", "\"1\"").delete("/agents/{id}", id).then().statusCode(410);
    }

    @Test
    void anOrganisationThatOfficesNameIsNotDeleted() {
        String front = Agents.organisation("Fatherland Front").name("조국전선", "ko-Hang").create();
        String member = Agents.person("Pak Heon-yeong").office("Chairman", front, "1949", null).create();

        api().header("If-Match", Api.etag("/agents/{id}", front)).delete("/agents/{id}", front).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString(front));
        api().get("/agents/{id}", front).then().statusCode(200);

        api().contentType(MERGE_PATCH).body("{\"offices\":[]}").header("If-Match", Api.etag("/agents/{id}", member)).patch("/agents/{id}", member).then().statusCode(200);
        api().header("If-Match", Api.etag("/agents/{id}", front)).delete("/agents/{id}", front).then().statusCode(204);
    }

    /**
     * participant.agent_id restricts deletion (ON DELETE RESTRICT). Runs once the spec has an operation that adds a
     * participant to a document; until then there is no way through the API to make a document refer to an agent.
     */
    @Test
    void anAgentThatADocumentRefersToIsNotDeleted() throws IOException {
        String participants = participantsPath();
        assumeTrue(participants != null, "no participant API yet: POST /documents/{document_id}/participants");
        String agent = Agents.shtykov().create();
        String document = Documents.cable().create();
        api().contentType(ContentType.JSON).body(Map.of("agent_id", agent, "role", "SENDER"))
                .post(participants, document).then().statusCode(201);

        api().header("If-Match", Api.etag("/agents/{id}", agent)).delete("/agents/{id}", agent).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/conflict"))
                .body("detail", containsString(agent));
        api().get("/agents/{id}", agent).then().statusCode(200).body("names", hasSize(3));
    }

    private static String participantsPath() throws IOException {
        var paths = new ObjectMapper(new YAMLFactory()).readTree(Api.SPEC.toFile()).path("paths");
        return StreamSupport.stream(((Iterable<String>) paths::fieldNames).spliterator(), false)
                .filter(path -> path.matches("/documents/\\{[a-z_]+}/participants"))
                .filter(path -> paths.path(path).has("post"))
                .findFirst().orElse(null);
    }
}
