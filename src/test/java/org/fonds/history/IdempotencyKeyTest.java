package org.fonds.history;

import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.etag;
import static org.fonds.testing.Api.malformed;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.fonds.testing.Documents;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/** A retried POST with the same Idempotency-Key answers the first response and creates nothing new. */
@QuarkusTest
class IdempotencyKeyTest {

    private static String language() {
        return "x-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Response create(Map<String, Object> body, String key) {
        return api().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).post("/documents");
    }

    @Test
    void aRetriedCreateAnswersTheFirstResultAndCreatesNothing() {
        String language = language();
        Map<String, Object> body = Documents.cable().language(language).body();
        String key = UUID.randomUUID().toString();

        Response first = create(body, key);
        first.then().statusCode(201);
        Response retry = create(body, key);
        retry.then().statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("ETag", equalTo(first.header("ETag")))
                .body("id", equalTo(first.path("id")))
                .body("created_at", equalTo(first.path("created_at")));
        assertEquals(first.asString(), retry.asString(), "the same body");
        api().queryParam("language", language).get("/documents").then()
                .body("items.id", equalTo(List.of((String) first.path("id"))));

        // without a key, or with another, a POST creates again
        create(body, UUID.randomUUID().toString()).then().statusCode(201);
        api().contentType(ContentType.JSON).body(body).post("/documents").then().statusCode(201);
        api().queryParam("language", language).get("/documents").then().body("items.size()", equalTo(3));
    }

    @Test
    void theSameKeyForAnotherRequestIsAProblem() {
        String language = language();
        String key = UUID.randomUUID().toString();
        create(Documents.cable().language(language).body(), key).then().statusCode(201);

        create(Documents.cable().language(language).title("Another body").body(), key).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/idempotency-key-reused"));
        api().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("label", "Another path"))
                .post("/subjects").then().statusCode(422).body("type", equalTo("/problems/idempotency-key-reused"));
        api().queryParam("language", language).get("/documents").then().body("items.size()", equalTo(1));
    }

    @Test
    void aFailedRequestStoresNothingAndMalformedKeysAreRefused() {
        String key = UUID.randomUUID().toString();
        String language = language();
        api().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Documents.cable().language(language).date("1950-02-30").body()).post("/documents").then()
                .statusCode(422).body("type", equalTo("/problems/validation-failed"));
        create(Documents.cable().language(language).body(), key).then().statusCode(201);

        malformed().contentType(ContentType.JSON).header("Idempotency-Key", "x".repeat(256))
                .body(Documents.cable().body()).post("/documents").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"));
        malformed().contentType(ContentType.JSON).header("Idempotency-Key", "with space")
                .body(Documents.cable().body()).post("/documents").then().statusCode(400);
        // an empty key (a script whose key variable is unset) is refused, not taken for no key: a retry of it would
        // otherwise create a second resource
        malformed().contentType(ContentType.JSON).header("Idempotency-Key", "")
                .body(Documents.cable().language(language).body()).post("/documents").then().statusCode(400)
                .body("type", equalTo("/problems/invalid-parameter"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void concurrentDuplicatesCreateOneResource() throws Exception {
        String language = language();
        Map<String, Object> body = Documents.cable().language(language).body();
        String key = UUID.randomUUID().toString();
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> responses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            responses.add(pool.submit(() -> {
                start.await();
                return create(body, key);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        HashSet<String> ids = new HashSet<>();
        for (Future<Response> f : responses) {
            Response r = f.get(2, TimeUnit.MINUTES);
            statuses.add(r.statusCode());
            ids.add(r.path("id"));
        }
        pool.shutdown();
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), statuses);
        assertEquals(1, ids.size(), "every duplicate answers the one document created");
        api().queryParam("language", language).get("/documents").then()
                .body("items.id", equalTo(new ArrayList<>(ids)));
    }

    @Test
    void subResourcesAndRestoresReplayToo() {
        String doc = Documents.cable().create();
        String key = UUID.randomUUID().toString();
        Map<String, Object> text = Texts.opening().body();
        String first = api().contentType(ContentType.JSON).header("Idempotency-Key", key).body(text)
                .post("/documents/{d}/texts", doc).then().statusCode(201).extract().path("id");
        api().contentType(ContentType.JSON).header("Idempotency-Key", key).body(text)
                .post("/documents/{d}/texts", doc).then().statusCode(201).body("id", equalTo(first));
        api().get("/documents/{d}/texts", doc).then().body("items.id", equalTo(List.of(first)));

        api().contentType("application/merge-patch+json").header("If-Match", etag("/documents/{d}", doc))
                .body("{\"title\":\"Changed\"}").patch("/documents/{d}", doc).then().statusCode(200);
        String restoreKey = UUID.randomUUID().toString();
        api().header("Idempotency-Key", restoreKey).post("/documents/{d}/revisions/0/restore", doc).then()
                .statusCode(200).body("version", equalTo(2));
        api().header("Idempotency-Key", restoreKey).post("/documents/{d}/revisions/0/restore", doc).then()
                .statusCode(200).header("ETag", equalTo("\"2\"")).body("version", equalTo(2));
        api().get("/documents/{d}", doc).then().body("version", equalTo(2));
    }
}
