package org.fonds.history;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * A service whose resources can be restored to a revision and purged. Implemented by the service of each resource
 * type, so that a restore goes through the same validation as a PUT and a purge through the same checks of
 * references as a delete.
 */
public interface Revisable {

    ResourceType resourceType();

    /**
     * The representation the service's views are stored in now (see {@link RevisionService}): raised by one when the
     * view changes shape, with the step from the previous one in {@link #upgrade}. Existing revisions are 1.
     */
    default int representation() {
        return 1;
    }

    /**
     * A revision's state stored in representation {@code from} (older than {@link #representation()}) in
     * representation {@code from + 1}. Steps are chained until the current one, so that an old revision is read and
     * restored as the resource is written now.
     */
    default JsonNode upgrade(int from, JsonNode state) {
        throw new IllegalStateException(resourceType() + " has no representation " + from);
    }

    /**
     * Makes {@code state} (a revision's state) the current state of the resource, deleted or not, validated like a
     * PUT body (422 for what is now invalid, e.g. a reference to a resource that no longer exists); records a RESTORE
     * revision. {@code documentId} is the document in the URL (null for resources not under a document).
     */
    Restored restore(UUID documentId, UUID id, String ifMatch, JsonNode state);

    /** Removes the resource for good (and what cascades from it); 409 while other records still refer to it. */
    void purge(UUID documentId, UUID id, String ifMatch);
}
