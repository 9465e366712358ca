package org.fonds.http;

import jakarta.ws.rs.QueryParam;

/**
 * The paging parameters of every list ({@code @BeanParam PageRequest page}): the page size, checked against
 * {@link Paging}'s bounds, and the cursor of the previous page. The spec describes them by {@link PagingParameters}.
 */
public class PageRequest {

    @QueryParam("limit")
    Integer limit;

    @QueryParam("cursor")
    String cursor;

    /** The page size: the default when not given, a 400 problem on {@code limit} when out of bounds. */
    public int limit() {
        return Paging.limit(limit);
    }

    /** The {@code next} cursor of the previous page, or null for the first page. */
    public String cursor() {
        return cursor;
    }
}
