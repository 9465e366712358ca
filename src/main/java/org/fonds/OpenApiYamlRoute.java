package org.fonds;

import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Serves {@code /q/openapi} as YAML through {@link OpenApiYaml}, so that the served spec is the committed one, quoted
 * for YAML 1.1 parsers. Quarkus' handler still answers the JSON and OPTIONS: this route takes the requests it would
 * answer with YAML (its negotiation: {@code .json}/{@code .yaml}/{@code .yml}, then JSON when {@code Accept} names
 * {@code application/json} or {@code format=json}, else YAML) and serves the document Quarkus prepared (its JSON
 * form) written by {@link OpenApiYaml}.
 */
@ApplicationScoped
public class OpenApiYamlRoute {

    static final String PATH = "/q/openapi";

    private final OpenApiDocumentService documents;
    private volatile String yaml;

    public OpenApiYamlRoute(OpenApiDocumentService documents) {
        this.documents = documents;
    }

    void install(@Observes Router router) {
        // after SecurityHeaders (Integer.MIN_VALUE), before Quarkus' own handler
        router.routeWithRegex("^" + PATH + "(\\.yaml|\\.yml|\\.json)?$").order(Integer.MIN_VALUE + 1)
                .method(HttpMethod.GET).method(HttpMethod.HEAD)
                .blockingHandler(this::serve, false);
    }

    private void serve(RoutingContext ctx) {
        if (!wantsYaml(ctx)) {
            ctx.next();
            return;
        }
        String body = yaml;
        if (body == null) {
            body = OpenApiYaml.fromJson(documents.getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, Format.JSON));
            yaml = body;
        }
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Format.YAML.getMimeType() + ";charset=UTF-8").end(body);
    }

    private static boolean wantsYaml(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.endsWith(".json")) {
            return false;
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return true;
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        String format = ctx.queryParam("format").stream().findFirst().orElse(null);
        return !((accept != null && accept.contains(Format.JSON.getMimeType())) || "JSON".equalsIgnoreCase(format));
    }
}
