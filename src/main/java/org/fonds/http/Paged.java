package org.fonds.http;

import java.util.Map;

/**
 * A page of a list or a search that knows its neighbours as query parameters ({@code cursor}, or {@code offset} for
 * results ranked by relevance). {@link PageLinks} turns them into URLs, once for every list: the {@code Link} header
 * ({@code rel="next"}, {@code rel="prev"}) and the {@code next_url} (and {@code prev_url}) of the body.
 */
public interface Paged<P extends Paged<P>> {

    /** The query parameters that differ on the next page; null on the last page. */
    Map<String, String> nextQuery();

    /** The query parameters that differ on the previous page; null where there is none (or cursors go forward only). */
    default Map<String, String> prevQuery() {
        return null;
    }

    /** This page with the URLs of its neighbours (each null where there is none). */
    P linked(String nextUrl, String prevUrl);
}
