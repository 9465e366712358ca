package org.fonds.annotation;

/**
 * What an annotation is. Each type except the two plain notes has a type-specific object in the JSON, named after
 * the type in lower case (FOREIGN_TERM → {@code foreign_term}); exactly that one is required and the others are
 * forbidden.
 */
public enum AnnotationType {
    /** A note by the translator, e.g. "[Translator’s note: … are circled]". */
    TRANSLATOR_NOTE(null),
    /** A note by the editor of this edition. */
    EDITOR_NOTE(null),
    /** A numbered or marked footnote. */
    FOOTNOTE("footnote"),
    /** A mark or note by a hand on the page, outside the typed text. */
    MARGINALIA("marginalia"),
    /** A term the translator gives in the original language, e.g. "attack [nastuplenie]". */
    FOREIGN_TERM("foreign_term"),
    /** Words whose reading is uncertain, e.g. "?estimate?". */
    UNCERTAIN_READING("uncertain_reading"),
    /** Words missing from the text: off the page, illegible, redacted, damaged or omitted. */
    GAP("gap"),
    /** Words supplied by the translator or editor, e.g. "[his]". */
    SUPPLIED("supplied"),
    /** Words that name an agent, a place or a date. */
    MENTION("mention"),
    /** A page of the original or of a printed edition starts at the target's first character. */
    PAGE_BREAK("page_break");

    private final String detailsField;

    AnnotationType(String detailsField) {
        this.detailsField = detailsField;
    }

    /** The JSON field of this type's specific object, or null for the plain notes. */
    public String detailsField() {
        return detailsField;
    }

    /** Notes are words of their own: their {@code note_text} is required. */
    public boolean isNote() {
        return this == TRANSLATOR_NOTE || this == EDITOR_NOTE || this == FOOTNOTE;
    }

    /** Whether an annotation of this type may concern a part of the document (its heading, dateline, ...). */
    public boolean targetsParts() {
        return isNote() || this == MARGINALIA;
    }
}
