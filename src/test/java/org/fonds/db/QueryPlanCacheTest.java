package org.fonds.db;

import static org.fonds.testing.Api.api;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.fonds.testing.Documents;
import org.fonds.testing.Texts;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.Test;

/**
 * The read paths reuse Hibernate's cached plan of their native SQL. A native query whose result mapping Hibernate
 * cannot compare with an earlier one (createNativeQuery(sql, String.class) did so) adds a plan to the cache on every
 * request, all with the same hash: the cache fills up and every lookup then compares the key with thousands of
 * entries, which made GET /documents/{id}?embed=all five times slower at 1,000,000 documents.
 */
@QuarkusTest
class QueryPlanCacheTest {

    private static final int REPEAT = 30;

    @Inject
    EntityManagerFactory factory;

    @Test
    void repeatingARequestDoesNotAddQueryPlans() {
        String doc = Documents.cable().title("Plan cache").create();
        String text = Texts.opening().create(doc);
        List<String> reads = List.of("/documents/" + doc + "?embed=all", "/documents/" + doc + "?embed=texts",
                "/documents/" + doc + "/texts/" + text, "/documents/" + doc + "/texts/" + text + "/revisions",
                "/documents/" + doc + "/revisions/0",
                "/documents?kind=CABLE&date_from=1950-01-01&date_to=1953-12-31", "/search/documents?q=plan",
                "/search/documents?q=plan&sort=DATE", "/search/agents?q=shtykov", "/search/places?q=pyongyang",
                "/agents?name=Shtykov", "/timeline?from=1950-01-01&to=1950-12-31",
                "/dates/counts?granularity=YEAR");
        for (String path : reads) {
            api().get(path).then().statusCode(200); // the first request caches its plans
            int before = plans();
            for (int i = 0; i < REPEAT; i++) {
                api().get(path).then().statusCode(200);
            }
            int added = plans() - before;
            assertTrue(added < REPEAT / 3, path + " added " + added + " query plans in " + REPEAT + " requests");
        }
    }

    private int plans() {
        QueryInterpretationCache cache = factory.unwrap(SessionFactoryImplementor.class).getQueryEngine()
                .getInterpretationCache();
        return cache.getNumberOfCachedQueryPlans();
    }
}
