package org.fonds.agent;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The agents a name search found, best first. */
@Schema(name = "AgentSearchResults", description = "Agents found by name, best first.")
public record AgentSearchResults(
        @Schema(required = true) List<AgentSearchHit> items,
        @Schema(required = true, description = "The query as compared with the names: lower case, romanised, without "
                + "diacritics, apostrophes or punctuation.", examples = "vasilyev") String key,
        @Schema(required = true, description = "The most hits returned.", examples = "20") int limit) {
}
