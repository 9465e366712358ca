package org.fonds.collection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Documents the body of PATCH /collections/{collection_id}: any subset of the writable fields, null clears. */
@Schema(name = "CollectionPatch", description = "A JSON Merge Patch of a collection: any subset of CollectionInput's "
        + "fields; null clears an optional field. The result is validated like a CollectionInput.")
public record CollectionPatch(
        @Schema(maxLength = 500) String title,
        @Schema(nullable = true, maxLength = 10000) String description) {
}
