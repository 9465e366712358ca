package org.fonds.media;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.fixity.FixityCheck;
import org.fonds.http.Page;
import org.fonds.http.Paging;
import org.fonds.http.ProblemResponses;
import org.fonds.http.Responses;
import org.fonds.history.RevisionResource;

@Path("/documents/{document_id}/media")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Media", description = "Page images, PDFs and photographs of a document.")
public class MediaResource {

    private final MediaService service;

    public MediaResource(MediaService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listMedia", summary = "List a document's media",
            description = "The document's page images, PDFs and photographs, in creation order.")
    @APIResponse(responseCode = "200", description = "A page of media items.")
    public Page<MediaView> list(@PathParam("document_id") UUID documentId,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(documentId, null, null, cursor, Paging.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createMedia", summary = "Add a media item to a document",
            description = "Registers a file (by URL) of the document: a page image with its page number, a PDF, "
                    + "a photograph with its caption and the agents it depicts, with its SHA-256 when known.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MediaView.class)))
    public Response create(@PathParam("document_id") UUID documentId, MediaInput input, @Context UriInfo uri) {
        MediaView created = service.create(documentId, input);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("/{media_id}")
    @Operation(operationId = "getMedia", summary = "Get a media item",
            description = "One media item of the document.")
    @APIResponse(responseCode = "200", description = "The media item.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "304", description = "Not modified.")
    public Response get(@PathParam("document_id") UUID documentId, @PathParam("media_id") UUID id,
            @Context Request request, @HeaderParam("If-None-Match") String ifNoneMatch) {
        MediaView view = service.get(documentId, id);
        return Responses.conditional(request, view.version(), view);
    }

    @PUT
    @Path("/{media_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceMedia", summary = "Replace a media item",
            description = "Replaces every field of the media item; `If-Match` guards against lost updates.")
    @APIResponse(responseCode = "200", description = "The updated media item.",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MediaView.class)))
    public Response replace(@PathParam("document_id") UUID documentId, @PathParam("media_id") UUID id,
            @HeaderParam("If-Match") String ifMatch, MediaInput input) {
        MediaView view = service.replace(documentId, id, ifMatch, input);
        return Responses.tagged(view, view.version());
    }

    @DELETE
    @Path("/{media_id}")
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON})
    @Operation(operationId = "deleteMedia", summary = "Remove a media item",
            description = "Removes the media item from the document.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("document_id") UUID documentId, @PathParam("media_id") UUID id,
            @HeaderParam("If-Match") String ifMatch) {
        service.delete(documentId, id, ifMatch);
        return Response.noContent().build();
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

    /** The revisions of one, served by history's one revisions resource. */
    @Path("/{media_id}/revisions")
    public RevisionResource revisions(@PathParam("document_id") UUID documentId, @PathParam("media_id") UUID id) {
        return service.revisions(documentId, id);
    }
}
