package org.fonds.history;

import jakarta.enterprise.context.RequestScoped;

/** The Idempotency-Key of the current POST, if any, and whether its response was stored yet. */
@RequestScoped
public class IdempotentRequest {

    String key;
    String fingerprint;
    String method;
    String path;
    String uri;
    boolean stored;

    boolean pending() {
        return key != null && !stored;
    }
}
