package org.fonds.http;

/** Page sizes shared by every collection. */
public final class Paging {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Paging() {
    }

    /** The page size of a collection: the requested one, else the default; 400 outside 1 to MAX_LIMIT. */
    public static int limit(Integer requested) {
        return limit(requested, DEFAULT_LIMIT, MAX_LIMIT);
    }

    /** The page size of a collection with its own default and maximum (the timeline's are larger). */
    public static int limit(Integer requested, int defaultLimit, int maxLimit) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > maxLimit) {
            throw ProblemException.invalidParameter("limit", "must be between 1 and " + maxLimit);
        }
        return requested;
    }
}
