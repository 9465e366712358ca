package org.fonds.annotation;

/** How sure the translator or editor is of a reading. */
public enum Certainty {
    LOW,
    MEDIUM,
    HIGH
}
