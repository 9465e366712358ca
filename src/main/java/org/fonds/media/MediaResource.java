package org.fonds.media;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.fixity.FixityCheck;
import org.fonds.http.Page;
import org.fonds.http.PageRequest;
import org.fonds.resource.DocumentPartsResource;

@Path("/documents/{document_id}/media")
@Tag(name = "Media", description = "Page images, PDFs and photographs of a document.")
public class MediaResource extends DocumentPartsResource<MediaService, MediaInput> {

    @GET
    public Page<MediaView> list(@PathParam("document_id") UUID documentId,
            @BeanParam PageRequest page) {
        return service.list(documentId, null, null, page.cursor(), page.limit());
    }

    @POST
    @Path("/{media_id}/fixity-check")
    @Operation(operationId = "checkMediaFixity", summary = "Re-verify a media item's fixity digest",
            description = "Recomputes the SHA-256 of the media item's canonical form from what the database holds now "
                    + "and compares it with `fixity_sha256`, recorded when it was last written. Status MISMATCH means "
                    + "the stored media item was changed outside the API (or has no recorded digest). Changes nothing.")
    @APIResponse(responseCode = "200", description = "The result of the check (OK or MISMATCH).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FixityCheck.class)))
    public FixityCheck checkFixity(@PathParam("document_id") UUID documentId, @PathParam("media_id") UUID id) {
        return service.verify(documentId, id);
    }
}
