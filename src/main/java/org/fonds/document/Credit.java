package org.fonds.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who contributed to the edition of a document: translator, transcriber, editor, funder. */
@Schema(name = "Credit")
public record Credit(
        @Schema(required = true, examples = "TRANSLATOR") @NotNull Role role,
        @Schema(required = true, examples = "Kathryn Weathersby") @NotBlank @Size(max = 500) String name,
        @Schema(nullable = true, description = "The agent, when the contributor is one.") UUID agentId) {

    public enum Role {
        TRANSLATOR,
        TRANSCRIBER,
        EDITOR,
        FUNDER,
        OTHER
    }
}
