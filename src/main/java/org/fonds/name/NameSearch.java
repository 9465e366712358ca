package org.fonds.name;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fonds.http.Paging;
import org.fonds.http.ProblemException;
import org.hibernate.query.NativeQuery;

/**
 * What name search (GET /search/agents, /search/places) shares: checking and keying the query, the limit, the SQL
 * that finds the best-matching name variant of each owner through the trigram index on {@code match_key}, and running
 * it; an agent or place supplies its tables and filters.
 */
public final class NameSearch {

    public static final int MAX_QUERY_LENGTH = 500;

    /** The documentation of the fields every search result and hit has (AgentSearchHit, PlaceSearchResults, ...). */
    public static final String MATCH_DESCRIPTION = "How the variant matched; hits are ranked EXACT, PREFIX, SIMILAR.";
    public static final String SCORE_DESCRIPTION = "Closeness from 0 to 1 (1 for an exact match): pg_trgm similarity "
            + "of the match keys, or word similarity when the query matches part of the name.";
    public static final String KEY_DESCRIPTION = "The query as compared with the names: lower case, romanised, without "
            + "diacritics, apostrophes or punctuation.";
    public static final String LIMIT_DESCRIPTION = "The most hits returned.";

    /** A checked query: as given ({@code q}), its match key, and the most hits to return. */
    public record Query(String q, String key, int limit) {

        /** 400 when q has nothing to search for (see {@link #key}) or the limit is out of range. */
        public static Query of(String q, Integer limit) {
            return new Query(q, NameSearch.key(q), Paging.limit(limit));
        }
    }

    /** The owner of a matching name (an agent, a place) with its best variant's hit. */
    public record Found<T>(T owner, Hit hit) {
    }

    /**
     * An owner's entity and table, and its names' table with the column naming the owner.
     *
     * @param ownerTable the table of the owners, aliased {@code o} in the query (and in the {@code where} of
     *        {@link #find})
     */
    public record Tables<T>(Class<T> ownerType, String ownerTable, String nameTable, String ownerColumn) {
    }

    /** A hit's columns, as {@link #bestVariants} names them. */
    public record Hit(String value, String language, NameMatch match, double score) {

        public MatchedVariant variant() {
            return new MatchedVariant(value, language);
        }

        /** The score rounded to three decimals, as responses show it. */
        public double roundedScore() {
            return Math.round(score * 1000) / 1000.0;
        }
    }

    private NameSearch() {
    }

