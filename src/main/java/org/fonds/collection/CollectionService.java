package org.fonds.collection;

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
import org.fonds.resource.References;
import jakarta.validation.Valid;
import java.util.UUID;
import org.fonds.http.CursorCodec;
import org.fonds.http.ETags;
import org.fonds.http.MergePatcher;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.shared.Timestamps;

@ApplicationScoped
public class CollectionService implements Revisable {

    private static final String SCOPE = "collections";

    private final CollectionRepository collections;
    @Inject
    RevisionService revisions; // history: every write records a revision in its transaction
    @Inject
    References references;
    private final CursorCodec cursors;
    private final MergePatcher patcher;

    public CollectionService(CollectionRepository collections, CursorCodec cursors, MergePatcher patcher) {
        this.collections = collections;
        this.cursors = cursors;
        this.patcher = patcher;
    }

    @Transactional
    public CollectionView create(@Valid CollectionInput input) {
        requireBody(input);
        Collection c = new Collection();
        c.createdAt = Timestamps.now();
        apply(c, input);
        collections.persist(c);
        collections.flush();
        return recorded(c, RevisionAction.CREATE);
    }

    public CollectionView get(UUID id) {
        return CollectionView.of(find(id));
    }

    @Transactional
    public CollectionView replace(UUID id, String ifMatch, @Valid CollectionInput input) {
        requireBody(input);
        Collection c = find(id);
        ETags.checkIfMatch(ifMatch, c.version);
        apply(c, input);
        collections.flush();
        return recorded(c, RevisionAction.UPDATE);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public CollectionView patch(UUID id, String ifMatch, JsonNode patch) {
        requireBody(patch);
        Collection c = find(id);
        ETags.checkIfMatch(ifMatch, c.version);
        apply(c, patcher.apply(new CollectionInput(c.title, c.description), patch, CollectionInput.class));
        collections.flush();
        return recorded(c, RevisionAction.UPDATE);
    }

    /**
     * Soft deletion: the collection answers 410 and leaves every list, facet and filter. Its documents are kept and
     * keep their link to it (restoring the collection restores it); a purge removes the links.
     */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Collection c = find(id);
        ETags.checkIfMatch(ifMatch, c.version);
        c.deletedAt = Timestamps.now();
        c.updatedAt = c.deletedAt;
        collections.flush();
        recorded(c, RevisionAction.DELETE);
    }

    public Page<CollectionSummary> list(String cursor, int limit) {
        UUID after = cursors.afterId(SCOPE, cursor);
        return cursors.page(SCOPE, collections.page(after, limit + 1), limit, c -> c.id, CollectionSummary::of);
    }

    /** The live collection: 404 when unknown, 410 when deleted. */
    private Collection find(UUID id) {
        Collection c = findDeletedOrNot(id);
        if (c.deletedAt != null) {
            throw ProblemException.gone("collection", id);
        }
        return c;
    }

    private Collection findDeletedOrNot(UUID id) {
        return collections.findByIdOptional(id).orElseThrow(() -> {
            references.requireFound(References.Table.COLLECTION, id); // 410 when deleted
            return ProblemException.notFound("collection", id);
        });
    }

    @Override
    public ResourceType resourceType() {
        return ResourceType.COLLECTION;
    }

    @Override
    @Transactional
    public Restored restore(UUID documentId, UUID id, String ifMatch, JsonNode state) {
        CollectionInput input = revisions.valid(revisions.input(state, CollectionInput.class));
        Collection c = findDeletedOrNot(id);
        if (ifMatch != null) {
            ETags.checkIfMatch(ifMatch, c.version);
        }
        c.deletedAt = null;
        apply(c, input);
        collections.flush();
        return new Restored(recorded(c, RevisionAction.RESTORE), c.version);
    }

    @Override
    @Transactional
    public void purge(UUID documentId, UUID id, String ifMatch) {
        Collection c = findDeletedOrNot(id);
        ETags.checkIfMatch(ifMatch, c.version);
        references.delete(c, "collection", id); // 409 while other records still refer to it
    }

    private CollectionView recorded(Collection c, RevisionAction action) {
        CollectionView view = CollectionView.of(c);
        revisions.record(ResourceType.COLLECTION, c.id, null, c.version, action, view);
        return view;
    }

    private static void apply(Collection c, CollectionInput input) {
        c.title = input.title().strip();
        c.description = input.description();
        c.updatedAt = Timestamps.now();
    }
}
