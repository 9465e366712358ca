package org.fonds.date;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many documents fall in each year, month or day. */
@Schema(name = "DateCounts", description = "Documents per period, for browsing by date. A document counts in the "
        + "period of the earliest day of its date (and of each mentioned date); periods without documents are left "
        + "out.")
public record DateCounts(
        @Schema(required = true, examples = "MONTH") Granularity granularity,
        @Schema(required = true, examples = "ANY") DateBasis basis,
        @Schema(nullable = true, required = true, description = "First day counted; null when unbounded.",
                examples = "1950-01-01") LocalDate from,
        @Schema(nullable = true, required = true, description = "Last day counted; null when unbounded.",
                examples = "1950-12-31") LocalDate to,
        @Schema(required = true, description = "In chronological order.") List<Bucket> buckets) {

    @Schema(name = "DateCount")
    public record Bucket(
            @Schema(required = true, description = "The year, month or day, in the form `on` takes.",
                    examples = "1950-06") String period,
            @Schema(required = true, description = "How many distinct documents.", examples = "3") long count) {
    }
}
