package org.fonds.subject;

import org.fonds.resource.VersionedView;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subject as GET /subjects/{subject_id} returns it. */
@Schema(name = "Subject", description = "A topic documents are about, possibly a heading of a controlled vocabulary.")
public record SubjectView(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "Korean War, 1950-1953") String label,
        @Schema(nullable = true, required = true, examples = "LCSH") String scheme,
        @Schema(nullable = true, required = true) String uri,
        @Schema(required = true, description = "When this record was created in Fonds.") OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, description = "Increases with every change; the ETag is this number quoted.",
                examples = "0") long version) implements VersionedView {

    static SubjectView of(Subject s) {
        return new SubjectView(s.id, s.label, s.scheme, s.uri, s.createdAt, s.updatedAt, s.version);
    }
}
