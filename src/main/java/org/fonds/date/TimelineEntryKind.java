package org.fonds.date;

/** Why a document is on the timeline at a date. */
public enum TimelineEntryKind {
    /** The document was written then (its own date). */
    WRITTEN,
    /** The document mentions the date (a MENTION annotation with a date). */
    MENTIONED
}
