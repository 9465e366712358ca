package org.fonds.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.fonds.annotation.AnnotationType;
import org.fonds.edtf.DateRange;
import org.fonds.document.DocumentKind;
import org.fonds.http.CursorCodec;
import org.fonds.http.Paging;
import org.fonds.http.ProblemException;
import org.fonds.http.QueryChecks;

/** Full-text search of documents with filters and facets (read-only). */
@ApplicationScoped
public class SearchService {

    public static final int MAX_QUERY_LENGTH = 500;
    /** Words, quoted phrases' words and operators (or, -) of a query: each adds a branch to the full-text match. */
    public static final int MAX_QUERY_TERMS = 32;
    public static final int MAX_OFFSET = 10_000;
    public static final int DEFAULT_CANDIDATES = 500;

    private final SearchRepository repository;
    private final CursorCodec cursors;
    private final int candidates;
    private final SearchCache cache;
    private final org.fonds.db.ChangeEpoch epochs;

    /**
     * {@code fonds.search.candidates}: how many matching documents a search ranks and counts at most; beyond, total
     * and facets are those of the candidates ({@code counts_capped}). Repeated searches are answered by the
     * {@link SearchCache} (keyed by the database's change epoch, read first in the search's transaction).
     */
    public SearchService(SearchRepository repository, CursorCodec cursors, SearchCache cache,
            org.fonds.db.ChangeEpoch epochs,
            @ConfigProperty(name = "fonds.search.candidates", defaultValue = "" + DEFAULT_CANDIDATES) int candidates) {
        this.repository = repository;
        this.epochs = epochs;
        this.cache = cache;
        this.cursors = cursors;
        this.candidates = candidates;
    }

    /**
     * A page of results: by relevance, pages are taken by offset (ranking makes keysets meaningless); by date, by a
     * keyset cursor (earliest day, id).
     */
    @Transactional
    public SearchResults search(SearchFilter requested, SearchSort sort, Integer limit, Integer offset, String cursor) {
        SearchFilter filter = validate(requested);
        int pageSize = Paging.limit(limit);
        SearchSort order = sort != null ? sort : filter.q() != null ? SearchSort.RELEVANCE : SearchSort.DATE;
        if (order == SearchSort.RELEVANCE && filter.q() == null) {
            throw ProblemException.invalidParameter("sort", "RELEVANCE needs a query `q`; without one, sort by DATE");
        }
        int from = offset == null ? 0 : offset;
        if (from < 0 || from > MAX_OFFSET) {
            throw ProblemException.invalidParameter("offset", "must be between 0 and " + MAX_OFFSET);
        }
        if (offset != null && order == SearchSort.DATE) {
            throw ProblemException.invalidParameter("offset", "sort=DATE pages by `cursor` (the `next` of a page)");
        }
        if (cursor != null && order == SearchSort.RELEVANCE) {
            throw ProblemException.invalidParameter("cursor", "sort=RELEVANCE pages by `offset` (the `next_offset` "
                    + "of a page)");
        }
        String scope = scope(filter);
        SearchRepository.DateKey after = cursor == null ? null : dateKey(cursors.decode(scope, cursor));

        // the epoch first, then the search: an entry is never cached under an epoch later than what it shows
        org.fonds.db.ChangeEpoch.Epoch epoch = epochs.current();
        return cache.get(epoch, filter, order, pageSize, from, cursor,
                () -> compute(filter, order, pageSize, from, after, scope));
    }

