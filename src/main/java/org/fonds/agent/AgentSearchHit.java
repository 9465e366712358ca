package org.fonds.agent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.name.MatchedVariant;
import org.fonds.name.NameMatch;

/** An agent found by name, with the variant that matched and how closely. */
@Schema(name = "AgentSearchHit", description = "An agent found by one of its names.")
public record AgentSearchHit(
        @Schema(required = true) AgentSummary agent,
        @Schema(required = true) MatchedVariant matchedVariant,
        @Schema(required = true, description = "How the variant matched; hits are ranked EXACT, PREFIX, SIMILAR.",
                examples = "EXACT") NameMatch match,
        @Schema(required = true, description = "Closeness from 0 to 1 (1 for an exact match): pg_trgm similarity of "
                + "the match keys, or word similarity when the query matches part of the name.", examples = "1.0")
        double score) {
}
