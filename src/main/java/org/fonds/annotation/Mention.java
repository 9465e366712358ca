package org.fonds.annotation;

import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.edtf.ValidEdtf;

/**
 * Words that name an agent, a place or a date. The agent, place and date are stored in columns of the annotation
 * (foreign keys, indexed dates); the wording in its body.
 */
@Schema(name = "Mention", description = "The MENTION object: the agent, the place or the date (exactly one) that the "
        + "words the target points at name.")
public record Mention(
        @Schema(nullable = true, description = "The agent named (id of /agents).") UUID agentId,
        @Schema(nullable = true, description = "The place named (id of /places).") UUID placeId,
        @Schema(nullable = true, maxLength = 100, description = "The date named, normalised to EDTF in the "
                + "document's context: \"29 May\" → 1950-05-29, \"between 8 and 10 June\" → 1950-06-08/1950-06-10, "
                + "\"end of June\" → 1950-06-21/1950-06-30 (the last third of the month), \"July\" → 1950-07.",
                examples = "1950-06-08/1950-06-10")
        @Size(max = 100) @ValidEdtf String date,
        @Schema(nullable = true, description = "The name as the text writes it.", maxLength = 500,
                examples = "Pak Heon-yeong")
        @Size(max = 500) String nameAsWritten,
        @Schema(nullable = true, description = "A variant the text gives inline, e.g. in brackets.", maxLength = 500,
                examples = "Pak Hon Yong")
        @Size(max = 500) String variantWrittenInline) {

    /** The same wording with other links (the body stores the wording only; the links live in columns). */
    Mention withLinks(UUID agentId, UUID placeId, String date) {
        return new Mention(agentId, placeId, date, nameAsWritten, variantWrittenInline);
    }

    int linkCount() {
        return (agentId == null ? 0 : 1) + (placeId == null ? 0 : 1) + (date == null ? 0 : 1);
    }
}
