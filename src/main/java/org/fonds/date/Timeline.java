package org.fonds.date;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.fonds.document.DocumentKind;
import org.fonds.edtf.DateRange;
import org.fonds.http.Page;
import org.fonds.http.Paged;

/** What was written and what is mentioned between two dates, in chronological order, with counts per period. */
@Schema(name = "Timeline", description = "Documents written, and dates mentioned, between two days, in chronological "
        + "order a page at a time, with counts per period of the whole span on every page.")
public record Timeline(
        @Schema(required = true, description = "First day of the span.", examples = "1950-05-01") LocalDate from,
        @Schema(required = true, description = "Last day of the span.", examples = "1950-07-31") LocalDate to,
        @Schema(required = true, examples = "MONTH") Granularity granularity,
        @Schema(required = true, description = "Entries per period, in chronological order; periods without entries "
                + "are left out. An entry counts in the period of its earliest day.") List<Count> counts,
        @Schema(required = true, description = "How many WRITTEN entries the whole span has.", examples = "1")
        long written,
        @Schema(required = true, description = "How many MENTIONED entries the whole span has.", examples = "12")
        long mentioned,
        @Schema(required = true, description = "This page's entries, in chronological order.") List<Entry> items,
        @Schema(description = "Opaque cursor of the next page, to pass as `cursor`; null on the last page.",
                nullable = true, required = true) String next,
        @Schema(required = true, description = "The page size used.", examples = "50") int limit,
        @Schema(description = Page.NEXT_URL, nullable = true, required = true) String nextUrl)
        implements Paged<Timeline> {

    public Timeline(LocalDate from, LocalDate to, Granularity granularity, List<Count> counts, long written,
            long mentioned, List<Entry> items, String next, int limit) {
        this(from, to, granularity, counts, written, mentioned, items, next, limit, null);
    }

    @Override
    public Map<String, String> nextQuery() {
        return next == null ? null : Map.of("cursor", next);
    }

    @Override
    public Timeline linked(String nextUrl, String prevUrl) {
        return new Timeline(from, to, granularity, counts, written, mentioned, items, next, limit, nextUrl);
    }

    @Schema(name = "TimelineEntry", description = "A document written at a date (WRITTEN), or a date a document "
            + "mentions (MENTIONED, with the annotation and the words that mention it). Entries are ordered by their "
            + "earliest day, then their latest (an open end last), WRITTEN before MENTIONED, then by id.")
    public record Entry(
            @Schema(required = true, examples = "MENTIONED") TimelineEntryKind kind,
            @Schema(required = true, description = "The date in EDTF.", examples = "1950-06-08/1950-06-10") String date,
            @Schema(required = true) DateRange dateRange,
            @Schema(required = true) DocumentRef document,
            @Schema(nullable = true, required = true, description = "The MENTION annotation; null for WRITTEN.",
                    examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID annotationId,
            @Schema(nullable = true, required = true, description = "The words of the text that mention the date (the "
                    + "exact text of the annotation's first target); null for WRITTEN.",
                    examples = "between 8 and 10 June") String quote) {
    }

    @Schema(name = "TimelineDocument", description = "The document of a timeline entry.")
    public record DocumentRef(
            @Schema(required = true, examples = "0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") UUID id,
            @Schema(required = true, examples = "Ciphered Telegram, Shtykov to Vyshinsky") String title,
            @Schema(required = true, examples = "CABLE") DocumentKind kind) {
    }

    @Schema(name = "TimelineCount", description = "The entries of one period.")
    public record Count(
            @Schema(required = true, description = "The year, month or day (YYYY, YYYY-MM, YYYY-MM-DD).",
                    examples = "1950-06") String period,
            @Schema(required = true, examples = "0") long written,
            @Schema(required = true, examples = "12") long mentioned) {
    }
}
