package org.fonds.annotation;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Words the translator or editor supplied: "during [his] stay", "inclined to [the view]", "[be given]". */
@Schema(name = "Supplied", description = "The SUPPLIED object: the words the target points at were supplied by the "
        + "translator or editor, not written in the original.")
public record Supplied(
        @Schema(nullable = true, description = "Why the words were supplied.", maxLength = 1000,
                examples = "implied by the Russian; added for English grammar")
        @Size(max = 1000) String reason) {
}
