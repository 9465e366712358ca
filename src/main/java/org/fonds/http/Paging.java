package org.fonds.http;

/** Page sizes shared by every collection. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Paging() {
    }

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.invalidParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }
}
