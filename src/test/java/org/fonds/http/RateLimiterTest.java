package org.fonds.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The token buckets' arithmetic, on a clock of the test's own. */
class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aBurstThenOneTokenPerPeriodWithTheWaitInWholeSeconds() {
        RateLimiter limiter = new RateLimiter(true, 0.5, 2, 10, 1);
        long t = 1_000 * SECOND;
        assertEquals(0, limiter.acquire("a", false, t));
        assertEquals(0, limiter.acquire("a", false, t));
        assertEquals(2, limiter.acquire("a", false, t), "one token every 2 s");
        assertEquals(1, limiter.acquire("a", false, t + SECOND + SECOND / 2), "half a second to go: 1");
        assertEquals(0, limiter.acquire("a", false, t + 2 * SECOND), "a token is back after Retry-After");
        assertEquals(0, limiter.acquire("b", false, t), "another client has its own bucket");
        assertEquals(0, limiter.acquire("a", true, t), "writes have their own bucket");
        assertEquals(1, limiter.acquire("a", true, t));
    }

    @Test
    void disabledLetsEverythingThrough() {
        RateLimiter limiter = new RateLimiter(false, 0.001, 1, 0.001, 1);
        for (int i = 0; i < 100; i++) {
            assertEquals(0, limiter.acquire("a", true, 0));
        }
    }
}
