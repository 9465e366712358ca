package org.fonds.place;

import static org.fonds.http.ProblemException.requireBody;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.inject.Inject;
import org.fonds.history.ResourceType;
import org.fonds.history.Restored;
import org.fonds.history.Revisable;
import org.fonds.history.RevisionAction;
import org.fonds.history.RevisionService;
import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.UUID;
import org.fonds.http.CursorCodec;
import org.fonds.http.ETags;
import org.fonds.http.MergePatcher;
import org.fonds.name.NameSearch;
import org.fonds.name.NameVariantRow;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.resource.References;
import org.fonds.shared.Timestamps;

@ApplicationScoped
public class PlaceService implements Revisable {

    private final PlaceRepository places;
    @Inject
    RevisionService revisions; // history: every write records a revision in its transaction
    private final CursorCodec cursors;
    private final MergePatcher patcher;
    private final References references;

    public PlaceService(PlaceRepository places, CursorCodec cursors, MergePatcher patcher, References references) {
        this.places = places;
        this.cursors = cursors;
        this.patcher = patcher;
        this.references = references;
    }

    @Transactional
    public PlaceView create(@Valid PlaceInput input) {
        requireBody(input);
        Place p = new Place();
        p.createdAt = Timestamps.now();
        apply(p, input);
        places.persist(p);
        places.flush();
        return recorded(p, RevisionAction.CREATE);
    }

    public PlaceView get(UUID id) {
        return PlaceView.of(find(id));
    }

    @Transactional
    public PlaceView replace(UUID id, String ifMatch, @Valid PlaceInput input) {
        requireBody(input);
        Place p = find(id);
        ETags.checkIfMatch(ifMatch, p.version);
        apply(p, input);
        places.flush();
        return recorded(p, RevisionAction.UPDATE);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public PlaceView patch(UUID id, String ifMatch, JsonNode patch) {
        requireBody(patch);
        Place p = find(id);
        ETags.checkIfMatch(ifMatch, p.version);
        apply(p, patcher.apply(toInput(p), patch, PlaceInput.class));
        places.flush();
        return recorded(p, RevisionAction.UPDATE);
    }

    /** Soft deletion; 409 while live annotations of documents still refer to it (as the foreign key did). */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Place p = find(id);
        ETags.checkIfMatch(ifMatch, p.version);
        references.refuseWhileReferred("place", id, "annotation", "place_id");
        p.deletedAt = Timestamps.now();
        p.updatedAt = p.deletedAt;
        places.flush();
        recorded(p, RevisionAction.DELETE);
    }

    public Page<PlaceSummary> list(PlaceFilter filter, String cursor, int limit) {
        UUID after = cursors.afterId(filter.scope(), cursor);
        return cursors.page(filter.scope(), places.page(filter, after, limit + 1), limit, p -> p.id,
                PlaceSummary::of);
    }

    /**
     * Places with a name variant matching {@code q} (case, diacritics, apostrophes, punctuation and the Cyrillic
     * script aside, misspellings within pg_trgm's threshold), best first; 400 when q has nothing to search for.
     */
    public PlaceSearchResults search(String q, Integer limit) {
        String key = NameSearch.key(q);
        int n = NameSearch.limit(limit);
        return new PlaceSearchResults(places.search(q, key, n).stream().map(row -> {
            NameSearch.Hit hit = NameSearch.hit(row, 1);
            return new PlaceSearchHit(PlaceSummary.of((Place) row[0]), hit.variant(), hit.match(), hit.roundedScore());
        }).toList(), key, n);
    }

    /** The live place: 404 when unknown, 410 when deleted. */
    private Place find(UUID id) {
        Place p = findDeletedOrNot(id);
        if (p.deletedAt != null) {
            throw ProblemException.gone("place", id);
        }
        return p;
    }

    private Place findDeletedOrNot(UUID id) {
        return places.findByIdOptional(id).orElseThrow(() -> {
            references.requireFound(References.Table.PLACE, id); // 410 when deleted
            return ProblemException.notFound("place", id);
        });
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.PLACE;
    }

    @Override
    @Transactional
    public Restored restore(UUID documentId, UUID id, String ifMatch, JsonNode state) {
        PlaceInput input = revisions.valid(revisions.input(state, PlaceInput.class));
        Place p = findDeletedOrNot(id);
        if (ifMatch != null) {
            ETags.checkIfMatch(ifMatch, p.version);
        }
        p.deletedAt = null;
        apply(p, input);
        places.flush();
        return new Restored(recorded(p, RevisionAction.RESTORE), p.version);
    }

    @Override
    @Transactional
    public void purge(UUID documentId, UUID id, String ifMatch) {
        Place p = findDeletedOrNot(id);
        ETags.checkIfMatch(ifMatch, p.version);
        references.delete(p, "place", id); // 409 while other records still refer to it
    }

    private PlaceView recorded(Place p, RevisionAction action) {
        PlaceView view = PlaceView.of(p);
        revisions.record(ResourceType.PLACE, p.id, null, p.version, action, view);
        return view;
    }

    private void apply(Place p, PlaceInput input) {
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
        p.updatedAt = Timestamps.now();
    }

    private static PlaceInput toInput(Place p) {
        return new PlaceInput(NameVariantRow.variants(p.names), p.latitude, p.longitude, p.identifiers, p.note);
    }
}
