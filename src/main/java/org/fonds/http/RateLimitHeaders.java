package org.fonds.http;

/**
 * The rate limit's header fields on a 429, as the IETF draft writes them (draft-ietf-httpapi-ratelimit-headers:
 * structured fields, one named policy per quota). Written by hand: a few lines of formatting, no library has them.
 */
public final class RateLimitHeaders {

    public static final String POLICY = "RateLimit-Policy";
    public static final String STATE = "RateLimit";

    private RateLimitHeaders() {
    }

    /** {@code "reads";q=60;w=2}: a bucket of {@code burst} requests that refills in {@code window} seconds. */
    public static String policy(String name, int burst, long windowSeconds) {
        return "\"" + name + "\";q=" + burst + ";w=" + windowSeconds;
    }

    /** {@code "reads";r=0;t=3}: nothing left, the next request in {@code seconds}. */
    public static String exhausted(String name, long seconds) {
        return "\"" + name + "\";r=0;t=" + seconds;
    }
}
