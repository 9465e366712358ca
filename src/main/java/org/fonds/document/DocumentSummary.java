package org.fonds.document;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document as lists show it: without its text. */
@Schema(name = "DocumentSummary", description = "A document in a list: without its text.")
public record DocumentSummary(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "CABLE") DocumentKind kind,
        @Schema(required = true, examples = "Ciphered Telegram, Shtykov to Vyshinsky") String title,
        @Schema(nullable = true, required = true, examples = "1950-05-30") String date,
        @Schema(nullable = true, required = true, examples = "en") String language,
        @Schema(required = true, examples = "1") long version) {

    static DocumentSummary of(Document d) {
        return new DocumentSummary(d.id, d.kind, d.title, d.dateEdtf, d.language, d.version);
    }
}
