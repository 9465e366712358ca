package org.fonds.date;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;

/** Browsing the archive by date: what was written, and what is mentioned, on a day, in a month or a year. */
@Path("/dates")
@Tag(name = "Dates", description = "Browse documents by the dates they were written and the dates they mention.")
public class DateResource {

    private static final String PERIOD = "A day (YYYY-MM-DD), a month (YYYY-MM) or a year (YYYY).";

    @Inject
    DateService service;

    @GET
    @Path("/documents")
    @Operation(operationId = "listDocumentsByDate", summary = "List documents written on or mentioning a date",
            description = "Documents whose own date can fall in the period (`written`) or that mention a date that "
                    + "can (`mentioned`, with the ids of the MENTION annotations), in creation order, a page at a "
                    + "time. Give `on`, or `from` and/or `to` (each a day, month or year: `from=1950-05&to=1950-06` "
                    + "is 1 May to 30 June). A date such as 1950-06-08/1950-06-10 falls in every period it overlaps; as "
                    + "in GET /documents, a date open or unknown at one end (1950-06/..) does not fall in a period "
                    + "bounded on that side.")
    @APIResponse(responseCode = "200", description = "A page of dated documents.")
    public Page<DatedDocument> documents(
            @Parameter(description = "The period. " + PERIOD, example = "1950-06",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("on") String on,
            @Parameter(description = "Start of the period (its first day). " + PERIOD, example = "1950-05",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("from") String from,
            @Parameter(description = "End of the period (its last day). " + PERIOD, example = "1950-07",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("to") String to,
            @Parameter(description = "Which dates count: the document's own (WRITTEN), those it mentions "
                    + "(MENTIONED) or either (ANY, the default).",
                    schema = @Schema(implementation = DateBasis.class, defaultValue = "ANY"))
            @QueryParam("basis") DateBasis basis,
            @BeanParam PageRequest page) {
        return service.documents(on, from, to, basis, page.cursor(), page.limit());
    }

    @GET
    @Path("/counts")
    @Operation(operationId = "countDocumentsByDate", summary = "Count documents per year, month or day",
            description = "How many distinct documents were written, or mention a date, in each year, month or day, "
                    + "for a timeline or calendar. A date is counted in the period of its earliest day (date_trunc "
                    + "of date_earliest): 1950-06-08/1950-06-10 counts in June 1950 and on 8 June, 1950-06 on 1 June; "
                    + "`from` and `to` select dates by that earliest day too. Periods without documents are left "
                    + "out. Follow a period with GET /dates/documents?on=<period> for its documents.")
    @APIResponse(responseCode = "200", description = "The counts, in chronological order.")
    public DateCounts counts(
            @Parameter(description = "The size of the periods. DAY needs `from` and `to`, at most "
                    + DateService.MAX_DAY_COUNT_YEARS + " years apart (400 otherwise).",
                    schema = @Schema(implementation = Granularity.class,
                    defaultValue = "YEAR"))
            @QueryParam("granularity") Granularity granularity,
            @Parameter(description = "Count dates from this period on (its first day). " + PERIOD, example = "1950",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("from") String from,
            @Parameter(description = "Count dates up to this period (its last day). " + PERIOD, example = "1950",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("to") String to,
            @Parameter(description = "Which dates count: the document's own (WRITTEN), those it mentions "
                    + "(MENTIONED) or either (ANY, the default; a document counts once per period).",
                    schema = @Schema(implementation = DateBasis.class, defaultValue = "ANY"))
            @QueryParam("basis") DateBasis basis) {
        return service.counts(granularity, from, to, basis);
    }
}
