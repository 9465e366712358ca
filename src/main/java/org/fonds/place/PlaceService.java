package org.fonds.place;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.fonds.history.ResourceType;
import java.util.ArrayList;
import org.fonds.name.NameSearch;
import org.fonds.name.NameSearchCache;
import org.fonds.name.NameVariantRow;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.resource.VersionedService;

@ApplicationScoped
public class PlaceService extends VersionedService<Place, PlaceInput, PlaceView> {

    private final PlaceRepository places;
    private final NameSearchCache searches;

    public PlaceService(PlaceRepository places, NameSearchCache searches) {
        super(ResourceType.PLACE, PlaceInput.class, places, Place::new, PlaceView::of);
        this.places = places;
        this.searches = searches;
    }

    /** 409 while live annotations of documents still refer to the place (as the foreign key did). */
    @Override
    protected void beforeDelete(Place p) {
        references.refuseWhileReferred("place", p.id, "annotation", "place_id");
    }

    public Page<PlaceSummary> list(PlaceFilter filter, String cursor, int limit) {
        return page(filter.scope(), cursor, limit, (after, n) -> places.page(filter, after, n), PlaceSummary::of);
    }

    /**
     * Places with a name variant matching {@code q} (case, diacritics, apostrophes, punctuation and the Cyrillic
     * script aside, misspellings within pg_trgm's threshold), best first; 400 when q has nothing to search for.
     * Repeated searches are answered from {@link NameSearchCache}.
     */
    @Transactional // the passes of the name search set pg_trgm's thresholds for the transaction (NameSearch.find)
    public PlaceSearchResults search(String q, Integer limit) {
        NameSearch.Query query = NameSearch.Query.of(q, limit);
        return searches.get("places", query, null, () -> new PlaceSearchResults(
                places.search(query).stream().map(PlaceSearchHit::of).toList(), query.key(), query.limit()));
    }

    @Override
    protected void apply(Place p, PlaceInput input) {
        if (input.latitude() == null && input.longitude() != null) {
            throw ProblemException.invalidField("latitude", "must be given with longitude");
        }
        if (input.latitude() != null && input.longitude() == null) {
            throw ProblemException.invalidField("longitude", "must be given with latitude");
        }
        p.preferredName = NameVariantRow.replace(p.names, input.names(), () -> { // first: it flushes
            PlaceName name = new PlaceName();
            name.place = p;
            return name;
        });
        p.latitude = input.latitude();
        p.longitude = input.longitude();
        p.identifiers = input.identifiers() == null ? new ArrayList<>() : new ArrayList<>(input.identifiers());
        p.note = input.note();
    }

    @Override
    protected PlaceInput toInput(Place p) {
        return new PlaceInput(NameVariantRow.variants(p.names), p.latitude, p.longitude, p.identifiers, p.note);
    }
}
