package org.fonds.name;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fonds.db.ChangeEpoch;
import org.fonds.db.EpochCache;

/**
 * The results of repeated name searches (GET /search/agents and /search/places), per instance, in memory
 * ({@code fonds.search.cache.max-entries}, as the document search's; 0 turns it off): an {@link EpochCache}, never
 * stale, since migration V21 bumps the change epoch on every write to agents, places and their names, as V20 does for
 * documents. Issue 13: names are looked up again and again (an index of a volume, a reading room's links).
 */
@ApplicationScoped
public class NameSearchCache {

    /** What a page of name hits depends on besides the data: what is searched, the query, its filter and limit. */
    private record Key(String owners, String q, Object filter, int limit) {
    }

    private final ChangeEpoch epochs;
    private final EpochCache<Key, Object> cache;

    public NameSearchCache(ChangeEpoch epochs,
            @ConfigProperty(name = "fonds.search.cache.max-entries", defaultValue = "1000") long maxEntries) {
        this.epochs = epochs;
        this.cache = new EpochCache<>(maxEntries);
    }

    /**
     * The cached results of this search of {@code owners} ("agents", "places"), or those {@code search} finds, then
     * cached. Call it in the search's transaction: the epoch is read before the search's statements.
     */
    @SuppressWarnings("unchecked") // an owner kind's entries are only ever made by its own search, of its own type
    public <R> R get(String owners, NameSearch.Query query, Object filter, Supplier<R> search) {
        return (R) cache.get(epochs.current(), new Key(owners, query.q().strip(), filter, query.limit()), search::get);
    }

    /** How many searches the cache answered (tests). */
    public long hits() {
        return cache.hits();
    }
}
