package org.fonds.document;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where the original is kept: repository, collection and archival unit (fond, opis, delo, papka, listy), or free text. */
@Schema(name = "SourceCitation", description = "Where the original is kept. Give the archival unit, a free-text "
        + "citation, or both.")
public record SourceCitation(
        @Schema(nullable = true, examples = "Archive of the President of the Russian Federation (APRF)")
        @Size(max = 500) String repository,
        @Schema(nullable = true, examples = "Wilson Center Digital Archive") @Size(max = 500) String collection,
        @Schema(nullable = true, examples = "45") @Size(max = 50) String fond,
        @Schema(nullable = true, examples = "1") @Size(max = 50) String opis,
        @Schema(nullable = true, examples = "346") @Size(max = 50) String delo,
        @Schema(nullable = true) @Size(max = 50) String papka,
        @Schema(nullable = true, examples = "104-107") @Size(max = 100) String listy,
        @Schema(nullable = true, description = "The citation as the source gives it.",
                examples = "APRF, Fond 45, Opis 1, Delo 346, Listy 104-107") @Size(max = 2000) String citation,
        @Schema(nullable = true, examples = "https://digitalarchive.wilsoncenter.org/document/115977")
        @Size(max = 2000) String url) {
}
