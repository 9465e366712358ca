package org.fonds.participant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.edtf.ValidEdtf;

/** The writable fields of a participant. */
@Schema(name = "ParticipantInput")
public record ParticipantInput(
        @Schema(required = true, description = "The agent (person, organisation or office).") @NotNull UUID agentId,
        @Schema(required = true, examples = "SENDER") @NotNull ParticipantRole role,
        @Schema(nullable = true, description = "Order among the participants (0-based); defaults to the end.",
                examples = "0") @Min(0) @Max(10000) Integer position,
        @Schema(nullable = true, description = "The name exactly as the document writes it.", examples = "VYSHINSKY")
        @Size(max = 500) String nameAsWritten,
        @Schema(nullable = true, description = "The agent's office at that moment.",
                examples = "Minister of Foreign Affairs of the USSR") @Size(max = 500) String office,
        @Schema(nullable = true, description = "Copy number on a copy list.", examples = "2") @Size(max = 50)
        String copyNumber,
        @Schema(nullable = true, description = "Where the agent sent or received the document.") UUID placeId,
        @Schema(nullable = true, description = "When the agent sent or received it (EDTF).", examples = "1950-05-30")
        @Size(max = 100) @ValidEdtf String date,
        @Schema(nullable = true, defaultValue = "false", description = "Only for a SIGNATORY: the editors supplied "
                + "the signature (printed \"[Acheson]\"); the copy they worked from bears none.", examples = "false")
        Boolean supplied) {
}
