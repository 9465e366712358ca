package org.fonds.iiif;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * The documents of a collection that have a manifest (a page image with an http(s) URL), by keyset in id order. Read
 * through the views, so what the caller may not see is not there.
 */
@ApplicationScoped
public class ManifestReferences {

    private static final String SQL = "SELECT d.id, d.title FROM document d "
            + "JOIN document_collection c ON c.document_id = d.id AND c.collection_id = :collection "
            + "WHERE d.id > :after AND EXISTS (SELECT 1 FROM media m WHERE m.document_id = d.id "
            + "AND lower(m.media_type) LIKE 'image/%' AND (m.url LIKE 'http://%' OR m.url LIKE 'https://%')) "
            + "ORDER BY d.id LIMIT :limit";

    /** A document with a manifest: its id and title. */
    public record Reference(UUID id, String title) {
    }

    private final EntityManager em;

    public ManifestReferences(EntityManager em) {
        this.em = em;
    }

    /** Up to {@code limit} documents of the collection after {@code after} (the nil UUID for the first). */
    public List<Reference> page(UUID collection, UUID after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SQL).setParameter("collection", collection)
                .setParameter("after", after).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new Reference((UUID) r[0], (String) r[1])).toList();
    }
}
