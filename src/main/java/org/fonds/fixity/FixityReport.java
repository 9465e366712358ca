package org.fonds.fixity;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FixityReport", description = "The result of re-verifying the fixity digest of every text and media "
        + "item of the archive.")
public record FixityReport(
        @Schema(required = true, examples = Fixity.ALGORITHM) String algorithm,
        @Schema(required = true, description = "How many resources were checked.", examples = "1200") long checked,
        @Schema(required = true, description = "How many of them did not match their recorded digest.", examples = "0")
        long mismatchCount,
        @Schema(required = true, description = "The mismatches (at most " + FixityService.MAX_LISTED + "; see "
                + "`truncated`), each with the resource's URL path, the recorded and the recomputed digest.")
        List<FixityCheck> mismatches,
        @Schema(required = true, description = "True when there were more mismatches than are listed.")
        boolean truncated,
        @Schema(required = true) OffsetDateTime startedAt,
        @Schema(required = true) OffsetDateTime finishedAt) {
}
