package org.fonds.history;

/** What a revision records: the resource was created, changed, (soft-)deleted, or restored to an earlier state. */
public enum RevisionAction {
    CREATE, UPDATE, DELETE, RESTORE
}
