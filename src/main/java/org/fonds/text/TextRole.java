package org.fonds.text;

/** Whether a text is the original-language transcription or a translation. */
public enum TextRole {
    /** The text in the document's original language, as transcribed from the page. */
    ORIGINAL,
    /** A translation of the original. */
    TRANSLATION,
    /** A transcription other than the original's (a transliteration, a later copy). */
    TRANSCRIPTION
}
