package org.fonds.citation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The CSL styles a citation can be formatted in. */
@Schema(name = "CitationStyles", description = "The ids of the CSL styles Fonds formats citations in: those of the "
        + "Citation Style Language repository (https://github.com/citation-style-language/styles), at the version "
        + "Fonds bundles.")
public record CitationStyles(
        @Schema(required = true, description = "The style Fonds uses when none is asked for.",
                examples = "chicago-notes-bibliography") String defaultStyle,
        @Schema(required = true, examples = "[\"apa\", \"chicago-notes-bibliography\", \"modern-language-association\"]")
        List<String> styles) {
}
