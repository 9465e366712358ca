package org.fonds.agent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.name.MatchedVariant;
import org.fonds.name.NameMatch;
import org.fonds.name.NameSearch;

/** An agent found by name, with the variant that matched and how closely. */
@Schema(name = "AgentSearchHit", description = "An agent found by one of its names.")
public record AgentSearchHit(
        @Schema(required = true) AgentSummary agent,
        @Schema(required = true) MatchedVariant matchedVariant,
        @Schema(required = true, description = NameSearch.MATCH_DESCRIPTION, examples = "EXACT") NameMatch match,
        @Schema(required = true, description = NameSearch.SCORE_DESCRIPTION, examples = "1.0") double score) {

    static AgentSearchHit of(NameSearch.Found<Agent> found) {
        NameSearch.Hit hit = found.hit();
        return new AgentSearchHit(AgentSummary.of(found.owner()), hit.variant(), hit.match(), hit.roundedScore());
    }
}
