package org.fonds.access;

import static org.fonds.testing.Api.anonymous;
import static org.fonds.testing.Api.api;
import static org.fonds.testing.Api.as;
import static org.fonds.testing.Api.unauthenticated;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fonds.testing.Api;
import org.fonds.testing.Documents;
import org.fonds.testing.Places;
import org.fonds.testing.Subjects;
import org.fonds.testing.Texts;
import org.junit.jupiter.api.Test;

/** Bearer tokens and API keys: who is let in, with which role, and the problems of those who are not. */
@QuarkusTest
class AuthenticationTest {

    @Inject
    AgroalDataSource dataSource;

    private static final Map<String, Object> CABLE = Documents.cable().title("Authentication test cable").body();

    /** 401 problem; returns the WWW-Authenticate challenges: Bearer first, then ApiKey. */
    private static List<String> unauthorized(ValidatableResponse response) {
        List<String> challenges = response.statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/unauthenticated"))
                .body("status", equalTo(401))
                .extract().headers().getValues("WWW-Authenticate");
        assertEquals(2, challenges.size(), challenges.toString());
        assertThat(challenges.get(0), startsWith("Bearer realm=\"fonds\""));
        assertThat(challenges.get(1), startsWith("ApiKey realm=\"fonds\""));
        return challenges;
    }

    private static ValidatableResponse forbidden(ValidatableResponse response) {
        return response.statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/forbidden"))
                .body("status", equalTo(403));
    }

    @Test
    void writesWithoutCredentialsAre401AndReadsArePublic() {
        assertThat(unauthorized(anonymous().contentType(ContentType.JSON).body(CABLE).post("/documents").then())
                .get(0), not(containsString("invalid_token")));
        anonymous().get("/documents").then().statusCode(200);
        anonymous().get("/agents").then().statusCode(200);
    }

    @Test
    void garbageExpiredForeignKeyAndWrongIssuerTokensAre401OnWritesAndReads() {
        String expired = Jwt.issuer("fonds").subject("late").groups("EDITOR")
                .issuedAt(Instant.now().minus(Duration.ofHours(2))).expiresAt(Instant.now().minus(Duration.ofHours(1)))
                .sign();
        String foreignKey = Jwt.issuer("fonds").subject("mallory").groups("ADMIN").expiresIn(Duration.ofHours(1))
                .sign(DevKeys.generate().getPrivate());
        String wrongIssuer = Jwt.issuer("elsewhere").subject("someone").groups("EDITOR")
                .expiresIn(Duration.ofHours(1)).sign();
        for (String token : new String[] {"garbage", "a.b.c", expired, foreignKey, wrongIssuer}) {
            assertThat(unauthorized(unauthenticated().auth().oauth2(token).contentType(ContentType.JSON).body(CABLE)
                    .post("/documents").then()).get(0), containsString("error=\"invalid_token\""));
            // bad credentials on a read are not silently anonymous either
            unauthorized(unauthenticated().auth().oauth2(token).get("/documents").then());
            unauthorized(unauthenticated().auth().oauth2(token).get("/agents").then());
        }
        unauthorized(unauthenticated().header("X-API-Key", "fonds_not-a-key").get("/documents").then());
    }

    @Test
    void aTokenWithoutARoleMayReadButNotWrite() {
        String token = Jwt.issuer("fonds").subject("reader").expiresIn(Duration.ofHours(1)).sign();
        unauthenticated().auth().oauth2(token).get("/documents").then().statusCode(200);
        forbidden(unauthenticated().auth().oauth2(token).contentType(ContentType.JSON).body(CABLE)
                .post("/documents").then());
    }

