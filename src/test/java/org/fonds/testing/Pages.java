package org.fonds.testing;

import static org.fonds.testing.Api.api;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Follows the `next` cursors of a list from its first page to its last. */
public final class Pages {

    private Pages() {
    }

    /** The ids of every page of {@code path} with {@code query} and page size {@code limit}, page by page. */
    public static List<List<String>> ids(String path, Map<String, ?> query, int limit) {
        List<List<String>> pages = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = api().queryParams(query).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(path).then().statusCode(200).body("limit", equalTo(limit)).extract().response();
            pages.add(page.path("items.id"));
            cursor = page.path("next");
        } while (cursor != null);
        return pages;
    }
}
