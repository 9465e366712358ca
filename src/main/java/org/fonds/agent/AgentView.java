package org.fonds.agent;

import org.fonds.resource.VersionedView;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.edtf.DateRange;
import org.fonds.name.Identifier;
import org.fonds.name.NameVariant;
import org.fonds.name.NameVariantRow;

/** An agent as GET /agents/{agent_id} returns it. */
@Schema(name = "Agent", description = "A person, organisation, office or group that documents are by, to, for or "
        + "about.")
public record AgentView(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "PERSON") AgentType type,
        @Schema(required = true, description = "The value of the preferred name (read-only).",
                examples = "Terentii Shtykov") String preferredName,
        @Schema(required = true, description = "Every form of the name, in order; exactly one is preferred.")
        List<NameVariant> names,
        @Schema(nullable = true, required = true, description = "Dates of existence in EDTF.", examples = "1907/1964")
        String existence,
        @Schema(nullable = true, required = true, description = "The days `existence` can denote (read-only).")
        DateRange existenceRange,
        @Schema(required = true) List<Office> offices,
        @Schema(required = true) List<Identifier> identifiers,
        @Schema(nullable = true, required = true) String note,
        @Schema(required = true, description = "When this record was created in Fonds.") OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, description = "Increases with every change; the ETag is this number quoted.",
                examples = "0") long version) implements VersionedView {

    static AgentView of(Agent a) {
        return new AgentView(a.id, a.type, a.preferredName, NameVariantRow.variants(a.names), a.existenceEdtf,
                DateRange.of(a.existenceEdtf), List.copyOf(a.offices), List.copyOf(a.identifiers), a.note, a.createdAt,
                a.updatedAt, a.version);
    }
}
