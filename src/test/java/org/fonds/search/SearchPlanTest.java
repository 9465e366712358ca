package org.fonds.search;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The search query can be answered through the GIN index of the documents' stored vectors (V20), never by computing
 * vectors per query. The sample archive is too small for the planner to prefer the indexes, so sequential and plain index
 * scans are discouraged for the EXPLAIN (with the LIMIT of the candidates, a walk of any btree index would otherwise
 * look as cheap); the plan is logged.
 */
@QuarkusTest
class SearchPlanTest {

    private static final Logger LOG = Logger.getLogger(SearchPlanTest.class);

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void theMatchIsOneScanOfTheGinIndexOfTheDocumentsVectors() {
        em.createNativeQuery("SET LOCAL enable_seqscan = off").executeUpdate();
        em.createNativeQuery("SET LOCAL enable_indexscan = off").executeUpdate();
        em.createNativeQuery("SET LOCAL enable_indexonlyscan = off").executeUpdate();
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = SearchRepository.sql(new SearchFilter("\"large subchaser\" trawler -tank", null,
                null, null, null, null, null, null, null, null, null, null, null), SearchSort.RELEVANCE, null, params);
        Query explain = em.createNativeQuery("EXPLAIN " + sql);
        params.forEach(explain::setParameter);
        explain.setParameter("limit", 20);
        explain.setParameter("offset", 0);
        explain.setParameter("cap", 1001);
        @SuppressWarnings("unchecked")
        String plan = String.join("\n", (List<String>) explain.getResultList());
        LOG.info("Plan of the search query:\n" + plan);
        // one GIN scan of the documents' whole vectors (V20), not one per field
        assertThat(plan, containsString("document_search_vector_idx"));
        assertThat(plan, not(containsString("text_search_idx")));
        assertThat(plan, not(containsString("annotation_search_idx")));
    }
}
