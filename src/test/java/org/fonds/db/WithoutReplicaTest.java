package org.fonds.db;

import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.fonds.testing.Documents;
import org.junit.jupiter.api.Test;

/**
 * Without a read replica (no {@code QUARKUS_DATASOURCE_REPLICA_JDBC_URL}: {@code make run} and the tests), nothing of
 * the replica's machinery shows: writes carry no consistency token (none is read from the database), and a read
 * that sends one is served as any other. ReplicaIT shows it all with a real replica.
 */
@QuarkusTest
class WithoutReplicaTest {

    @Inject
    Replica replica;

    @Test
    void noReplicaNoTokenAndATokenSentIsIgnored() {
        assertFalse(replica.configured());
        String id = Documents.cable().title("Without a replica").post()
                .statusCode(201)
                .header(ConsistencyTokens.HEADER, nullValue())
                .extract().path("id");
        api().header(ConsistencyTokens.HEADER, new ConsistencyTokens("x").encode(Long.MAX_VALUE))
                .get("/documents/{id}", id)
                .then().statusCode(200)
                .body("title", equalTo("Without a replica"))
                .header(ConsistencyTokens.HEADER, nullValue());
    }
}
