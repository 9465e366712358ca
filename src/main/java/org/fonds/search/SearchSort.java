package org.fonds.search;

/** The order of search results. */
public enum SearchSort {
    /** Best match first (then id); needs a query. */
    RELEVANCE,
    /** By the earliest day the document's date can denote, then id; undated documents last. */
    DATE
}
