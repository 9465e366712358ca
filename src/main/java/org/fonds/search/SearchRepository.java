package org.fonds.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.shared.SoftDelete;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of full-text search (native: tsvector, ts_rank and ts_headline have no JPQL). Every field has a STORED
 * tsvector with a GIN index (V5 migration, kept current by triggers): a query first finds the matching rows through
 * the indexes, ranks only those, and highlights only the rows of the page shown.
 *
 * <p>A document matches when one of its fields matches the whole query: its title and summary, one of its texts (each
 * matched with the query parsed in the text's own language: english, russian or simple), or one annotation's words;
 * and none of its fields has a word or phrase the query excludes ({@code -word}), so that exclusion is per document.
 */
@ApplicationScoped
public class SearchRepository {

    static final int MATCHES_PER_HIT = 5;

    /** The query parsed in each configuration a field can be stored in. */
    private static final String EN = query("english", "q");
    private static final String TEXT_QUERY = "websearch_to_tsquery(CAST(t.search_config AS regconfig), :q)";
    private static final String TEXT_MATCHES = textMatches("q");

    /** Each matching document once, with its best rank over the fields that match. */
    private static final String MATCHED = "matched AS (SELECT document_id, max(rank) AS rank FROM ("
            + "SELECT d.id AS document_id, ts_rank(d.search_vector, " + EN + ") AS rank FROM document d "
            + "WHERE d.search_vector @@ " + EN
            + " UNION ALL SELECT t.document_id, ts_rank(t.search_vector, " + TEXT_QUERY + ") FROM text t WHERE "
            + TEXT_MATCHES + " AND " + SoftDelete.live("t") // history: deleted texts and notes do not match
            + " UNION ALL SELECT a.document_id, ts_rank(a.search_vector, " + EN + ") FROM annotation a "
            + "WHERE a.search_vector @@ " + EN + " AND " + SoftDelete.live("a") + ") u GROUP BY document_id)";

    /** The documents with an excluded word ({@code -word}) in any field: a document, not a field, is excluded. */
    private static final String EXCLUDED = "excluded AS ("
            + "SELECT d.id AS document_id FROM document d WHERE d.search_vector @@ " + query("english", "excluded")
            + " UNION SELECT t.document_id FROM text t WHERE " + textMatches("excluded")
            + " AND " + SoftDelete.live("t") // history: deleted texts and notes exclude nothing
            + " UNION SELECT a.document_id FROM annotation a WHERE a.search_vector @@ " + query("english", "excluded")
            + " AND " + SoftDelete.live("a") + ")";

    /** Excluded words and phrases of web-search syntax: a '-' that starts a word or a quoted phrase. */
    private static final Pattern NEGATION = Pattern.compile("(?<![^\\s])-+(\"[^\"]*\"?|[^\\s\"]+)");

    private static final String HEADLINE_OPTIONS = "StartSel=«, StopSel=», MaxWords=30, MinWords=12, ShortWord=2, "
            + "MaxFragments=2, FragmentDelimiter=\" … \"";

    private final EntityManager em;

    private static String query(String config, String param) {
        return "websearch_to_tsquery('" + config + "', :" + param + ")";
    }

    /** One OR of index-backed conditions, so that the planner can combine three GIN bitmap scans. */
    private static String textMatches(String param) {
        return "(t.search_config = 'english' AND t.search_vector @@ " + query("english", param)
                + " OR t.search_config = 'russian' AND t.search_vector @@ " + query("russian", param)
                + " OR t.search_config = 'simple' AND t.search_vector @@ " + query("simple", param) + ")";
    }

    /** The words and phrases {@code q} excludes, as one web-search query that matches any of them; or null. */
    static String excluded(String q) {
        List<String> terms = new ArrayList<>();
        Matcher m = NEGATION.matcher(q);
        while (m.find()) {
            terms.add(m.group(1));
        }
        return terms.isEmpty() ? null : String.join(" or ", terms);
    }

    public SearchRepository(EntityManager em) {
        this.em = em;
    }

    /** A row of the page: the document's fields and its rank (null without a query). */
    public record Row(UUID id, String kind, String title, String dateEdtf, LocalDate dateEarliest,
            List<String> languages, String classification, Double rank) {
    }

    /** The sort key of sort=DATE: the earliest day (null: undated, sorted last) and the id. */
    public record DateKey(LocalDate date, UUID id) {
    }

    /** A matching field of a document of the page, with its snippet. */
    public record MatchRow(UUID documentId, MatchField field, UUID textId, String language, UUID annotationId,
            String annotationType, String snippet) {
    }

    /** A facet count: facet name ("total" for the size of the match set), value, label and count. */
    public record FacetRow(String facet, String value, String label, long count) {
    }

    /**
     * One page of the filtered matches, in the given order: {@code limit} rows from {@code offset}, or (sort=DATE)
     * after the keyset {@code after} when not null.
     */
    @SuppressWarnings("unchecked")
    public List<Row> page(SearchFilter filter, SearchSort sort, int limit, int offset, DateKey after) {
        Map<String, Object> params = new LinkedHashMap<>();
        Query query = em.createNativeQuery(pageSql(filter, sort, after, params));
        params.forEach(query::setParameter);
        query.setParameter("limit", limit);
        query.setParameter("offset", offset);
        List<Row> rows = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            rows.add(new Row((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], date(r[4]), strings(r[5]),
                    (String) r[6], r[7] == null ? null : ((Number) r[7]).doubleValue()));
        }
        return rows;
    }

    /** The SQL of {@link #page}, with the parameters it needs but :limit and :offset (package-private for EXPLAIN). */
    static String pageSql(SearchFilter filter, SearchSort sort, DateKey after, Map<String, Object> params) {
        String order = sort == SearchSort.RELEVANCE ? "h.rank DESC, h.id" : "h.date_earliest NULLS LAST, h.id";
        String keyset = "";
        if (after != null) {
            params.put("after_id", after.id());
            if (after.date() == null) {
                keyset = "WHERE h.date_earliest IS NULL AND h.id > :after_id ";
            } else {
                params.put("after_date", after.date());
                keyset = "WHERE (h.date_earliest > :after_date OR h.date_earliest = :after_date AND h.id > :after_id "
                        + "OR h.date_earliest IS NULL) ";
            }
        }
        return with(filter, params) + "SELECT h.id, h.kind, h.title, h.date_edtf, h.date_earliest, h.languages, "
                + "h.classification, CAST(h.rank AS float8) FROM hits h " + keyset + "ORDER BY " + order
                + " LIMIT :limit OFFSET :offset";
    }

    /** The facet counts and the total of the whole filtered match set, in one aggregate query. */
    @SuppressWarnings("unchecked")
    public List<FacetRow> facets(SearchFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = with(filter, params) + ", flagged AS MATERIALIZED (SELECT h.id, h.kind, h.languages, "
                + "h.classification, "
                + "EXISTS (SELECT 1 FROM annotation a WHERE a.document_id = h.id AND a.type = 'TRANSLATOR_NOTE' AND "
                + SoftDelete.live("a") + ") AS tn, " // history: deleted annotations count for nothing
                + "EXISTS (SELECT 1 FROM annotation a WHERE a.document_id = h.id AND a.type = 'MARGINALIA' AND "
                + SoftDelete.live("a") + ") AS mg "
                + "FROM hits h) "
                + "SELECT facet, value, label, n FROM ("
                + "SELECT 'total' AS facet, CAST(NULL AS text) AS value, CAST(NULL AS text) AS label, count(*) AS n "
                + "FROM flagged"
                + " UNION ALL SELECT 'kind', f.kind, NULL, count(*) FROM flagged f GROUP BY f.kind"
                + " UNION ALL SELECT 'language', l.language, NULL, count(*) FROM flagged f, "
                + "unnest(f.languages) AS l(language) GROUP BY l.language"
                + " UNION ALL SELECT 'subject', CAST(s.id AS text), s.label, count(*) FROM flagged f "
                + "JOIN document_subject ds ON ds.document_id = f.id JOIN subject s ON s.id = ds.subject_id "
                + "AND " + SoftDelete.live("s") + " GROUP BY s.id, s.label" // history: no facet of a deleted subject
                + " UNION ALL SELECT 'collection', CAST(c.id AS text), c.title, count(*) FROM flagged f "
                + "JOIN document_collection dc ON dc.document_id = f.id JOIN collection c ON c.id = dc.collection_id "
                + "AND " + SoftDelete.live("c") + " GROUP BY c.id, c.title" // history: nor of a deleted collection
                + " UNION ALL SELECT 'classification', f.classification, NULL, count(*) FROM flagged f "
                + "WHERE f.classification IS NOT NULL GROUP BY f.classification"
                + " UNION ALL SELECT 'has_translator_notes', CAST(f.tn AS text), NULL, count(*) FROM flagged f GROUP BY f.tn"
                + " UNION ALL SELECT 'has_marginalia', CAST(f.mg AS text), NULL, count(*) FROM flagged f GROUP BY f.mg"
                + ") counts ORDER BY facet, n DESC, value";
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        List<FacetRow> rows = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            rows.add(new FacetRow((String) r[0], (String) r[1], (String) r[2], ((Number) r[3]).longValue()));
        }
        return rows;
    }

    /**
     * Where {@code q} matched in each of the given documents (the page shown), best first and at most
     * {@link #MATCHES_PER_HIT} per document, with highlighted snippets: ts_headline runs on these rows only.
     */
    @SuppressWarnings("unchecked")
    public List<MatchRow> matches(String q, List<UUID> documentIds) {
        if (documentIds.isEmpty()) {
            return List.of();
        }
        String sql = "WITH page AS (SELECT unnest(CAST(:ids AS uuid[])) AS id), fields AS ("
                + "SELECT d.id AS document_id, 'TITLE' AS field, CAST(NULL AS uuid) AS text_id, "
                + "CAST(NULL AS text) AS language, CAST(NULL AS uuid) AS annotation_id, CAST(NULL AS text) AS type, "
                + "'english' AS config, d.title AS words, 1.0 + ts_rank(d.search_vector, " + EN + ") AS rank "
                + "FROM document d JOIN page p ON p.id = d.id WHERE to_tsvector('english', d.title) @@ " + EN
                + " UNION ALL SELECT d.id, 'SUMMARY', NULL, NULL, NULL, NULL, 'english', d.summary, "
                + "0.5 + ts_rank(d.search_vector, " + EN + ") "
                + "FROM document d JOIN page p ON p.id = d.id WHERE to_tsvector('english', coalesce(d.summary, '')) @@ "
                + EN
                + " UNION ALL SELECT t.document_id, 'TEXT', t.id, t.language, NULL, NULL, t.search_config, t.content, "
                + "ts_rank(t.search_vector, " + TEXT_QUERY + ") FROM text t JOIN page p ON p.id = t.document_id WHERE "
                + TEXT_MATCHES + " AND " + SoftDelete.live("t") // history: no snippet of deleted texts and notes
                + " UNION ALL SELECT a.document_id, 'ANNOTATION', NULL, NULL, a.id, a.type, 'english', "
                + "fonds_annotation_words(a.body), ts_rank(a.search_vector, " + EN + ") "
                + "FROM annotation a JOIN page p ON p.id = a.document_id WHERE a.search_vector @@ " + EN
                + " AND " + SoftDelete.live("a")
                + "), best AS (SELECT f.*, row_number() OVER (PARTITION BY f.document_id ORDER BY f.rank DESC, "
                + "f.field, f.text_id, f.annotation_id) AS n FROM fields f) "
                + "SELECT b.document_id, b.field, b.text_id, b.language, b.annotation_id, b.type, "
                + "ts_headline(CAST(b.config AS regconfig), b.words, websearch_to_tsquery(CAST(b.config AS regconfig), :q), "
                + "'" + HEADLINE_OPTIONS + "') "
                + "FROM best b WHERE b.n <= :per ORDER BY b.document_id, b.n";
        Query query = em.createNativeQuery(sql);
        query.setParameter("q", q);
        query.setParameter("ids", documentIds.stream().map(UUID::toString).toArray(String[]::new));
        query.setParameter("per", MATCHES_PER_HIT);
        List<MatchRow> rows = new ArrayList<>();
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            rows.add(new MatchRow((UUID) r[0], MatchField.valueOf((String) r[1]), (UUID) r[2], (String) r[3],
                    (UUID) r[4], (String) r[5], (String) r[6]));
        }
        return rows;
    }

    /**
     * {@code WITH [matched,] hits AS (...)}: the documents that match the query (all without one) and the filters,
     * with the columns the page, the order and the facets need.
     */
    private static String with(SearchFilter f, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        String from;
        String rank;
        String with;
        if (f.q() != null) {
            params.put("q", f.q());
            with = "WITH " + MATCHED + ", ";
            String excluded = excluded(f.q());
            if (excluded != null) {
                params.put("excluded", excluded);
                with += EXCLUDED + ", ";
                where.add("NOT EXISTS (SELECT 1 FROM excluded e WHERE e.document_id = d.id)");
            }
            from = "matched m JOIN document d ON d.id = m.document_id";
            rank = "m.rank";
        } else {
            with = "WITH ";
            from = "document d";
            rank = "CAST(NULL AS real)";
        }
        where.add(SoftDelete.live("d")); // history: deleted documents are never hits
        if (f.kind() != null) {
            where.add("d.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.language() != null) {
            where.add("d.languages @> ARRAY[CAST(:language AS text)]");
            params.put("language", f.language());
        }
        if (f.participantId() != null || f.role() != null) {
            StringBuilder exists = new StringBuilder("EXISTS (SELECT 1 FROM participant p WHERE p.document_id = d.id AND "
                    + SoftDelete.live("p")); // history: deleted participants do not count
            if (f.participantId() != null) {
                exists.append(" AND p.agent_id = :agent");
                params.put("agent", f.participantId());
            }
            if (f.role() != null) {
                exists.append(" AND p.role = :role");
                params.put("role", f.role().name());
            }
            where.add(exists.append(')').toString());
        }
        dates(f.dateFrom(), f.dateTo(), f.dateMatch(), where, params);
        if (f.subjectId() != null) {
            where.add("EXISTS (SELECT 1 FROM document_subject s WHERE s.document_id = d.id AND s.subject_id = :subject)");
            params.put("subject", f.subjectId());
        }
        if (f.collectionId() != null) {
            where.add("EXISTS (SELECT 1 FROM document_collection c WHERE c.document_id = d.id "
                    + "AND c.collection_id = :collection)");
            params.put("collection", f.collectionId());
        }
        if (f.classification() != null) {
            where.add("d.classification = :classification");
            params.put("classification", f.classification());
        }
        annotated(f.hasTranslatorNotes(), "TRANSLATOR_NOTE", where);
        annotated(f.hasMarginalia(), "MARGINALIA", where);
        return with + "hits AS (SELECT d.id, d.kind, d.title, d.date_edtf, d.date_earliest, d.languages, "
                + "d.classification, " + rank + " AS rank FROM " + from
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + ") ";
    }

    /**
     * OVERLAPS: some day the date can denote is in [from, to]; WITHIN: every such day is. Either end of the asked
     * range may be open; an open-ended date ("1950-05/..") is unbounded on that side. Undated documents match neither.
     * Written on the day range so that the GiST index of V4 serves it.
     */
    private static void dates(LocalDate from, LocalDate to, DateMatch match, List<String> where,
            Map<String, Object> params) {
        if (from == null && to == null) {
            return;
        }
        String range = "daterange(" + (from == null ? "NULL" : "CAST(:from AS date)") + ", "
                + (to == null ? "NULL" : "CAST(:to AS date)") + ", '[]')";
        if (from != null) {
            params.put("from", from);
        }
        if (to != null) {
            params.put("to", to);
        }
        where.add("d.date_edtf IS NOT NULL AND daterange(d.date_earliest, d.date_latest, '[]') "
                + (match == DateMatch.WITHIN ? "<@ " : "&& ") + range);
    }

    private static void annotated(Boolean has, String type, List<String> where) {
        if (has != null) {
            where.add((has ? "" : "NOT ") + "EXISTS (SELECT 1 FROM annotation a WHERE a.document_id = d.id "
                    + "AND a.type = '" + type + "' AND " + SoftDelete.live("a") + ")"); // history: live notes only
        }
    }

    private static LocalDate date(Object value) {
        if (value == null || value instanceof LocalDate) {
            return (LocalDate) value;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        throw new IllegalStateException("Unexpected date type " + value.getClass());
    }

    private static List<String> strings(Object array) {
        if (array == null) {
            return List.of();
        }
        if (array instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).toList();
        }
        if (array instanceof Array sql) {
            try {
                return Arrays.stream((Object[]) sql.getArray()).map(String::valueOf).toList();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("Unexpected array type " + array.getClass());
    }
}
