package org.fonds.name;

import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fonds.agent.Agent;
import org.fonds.testing.Agents;
import org.fonds.testing.Names;
import org.junit.jupiter.api.Test;

/**
 * The passes of the name search (NameSearch.search: exact and prefix, then the similar variants at 0.6, at 0.45, then
 * all of them) give the page the complete pass alone gives, the search as it was before the passes: each page of
 * GET /search/agents is compared, hit by hit (agent, match, score, variant), with the complete pass run on the same
 * database. The sample archive's names (transliterations and the Cyrillic of Shtykov, Pak Heon-yeong, Vasil'yev...),
 * and names made for the test whose variants score on every side of the passes' thresholds, so that the first
 * narrowed pass fills a short page, the second a longer one, and the complete pass the longest.
 */
@QuarkusTest
class NameSearchPassesTest {

    private static final NameSearch.Tables<Agent> AGENTS = new NameSearch.Tables<>(Agent.class, "agent", "agent_name",
            "agent_id");

    @Inject
    EntityManager em;

    @Test
    void theSampleArchivesNamesGiveTheCompletePassesPage() {
        for (String q : List.of("Shtykov", "Shtykow", "Штыков", "Shtikov", "Shtykov Terentii", "Terentii Fomich",
                "Pak Heon-yeong", "Pak Hon Yong", "박헌영", "Kim Il-sung", "Kim Ilsong", "Vasil'yev", "Vasilev", "Tere",
                "Pyongyang", "Gromyko")) {
            for (int limit : List.of(1, 3, 20, 100)) {
                assertEquals(complete(q, limit, null), page(q, limit, null), q + ", limit " + limit);
            }
        }
    }

    @Test
    void eachPassFillsThePageItCanAndTheNextFillsTheRest() {
        String t = Names.token(); // the query; no variant below starts with it, so every hit is SIMILAR
        String head = t.substring(0, 7);
        List<String> ids = new ArrayList<>();
        // 0.78 (word similarity: t with its last letter changed): found by the first narrowed pass (0.6)
        for (char d : "1234".toCharArray()) {
            ids.add(Agents.person(head + d).create());
        }
        // 0.5 and 0.56 (its fourth or fifth letter changed): by the second (0.45)
        for (char d : "123".toCharArray()) {
            ids.add(Agents.person(t.substring(0, 3) + d + t.substring(4)).create());
            ids.add(Agents.organisation(t.substring(0, 4) + d + t.substring(5)).create());
        }
        // 0.38 (its fourth and fifth letters changed): by the complete pass only
        for (int i = 0; i < 12; i++) {
            ids.add(Agents.person(t.substring(0, 3) + i % 10 + (i / 10 + 5) + t.substring(5)).create());
        }
        // an agent with a close and a far variant shows the close one; another whose best variant is of the second pass
        String twoVariants = Agents.person(t.substring(0, 3) + "77" + t.substring(5)).name(head + "9", "en").create();
        String secondPass = Agents.person(t.substring(0, 3) + "88" + t.substring(5))
                .name(t.substring(0, 3) + "8" + t.substring(4), "de").create();

        List<List<Object>> all = page(t, 100, null);
        assertEquals(ids.size() + 2, all.size(), all::toString);
        assertTrue(all.stream().allMatch(hit -> hit.get(1).equals("SIMILAR")), all::toString);
        assertEquals(List.of(twoVariants, "SIMILAR", score(all, twoVariants), head + "9"),
                all.stream().filter(hit -> hit.get(0).equals(twoVariants)).findFirst().orElseThrow());
        assertTrue(score(all, twoVariants) >= 0.6 && score(all, secondPass) >= 0.45 && score(all, secondPass) < 0.6,
                all::toString);

        // limit 3: the first narrowed pass fills it; 8: the second; 20: the complete pass (its last hits below 0.45)
        for (int limit : List.of(1, 3, 5, 6, 8, 12, 13, 20, 27, 100)) {
            List<List<Object>> page = page(t, limit, null);
            assertEquals(complete(t, limit, null), page, "limit " + limit);
            assertEquals(all.subList(0, Math.min(limit, all.size())), page, "limit " + limit);
        }
        assertTrue(page(t, 3, null).stream().allMatch(hit -> (double) hit.get(2) >= 0.6));
        List<List<Object>> eight = page(t, 8, null);
        assertTrue((double) eight.get(7).get(2) >= 0.45 && (double) eight.get(7).get(2) < 0.6, eight::toString);
        List<List<Object>> twenty = page(t, 20, null);
        assertEquals(20, twenty.size());
        assertTrue((double) twenty.get(19).get(2) < 0.45, twenty::toString);

        // a filter on the owner (type) leaves out agents after the passes: the pages are still the complete pass's
        for (int limit : List.of(3, 8, 20)) {
            assertEquals(complete(t, limit, "PERSON"), page(t, limit, "PERSON"), "PERSON, limit " + limit);
        }
    }

    private static double score(List<List<Object>> hits, String id) {
        return (double) hits.stream().filter(hit -> hit.get(0).equals(id)).findFirst().orElseThrow().get(2);
    }

    /** The hits of GET /search/agents: agent id, match, score, the matched variant's value. */
    private static List<List<Object>> page(String q, int limit, String type) {
        RequestSpecification request = api().queryParam("q", q).queryParam("limit", limit);
        if (type != null) {
            request.queryParam("type", type);
        }
        List<Map<String, Object>> items = request.get("/search/agents").then().statusCode(200).extract().path("items");
        return items.stream().map(i -> List.<Object>of(((Map<?, ?>) i.get("agent")).get("id"), i.get("match"),
                rounded(((Number) i.get("score")).doubleValue()), ((Map<?, ?>) i.get("matched_variant")).get("value")))
                .toList();
    }

    /** The same hits from the complete pass alone (every similar variant scored), as the search was before its passes. */
    private List<List<Object>> complete(String q, int limit, String type) {
        return QuarkusTransaction.requiringNew().call(() -> NameSearch.find(em, AGENTS, NameSearch.Query.of(q, limit),
                type == null ? null : "o.type = :type", type == null ? Map.of() : Map.of("type", type),
                NameSearch.Pass.COMPLETE).stream().map(f -> List.<Object>of(f.owner().id.toString(),
                f.hit().match().name(), rounded(f.hit().roundedScore()), f.hit().value())).toList());
    }

    /** A score as the response shows it (three decimals), whether read as a float from JSON or as a double. */
    private static double rounded(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
