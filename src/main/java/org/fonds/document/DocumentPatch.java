package org.fonds.document;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the body of PATCH /documents/{document_id}: any subset of the writable fields, null clears. */
@Schema(name = "DocumentPatch", description = "A JSON Merge Patch of a document: any subset of DocumentInput's "
        + "fields; null clears an optional field.")
public record DocumentPatch(
        @Schema(nullable = true) DocumentKind kind,
        @Schema(nullable = true, maxLength = 500) String title,
        @Schema(nullable = true, maxLength = 10000) String summary,
        @Schema(nullable = true, maxLength = 100, examples = "1950-05-30") String date,
        @Schema(nullable = true, maxLength = 35, examples = "en") String language,
        @Schema(nullable = true, maxLength = 1000000) String body) {
}
