package org.fonds.shared;

/**
 * What a caller may do, in increasing order: anonymous readers, contributors (create and edit drafts), editors
 * (publish, edit anything), administrators (API keys, purge). Each role includes the ones before it.
 */
public enum Role {
    ANONYMOUS, CONTRIBUTOR, EDITOR, ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
