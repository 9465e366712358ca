package org.fonds.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ApiKeyInput", description = "A new API key: a name for people to recognise it, and its role.")
public record ApiKeyInput(
        @Schema(required = true, maxLength = 100, description = "Unique among the keys not revoked.",
                examples = "nightly-import")
        @NotBlank @Size(max = 100) String name,
        @Schema(required = true, description = "CONTRIBUTOR, EDITOR or ADMIN.", examples = "CONTRIBUTOR")
        @NotNull Role role) {
}
