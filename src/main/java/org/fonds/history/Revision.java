package org.fonds.history;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One revision with the full state of the resource at that version: exactly the body a GET of that version answered.
 * For a DELETE revision, the state is the last state before the deletion.
 *
 * @param <T> the resource's response body (typed in the spec per resource; held as JSON at run time)
 */
public record Revision<T>(
        @Schema(required = true) ResourceType resourceType,
        @Schema(required = true) UUID resourceId,
        @Schema(description = "The document the resource belongs to, for texts, participants, links, media and "
                + "annotations.", nullable = true) UUID documentId,
        @Schema(required = true, examples = "3") long version,
        @Schema(required = true) RevisionAction action,
        @Schema(required = true, examples = "anonymous") String actor,
        @Schema(required = true) OffsetDateTime recordedAt,
        @Schema(description = "The resource's response body at this version.", required = true) T state) {
}
