package org.fonds.history;

/** The result of a restore: the resource's response body and its new version. */
public record Restored(Object view, long version) {
}
