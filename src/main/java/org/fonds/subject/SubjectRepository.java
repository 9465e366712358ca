package org.fonds.subject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.fonds.name.Like;

@ApplicationScoped
public class SubjectRepository implements PanacheRepositoryBase<Subject, UUID> {

    /** One keyset page in id order (creation order); the label filter has a trigram index on subject.label. */
    public List<Subject> page(SubjectFilter filter, UUID after, int limit) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (after != null) {
            where.add("s.id > :after");
            params.and("after", after);
        }
        if (filter.label() != null) {
            where.add("s.label ilike :label");
            params.and("label", Like.containing(filter.label()));
        }
        String query = "from Subject s" + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by s.id";
        return find(query, params).range(0, limit - 1).list();
    }
}
