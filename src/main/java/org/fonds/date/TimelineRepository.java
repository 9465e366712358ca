package org.fonds.date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.query.NativeQuery;

/**
 * The timeline's queries, in the native SQL style of {@link DateRepository}. An entry is a document's own date
 * (WRITTEN) or a MENTION annotation's date (MENTIONED); it is placed at its earliest day, and belongs to a span when
 * that day lies in it, so that the btree indexes on (date_earliest, date_latest) of document (document_date_idx) and
 * annotation (annotation_date_idx, partial on a date) serve both the entries and the counts, and the counts add up to
 * the entries. Entries are ordered by (earliest day, latest day with an open end last, kind, id), a keyset that the
 * cursor carries.
 */
@ApplicationScoped
public class TimelineRepository {

    private final EntityManager em;

    public TimelineRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The entries of the documents the caller may see (the views leave out the others, and everything deleted). WRITTEN entries sort before MENTIONED ones of the same days:
     * 0 and 1 in the kind column {@code k}.
     */
    private String entries() {
        return "SELECT 0 AS k, w.id AS entry_id, w.id AS document_id, w.date_edtf AS edtf, "
                + "w.date_earliest AS day, COALESCE(w.date_latest, DATE 'infinity') AS latest "
                + "FROM document w WHERE w.date_earliest BETWEEN :from AND :to "
                + "UNION ALL "
                + "SELECT 1, m.id, m.document_id, m.date_edtf, m.date_earliest, COALESCE(m.date_latest, DATE 'infinity') "
                + "FROM annotation m WHERE m.type = 'MENTION' AND m.date_edtf IS NOT NULL "
                + "AND m.date_earliest BETWEEN :from AND :to";
    }

    /** An entry as the query returns it; {@code latest} is the sort key (LocalDate.MAX for an open end). */
    record Row(int kind, UUID entryId, UUID documentId, String edtf, LocalDate day, String latest, String title,
            String documentKind, String quote) {
    }

    /** The position of an entry in the timeline's order, as a cursor holds it. */
    record Key(LocalDate day, String latest, int kind, UUID entryId) {
    }

    /**
     * One keyset page of the entries whose earliest day lies in from..to, after {@code after} (null: the first
     * page), with their document and, for a mention, the exact words of its first target.
     */
    List<Row> entries(LocalDate from, LocalDate to, Key after, int limit) {
        // The page is cut before the documents and quotes are joined: joined first, the planner hashed the whole
        // document table (a sequential scan) for a few hundred entries.
        String sql = "SELECT e.k, e.entry_id, e.document_id, e.edtf, e.day, CAST(e.latest AS text) AS latest, "
                + "d.title, d.kind, t.exact "
                + "FROM (SELECT * FROM (" + entries() + ") u "
                + (after == null ? "" : "WHERE (u.day, u.latest, u.k, u.entry_id) > (CAST(:aday AS date), "
                        + "CAST(:alatest AS date), :ak, CAST(:aid AS uuid)) ")
                + "ORDER BY u.day, u.latest, u.k, u.entry_id LIMIT :limit) e "
                + "JOIN document d ON d.id = e.document_id "
                + "LEFT JOIN LATERAL (SELECT x.exact FROM annotation_target x WHERE e.k = 1 "
                + "AND x.annotation_id = e.entry_id ORDER BY x.position LIMIT 1) t ON true "
                + "ORDER BY e.day, e.latest, e.k, e.entry_id";
        NativeQuery<?> query = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("k", Integer.class)
                .addScalar("entry_id", UUID.class)
                .addScalar("document_id", UUID.class)
                .addScalar("edtf", String.class)
                .addScalar("day", LocalDate.class)
                .addScalar("latest", String.class)
                .addScalar("title", String.class)
                .addScalar("kind", String.class)
                .addScalar("exact", String.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("aday", after.day().toString())
                    .setParameter("alatest", after.latest())
                    .setParameter("ak", after.kind())
                    .setParameter("aid", after.entryId().toString());
        }
        List<Row> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            rows.add(new Row((Integer) r[0], (UUID) r[1], (UUID) r[2], (String) r[3], (LocalDate) r[4], (String) r[5],
                    (String) r[6], (String) r[7], (String) r[8]));
        }
        return rows;
    }

    /** WRITTEN and MENTIONED entries per period (date_trunc of the earliest day), in chronological order. */
    List<Object[]> counts(Granularity granularity, LocalDate from, LocalDate to) {
        String sql = "SELECT CAST(date_trunc(CAST(:unit AS text), CAST(e.day AS timestamp)) AS date) AS period, "
                + "count(*) FILTER (WHERE e.k = 0) AS written, count(*) FILTER (WHERE e.k = 1) AS mentioned "
                + "FROM (" + entries() + ") e GROUP BY 1 ORDER BY 1";
        NativeQuery<?> query = em.createNativeQuery(sql).unwrap(NativeQuery.class)
                .addScalar("period", LocalDate.class)
                .addScalar("written", Long.class)
                .addScalar("mentioned", Long.class)
                .setParameter("unit", granularity.name().toLowerCase(Locale.ROOT))
                .setParameter("from", from)
                .setParameter("to", to);
        List<Object[]> counts = new ArrayList<>();
        for (Object row : query.getResultList()) {
            counts.add((Object[]) row);
        }
        return counts;
    }
}
