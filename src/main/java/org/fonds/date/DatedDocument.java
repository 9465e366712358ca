package org.fonds.date;

import org.fonds.edtf.DateRange;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.document.DocumentKind;

/** A document written in, or mentioning a date in, the period asked for. */
@Schema(name = "DatedDocument", description = "A document written in the period asked for (`written`), mentioning a "
        + "date in it (`mentioned`, with the MENTION annotations that do), or both.")
public record DatedDocument(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID documentId,
        @Schema(required = true, examples = "CABLE") DocumentKind kind,
        @Schema(required = true, examples = "Ciphered Telegram, Shtykov to Vyshinsky") String title,
        @Schema(nullable = true, required = true, description = "The document's date in EDTF.", examples = "1950-05-30")
        String date,
        @Schema(nullable = true, required = true) DateRange dateRange,
        @Schema(required = true, description = "The document's own date can fall in the period.", examples = "false")
        boolean written,
        @Schema(required = true, description = "The document mentions a date that can fall in the period.",
                examples = "true")
        boolean mentioned,
        @Schema(required = true, description = "The MENTION annotations (ids of /annotations) whose date can fall in "
                + "the period, in creation order.")
        List<UUID> mentionIds) {
}
