package org.fonds.date;

import org.fonds.edtf.DateRange;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.fonds.document.DocumentKind;
import org.fonds.http.CursorCodec;
import org.fonds.http.Page;
import org.fonds.http.ProblemException;
import org.fonds.http.QueryChecks;

@ApplicationScoped
public class DateService {

    private final DateRepository dates;
    private final CursorCodec cursors;

    public DateService(DateRepository dates, CursorCodec cursors) {
        this.dates = dates;
        this.cursors = cursors;
    }

    /** Documents written in or mentioning a date in the period {@code on}, or from..to, a page at a time. */
    public Page<DatedDocument> documents(String on, String from, String to, DateBasis basis, String cursor, int limit) {
        Period range = range(on, from, to, true);
        DateBasis b = basis == null ? DateBasis.ANY : basis;
        String scope = String.join("|", "dates", String.valueOf(range.first()), String.valueOf(range.last()), b.name());
        Page<DateRepository.Row> page = cursors.pageById(scope, cursor, limit,
                (after, n) -> dates.documents(range.first(), range.last(), b, after, n), DateRepository.Row::id, r -> r);
        Map<UUID, List<UUID>> mentions = b == DateBasis.WRITTEN ? Map.of()
                : dates.mentions(page.items().stream().map(DateRepository.Row::id).toList(), range.first(),
                        range.last());
        return new Page<>(page.items().stream().map(r -> {
            List<UUID> ids = mentions.getOrDefault(r.id(), List.of());
            return new DatedDocument(r.id(), DocumentKind.valueOf(r.kind()), r.title(), r.date(), DateRange.of(r.date()),
                    r.written(), !ids.isEmpty(), ids);
        }).toList(), page.next(), page.limit());
    }

    /** Counts per day cover at most this many years (some 3,650 buckets): longer spans are counted per month or year. */
    public static final int MAX_DAY_COUNT_YEARS = 10;

    /** Distinct documents per year, month or day, bucketed by the earliest day of each date. */
    public DateCounts counts(Granularity granularity, String from, String to, DateBasis basis) {
        Period range = range(null, from, to, false);
        Granularity g = granularity == null ? Granularity.YEAR : granularity;
        if (g == Granularity.DAY && (range.first() == null || range.last() == null
                || range.last().isAfter(range.first().plusYears(MAX_DAY_COUNT_YEARS)))) {
            throw ProblemException.invalidParameter("granularity", "DAY counts need `from` and `to` at most "
                    + MAX_DAY_COUNT_YEARS + " years apart; count a longer span per MONTH or YEAR");
        }
        DateBasis b = basis == null ? DateBasis.ANY : basis;
        List<DateCounts.Bucket> buckets = dates.counts(g, range.first(), range.last(), b).entrySet().stream()
                .map(e -> new DateCounts.Bucket(label(g, e.getKey()), e.getValue()))
                .toList();
        return new DateCounts(g, b, range.first(), range.last(), buckets);
    }

    /**
     * The days asked for, from {@code on} or from {@code from} and/or {@code to}; an end not given is null (open).
     * When {@code bounded}, at least one end is required.
     */
    private static Period range(String on, String from, String to, boolean bounded) {
        if (on != null && (from != null || to != null)) {
            throw ProblemException.invalidParameter("on", "give either on, or from and/or to");
        }
        if (on != null) {
            return Period.parse("on", on);
        }
        if (bounded && from == null && to == null) {
            throw ProblemException.invalidParameter("on", "give on, or from and/or to");
        }
        Period first = Period.parse("from", from);
        Period last = Period.parse("to", to);
        QueryChecks.requireOrdered("from", first == null ? null : first.first(), "to", last == null ? null : last.last());
        return new Period(first == null ? null : first.first(), last == null ? null : last.last());
    }

    private static String label(Granularity granularity, LocalDate start) {
        return switch (granularity) {
            case YEAR -> String.format("%04d", start.getYear());
            case MONTH -> YearMonth.from(start).toString();
            case DAY -> start.toString();
        };
    }
}
