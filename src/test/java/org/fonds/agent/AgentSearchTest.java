package org.fonds.agent;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Agents;
import org.fonds.testing.Names;
import org.fonds.testing.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Finding agents by name, with the seed's names. Other tests create agents with the same names (Terentii Shtykov,
 * Pak Heon-yeong …), so the seed's agents are looked for among the hits by id.
 */
@QuarkusTest
class AgentSearchTest {

    private String cable;

    @BeforeEach
    void findTheSeed() {
        cable = Seed.cable();
    }

    @Test
    void vasilyevIsFoundHoweverTheApostropheIsWritten() {
        String vasilyev = Seed.mentionedAgent(cable, "General Vasil’yev");
        for (String q : List.of("Vasil’yev", "Vasil'yev", "Vasilʼyev", "vasilyev", "VASILYEV", "Васильев")) {
            Map<String, Object> hit = hit(q, vasilyev);
            assertEquals("EXACT", hit.get("match"), q);
            assertEquals(1.0f, ((Number) hit.get("score")).floatValue(), q);
        }
        assertEquals(Map.of("value", "Vasilyev", "language", "en"), hit("Vasil'yev", vasilyev).get("matched_variant"));
        assertEquals(Map.of("value", "Васильев", "language", "ru-Cyrl"), hit("Васильев", vasilyev).get("matched_variant"));
        assertEquals(Map.of("value", "Vasilev", "language", "en"), hit("Vasilev", vasilyev).get("matched_variant"));
        api().queryParam("q", "Vasil'yev").get("/search/agents").then().statusCode(200)
                .body("key", equalTo("vasilyev"))
                .body("limit", equalTo(20));
    }

    @Test
    void shtykovIsFoundFromCyrillicAndMisspelt() {
        String shtykov = Seed.sender(cable);
        Map<String, Object> cyrillic = hit("Штыков", shtykov);
        assertEquals("EXACT", cyrillic.get("match"));
        assertEquals("Shtykov", ((Map<?, ?>) cyrillic.get("matched_variant")).get("value"));
        assertEquals("Terentii Shtykov", ((Map<?, ?>) cyrillic.get("agent")).get("preferred_name"));

        Map<String, Object> misspelt = hit("Shtikov", shtykov);
        assertEquals("SIMILAR", misspelt.get("match"));
        assertEquals("Shtykov", ((Map<?, ?>) misspelt.get("matched_variant")).get("value"));
        float score = ((Number) misspelt.get("score")).floatValue();
        assertTrue(score > 0.3 && score < 1, "score " + score);

        assertEquals("EXACT", hit("Терентий Фомич Штыков", shtykov).get("match"));
        assertEquals("PREFIX", hit("Tere", shtykov).get("match"));
    }

    @Test
    void pakHeonYeongIsFoundWithOrWithoutHyphens() {
        String pak = Seed.mentionedAgent(cable, "Pak Heon-yeong");
        Map<String, Object> hyphenated = hit("Pak Hon-yong", pak);
        assertEquals("EXACT", hyphenated.get("match"));
        assertEquals(Map.of("value", "Pak Hon Yong", "language", "ko-Latn"), hyphenated.get("matched_variant"));
        Map<String, Object> spaced = hit("pak heon yeong", pak);
        assertEquals("EXACT", spaced.get("match"));
        assertEquals("Pak Heon-yeong", ((Map<?, ?>) spaced.get("matched_variant")).get("value"));
        assertEquals("EXACT", hit("Pak Hŏn-yŏng", pak).get("match"));
        assertEquals("EXACT", hit("박헌영", pak).get("match"));
        Map<String, Object> unbroken = hit("Pak Heonyeong", pak);
        assertEquals("EXACT", unbroken.get("match"), "word breaks do not count");
        assertEquals("Pak Heon-yeong", ((Map<?, ?>) unbroken.get("agent")).get("preferred_name"));
    }

    @Test
    void exactMatchesComeBeforePrefixesBeforeMisspellings() {
        String token = Names.token();
        String similar = Agents.person("Zo" + token.substring(1) + "ow").create();
        String prefix = Agents.person("Ivan " + token + "owsky").create();
        String exact = Agents.person(token + "ow").create();
        String exactOrganisation = Agents.organisation(token + "-Ow").create();
        JsonPath found = api().queryParam("q", token + "ow").get("/search/agents").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of(exact, exactOrganisation, prefix, similar), found.getList("items.agent.id"),
                found::prettify);
        assertEquals(List.of("EXACT", "EXACT", "PREFIX", "SIMILAR"), found.getList("items.match"));
        List<Float> scores = found.getList("items.score", Float.class);
        assertEquals(List.of(1.0f, 1.0f), scores.subList(0, 2));
        assertTrue(scores.get(3) < 1, "a misspelling scores below 1: " + scores);

        api().queryParam("q", token + "ow").queryParam("type", "PERSON").get("/search/agents").then()
                .body("items.agent.id", contains(exact, prefix, similar))
                .body("items.agent.type", everyItem(equalTo("PERSON")));
        api().queryParam("q", token + "ow").queryParam("limit", 1).get("/search/agents").then()
                .body("items.agent.id", contains(exact))
                .body("limit", equalTo(1));
        api().queryParam("q", Names.token() + Names.token()).get("/search/agents").then().statusCode(200)
                .body("items", empty());
    }

    @Test
    void theQueryIsChecked() {
        problem(malformed(), "q");
        problem(malformed().queryParam("q", ""), "q");
        problem(malformed().queryParam("q", "  "), "q");
        problem(api().queryParam("q", "’-’"), "q");
        problem(malformed().queryParam("q", "x".repeat(501)), "q");
        problem(malformed().queryParam("q", "Shtykov").queryParam("limit", 101), "limit");
        problem(malformed().queryParam("q", "Shtykov").queryParam("limit", 0), "limit");
    }

    private static void problem(io.restassured.specification.RequestSpecification request, String parameter) {
        request.get("/search/agents").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors.field", contains(parameter));
    }

    /** The hit of agent {@code id} among the agents found by {@code q}. */
    private static Map<String, Object> hit(String q, String id) {
        List<Map<String, Object>> items = api().queryParam("q", q).queryParam("limit", 100).get("/search/agents")
                .then().statusCode(200).body("items", hasSize(org.hamcrest.Matchers.greaterThan(0)))
                .extract().path("items");
        Map<String, Object> hit = items.stream().filter(i -> id.equals(((Map<?, ?>) i.get("agent")).get("id")))
                .findFirst().orElse(null);
        assertNotNull(hit, () -> "searching " + q + " does not find " + id + " among " + items);
        return hit;
    }
}
