package org.fonds.subject;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.fonds.db.Where;
import org.fonds.name.Like;

@ApplicationScoped
public class SubjectRepository implements PanacheRepositoryBase<Subject, UUID> {

    /** One keyset page in id order (creation order); the label filter has a trigram index on subject.label. */
    public List<Subject> page(SubjectFilter filter, UUID after, int limit) {
        Where where = new Where().and("s.id > :after", "after", after)
                .and("s.label ilike :label", "label", Like.containing(filter.label()));
        return find("from Subject s" + where.clause() + " order by s.id", where.parameters()).range(0, limit - 1)
                .list();
    }
}
