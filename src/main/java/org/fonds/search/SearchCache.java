package org.fonds.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fonds.db.ChangeEpoch;
import org.fonds.db.EpochCache;

/**
 * The results of repeated searches, per instance, in memory ({@code fonds.search.cache.max-entries}; 0 turns it off):
 * an {@link EpochCache} (never stale: keyed by the database's change epoch, the role and the day) keyed by the query
 * and filters (the query with its white space normalised), the order and the page.
 */
@ApplicationScoped
public class SearchCache {

    /** What a page of results depends on besides the data (which the epoch stands for). */
    record Key(SearchFilter filter, SearchSort sort, int limit, int offset, String cursor) {
    }

    private final EpochCache<Key, SearchResults> cache;

    public SearchCache(@ConfigProperty(name = "fonds.search.cache.max-entries", defaultValue = "1000") long maxEntries) {
        this.cache = new EpochCache<>(maxEntries);
    }

    /** The query with runs of white space as one space, the ends stripped (web-search syntax ignores them). */
    static SearchFilter normalized(SearchFilter f) {
        return f.q() == null ? f : new SearchFilter(f.q().strip().replaceAll("\\s+", " "), f.kind(), f.language(),
                f.participantId(), f.role(), f.dateFrom(), f.dateTo(), f.dateMatch(), f.subjectId(), f.collectionId(),
                f.classification(), f.hasTranslatorNotes(), f.hasMarginalia());
    }

    /** The cached results of this search at this epoch, or those {@code search} computes, then cached. */
    SearchResults get(ChangeEpoch.Epoch epoch, SearchFilter filter, SearchSort sort, int limit, int offset,
            String cursor, Supplier<SearchResults> search) {
        return cache.get(epoch, new Key(normalized(filter), sort, limit, offset, cursor), search);
    }

    /** The number of entries (after pending evictions), for tests and metrics. */
    public long size() {
        return cache.size();
    }

    /** How many searches the cache answered. */
    public long hits() {
        return cache.hits();
    }
}
