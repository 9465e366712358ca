package org.fonds.place;

/** The filters of GET /places. */
public record PlaceFilter(String name) {

    /** Identifies the listing a cursor belongs to. */
    public String scope() {
        return String.join("|", "places", String.valueOf(name));
    }
}
