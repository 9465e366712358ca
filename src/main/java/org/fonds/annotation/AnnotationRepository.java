package org.fonds.annotation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class AnnotationRepository implements PanacheRepositoryBase<Annotation, UUID> {

    /**
     * One keyset page of a document's annotations in id (creation) order, optionally of one type and anchored to one
     * text. Uses annotation_document_type_idx; the targets of the page load in one batch.
     */
    public List<Annotation> page(UUID documentId, AnnotationType type, UUID textId, UUID after, int limit) {
        StringBuilder query = new StringBuilder("from Annotation a where a.documentId = :document");
        Parameters params = Parameters.with("document", documentId);
        if (type != null) {
            query.append(" and a.type = :type");
            params.and("type", type);
        }
        if (textId != null) {
            query.append(" and exists (from AnnotationTarget t where t.annotation = a and t.textId = :text)");
            params.and("text", textId);
        }
        if (after != null) {
            query.append(" and a.id > :after");
            params.and("after", after);
        }
        return find(query.append(" order by a.id").toString(), params).page(0, limit).list();
    }

    /** Every target anchored to a text, with its annotation. */
    public List<AnnotationTarget> targetsOf(UUID textId) {
        return getEntityManager()
                .createQuery("from AnnotationTarget t join fetch t.annotation where t.textId = :text order by t.id",
                        AnnotationTarget.class)
                .setParameter("text", textId)
                .getResultList();
    }

    /**
     * Detaches the annotations that an annotation about to be deleted reports, as the foreign key's ON DELETE SET
     * NULL would, but as a change: their version moves, so their ETags do too.
     */
    public void forgetReporter(UUID reporterId, OffsetDateTime now) {
        update("reportedById = null, version = version + 1, updatedAt = ?1 where reportedById = ?2", now, reporterId);
    }
}
