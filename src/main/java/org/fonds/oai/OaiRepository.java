package org.fonds.oai;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The harvest's reads, on the view document_datestamp (migrations V15, V25): the caller's documents, deleted ones
 * included, by (datestamp, id), which the index document_change_datestamp_idx serves. A datestamp is the time of the
 * last write of the document or of any of its parts (V25). Everything the caller may not see the view leaves out, as
 * every other view does.
 */
@ApplicationScoped
class OaiRepository {

    private static final String HEADER = "SELECT CAST(v.id AS text), "
            + "to_char(v.datestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), v.deleted, "
            + "array_to_string(v.collection_ids, ' ') FROM document_datestamp v";

    /** The records of a list: datestamps from {@code from} (inclusive) to {@code until} (exclusive), in a set. */
    record Selection(Instant from, Instant until, String set) {
    }

    private final EntityManager em;

    OaiRepository(EntityManager em) {
        this.em = em;
    }

    /** Up to {@code limit} headers of the selection after (afterDatestamp, afterId), in that order. */
    List<OaiHeader> page(Selection selection, Instant afterDatestamp, UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder(HEADER).append(where(selection));
        if (afterDatestamp != null) {
            sql.append(" AND (v.datestamp, v.id) > (CAST(:afterDatestamp AS timestamptz), CAST(:afterId AS uuid))");
        }
        sql.append(" ORDER BY v.datestamp, v.id LIMIT :limit");
        Query query = em.createNativeQuery(sql.toString());
        bind(query, selection);
        if (afterDatestamp != null) {
            query.setParameter("afterDatestamp", afterDatestamp.toString());
            query.setParameter("afterId", afterId.toString());
        }
        query.setParameter("limit", limit);
        return headers(query);
    }

    /** How many records the selection holds (completeListSize). */
    long count(Selection selection) {
        Query query = em.createNativeQuery("SELECT count(*) FROM document_datestamp v" + where(selection));
        bind(query, selection);
        return ((Number) query.getSingleResult()).longValue();
    }

    Optional<OaiHeader> header(UUID id) {
        Query query = em.createNativeQuery(HEADER + " WHERE v.id = :id");
        query.setParameter("id", id);
        return headers(query).stream().findFirst();
    }

    /** The datestamp of the caller's earliest record, or null when there is none. */
    Instant earliestDatestamp() {
        Object earliest = em.createNativeQuery("SELECT to_char(min(v.datestamp) AT TIME ZONE 'UTC', "
                + "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') FROM document_datestamp v").getSingleResult();
        return earliest == null ? null : Instant.parse((String) earliest);
    }

    private static String where(Selection selection) {
        StringBuilder where = new StringBuilder(" WHERE v.datestamp < CAST(:until AS timestamptz)");
        if (selection.from() != null) {
            where.append(" AND v.datestamp >= CAST(:from AS timestamptz)");
        }
        if (selection.set() != null) {
            where.append(" AND CAST(:set AS uuid) = ANY (v.collection_ids)");
        }
        return where.toString();
    }

    private static void bind(Query query, Selection selection) {
        query.setParameter("until", selection.until().toString());
        if (selection.from() != null) {
            query.setParameter("from", selection.from().toString());
        }
        if (selection.set() != null) {
            query.setParameter("set", selection.set());
        }
    }

    @SuppressWarnings("unchecked")
    private static List<OaiHeader> headers(Query query) {
        List<OaiHeader> headers = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            String sets = (String) row[3];
            headers.add(new OaiHeader(UUID.fromString((String) row[0]), Instant.parse((String) row[1]),
                    (Boolean) row[2], sets == null || sets.isEmpty() ? List.of() : Arrays.asList(sets.split(" "))));
        }
        return headers;
    }
}
