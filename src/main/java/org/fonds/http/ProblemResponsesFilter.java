package org.fonds.http;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents the error responses of every operation once, from what the operation is: every operation can answer
 * 400, 406, 429 (rate limit) and 500 and 503 (database unavailable or statement timeout), the 429 and 503 with
 * {@code Retry-After}; 414 (request line too long, from the HTTP server, without a body); one with a path parameter 404; one with a body 413, 415 and 422; a conditional write 412.
 * Security too: the two schemes (bearer JWT, API key); a write needs one of them (401, 403), a read accepts one
 * (401 when it is rejected) unless it declares its own requirement (then 401 and 403 as for writes).
 * Each error response, these and those an operation declares itself (a 409), carries the {@code Problem} schema as
 * {@code application/problem+json}.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final java.util.List<String> RETRY_AFTER = java.util.List.of("429", "503");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        addSecuritySchemes(openAPI);
        openAPI.getComponents()
                .addHeader(RateLimitHeaders.POLICY, OASFactory.createHeader().schema(string()).description(
                        "The quota this client went over, as the IETF draft RateLimit header fields write it "
                                + "(draft-ietf-httpapi-ratelimit-headers): `\"reads\";q=<burst>;w=<seconds to refill "
                                + "it>` or the same for `\"writes\"`."))
                .addHeader(RateLimitHeaders.STATE, OASFactory.createHeader().schema(string()).description(
                        "What is left of that quota and when a request may be sent again: `\"reads\";r=0;t=<seconds>`, "
                                + "`t` being `Retry-After`."));
        for (Map.Entry<String, PathItem> entry : openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasPathParameter = entry.getKey().contains("{");
            for (Map.Entry<PathItem.HttpMethod, Operation> op : entry.getValue().getOperations().entrySet()) {
                addSecurity(op.getKey(), op.getValue());
                addProblems(op.getKey(), op.getValue(), hasPathParameter);
            }
        }
    }

    public static final String BEARER = "bearer_jwt";
    public static final String API_KEY = "api_key";

    private static void addSecuritySchemes(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(BEARER, OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A JWT signed (RS256) by the key whose public half Fonds is configured with, "
                                + "issuer `fonds`; the role (CONTRIBUTOR, EDITOR or ADMIN) in the `groups` claim, the "
                                + "user in `sub`. `make run` prints a development EDITOR token."))
                .addSecurityScheme(API_KEY, OASFactory.createSecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(Credentials.API_KEY_HEADER)
                        .description("A long-lived key for scripts, created by an administrator (POST /api-keys), with "
                                + "one role."));
    }

    /**
     * Writes need credentials (contributors create and edit drafts, editors anything); reads are public and accept
     * credentials, which let them see more (drafts, embargoed and restricted documents).
     */
    private static void addSecurity(PathItem.HttpMethod method, Operation operation) {
        boolean read = method == PathItem.HttpMethod.GET || method == PathItem.HttpMethod.HEAD
                || method == PathItem.HttpMethod.OPTIONS;
        boolean declared = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!declared) {
            if (read) {
                operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
            }
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(BEARER));
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(API_KEY));
        }
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean required = declared || !read;
        if (responses.getAPIResponse("401") == null) {
            responses.addAPIResponse("401", problem(required
                    ? "No credentials, or credentials that were not accepted (malformed, expired, unknown key, revoked)."
                    : "Credentials were sent but not accepted (malformed, expired, unknown key, revoked).")
                    .addHeader("WWW-Authenticate", OASFactory.createHeader()
                            .description("The schemes accepted: Bearer and ApiKey.")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
        }
        if (required && responses.getAPIResponse("403") == null) {
            responses.addAPIResponse("403", problem("The caller's role does not allow this operation."));
        }
    }

    private static void addProblems(PathItem.HttpMethod method, Operation operation, boolean hasPathParameter) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Map<String, String> errors = new TreeMap<>();
        errors.put("400", "Malformed request or invalid parameter.");
        errors.put("406", "The Accept header names no media type this operation produces.");
        errors.put("429", "This client is over its rate limit (`fonds.rate-limit.*`); retry after `Retry-After` seconds.");
        errors.put("500", "Unexpected server error.");
        errors.put("503", "The database is not available, or a statement ran longer than the statement timeout "
                + "(`fonds.db.statement-timeout`); retry after `Retry-After` seconds.");
        if (hasPathParameter) {
            errors.put("404", "No resource has this identifier.");
        }
        if (operation.getRequestBody() != null) {
            errors.put("413", "The request body is too large.");
            errors.put("415", "The request body has an unsupported media type.");
            errors.put("422", "The request body is well-formed but has invalid fields.");
        }
        if (hasPathParameter) {
            errors.put("410", "The resource (or the document it belongs to) was deleted; it can be restored.");
        }
        if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE) {
            errors.put("412", "`If-Match` does not name the current version.");
            errors.put("428", "`If-Match` is missing: every write must name the version it is based on.");
            requireIfMatch(operation); // history: If-Match is required on every write (issue 5)
        }
        if (method == PathItem.HttpMethod.DELETE && operation.getOperationId() != null
                && !operation.getOperationId().startsWith("purge") && operation.getDescription() != null) {
            // history: every DELETE is a soft deletion (issue 5)
            operation.setDescription(operation.getDescription() + " The deletion is soft: afterwards the resource "
                    + "answers 410 and is absent from every list, search and count, its revisions stay readable, "
                    + "and restoring a revision (`POST .../revisions/{version}/restore`) brings it back; "
                    + "`DELETE .../revisions` purges it for good.");
        }
        if (method == PathItem.HttpMethod.POST) {
            addIdempotencyKey(operation); // history: Idempotency-Key on every POST (issue 5)
            errors.put("422", "The request body is invalid, or the `Idempotency-Key` was used for another request.");
        }
        for (Map.Entry<String, String> e : errors.entrySet()) {
            if (responses.getAPIResponse(e.getKey()) == null) {
                responses.addAPIResponse(e.getKey(), problem(e.getValue()));
            }
        }
        for (String status : RETRY_AFTER) {
            APIResponse response = responses.getAPIResponse(status);
            if (response != null && (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After"))) {
                response.addHeader("Retry-After", OASFactory.createHeader()
                        .description("Seconds to wait before retrying.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
            }
        }
        APIResponse limited = responses.getAPIResponse("429");
        if (limited != null && (limited.getHeaders() == null
                || !limited.getHeaders().containsKey(RateLimitHeaders.POLICY))) {
            limited.addHeader(RateLimitHeaders.POLICY, OASFactory.createHeader().ref(RateLimitHeaders.POLICY))
                    .addHeader(RateLimitHeaders.STATE, OASFactory.createHeader().ref(RateLimitHeaders.STATE));
        }
        // error responses declared without a body (an operation's own 409, the 400 that SmallRye adds for validated
        // parameters): give them the problem body they really have
        responses.getAPIResponses().forEach((status, response) -> {
            if ((status.startsWith("4") || status.startsWith("5")) && hasNoContent(response)) {
                response.setContent(problem(response.getDescription()).getContent());
            }
        });
        // answered by the HTTP server before any Fonds code runs, so without a problem body
        if (responses.getAPIResponse("414") == null) {
            responses.addAPIResponse("414", OASFactory.createAPIResponse().description("The request line (path and "
                    + "query) is longer than quarkus.http.limits.max-initial-line-length; answered without a body."));
        }
    }

    /** The {@code If-Match} header parameter every write declares becomes required (428 when missing). */
    private static void requireIfMatch(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()))
                .forEach(p -> p.setRequired(true));
    }

    /** Every POST accepts an {@code Idempotency-Key}: a retry with the same key answers the first response again. */
    private static void addIdempotencyKey(Operation operation) {
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "Idempotency-Key".equalsIgnoreCase(p.getName()))) {
            return;
        }
        operation.addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER)
                .required(false)
                .description("A unique key (1 to 255 printable ASCII characters, e.g. a UUID) that makes this POST "
                        + "safe to retry: a repeat with the same key, by the same caller, to the same path with the "
                        + "same body answers the first response (status, body, `Location`, `ETag`) and changes "
                        + "nothing; the same key with another request is a 422 problem. Keys are kept for 24 hours. "
                        + "Only successful responses are kept: a request that failed can be retried with its key.")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1).maxLength(255)
                        .pattern("^[\\x21-\\x7E]+$")));
    }

    private static boolean hasNoContent(APIResponse response) {
        return response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty();
    }

    private static APIResponse problem(String description) {
        Schema ref = OASFactory.createSchema().ref("#/components/schemas/Problem");
        MediaType mediaType = OASFactory.createMediaType().schema(ref);
        Content content = OASFactory.createContent().addMediaType(ProblemResponses.PROBLEM_JSON, mediaType);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }
}
