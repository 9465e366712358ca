package org.fonds.place;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fonds.name.Like;
import org.fonds.name.NameSearch;
import org.hibernate.query.NativeQuery;

@ApplicationScoped
public class PlaceRepository implements PanacheRepositoryBase<Place, UUID> {

    /**
     * One keyset page in id order (creation order); the name filter has a trigram index on place_name.value. Names
     * are not joined: they load in batches when the page is mapped.
     */
    public List<Place> page(PlaceFilter filter, UUID after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (after != null) {
            where.add("p.id > :after");
            params.and("after", after);
        }
        if (filter.name() != null) {
            where.add("exists (from PlaceName n where n.place = p and n.value ilike :name)");
            params.and("name", Like.containing(filter.name()));
        }
        String query = "from Place p" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by p.id";
        return find(query, params).range(0, limit - 1).list();
    }

    /**
     * The places with a name variant matching the key, best first, each with its best variant's hit columns: rows of
     * {Place, hit_value, hit_language, hit_rank, hit_score}. Exact and prefix matches first, similar ones only when
     * those do not fill the page (NameSearch.search), through the trigram index on
     * place_name.match_key; the names of the places then load in one batch.
     */
    public List<Object[]> search(String q, String key, int limit) {
        return NameSearch.search(limit, similar -> search(q, key, limit, similar));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> search(String q, String key, int limit, boolean similar) {
        String sql = "SELECT {o.*}, h.hit_value, h.hit_language, h.hit_rank, h.hit_score FROM ("
                + NameSearch.bestVariants("place_name", "place_id", similar) + ") h JOIN place o ON o.id = h.owner_id"
                + " ORDER BY " + NameSearch.RANKING + " LIMIT :limit";
        NativeQuery<Object[]> query = getEntityManager().createNativeQuery(sql).unwrap(NativeQuery.class);
        query.addEntity("o", Place.class)
                .addScalar("hit_value", String.class)
                .addScalar("hit_language", String.class)
                .addScalar("hit_rank", Integer.class)
                .addScalar("hit_score", Double.class)
                .setParameter("key", key)
                .setParameter("compact", NameSearch.compact(key))
                .setParameter("q", q.strip())
                .setParameter("limit", limit);
        return query.getResultList();
    }
}
