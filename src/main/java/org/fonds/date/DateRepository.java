package org.fonds.date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * The date queries across documents and their MENTION annotations, in native SQL. A date is a range of days
 * (date_earliest..date_latest); it falls in a period when the two overlap, asked with {@code &&} on
 * {@code daterange(date_earliest, date_latest, '[]')} so that the GiST indexes document_date_range_idx and
 * annotation_date_range_idx serve it (V4 says why). As in GET /documents, a date whose end is open or unknown (null)
 * does not overlap a period bounded on that side. Counts bucket the earliest day, with document_date_idx and
 * annotation_date_idx.
 */
@ApplicationScoped
public class DateRepository {

    // what the caller may not see, and everything deleted, the views leave out
    private static final String MENTIONS = "m.type = 'MENTION' AND m.date_edtf IS NOT NULL";

    private final EntityManager em;

    public DateRepository(EntityManager em) {
        this.em = em;
    }

    record Row(UUID id, String kind, String title, String date, boolean written) {
    }

    /** One keyset page, in document id order, of the documents written in or mentioning a date in from..to. */
    List<Row> documents(LocalDate from, LocalDate to, DateBasis basis, UUID after, int limit) {
        List<String> hits = new ArrayList<>();
        String afterId = after == null ? "" : " AND %s > :after";
        if (basis != DateBasis.MENTIONED) {
            hits.add("SELECT w.id FROM document w WHERE " + overlaps("w", from, to) + afterId.formatted("w.id"));
        }
        if (basis != DateBasis.WRITTEN) {
            hits.add("SELECT m.document_id FROM annotation m WHERE " + MENTIONS + " AND " + overlaps("m", from, to)
                    + afterId.formatted("m.document_id"));
        }
        String sql = "SELECT d.id, d.kind, d.title, d.date_edtf, COALESCE(" + overlaps("d", from, to) + ", false) AS w"
                + " FROM document d WHERE d.id IN (" + String.join(" UNION ", hits) + ") ORDER BY d.id LIMIT :limit";
        NativeQuery<?> query = query(sql, from, to)
                .addScalar("id", UUID.class)
                .addScalar("kind", String.class)
                .addScalar("title", String.class)
                .addScalar("date_edtf", String.class)
                .addScalar("w", Boolean.class);
        if (after != null) {
            query.setParameter("after", after);
        }
        query.setParameter("limit", limit);
        return query.getResultList().stream()
                .map(r -> (Object[]) r)
                .map(r -> new Row((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4]))
                .toList();
    }

    /** The MENTION annotations of these documents whose date falls in from..to, by document, in id order. */
    Map<UUID, List<UUID>> mentions(Collection<UUID> documentIds, LocalDate from, LocalDate to) {
        Map<UUID, List<UUID>> byDocument = new LinkedHashMap<>();
        if (documentIds.isEmpty()) {
            return byDocument;
        }
        String sql = "SELECT m.document_id, m.id FROM annotation m WHERE m.document_id = ANY(CAST(:ids AS uuid[])) AND "
                + MENTIONS + " AND " + overlaps("m", from, to) + " ORDER BY m.document_id, m.id";
        NativeQuery<?> query = query(sql, from, to)
                .addScalar("document_id", UUID.class)
                .addScalar("id", UUID.class)
                .setParameter("ids", documentIds.stream().map(UUID::toString).toArray(String[]::new));
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            byDocument.computeIfAbsent((UUID) r[0], k -> new ArrayList<>()).add((UUID) r[1]);
        }
        return byDocument;
    }

    /**
     * Distinct documents per period (date_trunc of the earliest day of the written date, and of each mentioned
     * date), for the dates whose earliest day lies in from..to (either may be null).
     */
    Map<LocalDate, Long> counts(Granularity granularity, LocalDate from, LocalDate to, DateBasis basis) {
        List<String> days = new ArrayList<>();
        String bounds = (from == null ? "" : " AND %1$s.date_earliest >= :from")
                + (to == null ? "" : " AND %1$s.date_earliest <= :to");
        if (basis != DateBasis.MENTIONED) {
            days.add("SELECT w.id AS document_id, w.date_earliest AS day FROM document w "
                    + "WHERE w.date_earliest IS NOT NULL" + bounds.formatted("w"));
        }
        if (basis != DateBasis.WRITTEN) {
            days.add("SELECT m.document_id, m.date_earliest AS day FROM annotation m WHERE " + MENTIONS
                    + " AND m.date_earliest IS NOT NULL" + bounds.formatted("m"));
        }
        String sql = "SELECT CAST(date_trunc(CAST(:unit AS text), CAST(b.day AS timestamp)) AS date) AS period, "
                + "count(DISTINCT b.document_id) AS n FROM (" + String.join(" UNION ALL ", days) + ") b "
                + "GROUP BY 1 ORDER BY 1";
        NativeQuery<?> query = query(sql, from, to)
                .addScalar("period", LocalDate.class)
                .addScalar("n", Long.class)
                .setParameter("unit", granularity.name().toLowerCase(java.util.Locale.ROOT));
        Map<LocalDate, Long> counts = new LinkedHashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            counts.put((LocalDate) r[0], (Long) r[1]);
        }
        return counts;
    }

    /**
     * {@code alias}'s date overlaps from..to (either may be null, not both): the range condition the GiST indexes
     * serve, and a known end on each side the period is bounded (a null end of a daterange is infinite).
     */
    private static String overlaps(String alias, LocalDate from, LocalDate to) {
        return "(daterange(" + alias + ".date_earliest, " + alias + ".date_latest, '[]') && daterange("
                + (from == null ? "NULL" : "CAST(:from AS date)") + ", " + (to == null ? "NULL" : "CAST(:to AS date)")
                + ", '[]')" + (to == null ? "" : " AND " + alias + ".date_earliest IS NOT NULL")
                + (from == null ? "" : " AND " + alias + ".date_latest IS NOT NULL") + ")";
    }

    private NativeQuery<?> query(String sql, LocalDate from, LocalDate to) {
        NativeQuery<?> query = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return query;
    }
}
