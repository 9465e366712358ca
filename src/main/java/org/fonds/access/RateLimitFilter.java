package org.fonds.access;

import org.fonds.http.ProblemResponses;
import org.fonds.http.ProblemType;
import org.fonds.http.RateLimitHeaders;
import org.fonds.http.RateLimiter;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers a client over its rate limit with a 429 problem, {@code Retry-After} and the IETF draft's
 * {@code RateLimit-Policy} and {@code RateLimit}, before the operation runs. The
 * client is the authenticated principal when there is one, else the remote address.
 */
public class RateLimitFilter {

    private final RateLimiter limiter;
    private final Caller caller;

    public RateLimitFilter(RateLimiter limiter, Caller caller) {
        this.limiter = limiter;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Response limit(HttpServerRequest request) {
        String method = request.method().name();
        boolean write = !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
        String actor = caller.actor();
        String client = actor != null && !actor.equals(Caller.ANONYMOUS) && !actor.equals(Caller.SYSTEM)
                ? "principal:" + actor
                : "address:" + (request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress());
        long wait = limiter.acquire(client, write, System.nanoTime());
        if (wait == 0) {
            return null;
        }
        Response problem = ProblemResponses.response(ProblemType.TOO_MANY_REQUESTS, "Too many " + (write ? "writes"
                : "reads") + " from this client; retry in " + wait + " s.", method, request.path(), null, null);
        String quota = write ? "writes" : "reads";
        return Response.fromResponse(problem).header("Retry-After", String.valueOf(wait))
                .header(RateLimitHeaders.POLICY, limiter.policy(quota, write))
                .header(RateLimitHeaders.STATE, RateLimitHeaders.exhausted(quota, wait)).build();
    }
}
