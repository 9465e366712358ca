package org.fonds.annotation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Words the translator could not read with certainty: "?estimate?". */
@Schema(name = "UncertainReading", description = "The UNCERTAIN_READING object: the most likely reading of the "
        + "words the target points at, and the others.")
public record UncertainReading(
        @Schema(required = true, description = "The most likely reading.", maxLength = 1000, examples = "estimate")
        @NotBlank @Size(max = 1000) String reading,
        @Schema(nullable = true, description = "Other possible readings.", examples = "[\"estimated\"]")
        @Size(max = 20) List<@NotNull @NotBlank @Size(max = 1000) String> alternatives,
        @Schema(nullable = true, description = "How sure the reading is.", examples = "LOW") Certainty certainty) {
}
