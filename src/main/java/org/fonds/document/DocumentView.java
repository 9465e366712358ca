package org.fonds.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A document as GET /documents/{document_id} returns it. */
@Schema(name = "Document", description = "A primary-source document.")
public record DocumentView(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "CABLE") DocumentKind kind,
        @Schema(required = true, examples = "Ciphered Telegram, Shtykov to Vyshinsky") String title,
        @Schema(nullable = true, required = true) String summary,
        @Schema(nullable = true, required = true, description = "The document's date in EDTF.", examples = "1950-05-30")
        String date,
        @Schema(nullable = true, required = true) DateRange dateRange,
        @Schema(nullable = true, required = true, examples = "en") String language,
        @Schema(nullable = true, required = true) String body,
        @Schema(required = true, description = "When this record was created in Fonds (not the document's date).")
        OffsetDateTime createdAt,
        @Schema(required = true) OffsetDateTime updatedAt,
        @Schema(required = true, description = "Increases with every change; the ETag is this number quoted.",
                examples = "1") long version) {

    @Schema(name = "DateRange", description = "The days an EDTF date can denote; null ends are open or unknown.")
    public record DateRange(
            @Schema(nullable = true, required = true, examples = "1950-05-30") LocalDate earliest,
            @Schema(nullable = true, required = true, examples = "1950-05-30") LocalDate latest,
            @Schema(required = true, description = "The date carries a ? or % qualifier.") boolean uncertain,
            @Schema(required = true, description = "The date carries a ~ or % qualifier.") boolean approximate) {
    }

    static DocumentView of(Document d) {
        DateRange range = null;
        if (d.dateEdtf != null) {
            var parsed = org.fonds.date.Edtf.parse(d.dateEdtf);
            range = new DateRange(parsed.earliest(), parsed.latest(), parsed.uncertain(), parsed.approximate());
        }
        return new DocumentView(d.id, d.kind, d.title, d.summary, d.dateEdtf, range, d.language, d.body, d.createdAt,
                d.updatedAt, d.version);
    }
}
