package org.fonds.fixity;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.access.Role;
import org.fonds.http.ProblemResponsesFilter;

@Path("/fixity-checks")
@Tag(name = "Fixity", description = "SHA-256 digests of every text and media item, recorded when written, re-verified "
        + "on demand.")
public class FixityResource {

    @Inject
    FixityService service;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.Names.EDITOR)
    @Operation(operationId = "checkArchiveFixity", summary = "Re-verify the fixity of the whole archive",
            description = "Starts a background check that recomputes the SHA-256 of every text and media item from "
                    + "what the database holds and compares each with the digest recorded when it was last written "
                    + "(`fixity_sha256`). Answers at once with the check's URL (`Location`), which reports how many "
                    + "items were checked and mismatched, the rate and an estimate of the time left while it runs, "
                    + "and the report (the mismatches with their URLs and both digests) once it has succeeded. Reads "
                    + "the archive in batches; changes nothing. Checks run one at a time on an instance: a second "
                    + "one waits (`QUEUED`) until the first has finished. EDITOR or ADMIN: the report names the "
                    + "resources of every document, hidden ones included.")
    @APIResponse(responseCode = "202", description = "Accepted: the check, queued or already running.",
            headers = @Header(name = "Location", description = "The check's URL, to poll.",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FixityJob.class)))
    public Response check(@Context UriInfo uri) {
        FixityJob job = service.start();
        return Response.accepted(job).location(uri.getAbsolutePathBuilder().path(job.id().toString()).build())
                .build();
    }

    @GET
    @Path("/{fixity_check_id}")
    @RolesAllowed(Role.Names.EDITOR)
    @SecurityRequirement(name = ProblemResponsesFilter.BEARER)
    @SecurityRequirement(name = ProblemResponsesFilter.API_KEY)
    @Operation(operationId = "getArchiveFixityCheck", summary = "Follow a check of the whole archive's fixity",
            description = "The check's state and progress: items checked and mismatched so far, the rate and the "
                    + "seconds left at that rate; its report once it has SUCCEEDED, the reason once it has FAILED. A "
                    + "check whose instance stopped before it finished is reported FAILED. EDITOR or ADMIN, as "
                    + "starting one.")
    @APIResponse(responseCode = "200", description = "The check.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FixityJob.class)))
    public FixityJob get(@PathParam("fixity_check_id") UUID id) {
        return service.job(id);
    }
}
