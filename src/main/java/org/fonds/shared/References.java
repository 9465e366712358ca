package org.fonds.shared;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Checks that ids a request refers to exist, so a dangling reference is a 422 naming the field rather than a
 * foreign-key violation. Tables are named by the calling code, never by the client.
 */
@ApplicationScoped
public class References {

    public enum Table {
        DOCUMENT("document"), AGENT("agent"), PLACE("place"), SUBJECT("subject"), COLLECTION("collection"),
        TEXT("text"), ANNOTATION("annotation");

        private final String name;

        Table(String name) {
            this.name = name;
        }
    }

    /** Throws a 404 problem when the resource named in a path does not exist. */
    public void requireFound(Table table, UUID id) {
        boolean found = !Panache.getEntityManager()
                .createNativeQuery("SELECT 1 FROM " + table.name + " WHERE id = :id")
                .setParameter("id", id)
                .getResultList().isEmpty();
        if (!found) {
            throw ProblemException.notFound(table.name, id);
        }
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
                .createNativeQuery("SELECT id FROM " + table.name + " WHERE id = ANY(CAST(:ids AS uuid[]))", UUID.class)
                .setParameter("ids", wanted.stream().map(UUID::toString).toArray(String[]::new))
                .getResultList();
        wanted.removeAll(found);
        if (!wanted.isEmpty()) {
            throw ProblemException.invalidField(field, "no " + table.name + " has the id " + wanted.iterator().next());
        }
    }
}
