package org.fonds.link;

/** How one document relates to another. */
public enum LinkType {
    /** Answers the target ("your telegram 164"). */
    REPLY_TO,
    /** Was enclosed with the target. */
    ENCLOSURE_OF,
    /** Records the same meeting or conversation as the target. */
    SAME_MEETING,
    /** Cites or quotes the target. */
    CITES,
    /** Is cited or quoted by the target. */
    CITED_BY,
    RELATED
}
