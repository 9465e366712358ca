package org.fonds.annotation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import org.fonds.db.Where;
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
        Where where = new Where().and("a.documentId = :document", "document", documentId)
                .and("a.type = :type", "type", type)
                .and("exists (from AnnotationTarget t where t.annotation = a and t.textId = :text)", "text", textId)
                .and("a.id > :after", "after", after);
        return find("from Annotation a" + where.clause() + " order by a.id", where.parameters()).page(0, limit).list();
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
