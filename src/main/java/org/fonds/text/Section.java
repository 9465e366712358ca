package org.fonds.text;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An ordered part of a text, with an optional heading ("Note:", "My opinion.") and its paragraphs. */
@Schema(name = "TextSection")
public record Section(
        @Schema(nullable = true, description = "The section's heading as written.", examples = "My opinion.")
        @Size(max = 500) String heading,
        @Schema(required = true, description = "The paragraphs, in order. A line break inside a paragraph (\\n) "
                + "separates its lines.",
                examples = "[\"I met with Kim Il Sung, at his request, on 29 May.\"]")
        @NotNull @Size(min = 1, max = 2000) List<@NotNull @Size(min = 1, max = 100000) String> paragraphs) {
}
