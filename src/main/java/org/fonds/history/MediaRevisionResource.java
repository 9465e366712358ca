package org.fonds.history;

import jakarta.annotation.security.RolesAllowed;
import org.fonds.access.Role;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.media.MediaView;
import org.fonds.http.Page;
import org.fonds.http.Paging;
import org.fonds.http.ProblemResponses;
import org.fonds.http.Responses;

/** The history of a media item: its revisions, restoring one, and purging it. Generic: see {@link RevisionService}. */
@Path("/documents/{document_id}/media/{media_id}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revisions", description = "The history of every resource: each create, update, delete and restore, with "
        + "who, when and the full state; restoring a revision; purging a resource for good.")
public class MediaRevisionResource {

    private final RevisionService revisions;

    public MediaRevisionResource(RevisionService revisions) {
        this.revisions = revisions;
    }

    @GET
    @Operation(operationId = "listMediaRevisions", summary = "List the revisions of a media item",
            description = "Every create, update, delete and restore of the media item, oldest first, a page at a time: "
                    + "the version it created, the action, who and when. Read one for its full state. Deleted "
                    + "media items keep their revisions (so that they can be restored).")
    @APIResponse(responseCode = "200", description = "A page of revisions, oldest first.")
    public Page<RevisionSummary> list(@PathParam("document_id") UUID documentId,
            @PathParam("media_id") UUID mediaId,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor") String cursor) {
        return revisions.list(ResourceType.MEDIA, documentId, mediaId, cursor, Paging.limit(limit));
    }

    @GET
    @Path("/{version}")
    @Operation(operationId = "getMediaRevision", summary = "Get a revision of a media item",
            description = "The revision that created `version` of the media item, with the media item's full state at that "
                    + "version (the body a GET answered then; for a DELETE, the last state before the deletion).")
    @APIResponse(responseCode = "200", description = "The revision.")
    public Revision<MediaView> get(@PathParam("document_id") UUID documentId,
            @PathParam("media_id") UUID mediaId,
            @Parameter(description = "The version (an ETag without its quotes).") @PathParam("version") long version) {
        @SuppressWarnings("unchecked")
        Revision<MediaView> revision = (Revision<MediaView>) (Revision<?>) revisions.get(ResourceType.MEDIA, documentId, mediaId,
                version);
        return revision;
    }

    @RolesAllowed(Role.Names.EDITOR) // restoring may undo anyone's change (RevisionService checks it too)
    @POST
    @Path("/{version}/restore")
    @Operation(operationId = "restoreMediaRevision", summary = "Restore a media item to a revision",
            description = "Makes the state of revision `version` the current state of the media item, as a new version "
                    + "(recorded as a RESTORE revision); a deleted media item is restored with it. The state is "
                    + "validated like a PUT body: what would now be invalid (e.g. a reference to something deleted "
                    + "since) is a 409 or 422 problem. Send the current ETag in `If-Match` to restore only if "
                    + "nobody changed the media item since you looked (412 when stale). Editors only.")
    @APIResponse(responseCode = "200", description = "The restored media item.",
            headers = @Header(name = "ETag", description = "The new version tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaView.class)))
    @APIResponse(responseCode = "409", description = "The revision's state can no longer be applied.")
    @APIResponse(responseCode = "412", description = "`If-Match` does not name the current version.")
    public Response restore(@PathParam("document_id") UUID documentId,
            @PathParam("media_id") UUID mediaId,
            @Parameter(description = "The version (an ETag without its quotes).") @PathParam("version") long version,
            @Parameter(description = "The current ETag, to restore only if it is still current (412 when stale).")
            @HeaderParam("If-Match") String ifMatch) {
        Restored restored = revisions.restore(ResourceType.MEDIA, documentId, mediaId, version, ifMatch);
        return Responses.tagged(restored.view(), restored.version());
    }

    @RolesAllowed(Role.Names.ADMIN) // the one write that cannot be undone
    @DELETE
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON}) // 204 has no body
    @Operation(operationId = "purgeMedia", summary = "Purge a media item for good",
            description = "Removes the media item, deleted or not, with all its revisions. "
                    + "This cannot be undone; a plain DELETE of the media item is a soft deletion that can. 409 while "
                    + "other records still refer to it. Send its current ETag in `If-Match`. Administrators only.")
    @APIResponse(responseCode = "204", description = "Purged.")
    @APIResponse(responseCode = "409", description = "Other records still refer to the media item.")
    public Response purge(@PathParam("document_id") UUID documentId,
            @PathParam("media_id") UUID mediaId,
            @Parameter(description = "The current ETag of the media item (deleted or not); 412 when stale.")
            @HeaderParam("If-Match") String ifMatch) {
        revisions.purge(ResourceType.MEDIA, documentId, mediaId, ifMatch);
        return Response.noContent().build();
    }
}
