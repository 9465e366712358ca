package org.fonds.document;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class DocumentRepository implements PanacheRepositoryBase<Document, UUID> {


    /**
     * One keyset page in id order (ids are time-ordered UUIDv7, so this is creation order). Native SQL because the
     * filters reach into arrays and other features' tables; every filter has an index (see the migrations).
     */
    @SuppressWarnings("unchecked")
    public List<Document> page(DocumentFilter filter, UUID after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(filter, after, params);
        // what the caller may not see, deleted documents included, the view document leaves out
        String sql = "SELECT d.* FROM document d" + where + " ORDER BY d.id LIMIT :limit";
        Query query = getEntityManager().createNativeQuery(sql, Document.class);
        params.forEach(query::setParameter);
        query.setParameter("limit", limit);
        return query.getResultList();
    }

    /** The ids of {@link #page}, without reading the rows. */
    @SuppressWarnings("unchecked")
    public List<UUID> pageIds(DocumentFilter filter, UUID after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        Query query = getEntityManager().createNativeQuery("SELECT d.id FROM document d" + where(filter, after, params)
                + " ORDER BY d.id LIMIT :limit", UUID.class);
        params.forEach(query::setParameter);
        query.setParameter("limit", limit);
        return query.getResultList();
    }

    /**
     * The WHERE clause (empty, or starting with " WHERE ") of the documents {@code d} that {@code filter} selects,
     * after {@code after} in id order when given, its parameters put into {@code params}: shared by the list and the
     * NDJSON export (org.fonds.bulk).
     */
    public static String where(DocumentFilter filter, UUID after, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (after != null) {
            where.add("d.id > :after");
            params.put("after", after);
        }
        if (filter.kind() != null) {
            where.add("d.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.language() != null) {
            where.add("d.languages @> ARRAY[CAST(:language AS text)]");
            params.put("language", filter.language());
        }
        // a document is in a date range when the days its (possibly uncertain) date can denote overlap the range
        if (filter.dateFrom() != null) {
            where.add("d.date_latest >= :from");
            params.put("from", storable(filter.dateFrom()));
        }
        if (filter.dateTo() != null) {
            where.add("d.date_earliest <= :to");
            params.put("to", storable(filter.dateTo()));
        }
        if (filter.subjectId() != null) {
            where.add("EXISTS (SELECT 1 FROM document_subject s WHERE s.document_id = d.id AND s.subject_id = :subject)");
            params.put("subject", filter.subjectId());
        }
        if (filter.collectionId() != null) {
            where.add("EXISTS (SELECT 1 FROM document_collection c WHERE c.document_id = d.id "
                    + "AND c.collection_id = :collection)");
            params.put("collection", filter.collectionId());
        }
        if (filter.participantId() != null || filter.role() != null) {
            StringBuilder exists = new StringBuilder("EXISTS (SELECT 1 FROM participant p WHERE p.document_id = d.id");
            if (filter.participantId() != null) {
                exists.append(" AND p.agent_id = :agent");
                params.put("agent", filter.participantId());
            }
            if (filter.role() != null) {
                exists.append(" AND p.role = :role");
                params.put("role", filter.role().name());
            }
            where.add(exists.append(')').toString());
        }
        if (filter.placeId() != null) {
            where.add("d.place_of_origin_id = :place");
            params.put("place", filter.placeId());
        }
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }


    /** PostgreSQL's dates run from 4713 BC to 5874897 AD; every stored day is in that range, so a bound beyond it is its end. */
    private static final java.time.LocalDate FIRST_DAY = java.time.LocalDate.of(-4712, 1, 1);
    private static final java.time.LocalDate LAST_DAY = java.time.LocalDate.of(5874897, 12, 31);

    private static java.time.LocalDate storable(java.time.LocalDate day) {
        return day.isBefore(FIRST_DAY) ? FIRST_DAY : day.isAfter(LAST_DAY) ? LAST_DAY : day;
    }
}
