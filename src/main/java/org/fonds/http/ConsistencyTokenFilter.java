package org.fonds.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.fonds.db.ConsistencyTokens;
import org.fonds.db.Replica;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Read-your-writes when reads go to a replica (db.Replica): the successful response of a write (any method but GET,
 * HEAD and OPTIONS, status 2xx) carries {@code Fonds-Consistency-Token}, the primary's WAL position once the write
 * has committed (the services' transactions end before the response is filtered). A client that sends it back on
 * its reads sees its write: a replica that has not replayed that far yet leaves the read to the primary. Without a
 * replica, nothing is added and nothing is read.
 */
public class ConsistencyTokenFilter {

    private final Replica replica;

    public ConsistencyTokenFilter(Replica replica) {
        this.replica = replica;
    }

    @ServerResponseFilter
    public void addToken(ContainerRequestContext request, ContainerResponseContext response) {
        if (!replica.configured() || response.getStatus() < 200 || response.getStatus() > 299) {
            return;
        }
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return;
        }
        String token = replica.writeToken();
        if (token != null) {
            response.getHeaders().putSingle(ConsistencyTokens.HEADER, token);
        }
    }
}
