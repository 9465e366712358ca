package org.fonds.name;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The name variant through which a name search found an agent or place. */
@Schema(name = "MatchedVariant", description = "The name variant that matched the query best.")
public record MatchedVariant(
        @Schema(required = true, examples = "Терентий Фомич Штыков") String value,
        @Schema(nullable = true, required = true, examples = "ru-Cyrl") String language) {
}
