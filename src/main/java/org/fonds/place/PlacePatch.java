package org.fonds.place;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.name.Identifier;
import org.fonds.name.NameVariant;

/** Documents the body of PATCH /places/{place_id}: any subset of the writable fields, null clears. */
@Schema(name = "PlacePatch", description = "A JSON Merge Patch of a place: any subset of PlaceInput's fields; null "
        + "clears an optional field. An array replaces the whole array. The result is validated like a PlaceInput.")
public record PlacePatch(
        List<NameVariant> names,
        @Schema(nullable = true, examples = "55.7558") Double latitude,
        @Schema(nullable = true, examples = "37.6173") Double longitude,
        @Schema(nullable = true) List<Identifier> identifiers,
        @Schema(nullable = true, maxLength = 10000) String note) {
}
