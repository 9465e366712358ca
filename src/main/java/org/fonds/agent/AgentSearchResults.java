package org.fonds.agent;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.name.NameSearch;

/** The agents a name search found, best first. */
@Schema(name = "AgentSearchResults", description = "Agents found by name, best first.")
public record AgentSearchResults(
        @Schema(required = true) List<AgentSearchHit> items,
        @Schema(required = true, description = NameSearch.KEY_DESCRIPTION, examples = "vasilyev") String key,
        @Schema(required = true, description = NameSearch.LIMIT_DESCRIPTION, examples = "20") int limit) {
}
