package org.fonds.media;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Media", description = "A page image, PDF or photograph of a document.")
public record MediaView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID documentId,
        @Schema(required = true) String url,
        @Schema(required = true, examples = "image/jpeg") String mediaType,
        @Schema(nullable = true, required = true, examples = "1") Integer pageNumber,
        @Schema(nullable = true, required = true) String sha256,
        @Schema(nullable = true, required = true) String caption,
        @Schema(required = true) List<UUID> depictedAgentIds,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, examples = "0") long version) {

    static MediaView of(Media m) {
        return new MediaView(m.id, m.documentId, m.url, m.mediaType, m.pageNumber, m.sha256, m.caption,
                List.copyOf(m.depictedAgentIds), m.createdAt, m.updatedAt, m.version);
    }
}
