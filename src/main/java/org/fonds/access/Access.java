package org.fonds.access;

import org.fonds.http.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Who may see and change which document, for the caller of the moment ({@link Caller}). Every query that returns
 * documents, or anything of a document, adds {@link #visible} (or one of its variants) to its WHERE clause, so that
 * what the caller may not see is invisible everywhere; reads of one document's resources start with
 * {@link #requireVisible}, writes with {@link #requireWritable}. The rule itself is {@link Visibility}.
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

    /** SQL: the row {@code alias} of table document is visible to the caller. */
    public String visible(String alias) {
        return Visibility.sql(alias, caller.role());
    }

    /** HQL: the Document entity {@code alias} is visible to the caller. */
    public String visibleJpql(String alias) {
        return Visibility.jpql(alias, caller.role());
    }

    /** SQL: the document whose id is the expression {@code documentId} (a column) is visible to the caller. */
    public String visibleDocument(String documentId) {
        return visibleDocument(documentId, caller.role());
    }

    /** {@link #visibleDocument(String)} for a given role (callers that computed it once). */
    public static String visibleDocument(String documentId, Role role) {
        String rule = Visibility.sql("v", role);
        return rule.equals("TRUE") ? "TRUE"
                : "EXISTS (SELECT 1 FROM document v WHERE v.id = " + documentId + " AND " + rule + ")";
    }

    /** HQL: the document whose id is the expression {@code documentId} is visible to the caller. */
    public String visibleDocumentJpql(String documentId) {
        String rule = visibleJpql("v");
        return rule.equals("true") ? "true"
                : "exists (select 1 from Document v where v.id = " + documentId + " and " + rule + ")";
    }

    /** A 404 problem, as for a document that does not exist, unless the caller may see it; 410 when it is deleted. */
    public void requireVisible(UUID documentId) {
        visibilityOf(documentId);
    }

    /** The document exists and the caller may see it. */
    public boolean isVisible(UUID documentId) {
        return !Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM document d WHERE d.id = :id AND " + visible("d"))
                .setParameter("id", documentId)
                .getResultList().isEmpty();
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
                .createNativeQuery("SELECT d.visibility, CAST(d.deleted_at IS NOT NULL AS text) FROM document d "
                        + "WHERE d.id = :id AND " + visible("d"))
                .setParameter("id", documentId)
                .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("document", documentId);
        }
        if ("true".equals(found.get(0)[1])) {
            throw ProblemException.gone("document", documentId);
        }
        return Visibility.valueOf((String) found.get(0)[0]);
    }
}
