package org.fonds.access;

import org.fonds.http.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Who may change which document, for the caller of the moment ({@link Caller}). Who may <em>see</em> what is not
 * decided here: the database's views (migration V12) hide from every query what the caller may not see, deleted rows
 * included, after {@link CallerRoleInterceptor} told the connection who calls. What is left here: a document read
 * starts with {@link #requireVisible} (a plain lookup through the view: 404, or 410 for a deleted one), writes with
 * {@link #requireWritable}, and the one narrow path to deleted rows, {@link #includeDeletedRows}, for restore and
 * purge.
 */
@ApplicationScoped
public class Access {

    private final Caller caller;

    public Access(Caller caller) {
        this.caller = caller;
    }

    public Role role() {
        return caller.role();
    }

    /** A 404 problem, as for a document that does not exist, unless the caller may see it; 410 when it is deleted. */
    public void requireVisible(UUID documentId) {
        visibilityOf(documentId);
    }

    /** The document exists, is not deleted, and the caller may see it. */
    public boolean isVisible(UUID documentId) {
        return !Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM document d WHERE d.id = :id")
                .setParameter("id", documentId)
                .getResultList().isEmpty();
    }

    /**
     * True when the resource of {@code resourceType} (a history.ResourceType name: DOCUMENT, TEXT, AGENT, ...) is
     * hidden from the caller by its deletion only (it, or its document, is deleted, and the caller could see it
     * otherwise): the answer is then 410 Gone rather than 404. Reads the view {@code tombstone}, which holds nothing
     * else than the kind, the id and the document of such rows.
     */
    public boolean deleted(String resourceType, UUID id) {
        return !Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM tombstone WHERE resource_type = :type AND id = :id")
                .setParameter("type", resourceType)
                .setParameter("id", id)
                .getResultList().isEmpty();
    }

    /** {@link #deleted(String, UUID)}, for a part that must belong to {@code documentId}. */
    public boolean deleted(String resourceType, UUID id, UUID documentId) {
        return !Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM tombstone WHERE resource_type = :type AND id = :id "
                        + "AND document_id = :document")
                .setParameter("type", resourceType)
                .setParameter("id", id)
                .setParameter("document", documentId)
                .getResultList().isEmpty();
    }

    /**
     * The narrow path of history: for the rest of the current transaction, deleted rows are visible too (restore and
     * purge must find what they undelete or remove). The database grants it to editors and administrators only
     * (fonds_caller_includes_deleted); a transaction-local setting, gone at commit or rollback.
     */
    public void includeDeletedRows() {
        require(Role.EDITOR);
        Panache.getEntityManager()
                .createNativeQuery("SELECT set_config('fonds.include_deleted', 'on', true)")
                .getSingleResult();
    }

    /**
     * The caller may change the document or what belongs to it: editors any they see, contributors drafts only
     * (401 without credentials, 403 when the role does not suffice, 404 when the document is invisible).
     */
    public void requireWritable(UUID documentId) {
        require(Role.CONTRIBUTOR);
        Visibility visibility = visibilityOf(documentId);
        if (visibility != Visibility.DRAFT && !caller.atLeast(Role.EDITOR)) {
            throw new ForbiddenException("Only editors may change a document that is not a DRAFT; this one is "
                    + visibility + ".");
        }
    }

    /** 401 problem for an anonymous caller, 403 for one whose role is below {@code role}. */
    public void require(Role role) {
        Role actual = caller.role();
        if (actual.atLeast(role)) {
            return;
        }
        if (actual == Role.ANONYMOUS) {
            throw new UnauthorizedException("This operation needs credentials with the role " + role + " or higher.");
        }
        throw new ForbiddenException("This operation needs the role " + role + " or higher; the caller is "
                + actual + ".");
    }

    /** The document's visibility: 404 when it is unknown or hidden from the caller, 410 when it is deleted. */
    private Visibility visibilityOf(UUID documentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = Panache.getEntityManager()
                .createNativeQuery("SELECT d.visibility, CAST(d.deleted_at AS text) FROM document d WHERE d.id = :id")
                .setParameter("id", documentId)
                .getResultList();
        if (found.isEmpty()) {
            if (deleted("DOCUMENT", documentId)) {
                throw ProblemException.gone("document", documentId);
            }
            throw ProblemException.notFound("document", documentId);
        }
        if (found.get(0)[1] != null) {
            throw ProblemException.gone("document", documentId); // seen through the narrow path: still deleted
        }
        return Visibility.valueOf((String) found.get(0)[0]);
    }
}
