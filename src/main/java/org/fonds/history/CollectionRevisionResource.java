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
import org.fonds.collection.CollectionView;
import org.fonds.http.Page;
import org.fonds.http.Paging;
import org.fonds.http.ProblemResponses;
import org.fonds.http.Responses;

/** The history of a collection: its revisions, restoring one, and purging it. Generic: see {@link RevisionService}. */
@Path("/collections/{collection_id}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Revisions", description = "The history of every resource: each create, update, delete and restore, with "
        + "who, when and the full state; restoring a revision; purging a resource for good.")
public class CollectionRevisionResource {

    private final RevisionService revisions;

    public CollectionRevisionResource(RevisionService revisions) {
        this.revisions = revisions;
    }

    @GET
    @Operation(operationId = "listCollectionRevisions", summary = "List the revisions of a collection",
            description = "Every create, update, delete and restore of the collection, oldest first, a page at a time: "
                    + "the version it created, the action, who and when. Read one for its full state. Deleted "
                    + "collections keep their revisions (so that they can be restored).")
    @APIResponse(responseCode = "200", description = "A page of revisions, oldest first.")
    public Page<RevisionSummary> list(@PathParam("collection_id") UUID collectionId,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor") String cursor) {
        return revisions.list(ResourceType.COLLECTION, null, collectionId, cursor, Paging.limit(limit));
    }

    @GET
    @Path("/{version}")
    @Operation(operationId = "getCollectionRevision", summary = "Get a revision of a collection",
            description = "The revision that created `version` of the collection, with the collection's full state at that "
                    + "version (the body a GET answered then; for a DELETE, the last state before the deletion).")
    @APIResponse(responseCode = "200", description = "The revision.")
    public Revision<CollectionView> get(@PathParam("collection_id") UUID collectionId,
            @Parameter(description = "The version (an ETag without its quotes).") @PathParam("version") long version) {
        @SuppressWarnings("unchecked")
        Revision<CollectionView> revision = (Revision<CollectionView>) (Revision<?>) revisions.get(ResourceType.COLLECTION, null, collectionId,
                version);
        return revision;
    }

    @RolesAllowed(Role.Names.EDITOR) // restoring may undo anyone's change (RevisionService checks it too)
    @POST
    @Path("/{version}/restore")
    @Operation(operationId = "restoreCollectionRevision", summary = "Restore a collection to a revision",
            description = "Makes the state of revision `version` the current state of the collection, as a new version "
                    + "(recorded as a RESTORE revision); a deleted collection is restored with it. The state is "
                    + "validated like a PUT body: what would now be invalid (e.g. a reference to something deleted "
                    + "since) is a 409 or 422 problem. Send the current ETag in `If-Match` to restore only if "
                    + "nobody changed the collection since you looked (412 when stale). Editors only.")
    @APIResponse(responseCode = "200", description = "The restored collection.",
            headers = @Header(name = "ETag", description = "The new version tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "409", description = "The revision's state can no longer be applied.")
    @APIResponse(responseCode = "412", description = "`If-Match` does not name the current version.")
    public Response restore(@PathParam("collection_id") UUID collectionId,
            @Parameter(description = "The version (an ETag without its quotes).") @PathParam("version") long version,
            @Parameter(description = "The current ETag, to restore only if it is still current (412 when stale).")
            @HeaderParam("If-Match") String ifMatch) {
        Restored restored = revisions.restore(ResourceType.COLLECTION, null, collectionId, version, ifMatch);
        return Responses.tagged(restored.view(), restored.version());
    }

    @RolesAllowed(Role.Names.ADMIN) // the one write that cannot be undone
    @DELETE
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON}) // 204 has no body
    @Operation(operationId = "purgeCollection", summary = "Purge a collection for good",
            description = "Removes the collection, deleted or not, with all its revisions. "
                    + "This cannot be undone; a plain DELETE of the collection is a soft deletion that can. 409 while "
                    + "other records still refer to it. Send its current ETag in `If-Match`. Administrators only.")
    @APIResponse(responseCode = "204", description = "Purged.")
    @APIResponse(responseCode = "409", description = "Other records still refer to the collection.")
    public Response purge(@PathParam("collection_id") UUID collectionId,
            @Parameter(description = "The current ETag of the collection (deleted or not); 412 when stale.")
            @HeaderParam("If-Match") String ifMatch) {
        revisions.purge(ResourceType.COLLECTION, null, collectionId, ifMatch);
        return Response.noContent().build();
    }
}
