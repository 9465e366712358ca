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
        return (after == null ? findAll(Sort.by("id")) : find("id > ?1", Sort.by("id"), after))
                .range(0, limit - 1).list();
    }
}
