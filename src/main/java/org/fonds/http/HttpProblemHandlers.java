package org.fonds.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Problems for the errors that the HTTP layer answers before any REST resource runs: a declared body over the
 * size limit (Quarkus's own check would answer 413 with an empty body) and paths no route serves.
 */
@ApplicationScoped
public class HttpProblemHandlers {

    /** Runs just before Quarkus's own upload-limit check (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    private static final int BEFORE_UPLOAD_LIMIT = -3;

    /** Runs just after Quarkus's own upload-limit check, which hands a streamed body's limit on in the context. */
    private static final int AFTER_UPLOAD_LIMIT = -1;
    /** The one operation whose body may be larger than {@code fonds.http.max-body-size}: a file to import. */
    private static final String IMPORTS = "/imports";

    private final ObjectMapper json;
    private final long maxBodySize;
    private final long maxImportSize;

    public HttpProblemHandlers(ObjectMapper json,
            @ConfigProperty(name = "fonds.http.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "fonds.imports.max-body-size") MemorySize maxImportSize) {
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxImportSize = maxImportSize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_UPLOAD_LIMIT).handler(this::rejectLargeBodies);
        // a body without Content-Length (chunked) is counted as it is read, against the limit Quarkus's check put in
        // the context (the global one, the imports' size): every other route gets the smaller limit there
        router.route().order(AFTER_UPLOAD_LIMIT).handler(ctx -> {
            if (!isImport(ctx) && ctx.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY) != null) {
                ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, maxBodySize);
            }
            ctx.next();
        });
        router.route().last().handler(ctx -> send(ctx, ProblemType.UNKNOWN_PATH,
                "No operation is served at " + ctx.request().path() + "."));
    }

    private void rejectLargeBodies(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                long limit = isImport(ctx) ? maxImportSize : maxBodySize;
                if (Long.parseLong(length.strip()) > limit) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body (" + length.strip()
                            + " bytes) is larger than the limit of " + limit + " bytes.");
                    return;
                }
            } catch (NumberFormatException e) {
                send(ctx, ProblemType.MALFORMED_REQUEST, "The Content-Length header is not a number.");
                return;
            }
        }
        ctx.next();
    }

    private static boolean isImport(RoutingContext ctx) {
        return ctx.request().method() == io.vertx.core.http.HttpMethod.POST && IMPORTS.equals(ctx.request().path());
    }

    private void send(RoutingContext ctx, ProblemType type, String detail) {
        String path = ctx.request().path();
        ProblemResponses.log(type.status(), detail, ctx.request().method().name(), path, null);
        String body;
        try {
            body = json.writeValueAsString(ProblemResponses.problem(type, detail, path, null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        ctx.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.PROBLEM_JSON)
                .end(body);
    }
}
