package org.fonds.http;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a collection: the items, the opaque cursor of the next page (null on the last page) and its URL
 * ({@link PageLinks} writes it, with the {@code Link} header).
 */
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(description = "Opaque cursor of the next page, to pass as `cursor`; null on the last page.",
                nullable = true, required = true) String next,
        @Schema(description = "The page size used.", examples = "20", required = true) int limit,
        @Schema(description = NEXT_URL, nullable = true, required = true) String nextUrl) implements Paged<Page<T>> {

    /** What {@code next_url} is, in every page that has one. */
    public static final String NEXT_URL = "The URL of the next page (this request with `cursor` set to `next`), as "
            + "the `Link` header's `rel=\"next\"` gives it; null on the last page.";

    public Page(List<T> items, String next, int limit) {
        this(items, next, limit, null);
    }

    @Override
    public Map<String, String> nextQuery() {
        return next == null ? null : Map.of("cursor", next);
    }

    @Override
    public Page<T> linked(String nextUrl, String prevUrl) {
        return new Page<>(items, next, limit, nextUrl);
    }
}
