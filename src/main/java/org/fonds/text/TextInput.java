package org.fonds.text;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.shared.LanguageTag;

/** The writable fields of a text. */
@Schema(name = "TextInput")
public record TextInput(
        @Schema(required = true, examples = "TRANSLATION") @NotNull TextRole role,
        @Schema(required = true, description = "BCP 47 tag of the text's language.", examples = "en")
        @NotNull @LanguageTag String language,
        @Schema(nullable = true, description = "The translator as credited.", examples = "Kathryn Weathersby")
        @Size(max = 500) String translatorName,
        @Schema(nullable = true, description = "The translator as an agent.") UUID translatorAgentId,
        @Schema(required = true, description = "Ordered sections of paragraphs.")
        @NotNull @Size(min = 1, max = 500) List<@NotNull @Valid Section> sections) {
}
