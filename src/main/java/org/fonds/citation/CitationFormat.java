package org.fonds.citation;

import java.util.Locale;

/** What a formatted citation is written in: plain text, or HTML (italics, quotes as entities). */
public enum CitationFormat {
    TEXT,
    HTML;

    /** The name citeproc-java gives the format. */
    String citeproc() {
        return name().toLowerCase(Locale.ROOT);
    }
}
