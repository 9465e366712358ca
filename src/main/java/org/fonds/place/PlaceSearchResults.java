package org.fonds.place;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The places a name search found, best first. */
@Schema(name = "PlaceSearchResults", description = "Places found by name, best first.")
public record PlaceSearchResults(
        @Schema(required = true) List<PlaceSearchHit> items,
        @Schema(required = true, description = "The query as compared with the names: lower case, romanised, without "
                + "diacritics, apostrophes or punctuation.", examples = "pkhenyan") String key,
        @Schema(required = true, description = "The most hits returned.", examples = "20") int limit) {
}
