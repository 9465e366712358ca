package org.fonds.bulk;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.access.Role;
import org.fonds.http.ProblemResponsesFilter;

@Path("/imports")
@Tag(name = "Imports", description = "Bulk import of files (Fonds' own NDJSON export and other formats) as background "
        + "jobs.")
public class ImportResource {

    @Inject
    Imports imports;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.EDITOR)
    @Operation(operationId = "startImport", summary = "Import a file",
            description = "Starts a background import of the request's body, a file in the format its `Content-Type` "
                    + "names: `application/x-ndjson` is what `GET /exports/ndjson` writes (one resource per line, "
                    + "written as exported: ids, versions, timestamps and visibility kept); `application/tei+xml` is "
                    + "TEI, either as Fonds writes it (`GET /documents/{id}/tei`, `GET /tei-corpus`: each `TEI` "
                    + "comes back under its ids) or a volume of the Foreign Relations of the United States (a "
                    + "document per `div type=\"document\"`, its attachments as enclosures); `text/plain` is a "
                    + "transcript in the bracket conventions of published translations (`[Translator's note: …]`, "
                    + "`[term]`, `?word?`, `[[one word off the page]]`…), one document, whose marks, confidence and "
                    + "unclassified brackets the import's `reports` show (run it with `dry_run=true` first). Answers "
                    + "at once with the "
                    + "import's URL (`Location`), which reports its progress, problems and result. Each unit (a "
                    + "document with everything it embeds, an agent, a place…) is written whole or not at all; a line "
                    + "or unit that cannot be imported is reported with its line number and the others go on. A unit "
                    + "that an earlier import wrote (same source identifier: NDJSON's type and id) is skipped, so "
                    + "importing a file again, after a failure or a restart, writes only what is missing. A document's "
                    + "links to other documents are written after the file's last line. No two imports of the same "
                    + "file run at once (409). The body may be up to `fonds.imports.max-body-size` (64 GiB by "
                    + "default), unlike other operations' 1 MiB. Imports run one at a time on an instance and do not "
                    + "count against rate limits (the request does, once). EDITOR or ADMIN.")
    @RequestBody(required = true, description = "The file: NDJSON lines as `GET /exports/ndjson` writes them, TEI, or "
            + "a plain-text transcript.",
            content = {@Content(mediaType = NdjsonFormat.MEDIA_TYPE,
                    schema = @Schema(implementation = ExportLine.class)),
                    @Content(mediaType = "application/tei+xml", schema = @Schema(type = SchemaType.STRING,
                            format = "xml", description = "A TEI P5 file: a TEI, a teiCorpus, or a FRUS volume.",
                            example = "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" "
                                    + "xmlns:frus=\"http://history.state.gov/frus/ns/1.0\" xml:id=\"frus-example\">"
                                    + "<teiHeader><fileDesc><titleStmt><title type=\"complete\">An example volume"
                                    + "</title></titleStmt></fileDesc></teiHeader><text><body><div type=\"document\" "
                                    + "xml:id=\"d1\" frus:doc-dateTime-min=\"1950-05-30T13:40:00-04:00\" "
                                    + "frus:doc-dateTime-max=\"1950-05-30T13:40:00-04:00\"><head>The Secretary of "
                                    + "State (<persName type=\"from\">Acheson</persName>) to the Embassy in Korea"
                                    + "</head><p>Department concurs in your estimate.</p><closer><signed>[Acheson]"
                                    + "</signed></closer></div></body></text></TEI>")),
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING,
                            description = "A transcript in the bracket conventions of published translations.",
                            example = "To VYSHINSKY (for the Politburo [instantsiya]).\n\nI met with Kim Il Sung "
                                    + "during [his] stay. [Translator's note: the words are circled]"))})
    @APIResponse(responseCode = "202", description = "Accepted: the import, queued or already running.",
            headers = @Header(name = "Location", description = "The import's URL, to poll.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportJob.class)))
    @APIResponse(responseCode = "409", description = "An import of the same file is queued or running.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    @APIResponse(responseCode = "415", description = "No format reads the body's media type.",
            content = @Content(mediaType = "application/problem+json",
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    public Response start(InputStream body, @Context HttpHeaders headers,
            @Parameter(description = "Only validate: every unit is written in a transaction that is rolled back, so "
                    + "the problems are those a real import would have, and nothing is kept.")
            @QueryParam("dry_run") @DefaultValue("false") boolean dryRun,
            @Context UriInfo uri) {
        ImportJob job = imports.start(body, headers.getMediaType(), dryRun);
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{import_id}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.EDITOR)
    @SecurityRequirement(name = ProblemResponsesFilter.BEARER)
    @SecurityRequirement(name = ProblemResponsesFilter.API_KEY)
    @Operation(operationId = "getImport", summary = "Follow an import",
            description = "The import's state and progress: lines read, units written, skipped and refused, the rate "
                    + "and the seconds left at that rate, the problems so far (line and detail, the first "
                    + ImportRun.KEPT + " with their count) and the paths written. An import whose instance stopped "
                    + "before it finished is reported FAILED: import the same file again to write what is missing. "
                    + "EDITOR or ADMIN, as starting one.")
    @APIResponse(responseCode = "200", description = "The import.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportJob.class)))
    public ImportJob get(@PathParam("import_id") UUID id) {
        return imports.job(id);
    }
}
