package org.fonds.annotation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.shared.LanguageTag;

/** An original-language term the translator gives beside the translation: "attack [nastuplenie]". */
@Schema(name = "ForeignTerm", description = "The FOREIGN_TERM object: the original-language term, as the translator "
        + "gives it, of the words the target points at.")
public record ForeignTerm(
        @Schema(required = true, description = "The term as written in the translation.", maxLength = 500,
                examples = "nastuplenie")
        @NotBlank @Size(max = 500) String term,
        @Schema(required = true, description = "BCP 47 tag of the term as written, with its script when it is "
                + "transliterated.", examples = "ru-Latn")
        @NotNull @LanguageTag String language,
        @Schema(nullable = true, description = "The term in its own script.", maxLength = 500, examples = "наступление")
        @Size(max = 500) String scriptForm) {
}
