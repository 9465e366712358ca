package org.fonds.fixity;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/fixity-checks")
@Tag(name = "Fixity", description = "SHA-256 digests of every text and media item, recorded when written, re-verified "
        + "on demand.")
public class FixityResource {

    @Inject
    FixityService service;

    @POST
    @Operation(operationId = "checkArchiveFixity", summary = "Re-verify the fixity of the whole archive",
            description = "Recomputes the SHA-256 of every text and media item from what the database holds and "
                    + "compares each with the digest recorded when it was last written (`fixity_sha256`). The report "
                    + "counts what was checked and lists the mismatches with their URLs and both digests. Reads the "
                    + "archive in batches; changes nothing. Runs within the request, so on a large archive it takes "
                    + "as long as reading every text once.")
    @APIResponse(responseCode = "200", description = "The report.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FixityReport.class)))
    public FixityReport check() {
        return service.verifyAll();
    }
}
