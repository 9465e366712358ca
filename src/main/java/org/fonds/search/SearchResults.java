package org.fonds.search;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of search results with the facets of the whole match set. */
@Schema(name = "SearchResults")
public record SearchResults(
        @Schema(required = true) List<SearchHit> items,
        @Schema(required = true, description = "The number of documents that match the query and the filters.",
                examples = "42") long total,
        @Schema(required = true, description = "The page size used.", examples = "20") int limit,
        @Schema(required = true, description = "The offset of this page.", examples = "0") int offset,
        @Schema(nullable = true, required = true, description = "The `offset` of the next page; null on the last.",
                examples = "20") Integer nextOffset,
        @Schema(required = true) Facets facets) {
}
