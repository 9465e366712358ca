package org.fonds.subject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the body of PATCH /subjects/{subject_id}: any subset of the writable fields, null clears. */
@Schema(name = "SubjectPatch", description = "A JSON Merge Patch of a subject: any subset of SubjectInput's fields; "
        + "null clears an optional field. The result is validated like a SubjectInput.")
public record SubjectPatch(
        @Schema(maxLength = 500) String label,
        @Schema(nullable = true, maxLength = 200) String scheme,
        @Schema(nullable = true, maxLength = 2000) String uri) {
}
