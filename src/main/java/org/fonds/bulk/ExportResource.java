package org.fonds.bulk;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.access.Caller;
import org.fonds.access.Role;
import org.fonds.document.DocumentFilter;
import org.fonds.document.DocumentKind;
import org.fonds.participant.ParticipantRole;

@Path("/exports")
@Tag(name = "Exports", description = "The archive in bulk, in Fonds' own lossless NDJSON.")
public class ExportResource {

    @Inject
    NdjsonExport export;

    @Inject
    Caller caller;

    @GET
    @Path("/ndjson")
    @Produces(NdjsonFormat.MEDIA_TYPE)
    @Operation(operationId = "exportArchiveNdjson", summary = "Export the archive as NDJSON",
            description = "Every agent, place, subject and collection, then every document with everything it "
                    + "embeds (as `GET /documents/{document_id}?embed=all`), one JSON object per line "
                    + "(`ArchiveLine`), each kind in id order, and a last line of the type END with the number of lines "
                    + "before it (without it, the export was cut short). With any of the filters of `GET /documents`, only "
                    + "the documents it selects and the agents, places, subjects and collections they refer to. "
                    + "Written as it is read, in batches: a client that lost the connection continues with `after` "
                    + "set to the cursor of the last whole line it got (its `type`, a colon and its resource's "
                    + "`id`), and the same filters. What the caller may not see is left out, and so is what was "
                    + "deleted; revisions are not exported. `POST /imports` reads this file back; into an empty "
                    + "Fonds, an export of the import gives the same bytes.")
    @APIResponse(responseCode = "200", description = "The lines.",
            content = @Content(mediaType = NdjsonFormat.MEDIA_TYPE,
                    schema = @Schema(implementation = ExportLine.class)))
    public Response ndjson(
            @Parameter(description = "Only documents of this kind.") @QueryParam("kind") DocumentKind kind,
            @Parameter(description = "Only documents with this original language (BCP 47 tag, exact match).",
                    example = "ru") @QueryParam("language") String language,
            @Parameter(description = "Only documents whose date can fall on or after this day.", example = "1950-05-01")
            @QueryParam("date_from") LocalDate dateFrom,
            @Parameter(description = "Only documents whose date can fall on or before this day.", example = "1950-06-30")
            @QueryParam("date_to") LocalDate dateTo,
            @Parameter(description = "Only documents with this subject.") @QueryParam("subject_id") UUID subjectId,
            @Parameter(description = "Only documents in this collection.") @QueryParam("collection_id") UUID collectionId,
            @Parameter(description = "Only documents in which this agent takes part (in `role`, when given).")
            @QueryParam("participant_id") UUID participantId,
            @Parameter(description = "Only documents with a participant in this role (of `participant_id`, when given).")
            @QueryParam("role") ParticipantRole role,
            @Parameter(description = "Only documents written at this place (`place_of_origin_id`).")
            @QueryParam("place_id") UUID placeId,
            @Parameter(description = "Continue after this line: its `type`, a colon and its resource's `id`.",
                    example = "DOCUMENT:0193a5b2-7c1e-7d4f-9a2b-3c4d5e6f7a8b") @QueryParam("after") String after) {
        DocumentFilter filter = new DocumentFilter(kind, language, dateFrom, dateTo, subjectId, collectionId,
                participantId, role, placeId);
        DocumentFilter selected = filter.equals(new DocumentFilter(null, null, null, null, null, null, null, null,
                null)) ? null : filter;
        export.check(selected);
        NdjsonExport.Cursor cursor = NdjsonExport.Cursor.parse(after);
        Role as = caller.role();
        StreamingOutput body = out -> export.write(out, selected, cursor, as);
        return Response.ok(body, NdjsonFormat.MEDIA_TYPE).build();
    }
}
