package org.fonds.search;

import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.fonds.testing.Documents;
import org.junit.jupiter.api.Test;

/**
 * A search ranks and counts at most {@code fonds.search.candidates} matches of each field (here 2, with a page of
 * one), and says so with {@code counts_capped}; within the cap, counts are exact and the flag is false.
 */
@QuarkusTest
@TestProfile(SearchCandidatesTest.TwoCandidates.class)
class SearchCandidatesTest {

    public static class TwoCandidates implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("fonds.search.candidates", "2");
        }
    }

    @Test
    void countsBeyondTheCandidatesAreCappedAndSaySo() {
        String marker = "qzcapped" + Long.toString(System.nanoTime(), 26).replaceAll("[0-9]", "q") + "x";
        for (int i = 0; i < 4; i++) {
            Documents.cable().title("Cable " + i + " on " + marker).create();
        }
        String memo = Documents.of("MEMORANDUM").title("Memorandum on " + marker).create();
        // 5 title matches, candidates of a page of one: 2 (the cap), plus one to tell there are more
        api().queryParam("q", marker).queryParam("limit", 1).get("/search/documents").then().statusCode(200)
                .body("counts_capped", equalTo(true))
                .body("total", equalTo(3))
                .body("items", hasSize(1))
                .body("next_offset", equalTo(1));
        // a page of 20 takes 21 candidates: all 5, exact
        api().queryParam("q", marker).get("/search/documents").then().statusCode(200)
                .body("counts_capped", equalTo(false))
                .body("total", equalTo(5))
                .body("facets.kind.value", org.hamcrest.Matchers.contains("CABLE", "MEMORANDUM"))
                .body("facets.kind.count", org.hamcrest.Matchers.contains(4, 1));
        // the filter applies before the cap: one memorandum, exact
        api().queryParam("q", marker).queryParam("kind", "MEMORANDUM").queryParam("limit", 1)
                .get("/search/documents").then().statusCode(200)
                .body("counts_capped", equalTo(false))
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(memo));
    }
}
