package org.fonds.history;

/**
 * Thrown inside a create whose Idempotency-Key a concurrent request with the same key has just committed: the
 * create rolls back and the response of the first one is answered instead (see {@link IdempotencyKeys}).
 */
public class IdempotentReplay extends RuntimeException {

    final String actor;
    final String key;

    IdempotentReplay(String actor, String key) {
        super("Idempotency-Key " + key + " was used concurrently", null, false, false);
        this.actor = actor;
        this.key = key;
    }
}
