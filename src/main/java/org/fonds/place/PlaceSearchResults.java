package org.fonds.place;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.name.NameSearch;

/** The places a name search found, best first. */
@Schema(name = "PlaceSearchResults", description = "Places found by name, best first.")
public record PlaceSearchResults(
        @Schema(required = true) List<PlaceSearchHit> items,
        @Schema(required = true, description = NameSearch.KEY_DESCRIPTION, examples = "pkhenyan") String key,
        @Schema(required = true, description = NameSearch.LIMIT_DESCRIPTION, examples = "20") int limit) {
}
