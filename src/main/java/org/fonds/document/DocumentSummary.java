package org.fonds.document;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.edtf.DateRange;
import org.fonds.access.Visibility;

/** A document as lists show it. */
@Schema(name = "DocumentSummary", description = "A document in a list.")
public record DocumentSummary(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "CABLE") DocumentKind kind,
        @Schema(required = true, examples = "Ciphered Telegram, Shtykov to Vyshinsky") String title,
        @Schema(nullable = true, required = true, examples = "1950-05-30") String date,
        @Schema(nullable = true, required = true) DateRange dateRange,
        @Schema(required = true, examples = "[\"ru\"]") List<String> languages,
        @Schema(required = true, description = "Who may see the document.", examples = "PUBLISHED")
        Visibility visibility,
        @Schema(required = true, examples = "0") long version) {

    static DocumentSummary of(Document d) {
        return new DocumentSummary(d.id, d.kind, d.title, d.dateEdtf, DateRange.of(d.dateEdtf),
                List.copyOf(d.languages), d.visibility, d.version);
    }
}
