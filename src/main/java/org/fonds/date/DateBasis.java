package org.fonds.date;

/** Which dates of a document count: the date it was written, the dates it mentions, or either. */
public enum DateBasis {
    /** The document's own date (document.date). */
    WRITTEN,
    /** The dates of its MENTION annotations. */
    MENTIONED,
    /** Either. */
    ANY
}
