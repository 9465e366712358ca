package org.fonds.http;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a collection: the items and the opaque cursor of the next page (null on the last page). */
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(description = "Opaque cursor of the next page, to pass as `cursor`; null on the last page.",
                nullable = true, required = true) String next,
        @Schema(description = "The page size used.", examples = "20", required = true) int limit) {
}
