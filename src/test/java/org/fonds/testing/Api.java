package org.fonds.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.filter.log.LogDetail;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.fonds.access.Role;

/**
 * REST Assured with every response validated against the committed OpenAPI spec (which a test keeps equal to the
 * served one), so the spec cannot drift from behaviour. Requests to paths or methods the spec does not have (the
 * problem tests send them on purpose) are not errors of the validator; everything else is.
 */
public final class Api {

    public static final Path SPEC = Path.of("openapi", "openapi.yaml");

    private static final OpenApiValidationFilter VALIDATION = filter(LevelResolver.create()
            .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
            .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
            .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE));
    private static final OpenApiValidationFilter RESPONSE_VALIDATION = filter(LevelResolver.create()
            .withLevel("validation.request", ValidationReport.Level.IGNORE));

    private Api() {
    }

    /** A request of an EDITOR (who may do everything but manage API keys), validated like its response. */
    public static RequestSpecification api() {
        return as(Role.EDITOR);
    }

    /** A request with a bearer token of this role, validated like its response. */
    public static RequestSpecification as(Role role) {
        return anonymous().auth().oauth2(token(role));
    }

    /**
     * A request without credentials. Validated like its response, but for the credentials the spec asks of write
     * operations (sending none is the point).
     */
    public static RequestSpecification anonymous() {
        return RestAssured.given()
                .config(utf8MergePatch())
                .filter(VALIDATION)
                .log().ifValidationFails(LogDetail.ALL, true);
    }

    /**
     * A request of an EDITOR that breaks the spec on purpose (malformed, wrong type, unknown path, bad credentials);
     * its response is validated.
     */
    public static RequestSpecification malformed() {
        return unauthenticated().auth().oauth2(token(Role.EDITOR));
    }

    /** {@link #malformed()} without credentials: send bad ones with {@code header(...)}. */
    public static RequestSpecification unauthenticated() {
        return RestAssured.given()
                .config(utf8MergePatch())
                .filter(RESPONSE_VALIDATION)
                .log().ifValidationFails(LogDetail.ALL, true);
    }

    /** A valid bearer token for the subject {@code test-<role>} with this role, for an hour. */
    public static String token(Role role) {
        return Jwt.issuer("fonds").subject("test-" + role.name().toLowerCase(Locale.ROOT)).groups(role.name())
                .expiresIn(Duration.ofHours(1)).sign();
    }

    /**
     * The current ETag of the resource at {@code path} (a GET), for the {@code If-Match} that every PUT, PATCH and
     * DELETE must send; {@code "0"} quoted when the resource cannot be read (the write is then expected to fail
     * for that reason: 404, 410, 400).
     */
    public static String etag(String path, Object... params) {
        String tag = RestAssured.given().header("Authorization", "Bearer " + token(Role.ADMIN))
                .get(path, params).then().extract().header("ETag");
        return tag == null ? "\"0\"" : tag;
    }

    /** REST Assured would encode JSON Merge Patch bodies in ISO-8859-1, as it does every type it does not know. */
    private static RestAssuredConfig utf8MergePatch() {
        return RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .defaultCharsetForContentType("UTF-8", "application/merge-patch+json")
                // a file to import: sent as the text it is
                .encodeContentTypeAs("application/x-ndjson", io.restassured.http.ContentType.TEXT)
                .defaultCharsetForContentType("UTF-8", "application/x-ndjson"));
    }

    private static OpenApiValidationFilter filter(LevelResolver.Builder levels) {
        return new OpenApiValidationFilter(
                OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toAbsolutePath().toUri().toString())
                        .withLevelResolver(levels.build())
                        .build());
    }
}
