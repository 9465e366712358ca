package org.fonds.place;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.name.MatchedVariant;
import org.fonds.name.NameMatch;
import org.fonds.name.NameSearch;

/** A place found by name, with the variant that matched and how closely. */
@Schema(name = "PlaceSearchHit", description = "A place found by one of its names.")
public record PlaceSearchHit(
        @Schema(required = true) PlaceSummary place,
        @Schema(required = true) MatchedVariant matchedVariant,
        @Schema(required = true, description = NameSearch.MATCH_DESCRIPTION, examples = "EXACT") NameMatch match,
        @Schema(required = true, description = NameSearch.SCORE_DESCRIPTION, examples = "1.0") double score) {

    static PlaceSearchHit of(NameSearch.Found<Place> found) {
        NameSearch.Hit hit = found.hit();
        return new PlaceSearchHit(PlaceSummary.of(found.owner()), hit.variant(), hit.match(), hit.roundedScore());
    }
}
