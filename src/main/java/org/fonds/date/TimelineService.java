package org.fonds.date;

import org.fonds.edtf.DateRange;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.fonds.document.DocumentKind;
import org.fonds.http.CursorCodec;
import org.fonds.http.Page;
import org.fonds.http.Paging;
import org.fonds.http.ProblemException;
import org.fonds.http.QueryChecks;

@ApplicationScoped
public class TimelineService {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** The longest span: a century of days is still one index range scan, and a readable count per year. */
    public static final int MAX_YEARS = 100;
    /** Spans up to this many days are counted per day by default, up to {@link #MONTHS_UP_TO} per month, else per year. */
    static final int DAYS_UP_TO = 62;
    static final int MONTHS_UP_TO = 3 * 366;

    private final TimelineRepository timeline;
    private final CursorCodec cursors;

    public TimelineService(TimelineRepository timeline, CursorCodec cursors) {
        this.timeline = timeline;
        this.cursors = cursors;
    }

    /** The entries of from..to (each a day, month or year), a page at a time, with the counts of the whole span. */
    public Timeline timeline(String from, String to, Granularity granularity, String cursor, Integer limit) {
        Period first = Period.parse("from", require("from", from));
        Period last = Period.parse("to", require("to", to));
        LocalDate start = first.first();
        LocalDate end = last.last();
        QueryChecks.requireOrdered("from", start, "to", end);
        if (end.isAfter(start.plusYears(MAX_YEARS))) {
            throw ProblemException.invalidParameter("to", "the span must not be longer than " + MAX_YEARS + " years");
        }
        int n = Paging.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
        Granularity g = granularity == null ? defaultGranularity(start, end) : granularity;
        String scope = String.join("|", "timeline", start.toString(), end.toString());
        TimelineRepository.Key after = cursors.after(scope, cursor, TimelineService::key);
        Page<Timeline.Entry> page = cursors.pageByKey(scope, timeline.entries(start, end, after, n + 1), n,
                r -> List.of(r.day().toString(), r.latest(), String.valueOf(r.kind()), r.entryId().toString()),
                TimelineService::entry);
        long written = 0;
        long mentioned = 0;
        List<Timeline.Count> counts = new java.util.ArrayList<>();
        for (Object[] c : timeline.counts(g, start, end)) {
            long w = (Long) c[1];
            long m = (Long) c[2];
            counts.add(new Timeline.Count(label(g, (LocalDate) c[0]), w, m));
            written += w;
            mentioned += m;
        }
        return new Timeline(start, end, g, counts, written, mentioned, page.items(), page.next(), page.limit());
    }

    /** Per day up to two months, per month up to three years, else per year. */
    static Granularity defaultGranularity(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return days <= DAYS_UP_TO ? Granularity.DAY : days <= MONTHS_UP_TO ? Granularity.MONTH : Granularity.YEAR;
    }

    private static Timeline.Entry entry(TimelineRepository.Row r) {
        boolean written = r.kind() == 0;
        return new Timeline.Entry(written ? TimelineEntryKind.WRITTEN : TimelineEntryKind.MENTIONED, r.edtf(),
                DateRange.of(r.edtf()),
                new Timeline.DocumentRef(r.documentId(), r.title(), DocumentKind.valueOf(r.documentKind())),
                written ? null : r.entryId(), written ? null : r.quote());
    }

    private static TimelineRepository.Key key(List<String> keys) {
        return new TimelineRepository.Key(LocalDate.parse(keys.get(0)), keys.get(1), Integer.parseInt(keys.get(2)),
                java.util.UUID.fromString(keys.get(3)));
    }

    private static String require(String parameter, String value) {
        if (value == null || value.isEmpty()) {
            throw ProblemException.invalidParameter(parameter, "is required: a day (YYYY-MM-DD), a month (YYYY-MM) "
                    + "or a year (YYYY)");
        }
        return value;
    }

    private static String label(Granularity granularity, LocalDate start) {
        return switch (granularity) {
            case YEAR -> String.format("%04d", start.getYear());
            case MONTH -> YearMonth.from(start).toString();
            case DAY -> start.toString();
        };
    }
}
