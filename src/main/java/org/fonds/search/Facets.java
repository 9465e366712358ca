package org.fonds.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counts of the whole filtered match set by kind, language, subject, collection, classification and flags. */
@Schema(name = "SearchFacets", description = "Counts over every document that matches the query and the filters "
        + "(not only the page; over the candidates when `counts_capped` is true), most frequent first. A document with several languages, subjects or collections "
        + "counts once under each.")
public record Facets(
        @Schema(required = true) List<FacetValue> kind,
        @Schema(required = true) List<FacetValue> language,
        @Schema(required = true, description = "Values are subject ids.") List<FacetValue> subject,
        @Schema(required = true, description = "Values are collection ids.") List<FacetValue> collection,
        @Schema(required = true) List<FacetValue> classification,
        @Schema(required = true, description = "Values are true and false.") List<FacetValue> hasTranslatorNotes,
        @Schema(required = true, description = "Values are true and false.") List<FacetValue> hasMarginalia) {
}
