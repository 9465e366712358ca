package org.fonds.media;

import org.fonds.resource.VersionedView;
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
        @Schema(nullable = true, required = true, description = "SHA-256 of the file itself, lowercase hex, as the "
                + "client supplied it (Fonds does not hold the file).") String sha256,
        @Schema(nullable = true, required = true) String caption,
        @Schema(required = true) List<UUID> depictedAgentIds,
        @Schema(required = true, nullable = true, description = FIXITY) String fixitySha256,
        @Schema(required = true) OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, examples = "0") long version) implements VersionedView {

    static final String FIXITY = "SHA-256 (lowercase hex) of this media item's stored description (url, media type, "
            + "page number, file checksum, caption, depicted agents, document), recorded when it was last written; "
            + "`POST .../fixity-check` re-verifies it.";

    static MediaView of(Media m) {
        return new MediaView(m.id, m.documentId, m.url, m.mediaType, m.pageNumber, m.sha256, m.caption,
                List.copyOf(m.depictedAgentIds), m.fixitySha256, m.createdAt, m.updatedAt, m.version);
    }
}
