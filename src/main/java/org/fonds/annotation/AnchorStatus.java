package org.fonds.annotation;

/** Whether a target still points at its words after the text was edited. */
public enum AnchorStatus {
    /** At the offsets and words it was given. */
    ANCHORED,
    /** The text was edited and the server found the quoted words at other offsets. */
    RELOCATED,
    /** The text was edited and the quoted words no longer occur; offsets and quote are kept as they were. */
    ORPHANED
}
