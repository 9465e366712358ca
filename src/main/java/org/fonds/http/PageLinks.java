package org.fonds.http;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Paging the web way, for every {@link Paged} response: the {@code Link} header (RFC 8288) with {@code rel="next"}
 * and, where there is one, {@code rel="prev"}, and the same URLs in the body beside the cursor, so a client follows
 * links instead of rebuilding queries. Each URL is this request's with only the paging parameters changed.
 */
public class PageLinks {

    @ServerResponseFilter
    public void link(UriInfo uri, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Paged<?> page) || response.getStatus() != 200) {
            return;
        }
        String next = url(uri, page.nextQuery());
        String prev = url(uri, page.prevQuery());
        List<String> links = new ArrayList<>();
        if (next != null) {
            links.add("<" + next + ">; rel=\"next\"");
        }
        if (prev != null) {
            links.add("<" + prev + ">; rel=\"prev\"");
        }
        if (!links.isEmpty()) {
            response.getHeaders().putSingle("Link", String.join(", ", links));
        }
        response.setEntity(page.linked(next, prev));
    }

    private static String url(UriInfo uri, Map<String, String> query) {
        if (query == null) {
            return null;
        }
        UriBuilder builder = uri.getRequestUriBuilder();
        query.forEach((name, value) -> builder.replaceQueryParam(name, value));
        return builder.build().toString();
    }
}
