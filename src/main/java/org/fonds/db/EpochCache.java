package org.fonds.db;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.LocalDate;
import java.util.function.Supplier;

/**
 * Results of repeated reads that depend on the whole archive (lists, searches), per instance, in memory: a bounded
 * Caffeine cache keyed by everything a result depends on, so that an entry is never stale:
 * <ul>
 * <li>the database's change epoch ({@link ChangeEpoch}), read before the result: an entry is stored under an epoch no
 * later than what it shows, so a read after a commit, on any instance, reads the new epoch and misses every entry
 * made before it;</li>
 * <li>the role the database's views read (they differ per role) and the day;</li>
 * <li>the read's own parameters ({@code K}: filters, order, page).</li>
 * </ul>
 * Nothing is cached while deleted rows are shown (the narrow path of history). When a read sees a newer epoch, the
 * entries of older ones can no longer be hit and are dropped at once rather than left for the size bound to evict.
 *
 * @param <K> the read's parameters (a record: equals and hashCode by value)
 * @param <V> its result (immutable: it is shared by every reader)
 */
public final class EpochCache<K, V> {

    private record Key<K>(long epoch, LocalDate today, String role, K parameters) {
    }

    private final Cache<Key<K>, V> cache;
    private volatile long newest = Long.MIN_VALUE;

    /** At most {@code maxEntries} results; 0 or less: nothing is cached. */
    public EpochCache(long maxEntries) {
        this.cache = maxEntries <= 0 ? null : Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build();
    }

    /** The cached result of this read at this epoch, or what {@code read} gives, then cached. */
    public V get(ChangeEpoch.Epoch epoch, K parameters, Supplier<V> read) {
        if (cache == null || epoch.includeDeleted()) {
            return read.get();
        }
        if (epoch.epoch() > newest) {
            synchronized (this) {
                if (epoch.epoch() > newest) {
                    if (newest != Long.MIN_VALUE) {
                        cache.invalidateAll();
                    }
                    newest = epoch.epoch();
                }
            }
        }
        Key<K> key = new Key<>(epoch.epoch(), epoch.today(), epoch.role(), parameters);
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        V result = read.get();
        if (epoch.epoch() >= newest) { // an older epoch's entry could not be hit again
            cache.put(key, result);
        }
        return result;
    }

    /** The number of entries (after pending evictions), for tests and metrics. */
    public long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** How many reads the cache answered. */
    public long hits() {
        return cache == null ? 0 : cache.stats().hitCount();
    }
}
