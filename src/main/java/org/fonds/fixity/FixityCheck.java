package org.fonds.fixity;

import org.fonds.shared.Timestamps;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What re-verifying one resource's fixity digest found. */
@Schema(name = "FixityCheck", description = "The digest recorded when the resource was last written, compared with "
        + "the digest of what the database holds now.")
public record FixityCheck(
        @Schema(required = true, description = "The resource's URL path.",
                examples = "/documents/0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b/texts/0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8c")
        String resource,
        @Schema(required = true, examples = Fixity.ALGORITHM) String algorithm,
        @Schema(required = true, nullable = true, description = "The digest recorded at the last write, lowercase hex "
                + "(null if none was recorded).") String expected,
        @Schema(required = true, nullable = true, description = "The digest of the stored resource now, lowercase hex "
                + "(null if the stored row cannot even be read).") String actual,
        @Schema(required = true, description = "OK when both digests are equal; MISMATCH otherwise (the stored resource "
                + "was changed outside the API, or no digest was recorded).") Status status,
        @Schema(required = true) OffsetDateTime checkedAt) {

    public enum Status { OK, MISMATCH }

    public static FixityCheck of(String resource, String expected, String actual) {
        boolean ok = expected != null && expected.equals(actual);
        return new FixityCheck(resource, Fixity.ALGORITHM, expected, actual, ok ? Status.OK : Status.MISMATCH,
                Timestamps.now());
    }
}
