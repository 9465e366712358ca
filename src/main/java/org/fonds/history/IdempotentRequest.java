package org.fonds.history;

import jakarta.enterprise.context.RequestScoped;

/**
 * The Idempotency-Key of the current POST, if any, and whether its response was stored yet. Accessed through
 * methods only: it is injected as a client proxy, whose fields are not the request's.
 */
@RequestScoped
public class IdempotentRequest {

    private String key;
    private String fingerprint;
    private String path;
    private String uri;
    private boolean stored;

    void begin(String key, String fingerprint, String path, String uri) {
        this.key = key;
        this.fingerprint = fingerprint;
        this.path = path;
        this.uri = uri;
    }

    /** Whether the request has a key whose response is still to be stored; marks it stored. */
    boolean claim() {
        if (key == null || stored) {
            return false;
        }
        stored = true;
        return true;
    }

    String key() {
        return key;
    }

    String fingerprint() {
        return fingerprint;
    }

    String path() {
        return path;
    }

    String uri() {
        return uri;
    }
}
