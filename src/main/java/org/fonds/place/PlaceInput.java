package org.fonds.place;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.name.Identifier;
import org.fonds.name.NameVariant;

/** The writable fields of a place: the body of POST and PUT. */
@Schema(name = "PlaceInput", description = "The writable fields of a place. Give latitude and longitude together "
        + "or neither.")
public record PlaceInput(
        @Schema(required = true, description = "Every form of the name, in order: in each language and script, and "
                + "transliterations. Exactly one is preferred: the one flagged, or else the first.",
                examples = "[{\"value\": \"Pyongyang\", \"language\": \"en\", \"preferred\": true}, "
                        + "{\"value\": \"평양\", \"language\": \"ko-Hang\"}, "
                        + "{\"value\": \"P'yŏngyang\", \"language\": \"ko-Latn\", "
                        + "\"transliteration\": \"MCCUNE_REISCHAUER\"}]")
        @NotEmpty @Size(max = 100) @NameVariant.AtMostOnePreferred List<@NotNull @Valid NameVariant> names,
        @Schema(nullable = true, description = "WGS 84 latitude in degrees, with `longitude`.", examples = "39.0392")
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @Schema(nullable = true, description = "WGS 84 longitude in degrees, with `latitude`.", examples = "125.7625")
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Schema(nullable = true, description = "Identifiers of the place in authority files.")
        @Size(max = 50) List<@NotNull @Valid Identifier> identifiers,
        @Schema(nullable = true, maxLength = 10000, examples = "Capital of the DPRK.")
        @Size(max = 10000) String note) {
}
