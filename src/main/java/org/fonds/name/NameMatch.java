package org.fonds.name;

/** How a name variant matched a search, best first: the order in which hits are ranked. */
public enum NameMatch {
    /** The variant's match key is the query's. */
    EXACT,
    /** The variant's key, or one of its words, starts with the query's key. */
    PREFIX,
    /** The keys are similar (pg_trgm similarity or word similarity above its threshold): a misspelling. */
    SIMILAR
}
