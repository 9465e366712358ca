package org.fonds.collection;

import jakarta.enterprise.context.ApplicationScoped;
import org.fonds.history.ResourceType;
import org.fonds.http.Page;
import org.fonds.resource.VersionedService;

/**
 * Collections: written through {@link VersionedService}. A deleted collection answers 410 and leaves every list,
 * facet and filter; its documents are kept and keep their link to it (restoring the collection restores it), and a
 * purge removes the links.
 */
@ApplicationScoped
public class CollectionService extends VersionedService<Collection, CollectionInput, CollectionView> {

    private static final String SCOPE = "collections";

    private final CollectionRepository collections;

    public CollectionService(CollectionRepository collections) {
        super(ResourceType.COLLECTION, CollectionInput.class, collections, Collection::new, CollectionView::of);
        this.collections = collections;
    }

    public Page<CollectionSummary> list(String cursor, int limit) {
        return page(SCOPE, cursor, limit, collections::page, CollectionSummary::of);
    }

    @Override
    protected void apply(Collection c, CollectionInput input) {
        c.title = input.title().strip();
        c.description = input.description();
    }

    @Override
    protected CollectionInput toInput(Collection c) {
        return new CollectionInput(c.title, c.description);
    }
}
