package org.fonds.history;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One revision in a list: which version, what happened, who did it and when (the state is read one at a time). */
@Schema(description = "A revision of a resource, without its state.")
public record RevisionSummary(
        @Schema(description = "The version of the resource this revision created (its ETag without quotes).",
                required = true, examples = "3") long version,
        @Schema(required = true) RevisionAction action,
        @Schema(description = "Who made the change (the authenticated principal, or `system`).", required = true,
                examples = "anonymous") String actor,
        @Schema(description = "When the change was committed.", required = true) OffsetDateTime recordedAt) {
}
