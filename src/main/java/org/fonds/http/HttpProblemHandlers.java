package org.fonds.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
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

    private final ObjectMapper json;
    private final long maxBodySize;

    public HttpProblemHandlers(ObjectMapper json,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.json = json;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_UPLOAD_LIMIT).handler(this::rejectLargeBodies);
        router.route().last().handler(ctx -> send(ctx, ProblemType.UNKNOWN_PATH,
                "No operation is served at " + ctx.request().path() + "."));
    }

    private void rejectLargeBodies(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > maxBodySize) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    send(ctx, ProblemType.PAYLOAD_TOO_LARGE, "The request body (" + length.strip()
                            + " bytes) is larger than the limit of " + maxBodySize + " bytes.");
                    return;
                }
            } catch (NumberFormatException e) {
                send(ctx, ProblemType.MALFORMED_REQUEST, "The Content-Length header is not a number.");
                return;
            }
        }
        ctx.next();
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
