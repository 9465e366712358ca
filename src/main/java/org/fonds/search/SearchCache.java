package org.fonds.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The results of repeated searches, per instance, in memory: a bounded Caffeine cache
 * ({@code fonds.search.cache.max-entries}; 0 turns it off) keyed by everything a result depends on, so that an entry
 * is never stale:
 * <ul>
 * <li>the database's change epoch (migration V20, {@link SearchRepository.Epoch}), which every transaction writing
 * what a search reads bumps before it commits, on any instance, and which is read first in the search's transaction,
 * before the search statement: an entry is stored under an epoch no later than what it shows, so a search after a
 * commit reads the new epoch and misses every entry made before it;</li>
 * <li>the role the database's views read ({@code fonds.role}: they differ per role) and the day (an embargo lapses
 * with the day, without a write);</li>
 * <li>the query and filters (the query with its white space normalised), the order and the page.</li>
 * </ul>
 * Nothing is cached while deleted rows are shown ({@code fonds.include_deleted}, the narrow path of history). When a
 * search sees a newer epoch, the entries of older ones can no longer be hit and are dropped at once rather than left
 * for the size bound to evict.
 */
@ApplicationScoped
public class SearchCache {

    /** What a page of results depends on besides the data (which the epoch stands for). */
    record Key(long epoch, LocalDate today, String role, SearchFilter filter, SearchSort sort, int limit, int offset,
            String cursor) {
    }

    private final Cache<Key, SearchResults> cache;
    private volatile long newest = Long.MIN_VALUE;

    public SearchCache(@ConfigProperty(name = "fonds.search.cache.max-entries", defaultValue = "1000") long maxEntries) {
        this.cache = maxEntries <= 0 ? null
                : Caffeine.newBuilder().maximumSize(maxEntries).recordStats().build();
    }

    /** The query with runs of white space as one space, the ends stripped (web-search syntax ignores them). */
    static SearchFilter normalized(SearchFilter f) {
        return f.q() == null ? f : new SearchFilter(f.q().strip().replaceAll("\\s+", " "), f.kind(), f.language(),
                f.participantId(), f.role(), f.dateFrom(), f.dateTo(), f.dateMatch(), f.subjectId(), f.collectionId(),
                f.classification(), f.hasTranslatorNotes(), f.hasMarginalia());
    }

    /** The cached results of this search at this epoch, or those {@code search} computes, then cached. */
    SearchResults get(SearchRepository.Epoch epoch, SearchFilter filter, SearchSort sort, int limit, int offset,
            String cursor, Supplier<SearchResults> search) {
        if (cache == null || epoch.includeDeleted()) {
            return search.get();
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
        Key key = new Key(epoch.epoch(), epoch.today(), epoch.role(), normalized(filter), sort, limit, offset, cursor);
        SearchResults cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        SearchResults results = search.get();
        if (epoch.epoch() >= newest) { // an older epoch's entry could not be hit again
            cache.put(key, results);
        }
        return results;
    }

    /** The number of entries (after pending evictions), for tests and metrics. */
    public long size() {
        if (cache == null) {
            return 0;
        }
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** How many searches the cache answered. */
    public long hits() {
        return cache == null ? 0 : cache.stats().hitCount();
    }
}
