package org.fonds.fixity;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.job.JobState;

/** A check of the whole archive's fixity, as it runs and once done. */
@Schema(name = "FixityCheckJob", description = "A re-verification of every fixity digest of the archive, run in the "
        + "background: its progress while it runs, its report once it has succeeded.")
public record FixityJob(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "RUNNING") JobState state,
        @Schema(required = true, description = "Who asked for it (as the history names actors).", examples = "user:archivist") String requestedBy,
        @Schema(required = true) OffsetDateTime requestedAt,
        @Schema(nullable = true, required = true) OffsetDateTime startedAt,
        @Schema(nullable = true, required = true) OffsetDateTime finishedAt,
        @Schema(nullable = true, required = true, description = "How many texts and media items there are to check; "
                + "null until counted.", examples = "1200") Long total,
        @Schema(required = true, description = "How many have been checked so far.", examples = "300") long checked,
        @Schema(required = true, description = "How many of those did not match their recorded digest.",
                examples = "0") long mismatched,
        @Schema(nullable = true, required = true, description = "Items checked per second so far; null before the "
                + "first.", examples = "850.5") Double ratePerSecond,
        @Schema(nullable = true, required = true, description = "Seconds left at that rate; 0 when finished, null "
                + "while unknown.", examples = "2") Long estimatedSecondsLeft,
        @Schema(nullable = true, required = true, description = "The report, once the check has succeeded.")
        FixityReport report,
        @Schema(nullable = true, required = true, description = "Why it failed, when it did.") String error) {
}
