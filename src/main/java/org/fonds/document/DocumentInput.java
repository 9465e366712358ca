package org.fonds.document;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.date.ValidEdtf;
import org.fonds.shared.LanguageTag;

/** The writable fields of a document: the body of POST and PUT. */
@Schema(name = "DocumentInput", description = "The writable fields of a document.")
public record DocumentInput(
        @Schema(description = "What kind of record this is.", examples = "CABLE", required = true)
        @NotNull DocumentKind kind,
        @Schema(description = "Title as the archive gives it.", maxLength = 500, required = true,
                examples = "Ciphered Telegram, Shtykov to Vyshinsky")
        @NotBlank @Size(max = 500) String title,
        @Schema(description = "A short abstract.", maxLength = 10000, nullable = true,
                examples = "Shtykov reports Kim Il Sung's readiness to begin military operations at the end of June.")
        @Size(max = 10000) String summary,
        @Schema(description = "The document's date in EDTF (ISO 8601-2), levels 0 and 1.", maxLength = 100,
                nullable = true, examples = "1950-05-30")
        @Size(max = 100) @ValidEdtf String date,
        @Schema(description = "Language of the body text, a BCP 47 tag.", maxLength = 35, nullable = true,
                examples = "en")
        @Size(max = 35) @LanguageTag String language,
        @Schema(description = "The document's text.", maxLength = 1000000, nullable = true,
                examples = "To VYSHINSKY (for the Politburo [instantsiya]). I met with Kim Il Sung, at his request, on 29 May.")
        @Size(max = 1_000_000) String body) {
}
