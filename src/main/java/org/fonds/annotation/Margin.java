package org.fonds.annotation;

/** Where on the page something is, relative to the typed text. */
public enum Margin {
    LEFT,
    RIGHT,
    TOP,
    BOTTOM,
    BETWEEN_LINES,
    OVER_TEXT
}