    private SearchResults compute(SearchFilter filter, SearchSort order, int pageSize, int from,
            SearchRepository.DateKey after, String scope) {
        boolean byDate = order == SearchSort.DATE;
        repository.planEachSearch();
        SearchRepository.Result result = repository.search(filter, order, byDate ? pageSize + 1 : pageSize, from,
                after, candidates);
        List<SearchRepository.Row> fetched = result.rows();
        boolean more = byDate && fetched.size() > pageSize;
        List<SearchRepository.Row> rows = more ? fetched.subList(0, pageSize) : fetched;
        String next = null;
        if (more) {
            SearchRepository.Row last = rows.get(rows.size() - 1);
            next = cursors.encode(scope, List.of(String.valueOf(last.dateEarliest()), last.id().toString()));
        }
        Map<UUID, List<SearchMatch>> matches = new LinkedHashMap<>();
        if (filter.q() != null) {
            for (SearchRepository.MatchRow m : repository.matches(filter.q(),
                    rows.stream().map(SearchRepository.Row::id).toList())) {
                matches.computeIfAbsent(m.documentId(), id -> new ArrayList<>()).add(new SearchMatch(m.field(),
                        m.textId(), m.language(), m.annotationId(),
                        m.annotationType() == null ? null : AnnotationType.valueOf(m.annotationType()), m.snippet()));
            }
        }
        List<SearchHit> hits = rows.stream().map(r -> new SearchHit(r.id(), DocumentKind.valueOf(r.kind()), r.title(),
                r.dateEdtf(), DateRange.of(r.dateEdtf()), r.languages(), r.classification(), r.rank(),
                matches.getOrDefault(r.id(), List.of()))).toList();

        long total = 0;
        Map<String, List<FacetValue>> facets = new LinkedHashMap<>();
        for (SearchRepository.FacetRow f : result.facets()) {
            if (f.facet().equals("total")) {
                total = f.count();
            } else {
                facets.computeIfAbsent(f.facet(), k -> new ArrayList<>())
                        .add(new FacetValue(f.value(), f.label(), f.count()));
            }
        }
        Integer nextOffset = !byDate && from + pageSize < total ? from + pageSize : null;
        return new SearchResults(hits, next, total, result.capped(), pageSize, from, nextOffset, new Facets(facet(facets, "kind"),
                facet(facets, "language"), facet(facets, "subject"), facet(facets, "collection"),
                facet(facets, "classification"), facet(facets, "has_translator_notes"),
                facet(facets, "has_marginalia")));
    }

    /** The listing a cursor belongs to: the query and every filter, hashed to keep cursors short. */
    private static String scope(SearchFilter filter) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(filter.toString().getBytes(StandardCharsets.UTF_8));
            return "search/documents|DATE|" + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SearchRepository.DateKey dateKey(List<String> keys) {
        try {
            return new SearchRepository.DateKey(keys.get(0).equals("null") ? null : LocalDate.parse(keys.get(0)),
                    UUID.fromString(keys.get(1)));
        } catch (RuntimeException e) {
            throw ProblemException.invalidParameter("cursor", "it is not a cursor of this listing");
        }
    }

    private static List<FacetValue> facet(Map<String, List<FacetValue>> facets, String name) {
        return facets.getOrDefault(name, List.of());
    }

    private static SearchFilter validate(SearchFilter f) {
        if (f.q() != null && f.q().isBlank()) {
            throw ProblemException.invalidParameter("q", "must not be blank; leave it out to browse by the filters");
        }
        if (f.q() != null && f.q().length() > MAX_QUERY_LENGTH) {
            throw ProblemException.invalidParameter("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        if (f.q() != null && f.q().strip().split("[\\s\"]+").length > MAX_QUERY_TERMS) {
            throw ProblemException.invalidParameter("q", "must have at most " + MAX_QUERY_TERMS + " words and "
                    + "operators (or, -); split the search or use the filters");
        }
        QueryChecks.requireLanguageTag("language", f.language());
        if (f.classification() != null && (f.classification().isBlank() || f.classification().length() > 500)) {
            throw ProblemException.invalidParameter("classification", "must be 1 to 500 characters");
        }
        QueryChecks.requireOrdered("date_from", f.dateFrom(), "date_to", f.dateTo());
        if (f.dateMatch() != null && f.dateFrom() == null && f.dateTo() == null) {
            throw ProblemException.invalidParameter("date_match", "needs date_from or date_to");
        }
        return f;
    }
}
