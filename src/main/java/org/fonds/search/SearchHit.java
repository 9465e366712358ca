package org.fonds.search;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.edtf.DateRange;
import org.fonds.document.DocumentKind;

/** A document found, and where it matched. */
@Schema(name = "SearchHit", description = "A document found by a search.")
public record SearchHit(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "CABLE") DocumentKind kind,
        @Schema(required = true, examples = "Ciphered Telegram, Shtykov to Vyshinsky") String title,
        @Schema(nullable = true, required = true, examples = "1950-05-30") String date,
        @Schema(nullable = true, required = true) DateRange dateRange,
        @Schema(required = true, examples = "[\"ru\"]") List<String> languages,
        @Schema(nullable = true, required = true, examples = "Top secret") String classification,
        @Schema(nullable = true, required = true, description = "Relevance (higher is better); null without `q`.",
                examples = "0.6") Double score,
        @Schema(required = true, description = "Where the query matched, best first (at most "
                + SearchRepository.MATCHES_PER_HIT + "); empty without `q`.") List<SearchMatch> matches) {
}