    @Test
    void roleBoundaries() {
        // contributors create drafts and edit them, and nothing else
        String draft = as(Role.CONTRIBUTOR).contentType(ContentType.JSON).body(CABLE).post("/documents").then()
                .statusCode(201).body("visibility", equalTo("DRAFT")).extract().path("id");
        forbidden(as(Role.CONTRIBUTOR).contentType(ContentType.JSON)
                .body(Documents.cable().set("visibility", "PUBLISHED").body()).post("/documents").then());
        as(Role.CONTRIBUTOR).contentType("application/merge-patch+json").body(Map.of("summary", "A draft."))
                .header("If-Match", org.fonds.testing.Api.etag("/documents/{id}", draft)).patch("/documents/{id}", draft).then().statusCode(200).body("summary", equalTo("A draft."));
        forbidden(as(Role.CONTRIBUTOR).contentType("application/merge-patch+json")
                .body(Map.of("visibility", "PUBLISHED")).header("If-Match", org.fonds.testing.Api.etag("/documents/{id}", draft)).patch("/documents/{id}", draft).then());
        as(Role.CONTRIBUTOR).contentType(ContentType.JSON).body(Map.of("type", "CITES", "reference_as_written", "x"))
                .post("/documents/{id}/links", draft).then().statusCode(201);
        forbidden(as(Role.CONTRIBUTOR).header("If-Match", org.fonds.testing.Api.etag("/documents/{id}", draft)).delete("/documents/{id}", draft).then());

        // editors publish; then the contributor may no longer change the document or its parts
        api().contentType("application/merge-patch+json").body(Map.of("visibility", "PUBLISHED"))
                .header("If-Match", org.fonds.testing.Api.etag("/documents/{id}", draft)).patch("/documents/{id}", draft).then().statusCode(200).body("visibility", equalTo("PUBLISHED"));
        forbidden(as(Role.CONTRIBUTOR).contentType("application/merge-patch+json").body(Map.of("summary", "Changed."))
                .header("If-Match", org.fonds.testing.Api.etag("/documents/{id}", draft)).patch("/documents/{id}", draft).then());
        forbidden(as(Role.CONTRIBUTOR).contentType(ContentType.JSON)
                .body(Map.of("type", "CITES", "reference_as_written", "y"))
                .post("/documents/{id}/links", draft).then());
        as(Role.CONTRIBUTOR).get("/documents/{id}", draft).then().statusCode(200);

        // API keys are the administrators'; deleting a document the editors'
        forbidden(api().get("/api-keys").then());
        forbidden(api().contentType(ContentType.JSON).body(Map.of("name", "editor-key", "role", "EDITOR"))
                .post("/api-keys").then());
        unauthorized(anonymous().get("/api-keys").then());
        as(Role.ADMIN).get("/api-keys").then().statusCode(200);
        api().header("If-Match", org.fonds.testing.Api.etag("/documents/{id}", draft)).delete("/documents/{id}", draft).then().statusCode(204);
    }

