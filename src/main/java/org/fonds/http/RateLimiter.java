package org.fonds.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-client token buckets, one for reads (GET, HEAD) and one for writes: a client may send {@code burst} requests
 * at once and then {@code per-second} a second. A request that finds its bucket empty learns how long until the next
 * token (the {@code Retry-After} of the 429).
 *
 * <p>Hand-written (forty lines) because no maintained rate-limiting library with token buckets is served to this
 * build (Bucket4j is not; resilience4j's limiter refreshes fixed windows and is meant for one shared limit, not one per
 * client). Memory stays bounded: a bucket that has refilled completely carries no information (a new one would be the
 * same), so those are dropped whenever the map grows past {@link #SWEEP_AT} clients; a client is only held while its
 * bucket is refilling, at most {@code burst / per-second} seconds after its last request.
 */
@ApplicationScoped
public class RateLimiter {

    static final int SWEEP_AT = 10_000;

    private final boolean enabled;
    private final Limit reads;
    private final Limit writes;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public RateLimiter(@ConfigProperty(name = "fonds.rate-limit.enabled") boolean enabled,
            @ConfigProperty(name = "fonds.rate-limit.reads.per-second") double readsPerSecond,
            @ConfigProperty(name = "fonds.rate-limit.reads.burst") int readsBurst,
            @ConfigProperty(name = "fonds.rate-limit.writes.per-second") double writesPerSecond,
            @ConfigProperty(name = "fonds.rate-limit.writes.burst") int writesBurst) {
        this.enabled = enabled;
        this.reads = new Limit(readsPerSecond, readsBurst);
        this.writes = new Limit(writesPerSecond, writesBurst);
    }

    /** For CDI's client proxies only. */
    protected RateLimiter() {
        this(false, 1, 1, 1, 1);
    }

    /**
     * Takes a token for one request of {@code client}; 0 when the request may go on, else the whole seconds to wait
     * before a token is available (at least 1).
     */
    public long acquire(String client, boolean write, long nowNanos) {
        if (!enabled) {
            return 0;
        }
        Limit limit = write ? writes : reads;
        if (buckets.size() > SWEEP_AT) {
            buckets.values().removeIf(b -> b.isFull(nowNanos));
        }
        long waitNanos = buckets.computeIfAbsent((write ? "w|" : "r|") + client, k -> new Bucket(limit, nowNanos))
                .take(nowNanos);
        return waitNanos == 0 ? 0 : Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    }

    /** The policy of the reads' or the writes' quota, for {@code RateLimit-Policy}. */
    public String policy(String name, boolean write) {
        Limit limit = write ? writes : reads;
        return RateLimitHeaders.policy(name, limit.burst(), (long) Math.ceil(limit.burst() / limit.perSecond()));
    }

    record Limit(double perSecond, int burst) {
        Limit {
            if (!(perSecond > 0) || burst < 1) {
                throw new IllegalArgumentException("a rate limit needs per-second > 0 and burst >= 1");
            }
        }
    }

    /** A token bucket: {@code burst} tokens at most, refilled continuously at {@code perSecond}. */
    static final class Bucket {
        private final Limit limit;
        private double tokens;
        private long refilledAt;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
        }

        /** 0 when a token was taken, else the nanoseconds until one is available. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / limit.perSecond() * 1e9);
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= limit.burst();
        }

        private void refill(long now) {
            if (now > refilledAt) {
                tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / 1e9 * limit.perSecond());
                refilledAt = now;
            }
        }
    }
}
