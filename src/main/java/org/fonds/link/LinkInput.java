package org.fonds.link;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LinkInput", description = "A link needs a target document, the reference as written, or both.")
public record LinkInput(
        @Schema(required = true, examples = "REPLY_TO") @NotNull LinkType type,
        @Schema(nullable = true, description = "The linked document, when it is in the archive.")
        UUID targetDocumentId,
        @Schema(nullable = true, description = "The reference exactly as written.", examples = "your telegram 164")
        @Size(max = 1000) String referenceAsWritten,
        @Schema(nullable = true, maxLength = 10000) @Size(max = 10000) String note) {
}
