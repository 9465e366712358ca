package org.fonds.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A value of a facet and the number of matching documents with it. */
@Schema(name = "FacetValue")
public record FacetValue(
        @Schema(required = true, description = "The value, as the filter of the same name takes it.",
                examples = "CABLE") String value,
        @Schema(nullable = true, required = true, description = "A subject's label or a collection's title.",
                examples = "Origins of the Korean War") String label,
        @Schema(required = true, examples = "3") long count) {
}
