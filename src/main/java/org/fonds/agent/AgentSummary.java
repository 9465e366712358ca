package org.fonds.agent;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.edtf.DateRange;
import org.fonds.name.NameVariant;
import org.fonds.name.NameVariantRow;

/** An agent as lists show it. */
@Schema(name = "AgentSummary", description = "An agent in a list.")
public record AgentSummary(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "PERSON") AgentType type,
        @Schema(required = true, examples = "Terentii Shtykov") String preferredName,
        @Schema(required = true, description = "Every form of the name, in order; exactly one is preferred.")
        List<NameVariant> names,
        @Schema(nullable = true, required = true, examples = "1907/1964") String existence,
        @Schema(nullable = true, required = true) DateRange existenceRange,
        @Schema(required = true, examples = "0") long version) {

    static AgentSummary of(Agent a) {
        return new AgentSummary(a.id, a.type, a.preferredName, NameVariantRow.variants(a.names), a.existenceEdtf,
                DateRange.of(a.existenceEdtf), a.version);
    }
}
