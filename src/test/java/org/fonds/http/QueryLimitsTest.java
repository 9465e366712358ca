package org.fonds.http;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Collections;
import org.fonds.testing.Documents;
import org.junit.jupiter.api.Test;

/** Requests too costly to answer are 400 problems naming the parameter, answered at once, never a slow query. */
@QuarkusTest
class QueryLimitsTest {

    @Test
    void aSearchQueryHasAtMost32WordsAndOperators() {
        String words = String.join(" ", Collections.nCopies(16, "kim or"));
        api().queryParam("q", words.substring(0, words.length() - 3)).get("/search/documents").then().statusCode(200);
        rejected(malformed().queryParam("q", words + " stalin"), "/search/documents", "q");
        rejected(malformed().queryParam("q", "x".repeat(501)), "/search/documents", "q");
    }

    @Test
    void dayCountsNeedABoundedSpanOfAtMostTenYears() {
        api().queryParam("granularity", "DAY").queryParam("from", "1950").queryParam("to", "1959")
                .get("/dates/counts").then().statusCode(200);
        rejected(malformed().queryParam("granularity", "DAY").queryParam("from", "1900").queryParam("to", "1950"),
                "/dates/counts", "granularity");
        rejected(malformed().queryParam("granularity", "DAY").queryParam("from", "1950"), "/dates/counts",
                "granularity");
    }

    @Test
    void embedNamesAtMostSixValues() {
        String doc = Documents.cable().create();
        api().queryParam("embed", "texts,participants,links,media,annotations,all").get("/documents/" + doc).then()
                .statusCode(200);
        rejected(malformed().queryParam("embed", String.join(",", Collections.nCopies(7, "texts"))),
                "/documents/" + doc, "embed");
    }

    @Test
    void pageSizesAndNameQueriesAreBounded() {
        rejected(malformed().queryParam("limit", 101), "/documents", "limit");
        rejected(malformed().queryParam("q", "Shtykov".repeat(80)), "/search/agents", "q");
    }

    private static void rejected(RequestSpecification request, String path, String parameter) {
        request.get(path).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo(parameter))
                .time(lessThan(5000L));
    }
}
