package org.fonds.agent;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.name.Identifier;
import org.fonds.name.NameVariant;

/** Documents the body of PATCH /agents/{agent_id}: any subset of the writable fields, null clears. */
@Schema(name = "AgentPatch", description = "A JSON Merge Patch of an agent: any subset of AgentInput's fields; null "
        + "clears an optional field. An array replaces the whole array. The result is validated like an AgentInput.")
public record AgentPatch(
        AgentType type,
        List<NameVariant> names,
        @Schema(nullable = true, maxLength = 100, examples = "1907/1964") String existence,
        @Schema(nullable = true) List<Office> offices,
        @Schema(nullable = true) List<Identifier> identifiers,
        @Schema(nullable = true, maxLength = 10000) String note) {
}
