package org.fonds.document;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.access.Visibility;

/** Documents the body of PATCH /documents/{document_id}: any subset of the writable fields, null clears. */
@Schema(name = "DocumentPatch", description = "A JSON Merge Patch of a document: any subset of DocumentInput's "
        + "fields; null clears an optional field. The result is validated like a DocumentInput.")
public record DocumentPatch(
        DocumentKind kind,
        @Schema(nullable = true, maxLength = 500, examples = "Ciphered telegram") String kindAsWritten,
        @Schema(maxLength = 500) String title,
        @Schema(nullable = true, maxLength = 10000) String summary,
        @Schema(nullable = true) List<String> referenceNumbers,
        @Schema(nullable = true, maxLength = 500) String classification,
        @Schema(nullable = true, maxLength = 500) String handling,
        @Schema(nullable = true) List<String> languages,
        @Schema(nullable = true, maxLength = 100, examples = "1950-05-30") String date,
        @Schema(nullable = true, maxLength = 100) String dispatched,
        @Schema(nullable = true) UUID placeOfOriginId,
        @Schema(nullable = true) SourceCitation source,
        @Schema(nullable = true, maxLength = 10000) String rights,
        @Schema(nullable = true) List<Credit> credits,
        @Schema(nullable = true) Set<UUID> subjectIds,
        @Schema(nullable = true) Set<UUID> collectionIds,
        @Schema(nullable = true, description = "Only editors may set anything but DRAFT. Setting another visibility "
                + "than EMBARGOED clears `embargo_until`.") Visibility visibility,
        @Schema(nullable = true, examples = "2030-01-01") LocalDate embargoUntil) {
}
