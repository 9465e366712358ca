package org.fonds.collection;

import org.fonds.resource.VersionedView;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection as GET /collections/{collection_id} returns it. */
@Schema(name = "Collection", description = "A curated set of documents, such as an archive's thematic collection.")
public record CollectionView(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "Korean War Origins, 1945-1950") String title,
        @Schema(nullable = true, required = true) String description,
        @Schema(required = true, description = "When this record was created in Fonds.") OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, description = "Increases with every change; the ETag is this number quoted.",
                examples = "0") long version) implements VersionedView {

    static CollectionView of(Collection c) {
        return new CollectionView(c.id, c.title, c.description, c.createdAt, c.updatedAt, c.version);
    }
}
