package org.fonds.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response, whoever answers it: the REST layer, a problem written by the HTTP layer (413,
 * unknown path), the CORS filter, Swagger UI, health and metrics. Installed as the first route of the router, it
 * sets them when the response's headers are written, so nothing that answers later can leave them out.
 *
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy: no-referrer}, {@code X-Frame-Options: DENY}.
 * <li>{@code Content-Security-Policy}: the API serves JSON only, so {@code default-src 'none'; frame-ancestors
 *     'none'}; Swagger UI needs its own scripts, styles (inline ones too) and images and fetches the spec from the
 *     same origin, so it gets {@code 'self'} for those and nothing else. The reading room ({@code /},
 *     {@code /index.html}, {@code /reading-room/*}: static HTML, CSS and ES modules that call the API like any other
 *     client) gets a policy as strict as it can be and still run: scripts and styles from its own files only (no inline
 *     script, no {@code <style>}, no {@code style=""}; its scripts set {@code element.style}, which CSP allows),
 *     {@code fetch} to the same origin only, images from itself or https (page images live elsewhere), no plugins,
 *     frames, fonts or forms posting elsewhere. The API's policy stays {@code default-src 'none'}: its JSON is never
 *     a page, and a policy loosened for every path would loosen it for the API too.
 * <li>{@code Strict-Transport-Security} when the request came over HTTPS (directly, or through a proxy when
 *     {@code quarkus.http.proxy.*} trusts its forwarded headers): over plain HTTP the header is meaningless.
 * <li>{@code Cache-Control: no-store} on problems: an error must not be replayed from a cache.
 * <li>{@code Cache-Control: no-cache} on the reading room's files, instead of the static handler's {@code public,
 *     immutable, max-age=86400}: their names carry no version, so a browser revalidates them on each load (a 304 by
 *     {@code Last-Modified}, a few bytes) and never runs a day-old module beside a new one after an upgrade.
 * </ul>
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String SWAGGER_UI_CSP = "default-src 'none'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    static final String READING_ROOM_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' https: data:; connect-src 'self'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::onRequest);
    }

    private void onRequest(RoutingContext ctx) {
        String csp = policy(ctx.request().path());
        boolean readingRoom = csp.equals(READING_ROOM_CSP);
        boolean https = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().scheme());
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", csp);
            if (https) {
                headers.set("Strict-Transport-Security", HSTS);
            }
            String type = headers.get(HttpHeaders.CONTENT_TYPE);
            if (type != null && type.startsWith(ProblemResponses.PROBLEM_JSON)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            } else if (readingRoom && headers.contains(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
            }
        });
        ctx.next();
    }

    /** The policy of a path: Swagger UI's, the reading room's (its page and its files), or the API's. */
    static String policy(String path) {
        if (path == null) {
            return API_CSP;
        }
        if (path.startsWith("/q/swagger-ui")) {
            return SWAGGER_UI_CSP;
        }
        if (path.equals("/") || path.equals("/index.html") || path.startsWith("/reading-room/")) {
            return READING_ROOM_CSP;
        }
        return API_CSP;
    }
}
