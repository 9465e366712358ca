package org.fonds.document;

/** What kind of record a document is. */
public enum DocumentKind {
    CABLE,
    LETTER,
    MEMORANDUM,
    RECORD_OF_CONVERSATION,
    REPORT,
    MINUTES,
    DIARY,
    PHOTOGRAPH,
    ARTICLE,
    OTHER
}
