package org.fonds.annotation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What only a footnote has: its marker. The note's words are the annotation's {@code note_text}. */
@Schema(name = "Footnote", description = "The FOOTNOTE object. The footnote's words are `note_text`.")
public record Footnote(
        @Schema(required = true, description = "The footnote's marker as printed.", maxLength = 20, examples = "1")
        @NotBlank @Size(max = 20) String marker) {
}
