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
     * Makes {@code state} (a revision's state) the current state of the resource, deleted or not, validated like a
     * PUT body (422 for what is now invalid, e.g. a reference to a resource that no longer exists); records a RESTORE
     * revision. {@code documentId} is the document in the URL (null for resources not under a document).
     */
    Restored restore(UUID documentId, UUID id, String ifMatch, JsonNode state);

    /** Removes the resource for good (and what cascades from it); 409 while other records still refer to it. */
    void purge(UUID documentId, UUID id, String ifMatch);
}
