package org.fonds.search;

/** How a document's (possibly uncertain) date must relate to the asked range. */
public enum DateMatch {
    /** Some day the date can denote lies in the range. */
    OVERLAPS,
    /** Every day the date can denote lies in the range. */
    WITHIN
}
