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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL of full-text search (native: tsvector, ts_rank and ts_headline have no JPQL). Each document has one stored
 * vector of all its words (V20: document_search, its title weighted A, its summary B, its texts and notes D, kept
 * current by triggers) with a GIN index: a query finds the matching documents with one scan of that index, ranks
 * only those it takes, counts the facets over them, and highlights, through each field's own vector (V5), only the
 * documents of the page shown.
 *
 * <p>A document matches when one of its fields matches the whole query: its title and summary, one of its texts (each
 * matched with the query parsed in the text's own language: english, russian or simple), or one annotation's words;
 * and none of its fields has a word or phrase the query excludes ({@code -word}), so that exclusion is per document.
 */
@ApplicationScoped
public class SearchRepository {

    public static final int MATCHES_PER_HIT = 5;

    /** The query parsed in each configuration a field can be stored in. */
    private static final String EN = query("english", "q");
    private static final String TEXT_QUERY = "websearch_to_tsquery(CAST(t.search_config AS regconfig), :q)";
    private static final String TEXT_MATCHES = textMatches("q");

    /**
     * The query against a document's whole vector (V20: title, summary, texts and notes, each text in its language's
     * configuration): the query parsed in each configuration, any of them.
     */
    private static final String DOC_QUERY = anyConfig("q");

    /** Words of a query that any field matches alone, when it is only such words joined by {@code or}. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

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

    /** {@code :param} parsed in each configuration a field can be stored in, any of them (one tsquery). */
    private static String anyConfig(String param) {
        return "(" + query("english", param) + " || " + query("russian", param) + " || " + query("simple", param) + ")";
    }

    /**
     * Whether {@code s} (a row of document_search) and {@code d} (its document) match {@code q}: the documents' GIN
     * index finds those whose whole vector matches it in some configuration and has none of the excluded words (an
     * exclusion is per document); a query of several words or a phrase must then also match one field as a whole, its
     * title and summary, a text in its own language or a note, as before V20 (checked on the stored vectors of those
     * candidates only: a query of one word, or of words joined by {@code or}, that matches the document matches one
     * of its fields, and the check is left out).
     */
    static String match(String q, Map<String, Object> params) {
        StringBuilder match = new StringBuilder("s.vector @@ ").append(DOC_QUERY);
        String excluded = excluded(q);
        if (excluded != null) {
            params.put("excluded", excluded);
            match.append(" AND NOT s.vector @@ ").append(anyConfig("excluded"));
        }
        if (!oneFieldSuffices(q)) {
            match.append(" AND (d.search_vector @@ ").append(EN)
                    .append(" OR EXISTS (SELECT 1 FROM text t WHERE t.document_id = d.id AND ").append(TEXT_MATCHES)
                    .append(") OR EXISTS (SELECT 1 FROM annotation a WHERE a.document_id = d.id AND a.search_vector @@ ")
                    .append(EN).append("))");
        }
        return match.toString();
    }

    /** Whether {@code q}, its exclusions aside, is one word or words joined by {@code or} (no phrase, no AND). */
    static boolean oneFieldSuffices(String q) {
        String positive = NEGATION.matcher(q).replaceAll(" ").strip();
        if (positive.isEmpty()) {
            return true;
        }
        if (positive.contains("\"")) {
            return false;
        }
        String[] tokens = positive.split("\\s+");
        for (int i = 0; i < tokens.length; i++) {
            boolean operator = i % 2 == 1;
            if (operator ? !tokens[i].equalsIgnoreCase("or") : !WORD.matcher(tokens[i]).matches()) {
                return false;
            }
        }
        return tokens.length % 2 == 1;
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

    /** A facet count: facet name ("total" for the size of the counted set), value, label and count. */
    public record FacetRow(String facet, String value, String label, long count) {
    }

    /**
     * A page, the facets and the total of the candidates, and whether the candidates were capped (then total and
     * facets count the first {@code candidates} matching documents found, not every match).
     */
    public record Result(List<Row> rows, List<FacetRow> facets, boolean capped) {
    }

    /**
     * Plan the search statements of this transaction for their parameters (custom plans). pgjdbc prepares a statement
     * on the server after five executions, and PostgreSQL may then keep a generic plan, made without knowing the
     * query: for the candidates that is a bitmap of every match of a field before the first row (all the texts with
     * a common word), where the plan for a known common word reads rows until it has enough. Planning each time costs
     * a millisecond or two.
     */
    public void planEachSearch() {
        em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
    }

    /**
     * One statement: a page of the filtered matches in the given order ({@code limit} rows from {@code offset}, or,
     * sort=DATE, after the keyset {@code after} when not null), and the facet counts of the candidate set.
     *
     * <p>The candidates ({@code pool}, computed once): with a query, the matching documents found through the GIN index
     * of their vectors, filtered, and only the first {@code candidates} of them taken and ranked (ts_rank runs on those
     * rows only); without one, the first {@code candidates} filtered documents. The facets count them, without matching
     * again. When no more documents match, the candidates are the whole match set and ranking, total and facets are exact;
     * otherwise they are those of the candidates, and {@link Result#capped} says so. Relevance pages come from the
     * candidates (their number grows with {@code offset} so that every page up to the maximum offset exists); date
     * pages from the whole match set, which the date index walks in order.
     */
    @SuppressWarnings("unchecked")
    public Result search(SearchFilter filter, SearchSort sort, int limit, int offset, DateKey after, int candidates) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = sql(filter, sort, after, params);
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        query.setParameter("limit", limit);
        if (sql.contains(":offset")) {
            query.setParameter("offset", offset);
        }
        query.setParameter("cap", Math.max(candidates, offset + limit) + 1);
        List<Row> rows = new ArrayList<>();
        List<FacetRow> facets = new ArrayList<>();
        boolean capped = false;
        for (Object[] r : (List<Object[]>) query.getResultList()) {
            if (((Number) r[0]).intValue() == 0) {
                rows.add(new Row((UUID) r[1], (String) r[2], (String) r[3], (String) r[4], date(r[5]), strings(r[6]),
                        (String) r[7], r[8] == null ? null : ((Number) r[8]).doubleValue()));
            } else if ("capped".equals(r[9])) {
                capped = ((Number) r[12]).longValue() > 0;
            } else {
                facets.add(new FacetRow((String) r[9], (String) r[10], (String) r[11], ((Number) r[12]).longValue()));
            }
        }
        return new Result(rows, facets, capped);
    }

    /**
     * The SQL of {@link #search}, with the parameters it needs but :limit, :offset and :cap (the number of matches of
     * each field taken as candidates, plus one to tell that there are more). Public for EXPLAIN and for the
     * benchmark's pgbench scripts (org.fonds.bench.BenchStatements), which run this very text. What the caller may
     * not see, and everything deleted, is neither a hit nor a match nor counted: the views leave it out.
     */
    public static String sql(SearchFilter filter, SearchSort sort, DateKey after, Map<String, Object> params) {
        List<String> where = documentFilter(filter, params);
        String and = where.stream().map(w -> " AND " + w).reduce("", String::concat);
        String columns = "d.id, d.kind, d.title, d.date_edtf, d.date_earliest, d.languages, d.classification";
        StringBuilder with = new StringBuilder("WITH ");
        String page;
        if (filter.q() != null) {
            String match = match(filter.q(), params);
            // the matching documents, filtered, the first :cap of them, ranked: one GIN scan of the documents'
            // vectors, and ts_rank on the rows taken only
            with.append("pool AS MATERIALIZED (SELECT ").append(columns)
                    .append(", CAST(ts_rank(s.vector, ").append(DOC_QUERY).append(") AS float8) AS rank ")
                    .append("FROM document_search s JOIN document d ON d.id = s.document_id WHERE ").append(match)
                    .append(and).append(" LIMIT :cap), ")
                    .append("capped AS (SELECT CASE WHEN (SELECT count(*) FROM pool) >= :cap THEN 1 ELSE 0 END AS n), ");
            if (sort == SearchSort.RELEVANCE) {
                page = "SELECT x.*, row_number() OVER (ORDER BY x.rank DESC, x.id) AS ord FROM (SELECT h.* FROM pool h "
                        + "ORDER BY h.rank DESC, h.id LIMIT :limit OFFSET :offset) x";
            } else {
                // the whole match set, in date order: the rank of the page's rows only
                with.append("hits AS (SELECT ").append(columns).append(", CAST(NULL AS float8) AS rank ")
                        .append("FROM document_search s JOIN document d ON d.id = s.document_id WHERE ").append(match)
                        .append(and).append("), ");
                page = "SELECT p.id, p.kind, p.title, p.date_edtf, p.date_earliest, p.languages, p.classification, "
                        + "(SELECT CAST(ts_rank(s.vector, " + DOC_QUERY + ") AS float8) FROM document_search s "
                        + "WHERE s.document_id = p.id) AS rank, p.ord FROM (" + datePage(after, params) + ") p";
            }
        } else {
            with.append("pool AS MATERIALIZED (SELECT ").append(columns).append(", CAST(NULL AS float8) AS rank "
                    + "FROM document d").append(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    .append(" LIMIT :cap), ")
                    .append("capped AS (SELECT CASE WHEN (SELECT count(*) FROM pool) >= :cap THEN 1 ELSE 0 END AS n), ")
                    .append("hits AS (SELECT ").append(columns).append(", CAST(NULL AS float8) AS rank "
                    + "FROM document d").append(where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    .append("), ");
            page = datePage(after, params);
        }
        // the facets of the candidates, in one aggregate over them
        with.append("flagged AS MATERIALIZED (SELECT h.id, h.kind, h.languages, h.classification, "
                + "EXISTS (SELECT 1 FROM annotation a WHERE a.document_id = h.id AND a.type = 'TRANSLATOR_NOTE'" + ") AS tn, "
                + "EXISTS (SELECT 1 FROM annotation a WHERE a.document_id = h.id AND a.type = 'MARGINALIA'" + ") AS mg "
                + "FROM pool h) ");
        String nulls = "CAST(NULL AS uuid), CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS text), "
                + "CAST(NULL AS date), CAST(NULL AS text[]), CAST(NULL AS text), CAST(NULL AS float8)";
        return with + "SELECT 0 AS part, pg.id, pg.kind, pg.title, pg.date_edtf, pg.date_earliest, pg.languages, "
                + "pg.classification, pg.rank, CAST(NULL AS text) AS facet, CAST(NULL AS text) AS value, "
                + "CAST(NULL AS text) AS label, CAST(NULL AS bigint) AS n, pg.ord FROM (" + page + ") pg"
                + " UNION ALL SELECT 1, " + nulls + ", facet, value, label, n, row_number() OVER (ORDER BY facet, "
                + "n DESC, value) FROM ("
                + "SELECT 'capped' AS facet, CAST(NULL AS text) AS value, CAST(NULL AS text) AS label, "
                + "CAST(n AS bigint) AS n FROM capped"
                + " UNION ALL SELECT 'total', NULL, NULL, count(*) FROM flagged"
                + " UNION ALL SELECT 'kind', f.kind, NULL, count(*) FROM flagged f GROUP BY f.kind"
                + " UNION ALL SELECT 'language', l.language, NULL, count(*) FROM flagged f, "
                + "unnest(f.languages) AS l(language) GROUP BY l.language"
                + " UNION ALL SELECT 'subject', CAST(s.id AS text), s.label, count(*) FROM flagged f "
                + "JOIN document_subject ds ON ds.document_id = f.id JOIN subject s ON s.id = ds.subject_id "
                + "GROUP BY s.id, s.label"
                + " UNION ALL SELECT 'collection', CAST(c.id AS text), c.title, count(*) FROM flagged f "
                + "JOIN document_collection dc ON dc.document_id = f.id JOIN collection c ON c.id = dc.collection_id "
                + "GROUP BY c.id, c.title"
                + " UNION ALL SELECT 'classification', f.classification, NULL, count(*) FROM flagged f "
                + "WHERE f.classification IS NOT NULL GROUP BY f.classification"
                + " UNION ALL SELECT 'has_translator_notes', CAST(f.tn AS text), NULL, count(*) FROM flagged f GROUP BY f.tn"
                + " UNION ALL SELECT 'has_marginalia', CAST(f.mg AS text), NULL, count(*) FROM flagged f GROUP BY f.mg"
                + ") counts ORDER BY 1, 14";
    }

    /** A page of {@code hits} by date (earliest day, undated last, then id), after the keyset when given. */
    private static String datePage(DateKey after, Map<String, Object> params) {
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
        return "SELECT x.*, row_number() OVER (ORDER BY x.date_earliest NULLS LAST, x.id) AS ord FROM (SELECT h.* "
                + "FROM hits h " + keyset + "ORDER BY h.date_earliest NULLS LAST, h.id LIMIT :limit) x";
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
        String sql = matchesSql();
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

    /** The SQL of {@link #matches}: parameters :q, :ids (a uuid[]) and :per (public for the benchmark). */
    public static String matchesSql() {
        return "WITH page AS (SELECT unnest(CAST(:ids AS uuid[])) AS id), fields AS ("
                + "SELECT d.id AS document_id, 'TITLE' AS field, CAST(NULL AS uuid) AS text_id, "
                + "CAST(NULL AS text) AS language, CAST(NULL AS uuid) AS annotation_id, CAST(NULL AS text) AS type, "
                + "'english' AS config, d.title AS words, 1.0 + ts_rank(d.search_vector, " + EN + ") AS rank "
                + "FROM document d JOIN page p ON p.id = d.id WHERE to_tsvector('english', d.title) @@ " + EN
                + " UNION ALL SELECT d.id, 'SUMMARY', NULL, NULL, NULL, NULL, 'english', d.summary, "
                + "0.5 + ts_rank(d.search_vector, " + EN + ") "
                + "FROM document d JOIN page p ON p.id = d.id WHERE to_tsvector('english', coalesce(d.summary, '')) @@ "
                + EN
                // the texts and notes of each page document through the document_id indexes, never the other way
                // round: PostgreSQL underestimates phrase matches and would otherwise scan every text with the phrase
                // (10,000 at 1M documents) to keep the page's (OFFSET 0 keeps each subquery per document)
                + " UNION ALL SELECT t.document_id, 'TEXT', t.id, t.language, NULL, NULL, t.search_config, t.content, "
                + "t.rank FROM page p CROSS JOIN LATERAL (SELECT t.*, ts_rank(t.search_vector, " + TEXT_QUERY
                + ") AS rank FROM text t WHERE t.document_id = p.id AND " + TEXT_MATCHES
                + " OFFSET 0) t"
                + " UNION ALL SELECT a.document_id, 'ANNOTATION', NULL, NULL, a.id, a.type, 'english', "
                + "fonds_annotation_words(a.body), a.rank FROM page p CROSS JOIN LATERAL (SELECT a.*, "
                + "ts_rank(a.search_vector, " + EN + ") AS rank FROM annotation a WHERE a.document_id = p.id AND "
                + "a.search_vector @@ " + EN + " OFFSET 0) a), best AS (SELECT f.*, row_number() OVER (PARTITION BY f.document_id ORDER BY f.rank DESC, "
                + "f.field, f.text_id, f.annotation_id) AS n FROM fields f) "
                + "SELECT b.document_id, b.field, b.text_id, b.language, b.annotation_id, b.type, "
                + "ts_headline(CAST(b.config AS regconfig), b.words, websearch_to_tsquery(CAST(b.config AS regconfig), :q), "
                + "'" + HEADLINE_OPTIONS + "') "
                + "FROM best b WHERE b.n <= :per ORDER BY b.document_id, b.n";
    }

    /**
     * THE DOCUMENT FILTER: the per-document predicates on {@code d} (a row of document) that a search applies, the
     * filters of the request and the exclusions of the query. Every part of the search uses this one list: each
     * field's matches are filtered by it before they are ranked and counted, and the facets count only documents that
     * pass it. Who may see the document, and whether it is deleted, the views decide for every query.
     */
    static List<String> documentFilter(SearchFilter f, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (f.q() != null) {
            params.put("q", f.q()); // matched by match(): the exclusions too
        }
        if (f.kind() != null) {
            where.add("d.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.language() != null) {
            where.add("d.languages @> ARRAY[CAST(:language AS text)]");
            params.put("language", f.language());
        }
        if (f.participantId() != null || f.role() != null) {
            StringBuilder exists = new StringBuilder("EXISTS (SELECT 1 FROM participant p WHERE p.document_id = d.id");
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
        return where;
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
                    + "AND a.type = '" + type + "')");
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
