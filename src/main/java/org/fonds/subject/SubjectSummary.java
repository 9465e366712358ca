package org.fonds.subject;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subject as lists show it. */
@Schema(name = "SubjectSummary", description = "A subject in a list.")
public record SubjectSummary(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "Korean War, 1950-1953") String label,
        @Schema(nullable = true, required = true, examples = "LCSH") String scheme,
        @Schema(nullable = true, required = true) String uri,
        @Schema(required = true, examples = "0") long version) {

    static SubjectSummary of(Subject s) {
        return new SubjectSummary(s.id, s.label, s.scheme, s.uri, s.version);
    }
}
