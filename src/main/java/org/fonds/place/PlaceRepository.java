package org.fonds.place;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.fonds.db.Where;
import org.fonds.name.Like;
import org.fonds.name.NameSearch;
import java.util.Map;

@ApplicationScoped
public class PlaceRepository implements PanacheRepositoryBase<Place, UUID> {

    /**
     * One keyset page in id order (creation order); the name filter has a trigram index on place_name.value. Names
     * are not joined: they load in batches when the page is mapped.
     */
    public List<Place> page(PlaceFilter filter, UUID after, int limit) {
        Where where = new Where().and("p.id > :after", "after", after)
                .and("exists (from PlaceName n where n.place = p and n.value ilike :name)", "name",
                        Like.containing(filter.name()));
        return find("from Place p" + where.clause() + " order by p.id", where.parameters()).range(0, limit - 1).list();
    }

    private static final NameSearch.Tables<Place> NAMES = new NameSearch.Tables<>(Place.class, "place", "place_name",
            "place_id");

    /**
     * The places with a name variant matching the query, best first (NameSearch.find), through the trigram index on
     * place_name.match_key.
     */
    public List<NameSearch.Found<Place>> search(NameSearch.Query query) {
        return NameSearch.find(getEntityManager(), NAMES, query, null, Map.of());
    }
}
