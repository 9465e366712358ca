package org.fonds.annotation;

/**
 * A part of a document that a note can concern rather than words of its text (FRUS's first footnote is on the
 * heading: it gives the archival file and the distribution). TEI puts such a note in the element of that part.
 */
public enum DocumentPartName {
    /** The heading: the document's title (TEI {@code head}). */
    HEADING,
    /** The place and date line (TEI {@code dateline}). */
    DATELINE,
    /** The source line: the archival file it is printed from (TEI {@code msDesc}'s citation). */
    SOURCE,
    /** A signature (TEI {@code signed}), optionally naming the signatory participant. */
    SIGNATURE
}
