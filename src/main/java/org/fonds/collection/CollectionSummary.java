package org.fonds.collection;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A collection as lists show it. */
@Schema(name = "CollectionSummary", description = "A collection in a list.")
public record CollectionSummary(
        @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
        @Schema(required = true, examples = "Korean War Origins, 1945-1950") String title,
        @Schema(required = true, examples = "0") long version) {

    static CollectionSummary of(Collection c) {
        return new CollectionSummary(c.id, c.title, c.version);
    }
}
