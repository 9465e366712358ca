package org.fonds.http;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

/** The responses every resource builds the same way: 201 with Location and ETag, 200 with ETag, conditional GET. */
public final class Responses {

    private Responses() {
    }

    /** 201 Created: the body, its URL (the request path + id) in Location, its version in ETag. */
    public static Response created(UriInfo uri, UUID id, long version, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build())
                .tag(ETags.of(version)).entity(body).build();
    }

    /** 200 OK with the version in ETag. */
    public static Response tagged(Object body, long version) {
        return Response.ok(body).tag(ETags.of(version)).build();
    }

    /** 304 when the request's If-None-Match names this version, else 200 with the ETag. */
    public static Response conditional(Request request, long version, Object body) {
        return conditional(request, ETags.of(version), body);
    }

    /** 304 when the request's If-None-Match names {@code tag}, else 200 with it. */
    public static Response conditional(Request request, EntityTag tag, Object body) {
        return ETags.notModified(request, tag).orElseGet(() -> Response.ok(body).tag(tag).build());
    }
}
