package org.fonds.resource;

import org.fonds.access.Access;
import org.fonds.http.ProblemException;
import org.fonds.http.ProblemType;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.postgresql.util.PSQLException;

/**
 * Checks that ids a request refers to exist, so a dangling reference is a 422 naming the field rather than a
 * foreign-key violation, and that a deleted row is no longer referred to, so a restricting foreign key is a 409
 * rather than a 500. Tables are named by the calling code, never by the client.
 */
@ApplicationScoped
public class References {

    private final Access access;

    public References(Access access) {
        this.access = access;
    }

    public enum Table {
        DOCUMENT("document"), AGENT("agent"), PLACE("place"), SUBJECT("subject"), COLLECTION("collection"),
        TEXT("text"), ANNOTATION("annotation");

        private final String name;

        Table(String name) {
            this.name = name;
        }
    }

    /** Throws a 404 problem when the resource named in a path does not exist, 410 when it was deleted. */
    public void requireFound(Table table, UUID id) {
        List<?> found = Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM " + table.name + " t WHERE t.id = :id")
                .setParameter("id", id)
                .getResultList();
        if (!found.isEmpty()) {
            return;
        }
        if (access.deleted(table.name(), id)) {
            throw ProblemException.gone(table.name, id);
        }
        throw ProblemException.notFound(table.name, id);
    }

    /** Throws a 422 problem on {@code field} when {@code id} is not null and not in {@code table}. */
    public void require(Table table, String field, UUID id) {
        if (id != null) {
            requireAll(table, field, List.of(id));
        }
    }

    /** Throws a 422 problem on {@code field} listing the ids that are not in {@code table}. */
    @SuppressWarnings("unchecked")
    public void requireAll(Table table, String field, Collection<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        Set<UUID> wanted = new HashSet<>(ids);
        List<UUID> found = Panache.getEntityManager()
                // history: a soft-deleted resource may still be referred to (it can be restored, and a document that
                // refers to it must stay writable): the tombstones count; a purged one is gone, and a reference to it
                // dangles. What the caller may not see is as unknown as what does not exist.
                .createNativeQuery("SELECT t.id FROM " + table.name + " t WHERE t.id = ANY(CAST(:ids AS uuid[])) "
                        + "UNION ALL SELECT x.id FROM tombstone x WHERE x.resource_type = :type "
                        + "AND x.id = ANY(CAST(:ids AS uuid[]))", UUID.class)
                .setParameter("ids", wanted.stream().map(UUID::toString).toArray(String[]::new))
                .setParameter("type", table.name())
                .getResultList();
        wanted.removeAll(found);
        if (!wanted.isEmpty()) {
            throw ProblemException.invalidField(field, "no " + table.name + " has the id " + wanted.iterator().next());
        }
    }

    /**
     * A 409 problem while live rows of {@code referrer} (a part of a live document, or an annotation) refer to the
     * resource through {@code column}: the check a restricting foreign key makes on a hard delete, for a soft one.
     * The view of {@code referrer} holds only the live rows of live documents (that the caller may see).
     */
    public void refuseWhileReferred(String what, UUID id, String referrer, String column) {
        Number n = (Number) Panache.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM " + referrer + " r WHERE r." + column + " = :id")
                .setParameter("id", id)
                .getSingleResult();
        if (n.longValue() > 0) {
            throw new ProblemException(ProblemType.CONFLICT, "The " + what + " " + id + " cannot be deleted while "
                    + "other records (" + referrer + ") refer to it. Remove those references first.");
        }
    }

    /**
     * Deletes {@code entity} at once (flushing), so that rows that still refer to it through a foreign key with
     * {@code ON DELETE RESTRICT} (participants and annotations of documents refer to agents and places) give a 409
     * problem here instead of a 500 at commit. The transaction is rolled back either way.
     */
    public void delete(Object entity, String what, UUID id) {
        EntityManager em = Panache.getEntityManager();
        em.remove(entity);
        try {
            em.flush();
        } catch (PersistenceException e) {
            String referrer = referringTable(e);
            if (referrer == null) {
                throw e;
            }
            throw new ProblemException(ProblemType.CONFLICT, "The " + what + " " + id + " cannot be deleted while "
                    + "other records (" + referrer + ") refer to it. Remove those references first.");
        }
    }

    /** The table whose foreign key a deletion violated, or null when {@code e} is not such a violation. */
    private static String referringTable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            // a foreign key, or a check that an ON DELETE SET NULL broke (a link that would be left pointing nowhere)
            if (t instanceof ConstraintViolationException c
                    && (c.getKind() == ConstraintViolationException.ConstraintKind.FOREIGN_KEY
                    || c.getKind() == ConstraintViolationException.ConstraintKind.CHECK)) {
                for (Throwable s = c; s != null; s = s.getCause()) {
                    if (s instanceof PSQLException p && p.getServerErrorMessage() != null
                            && p.getServerErrorMessage().getTable() != null) {
                        return p.getServerErrorMessage().getTable();
                    }
                }
                return c.getConstraintName();
            }
        }
        return null;
    }
}
