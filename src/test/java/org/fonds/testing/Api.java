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
import java.nio.file.Path;

/**
 * REST Assured with every response validated against the committed OpenAPI spec (which a test keeps equal to the
 * served one), so the spec cannot drift from behaviour. Requests to paths or methods the spec does not have (the
 * problem tests send them on purpose) are not errors of the validator; everything else is.
 */
public final class Api {

    public static final Path SPEC = Path.of("openapi", "openapi.yaml");

    private static final OpenApiValidationFilter VALIDATION = filter(LevelResolver.create()
            .withLevel("validation.request.path.missing", ValidationReport.Level.IGNORE)
            .withLevel("validation.request.operation.notAllowed", ValidationReport.Level.IGNORE));
    private static final OpenApiValidationFilter RESPONSE_VALIDATION = filter(LevelResolver.create()
            .withLevel("validation.request", ValidationReport.Level.IGNORE));

    private Api() {
    }

    /** A request that, like its response, is validated against the spec. */
    public static RequestSpecification api() {
        return RestAssured.given()
                .config(utf8MergePatch())
                .filter(VALIDATION)
                .log().ifValidationFails(LogDetail.ALL, true);
    }

    /** A request that breaks the spec on purpose (malformed, wrong type, unknown path); its response is validated. */
    public static RequestSpecification malformed() {
        return RestAssured.given()
                .config(utf8MergePatch())
                .filter(RESPONSE_VALIDATION)
                .log().ifValidationFails(LogDetail.ALL, true);
    }

    /**
     * The current ETag of the resource at {@code path} (a GET), for the {@code If-Match} that every PUT, PATCH and
     * DELETE must send; {@code "0"} quoted when the resource cannot be read (the write is then expected to fail
     * for that reason: 404, 410, 400).
     */
    public static String etag(String path, Object... params) {
        String tag = RestAssured.given().get(path, params).then().extract().header("ETag");
        return tag == null ? "\"0\"" : tag;
    }

    /** REST Assured would encode JSON Merge Patch bodies in ISO-8859-1, as it does every type it does not know. */
    private static RestAssuredConfig utf8MergePatch() {
        return RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .defaultCharsetForContentType("UTF-8", "application/merge-patch+json"));
    }

    private static OpenApiValidationFilter filter(LevelResolver.Builder levels) {
        return new OpenApiValidationFilter(
                OpenApiInteractionValidator.createForSpecificationUrl(SPEC.toAbsolutePath().toUri().toString())
                        .withLevelResolver(levels.build())
                        .build());
    }
}