    @Test
    void apiKeyCreateUseRevoke() throws Exception {
        String name = "nightly-import-" + System.nanoTime();
        ValidatableResponse created = as(Role.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", name, "role", "CONTRIBUTOR")).post("/api-keys").then().statusCode(201)
                .body("name", equalTo(name))
                .body("role", equalTo("CONTRIBUTOR"))
                .body("created_by", equalTo("user:test-admin"));
        String id = created.extract().path("id");
        String secret = created.extract().path("secret");
        assertEquals(secret.substring(0, 12), created.extract().path("prefix"));

        // the secret is never returned again, and only its SHA-256 is stored
        as(Role.ADMIN).get("/api-keys/{id}", id).then().statusCode(200)
                .body("secret", nullValue()).body("revoked_at", nullValue());
        as(Role.ADMIN).queryParam("limit", 100).get("/api-keys").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.secret", nullValue());
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT * FROM api_key WHERE id = CAST(? AS uuid)")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)),
                        r.getBytes("secret_sha256"));
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    String value = r.getString(i);
                    assertFalse(value != null && value.contains(secret.substring(12)), "the secret is stored in clear");
                }
            }
        }

        // the key works as a contributor: it writes drafts, not published documents
        anonymous().header("X-API-Key", secret).contentType(ContentType.JSON).body(CABLE).post("/documents").then()
                .statusCode(201).body("visibility", equalTo("DRAFT"));
        forbidden(anonymous().header("X-API-Key", secret).get("/api-keys").then());
        // a second valid key of the same name is a conflict
        as(Role.ADMIN).contentType(ContentType.JSON).body(Map.of("name", name, "role", "EDITOR")).post("/api-keys")
                .then().statusCode(409);

        // revoked, it is refused at once
        as(Role.ADMIN).header("If-Match", org.fonds.testing.Api.etag("/api-keys/{id}", id)).delete("/api-keys/{id}", id).then().statusCode(204);
        as(Role.ADMIN).get("/api-keys/{id}", id).then().body("revoked_by", equalTo("user:test-admin"));
        unauthorized(anonymous().header("X-API-Key", secret).contentType(ContentType.JSON).body(CABLE)
                .post("/documents").then());
        unauthorized(unauthenticated().header("X-API-Key", secret).get("/documents").then());
    }

    @Test
    void sharedRecordsAreChangedByEditorsAndPartsTakeNoMergePatch() {
        // contributors create places and subjects, but changing one changes every published document naming it
        String place = as(Role.CONTRIBUTOR).contentType(ContentType.JSON).body(Places.named("Kaesong").body())
                .post("/places").then().statusCode(201).extract().path("id");
        String subject = as(Role.CONTRIBUTOR).contentType(ContentType.JSON)
                .body(Subjects.labelled("Border incidents").body()).post("/subjects").then().statusCode(201)
                .extract().path("id");
        forbidden(as(Role.CONTRIBUTOR).contentType(ContentType.JSON).body(Places.named("Kaesŏng").body())
                .header("If-Match", Api.etag("/places/{id}", place)).put("/places/{id}", place).then());
        forbidden(as(Role.CONTRIBUTOR).contentType("application/merge-patch+json").body(Map.of("label", "Incidents"))
                .header("If-Match", Api.etag("/subjects/{id}", subject)).patch("/subjects/{id}", subject).then());
        forbidden(as(Role.CONTRIBUTOR).header("If-Match", Api.etag("/places/{id}", place))
                .delete("/places/{id}", place).then());
        unauthorized(anonymous().header("If-Match", Api.etag("/subjects/{id}", subject))
                .delete("/subjects/{id}", subject).then());
        api().contentType(ContentType.JSON).body(Places.named("Kaesŏng").body())
                .header("If-Match", Api.etag("/places/{id}", place)).put("/places/{id}", place).then().statusCode(200)
                .body("preferred_name", equalTo("Kaesŏng"));
        api().header("If-Match", Api.etag("/subjects/{id}", subject)).delete("/subjects/{id}", subject).then()
                .statusCode(204);

        // a document's parts are replaced whole: a merge patch of one is not an operation (405, nothing changed)
        String document = api().contentType(ContentType.JSON).body(CABLE).post("/documents").then().statusCode(201)
                .extract().path("id");
        String text = api().contentType(ContentType.JSON).body(Texts.cable().body())
                .post("/documents/{id}/texts", document).then().statusCode(201).extract().path("id");
        String etag = Api.etag("/documents/{d}/texts/{t}", document, text);
        unauthenticated().auth().oauth2(Api.token(Role.EDITOR)).contentType("application/merge-patch+json")
                .body(Map.of("language", "en")).header("If-Match", etag)
                .patch("/documents/{d}/texts/{t}", document, text).then().statusCode(405);
        assertEquals(etag, Api.etag("/documents/{d}/texts/{t}", document, text));
    }

    @Test
    void apiKeysNeedARealRole() {
        as(Role.ADMIN).contentType(ContentType.JSON).body(Map.of("name", "nobody", "role", "ANONYMOUS"))
                .post("/api-keys").then().statusCode(422).body("errors[0].field", equalTo("role"));
    }
}
