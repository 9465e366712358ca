package org.fonds.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.edtf.ValidEdtf;

/** A post an agent held, for a time, possibly in an organisation that is an agent itself. */
@Schema(name = "Office", description = "A post the agent held, with its dates in EDTF.")
public record Office(
        @Schema(required = true, maxLength = 500, examples = "Soviet ambassador to the DPRK")
        @NotBlank @Size(max = 500) String title,
        @Schema(nullable = true, description = "The organisation the post belongs to (an agent).")
        UUID organisationId,
        @Schema(nullable = true, maxLength = 100, description = "When the agent took up the post, in EDTF.",
                examples = "1948")
        @Size(max = 100) @ValidEdtf String start,
        @Schema(nullable = true, maxLength = 100, description = "When the agent left the post, in EDTF.",
                examples = "1951")
        @Size(max = 100) @ValidEdtf String end) {
}
