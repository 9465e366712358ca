package org.fonds.agent;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.edtf.ValidEdtf;
import org.fonds.name.Identifier;
import org.fonds.name.NameVariant;

/** The writable fields of an agent: the body of POST and PUT. */
@Schema(name = "AgentInput", description = "The writable fields of an agent.")
public record AgentInput(
        @Schema(required = true, description = "What kind of actor this is.", examples = "PERSON")
        @NotNull AgentType type,
        @Schema(required = true, description = "Every form of the name, in order: in each language and script, and "
                + "transliterations. Exactly one is preferred: the one flagged, or else the first.",
                examples = "[{\"value\": \"Terentii Shtykov\", \"language\": \"en\", \"preferred\": true}, "
                        + "{\"value\": \"Штыков, Терентий Фомич\", \"language\": \"ru-Cyrl\"}, "
                        + "{\"value\": \"Shtykov, Terentiĭ Fomich\", \"language\": \"ru-Latn\", "
                        + "\"transliteration\": \"LIBRARY_OF_CONGRESS\"}]")
        @NotEmpty @Size(max = 100) @NameVariant.AtMostOnePreferred List<@NotNull @Valid NameVariant> names,
        @Schema(nullable = true, maxLength = 100, description = "Dates of existence in EDTF: of life for a person, "
                + "of existence for an organisation, office or group.", examples = "1907/1964")
        @Size(max = 100) @ValidEdtf String existence,
        @Schema(nullable = true, description = "Posts the agent held.")
        @Size(max = 100) List<@NotNull @Valid Office> offices,
        @Schema(nullable = true, description = "Identifiers of the agent in authority files.")
        @Size(max = 50) List<@NotNull @Valid Identifier> identifiers,
        @Schema(nullable = true, maxLength = 10000, examples = "First Soviet ambassador to North Korea.")
        @Size(max = 10000) String note) {
}
