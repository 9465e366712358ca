package org.fonds.http;

import io.vertx.core.http.HttpServerRequest;

/** The two ways to authenticate: a bearer JWT in {@code Authorization}, or an API key in {@code X-API-Key}. */
public final class Credentials {

    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String REALM = "fonds";
    public static final String API_KEY_CHALLENGE = "ApiKey realm=\"" + REALM + "\", header=\"" + API_KEY_HEADER + "\"";

    private Credentials() {
    }

    /** The request carries credentials of either kind (valid or not). */
    public static boolean present(HttpServerRequest request) {
        return request.getHeader("Authorization") != null || request.getHeader(API_KEY_HEADER) != null;
    }

    /** RFC 6750 challenge; {@code invalid}: credentials were sent and rejected. */
    public static String bearerChallenge(boolean invalid) {
        return "Bearer realm=\"" + REALM + "\"" + (invalid ? ", error=\"invalid_token\"" : "");
    }
}
