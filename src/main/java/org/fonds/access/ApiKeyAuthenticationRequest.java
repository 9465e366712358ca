package org.fonds.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret of an {@code X-API-Key} header, to be checked against the stored hashes. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    public String secret() {
        return secret;
    }
}
