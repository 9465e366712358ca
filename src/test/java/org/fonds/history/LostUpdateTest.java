package org.fonds.history;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.fonds.testing.Agents;
import org.fonds.testing.Documents;
import org.fonds.testing.Subjects;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/** Lost updates are impossible: If-Match is required on every write (428), stale ones fail (412). */
@QuarkusTest
class LostUpdateTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int WRITERS = 8;
    private static final int CYCLES = 5;

    @Test
    void concurrentReadModifyWriteCyclesLoseNoAcceptedWrite() throws Exception {
        String id = Documents.cable().create();
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        AtomicInteger stale = new AtomicInteger();
        List<Integer> unexpected = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                start.await();
                for (int cycle = 0; cycle < CYCLES; cycle++) {
                    String mark = "w" + writer + "-c" + cycle;
                    while (true) { // read, modify, write; on 412 read again
                        Response read = api().get("/documents/{id}", id);
                        List<String> numbers = new ArrayList<>(read.path("reference_numbers"));
                        numbers.add(mark);
                        Response write = api().contentType(MERGE_PATCH).header("If-Match", read.header("ETag"))
                                .body(Map.of("reference_numbers", numbers)).patch("/documents/{id}", id);
                        if (write.statusCode() == 200) {
                            accepted.add(mark);
                            break;
                        }
                        if (write.statusCode() == 412) {
                            stale.incrementAndGet();
                        } else {
                            synchronized (unexpected) {
                                unexpected.add(write.statusCode());
                            }
                            break;
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : writers) {
            f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertEquals(List.of(), unexpected, "every write is accepted (200) or refused as stale (412)");
        assertEquals(WRITERS * CYCLES, accepted.size());
        Response end = api().get("/documents/{id}", id);
        List<String> finalNumbers = end.path("reference_numbers");
        assertEquals(accepted, new HashSet<>(finalNumbers), "every accepted write's change is in the final state");
        assertEquals(WRITERS * CYCLES, finalNumbers.size(), "and only once");
        assertEquals(WRITERS * CYCLES, (int) end.path("version"), "one version per accepted write");
        // each accepted write is a revision, whose state has exactly the marks accepted until then
        List<Integer> versions = api().queryParam("limit", 100).get("/documents/{id}/revisions", id)
                .path("items.version");
        assertEquals(WRITERS * CYCLES + 1, versions.size());
        for (int v = 1; v <= WRITERS * CYCLES; v++) {
            List<String> state = api().get("/documents/{id}/revisions/{v}", id, v).path("state.reference_numbers");
            assertEquals(v, state.size());
        }
        assertTrue(stale.get() >= 0, "losers got 412: " + stale.get());
    }

    @Test
    void everyWriteWithoutIfMatchIsPreconditionRequired() {
        String doc = Documents.cable().create();
        String text = Texts.opening().create(doc);
        String agent = Agents.person("If-Match Person").create();
        String subject = Subjects.labelled("If-Match subject").create();

        malformed().contentType(MERGE_PATCH).body("{\"title\":\"No If-Match\"}").patch("/documents/{id}", doc).then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/precondition-required"))
                .body("status", equalTo(428));
        malformed().contentType(ContentType.JSON).body(Documents.cable().body()).put("/documents/{id}", doc).then()
                .statusCode(428);
        malformed().delete("/documents/{id}", doc).then().statusCode(428);
        malformed().header("If-Match", "*").delete("/documents/{id}", doc).then().statusCode(428);
        malformed().contentType(ContentType.JSON).body(Texts.opening().body())
                .put("/documents/{d}/texts/{t}", doc, text).then().statusCode(428);
        malformed().delete("/documents/{d}/texts/{t}", doc, text).then().statusCode(428);
        malformed().contentType(MERGE_PATCH).body("{\"note\":\"x\"}").patch("/agents/{a}", agent).then()
                .statusCode(428);
        malformed().delete("/subjects/{s}", subject).then().statusCode(428);
        // nothing changed
        api().get("/documents/{id}", doc).then().statusCode(200).body("version", equalTo(0));
        api().get("/subjects/{s}", subject).then().statusCode(200).body("version", equalTo(0));
    }
}
