package org.fonds.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The writable fields of a subject: the body of POST and PUT. */
@Schema(name = "SubjectInput", description = "The writable fields of a subject.")
public record SubjectInput(
        @Schema(required = true, maxLength = 500, examples = "Korean War, 1950-1953")
        @NotBlank @Size(max = 500) String label,
        @Schema(nullable = true, maxLength = 200, description = "The vocabulary the label is a heading of.",
                examples = "LCSH")
        @Size(max = 200) String scheme,
        @Schema(nullable = true, maxLength = 2000, description = "The heading's URI in its vocabulary.")
        @Size(max = 2000) @Pattern(regexp = "[A-Za-z][A-Za-z0-9+.-]*:\\S+", message = "must be an absolute URI")
        String uri) {
}
