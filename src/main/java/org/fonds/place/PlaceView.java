package org.fonds.place;

import org.fonds.resource.VersionedView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.name.Identifier;
import org.fonds.name.NameVariant;
import org.fonds.name.NameVariantRow;

/** A place as GET /places/{place_id} returns it. */
@Schema(name = "Place", description = "A place documents are written at, sent from or speak of.")
public record PlaceView(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, description = "The value of the preferred name (read-only).", examples = "Pyongyang")
        String preferredName,
        @Schema(required = true, description = "Every form of the name, in order; exactly one is preferred.")
        List<NameVariant> names,
        @Schema(nullable = true, required = true, examples = "39.0392") Double latitude,
        @Schema(nullable = true, required = true, examples = "125.7625") Double longitude,
        @Schema(required = true) List<Identifier> identifiers,
        @Schema(nullable = true, required = true) String note,
        @Schema(required = true, description = "When this record was created in Fonds.") OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, description = "Increases with every change; the ETag is this number quoted.",
                examples = "0") long version) implements VersionedView {

    static PlaceView of(Place p) {
        return new PlaceView(p.id, p.preferredName, NameVariantRow.variants(p.names), p.latitude, p.longitude,
                List.copyOf(p.identifiers), p.note, p.createdAt, p.updatedAt, p.version);
    }
}
