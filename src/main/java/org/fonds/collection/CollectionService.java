package org.fonds.collection;

import static org.fonds.shared.ProblemException.requireBody;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import java.util.UUID;
import org.fonds.shared.CursorCodec;
import org.fonds.shared.ETags;
import org.fonds.shared.MergePatcher;
import org.fonds.shared.Page;
import org.fonds.shared.ProblemException;
import org.fonds.shared.Timestamps;

@ApplicationScoped
public class CollectionService {

    private static final String SCOPE = "collections";

    private final CollectionRepository collections;
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
        return CollectionView.of(c);
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
        return CollectionView.of(c);
    }

    /** RFC 7396 merge patch over the writable fields; the result is validated like a PUT body. */
    @Transactional
    public CollectionView patch(UUID id, String ifMatch, JsonNode patch) {
        requireBody(patch);
        Collection c = find(id);
        ETags.checkIfMatch(ifMatch, c.version);
        apply(c, patcher.apply(new CollectionInput(c.title, c.description), patch, CollectionInput.class));
        collections.flush();
        return CollectionView.of(c);
    }

    /** Deletes a collection; its documents are kept and no longer belong to it. */
    @Transactional
    public void delete(UUID id, String ifMatch) {
        Collection c = find(id);
        ETags.checkIfMatch(ifMatch, c.version);
        collections.delete(c);
    }

    public Page<CollectionSummary> list(String cursor, int limit) {
        UUID after = cursors.afterId(SCOPE, cursor);
        return cursors.page(SCOPE, collections.page(after, limit + 1), limit, c -> c.id, CollectionSummary::of);
    }

    private Collection find(UUID id) {
        return collections.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("collection", id));
    }

    private static void apply(Collection c, CollectionInput input) {
        c.title = input.title().strip();
        c.description = input.description();
        c.updatedAt = Timestamps.now();
    }
}
