package org.fonds.search;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.http.Paged;

/** A page of search results with the facets of the whole match set. */
@Schema(name = "SearchResults")
public record SearchResults(
        @Schema(required = true) List<SearchHit> items,
        @Schema(nullable = true, required = true, description = "sort=DATE: the opaque cursor of the next page, to pass "
                + "as `cursor`; null on the last page and with sort=RELEVANCE.") String next,
        @Schema(required = true, description = "The number of documents that match the query and the filters; when "
                + "`counts_capped` is true, the number of candidates counted, a lower bound.", examples = "42") long total,
        @Schema(required = true, description = "Whether the query matched more than the candidates a search ranks and "
                + "counts (the first " + SearchService.DEFAULT_CANDIDATES + " matching documents found, or without `q` "
                + "the first " + SearchService.DEFAULT_CANDIDATES + " filtered "
                + "documents). When true, `total` and the facets count those candidates, not the whole match set, and "
                + "sort=RELEVANCE ranks them (a term found in most of the archive says little about relevance); narrow "
                + "the query or the filters for exact counts. Sort=DATE pages always cover the whole match set.",
                examples = "false") boolean countsCapped,
        @Schema(required = true, description = "The page size used.", examples = "20") int limit,
        @Schema(required = true, description = "The offset of this page (0 with sort=DATE).",
                examples = "0") int offset,
        @Schema(nullable = true, required = true, description = "sort=RELEVANCE: the `offset` of the next page; null "
                + "on the last page and with sort=DATE.", examples = "20") Integer nextOffset,
        @Schema(required = true) Facets facets,
        @Schema(nullable = true, required = true, description = "The URL of the next page (this request with `cursor` "
                + "or `offset` set), as the `Link` header's `rel=\"next\"` gives it; null on the last page.")
        String nextUrl,
        @Schema(nullable = true, required = true, description = "sort=RELEVANCE: the URL of the previous page, as the "
                + "`Link` header's `rel=\"prev\"` gives it; null on the first page and with sort=DATE (its cursors go "
                + "forward).") String prevUrl) implements Paged<SearchResults> {

    public SearchResults(List<SearchHit> items, String next, long total, boolean countsCapped, int limit, int offset,
            Integer nextOffset, Facets facets) {
        this(items, next, total, countsCapped, limit, offset, nextOffset, facets, null, null);
    }

    @Override
    public Map<String, String> nextQuery() {
        return next != null ? Map.of("cursor", next)
                : nextOffset != null ? Map.of("offset", String.valueOf(nextOffset)) : null;
    }

    @Override
    public Map<String, String> prevQuery() {
        return next == null && offset > 0 ? Map.of("offset", String.valueOf(Math.max(0, offset - limit))) : null;
    }

    @Override
    public SearchResults linked(String nextUrl, String prevUrl) {
        return new SearchResults(items, next, total, countsCapped, limit, offset, nextOffset, facets, nextUrl,
                prevUrl);
    }
}
