package org.fonds.search;

/** Where in a document a query matched. */
public enum MatchField {
    TITLE,
    SUMMARY,
    /** A text (original, translation or transcription): {@code text_id} and {@code language} say which. */
    TEXT,
    /** A note's words or a marginalia transcription: {@code annotation_id} and {@code annotation_type} say which. */
    ANNOTATION
}