    /** The match key of the query {@code q}, or a 400 problem naming q when there is nothing to search for. */
    public static String key(String q) {
        if (q == null || q.isBlank()) {
            throw ProblemException.invalidParameter("q", "must not be empty");
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            throw ProblemException.invalidParameter("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        String key = NameKey.of(q);
        if (key.isEmpty()) {
            throw ProblemException.invalidParameter("q", "must contain a letter or a digit");
        }
        return key;
    }

    /**
     * pg_trgm's thresholds, which its operators {@code %} and {@code %>} read (GUCs {@code pg_trgm.similarity_threshold}
     * and {@code pg_trgm.word_similarity_threshold}): a variant is similar to the query when their similarity is at
     * least 0.3 or the query's word similarity to it at least 0.6. Every pass with the similar arms sets both for its
     * transaction ({@link #THRESHOLDS}), so that the narrowed passes before it leave nothing behind.
     */
    public static final double SIMILARITY_THRESHOLD = 0.3;
    public static final double WORD_SIMILARITY_THRESHOLD = 0.6;

    /**
     * One pass of the search ({@link #search}): without the similar arms, or with them at a {@code threshold} that both
     * trigram operators use. A narrowed pass (threshold above {@link #SIMILARITY_THRESHOLD}) finds only the similar
     * variants that score at least the threshold; the complete one every similar variant.
     */
    public record Pass(boolean similar, double threshold) {

        public static final Pass EXACT_OR_PREFIX = new Pass(false, 1);
        public static final Pass COMPLETE = new Pass(true, SIMILARITY_THRESHOLD);
        /**
         * The passes with the similar arms, in turn, closest first: each runs only when the one before does not fill
         * the page. 0.6 fills it for most names of the archive (a two- or three-word name has hundreds of variants
         * within 0.3, a few dozen within 0.6); 0.45 for names whose closest variants differ by a syllable.
         */
        public static final List<Pass> SIMILAR = List.of(new Pass(true, 0.6), new Pass(true, 0.45), COMPLETE);

        public boolean narrowed() {
            return similar && threshold > SIMILARITY_THRESHOLD;
        }

        /** pg_trgm.similarity_threshold for this pass. */
        public double similarityThreshold() {
            return narrowed() ? threshold : SIMILARITY_THRESHOLD;
        }

        /** pg_trgm.word_similarity_threshold for this pass. */
        public double wordSimilarityThreshold() {
            return narrowed() ? threshold : WORD_SIMILARITY_THRESHOLD;
        }
    }

    /**
     * A subquery giving, for each owner with a variant that matches {@code :key}, its best variant: columns
     * {@code owner_id, hit_value, hit_language, hit_rank} (0 exact, 1 prefix, 2 similar, as {@link NameMatch}) and
     * {@code hit_score} (1 for an exact key, else the greater of pg_trgm's similarity and word similarity, so that
     * "shtikov" scores well against "terentii shtykov"). Every arm of the match ({@link #candidates}) is served by an
     * index on match_key (V6); the key holds only letters, digits and spaces, so it needs no LIKE escaping. A match is
     * exact when the keys have the same letters whatever the word breaks ({@code :compact}, the key without spaces:
     * Pak Heonyeong is Pak Heon-yeong, Kim Ilsung is Kim Il Sung), which the btree index on
     * replace(match_key, ' ', '') serves; among exact variants the one written as the query ({@code :q}, ignoring
     * case), else with the very key of the query, is preferred ({@code hit_tie}: 0, 1, else 2), both for the variant
     * shown and in the ranking.
     *
     * <p>A similar variant ranks below every exact or prefix one, and similar ones rank by score: the passes
     * ({@link Pass}, {@link #search}) look for the closest first. Without the similar arms ({@link Pass#EXACT_OR_PREFIX})
     * only the exact and prefix arms run; a narrowed pass finds the similar variants scoring at least its threshold
     * (pg_trgm's GIN index skips the others before reading a row: a third of the rows read and scored, or less).
     */
    public static String bestVariants(String nameTable, String ownerColumn, Pass pass) {
        String exact = "replace(n.match_key, ' ', '') = :compact";
        String prefix = "(n.match_key LIKE :key || '%' OR n.match_key LIKE '% ' || :key || '%')";
        String tie = "CASE WHEN lower(n.value) = lower(:q) THEN 0 WHEN n.match_key = :key THEN 1 ELSE 2 END";
        return "SELECT DISTINCT ON (n." + ownerColumn + ") n." + ownerColumn + " AS owner_id, n.value AS hit_value, "
                + "n.language AS hit_language, "
                + "CASE WHEN " + exact + " THEN 0 WHEN " + prefix + " THEN 1 ELSE 2 END AS hit_rank, "
                + "CASE WHEN " + exact + " THEN 1.0 ELSE CAST(GREATEST(similarity(n.match_key, :key), "
                + "word_similarity(:key, n.match_key)) AS numeric) END AS hit_score, "
                + tie + " AS hit_tie "
                + "FROM " + nameTable + " n "
                + "WHERE n.id = ANY (ARRAY(" + candidates(nameTable, pass) + ")) "
                + "ORDER BY n." + ownerColumn + ", hit_rank, hit_score DESC, hit_tie, n.position";
    }

    /**
     * The ids of the variants that match: one arm per way of matching, each alone in its WHERE clause so that each is
     * an index scan (the btree on the compact key, the GIN trigram index for the rest), and only the rows found are
     * scored. Written as one OR, the planner costs the trigram arms of a long key high and scans every variant,
     * computing similarity and word similarity for each (a sequential scan that grows with the archive). A narrowed
     * pass below the word similarity threshold also finds variants that are no match (word similarity between its
     * threshold and 0.6, similarity below 0.3): the word similarity arm leaves them out.
     */
    private static String candidates(String nameTable, Pass pass) {
        String exactOrPrefix = "SELECT id FROM " + nameTable + " WHERE replace(match_key, ' ', '') = :compact"
                + " UNION SELECT id FROM " + nameTable + " WHERE match_key LIKE :key || '%'"
                + " UNION SELECT id FROM " + nameTable + " WHERE match_key LIKE '% ' || :key || '%'";
        if (!pass.similar()) {
            return exactOrPrefix;
        }
        return exactOrPrefix + " UNION SELECT id FROM " + nameTable + " WHERE match_key % :key AND " + THRESHOLDS
                + " UNION SELECT id FROM " + nameTable + " WHERE match_key %> :key AND " + THRESHOLDS
                + (pass.wordSimilarityThreshold() < WORD_SIMILARITY_THRESHOLD
                        ? " AND (similarity(match_key, :key) >= " + SIMILARITY_THRESHOLD + " OR word_similarity(:key, "
                                + "match_key) >= " + WORD_SIMILARITY_THRESHOLD + ")"
                        : "");
    }

    /**
     * The condition that sets pg_trgm's thresholds of a pass (parameters {@code :similarity} and
     * {@code :word_similarity}, as text) for the rest of the transaction, before the similar arms read them, in the
     * pass's own statement (no round trip of its own): an uncorrelated subquery of a volatile function, which
     * PostgreSQL runs once, as the one-time filter of the arm, before the arm's index scan starts (its plan shows
     * "One-Time Filter: ((InitPlan 1).col1 IS NOT NULL)" above the bitmap scan). pg_trgm reads the thresholds when the
     * scan and the recheck run. NameSearchPassesTest would see a pass run at another pass's thresholds: its pages
     * would differ from the complete pass's.
     */
    public static final String THRESHOLDS = "(SELECT set_config('pg_trgm.similarity_threshold', :similarity, true) "
            + "|| set_config('pg_trgm.word_similarity_threshold', :word_similarity, true)) IS NOT NULL";

    /**
     * The owners with a name variant matching the query, best first, each with its best variant's hit, optionally
     * filtered by {@code where} (SQL on the owner {@code o}, null for none) with its {@code parameters}. Exact and
     * prefix matches first, similar ones only when those do not fill the page, closest first ({@link #search}); the
     * names of the owners then load in one batch. Runs in the caller's transaction, which the thresholds of the
     * passes last for ({@link #THRESHOLDS}: {@code set_config(..., true)}).
     */
    public static <T> List<Found<T>> find(EntityManager em, Tables<T> tables, Query query, String where,
            Map<String, Object> parameters) {
        return search(query.limit(), pass -> find(em, tables, query, where, parameters, pass));
    }

    /** One pass of {@link #find} (its test compares the passes' pages with the complete pass's: NameSearchPassesTest). */
    @SuppressWarnings("unchecked")
    static <T> List<Found<T>> find(EntityManager em, Tables<T> tables, Query query, String where,
            Map<String, Object> parameters, Pass pass) {
        String sql = "SELECT {o.*}, h.hit_value, h.hit_language, h.hit_rank, h.hit_score FROM ("
                + bestVariants(tables.nameTable(), tables.ownerColumn(), pass) + ") h JOIN " + tables.ownerTable()
                + " o ON o.id = h.owner_id" + (where == null ? "" : " WHERE " + where)
                + " ORDER BY " + RANKING + " LIMIT :limit";
        NativeQuery<Object[]> q = em.createNativeQuery(sql).unwrap(NativeQuery.class);
        q.addEntity("o", tables.ownerType())
                .addScalar("hit_value", String.class)
                .addScalar("hit_language", String.class)
                .addScalar("hit_rank", Integer.class)
                .addScalar("hit_score", Double.class)
                .setParameter("key", query.key())
                .setParameter("compact", compact(query.key()))
                .setParameter("q", query.q().strip())
                .setParameter("limit", query.limit());
        if (pass.similar()) {
            q.setParameter("similarity", String.valueOf(pass.similarityThreshold()))
                    .setParameter("word_similarity", String.valueOf(pass.wordSimilarityThreshold()));
        }
        parameters.forEach(q::setParameter);
        return q.getResultList().stream().map(row -> new Found<>(tables.ownerType().cast(row[0]), hit(row, 1))).toList();
    }

    /**
     * A page of hits in passes ({@link Pass}): {@code pass} runs the search without the similar arms, then with them
     * at each threshold of {@link Pass#SIMILAR} in turn, until one fills the page of {@code limit}. A page that a
     * narrowed pass fills is the page the complete pass would give: every similar variant it found scores at least its
     * threshold, every one it left out less, and similar hits rank by score after every exact or prefix one; so no
     * owner left out could rank before the last hit, nor did any owner on the page have a better variant left out.
     */
    public static <T> List<T> search(int limit, Function<Pass, List<T>> pass) {
        List<T> page = pass.apply(Pass.EXACT_OR_PREFIX);
        for (Pass similar : Pass.SIMILAR) {
            if (page.size() >= limit) {
                return page;
            }
            page = pass.apply(similar);
        }
        return page;
    }

    /** The parameter {@code :compact} of {@link #bestVariants}: the key without its spaces. */
    public static String compact(String key) {
        return key.replace(" ", "");
    }

    /** The ORDER BY of the hits: exact before prefix before similar, closer first, then by name and id. */
    public static final String RANKING = "h.hit_rank, h.hit_score DESC, h.hit_tie, o.preferred_name, o.id";

    /** The hit of a row of a query built with {@link #bestVariants}, its columns from {@code first} on. */
    private static Hit hit(Object[] row, int first) {
        return new Hit((String) row[first], (String) row[first + 1], NameMatch.values()[((Number) row[first + 2]).intValue()],
                ((Number) row[first + 3]).doubleValue());
    }

}
