package org.fonds.http;

import jakarta.ws.rs.core.UriInfo;

/** The API's base URL as the request reached it, ending with {@code /}: what the exports' absolute URLs start with. */
public final class BaseUrl {

    private BaseUrl() {
    }

    public static String of(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return base.endsWith("/") ? base : base + "/";
    }
}
