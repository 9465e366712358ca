package org.fonds.collection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CollectionRepository implements PanacheRepositoryBase<Collection, UUID> {

    /** One keyset page in id order (creation order), on the primary key. */
    public List<Collection> page(UUID after, int limit) {
        // history: deleted collections are in no list
        return (after == null ? find("deletedAt is null", Sort.by("id"))
                : find("id > ?1 and deletedAt is null", Sort.by("id"), after))
                .range(0, limit - 1).list();
    }
}
