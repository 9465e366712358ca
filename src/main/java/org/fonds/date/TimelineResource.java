package org.fonds.date;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The archive as a timeline: what was written and what is mentioned between two dates. */
@Path("/timeline")
@Tag(name = "Dates")
public class TimelineResource {

    private static final String PERIOD = "A day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY).";

    @Inject
    TimelineService service;

    @GET
    @Operation(operationId = "getTimeline", summary = "What was written and mentioned between two dates",
            description = "In chronological order, the documents written (their own date) and the dates documents "
                    + "mention (MENTION annotations with a date, with the words that mention them) whose earliest day "
                    + "lies from the first day of `from` to the last day of `to` (at most " + TimelineService.MAX_YEARS
                    + " years), a page at a time; with, on every page, the entries of the whole span counted per "
                    + "day, month or year (by default per day up to two months, per month up to three years, else "
                    + "per year). `from=1950-05&to=1950-07` is 1 May to 31 July 1950.")
    @APIResponse(responseCode = "200", description = "A page of the timeline, with the counts of the span.")
    public Timeline timeline(
            @Parameter(description = "Start of the span (its first day). " + PERIOD, required = true,
                    example = "1950-05", schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("from") String from,
            @Parameter(description = "End of the span (its last day). " + PERIOD, required = true,
                    example = "1950-07", schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("to") String to,
            @Parameter(description = "The size of the periods counted; by default chosen from the span.",
                    schema = @Schema(implementation = Granularity.class))
            @QueryParam("granularity") Granularity granularity,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + TimelineService.MAX_LIMIT, defaultValue = "" + TimelineService.DEFAULT_LIMIT))
            @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return service.timeline(from, to, granularity, cursor, limit);
    }
}
