package org.fonds.place;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.name.NameVariant;
import org.fonds.name.NameVariantRow;

/** A place as lists show it. */
@Schema(name = "PlaceSummary", description = "A place in a list.")
public record PlaceSummary(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "Pyongyang") String preferredName,
        @Schema(required = true, description = "Every form of the name, in order; exactly one is preferred.")
        List<NameVariant> names,
        @Schema(nullable = true, required = true, examples = "39.0392") Double latitude,
        @Schema(nullable = true, required = true, examples = "125.7625") Double longitude,
        @Schema(required = true, examples = "0") long version) {

    static PlaceSummary of(Place p) {
        return new PlaceSummary(p.id, p.preferredName, NameVariantRow.variants(p.names), p.latitude, p.longitude,
                p.version);
    }
}
