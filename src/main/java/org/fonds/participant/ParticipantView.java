package org.fonds.participant;

import org.fonds.resource.VersionedView;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.edtf.DateRange;

@Schema(name = "Participant", description = "An agent's role in a document.")
public record ParticipantView(
        @Schema(required = true) UUID id,
        @Schema(required = true) UUID documentId,
        @Schema(required = true) UUID agentId,
        @Schema(required = true, examples = "RECIPIENT") ParticipantRole role,
        @Schema(required = true, examples = "0") int position,
        @Schema(nullable = true, required = true, examples = "VYSHINSKY") String nameAsWritten,
        @Schema(nullable = true, required = true) String office,
        @Schema(nullable = true, required = true) String copyNumber,
        @Schema(nullable = true, required = true) UUID placeId,
        @Schema(nullable = true, required = true, examples = "1950-05-30") String date,
        @Schema(nullable = true, required = true) DateRange dateRange,
        @Schema(required = true, description = "A SIGNATORY's signature supplied by the editors (\"[Acheson]\").",
                examples = "false") boolean supplied,
        @Schema(required = true, examples = "0") long version) implements VersionedView {

    static ParticipantView of(Participant p) {
        return new ParticipantView(p.id, p.documentId, p.agentId, p.role, p.position, p.nameAsWritten, p.office,
                p.copyNumber, p.placeId, p.dateEdtf, DateRange.of(p.dateEdtf), p.supplied, p.version);
    }
}
