package org.fonds.collection;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.MergePatch;
import org.fonds.http.Page;
import org.fonds.http.Paging;
import org.fonds.http.ProblemResponses;
import org.fonds.http.Responses;
import org.fonds.access.Role;
import org.fonds.history.RevisionResource;

@Path("/collections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Collections", description = "Curated sets of documents, such as an archive's thematic collections.")
public class CollectionResource {

    private final CollectionService service;

    public CollectionResource(CollectionService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listCollections", summary = "List collections",
            description = "Collections in creation order, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of collections.")
    public Page<CollectionSummary> list(
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(cursor, Paging.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createCollection", summary = "Create a collection",
            description = "Creates a collection. Answers 201 with the collection, its URL in `Location` and its version in "
                    + "`ETag`.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", description = "URL of the new collection.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version tag of the new collection.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    public Response create(CollectionInput input, @Context UriInfo uri) {
        CollectionView created = service.create(input);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("/{collection_id}")
    @Operation(operationId = "getCollection", summary = "Get a collection",
            description = "The collection. Send a previously received `ETag` in `If-None-Match` to get 304 when it has "
                    + "not changed.")
    @APIResponse(responseCode = "200", description = "The collection.",
            headers = @Header(name = "ETag", description = "Version tag, for If-None-Match and If-Match.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: `If-None-Match` names the current version.")
    public Response get(@PathParam("collection_id") UUID id, @Context Request request,
            @Parameter(description = "Answer 304 when this ETag is still current.")
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        CollectionView view = service.get(id);
        return Responses.conditional(request, view.version(), view);
    }

    @PUT
    @RolesAllowed(Role.Names.EDITOR) // contributors create these; changing them changes published documents
    @Path("/{collection_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceCollection", summary = "Replace a collection",
            description = "Replaces every writable field. Send the ETag you read in "
                    + "`If-Match` to avoid overwriting someone else's change.")
    @APIResponse(responseCode = "200", description = "The updated collection.",
            headers = @Header(name = "ETag", description = "The new version tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    public Response replace(@PathParam("collection_id") UUID id,
            @Parameter(description = "The ETag the change is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch, CollectionInput input) {
        CollectionView view = service.replace(id, ifMatch, input);
        return Responses.tagged(view, view.version());
    }

    @PATCH
    @RolesAllowed(Role.Names.EDITOR) // contributors create these; changing them changes published documents
    @Path("/{collection_id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchCollection", summary = "Change some fields of a collection",
            description = "A JSON Merge Patch (RFC 7396): the fields given replace the stored ones, `null` clears "
                    + "a field. The result is validated like a PUT body.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = CollectionPatch.class)))
    @APIResponse(responseCode = "200", description = "The updated collection.",
            headers = @Header(name = "ETag", description = "The new version tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CollectionView.class)))
    public Response patch(@PathParam("collection_id") UUID id,
            @Parameter(description = "The ETag the change is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        CollectionView view = service.patch(id, ifMatch, patch);
        return Responses.tagged(view, view.version());
    }

    @DELETE
    @RolesAllowed(Role.Names.EDITOR) // contributors create these; changing them changes published documents
    @Path("/{collection_id}")
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON}) // 204 has no body: accept a problem-only Accept
    @Operation(operationId = "deleteCollection", summary = "Delete a collection",
            description = "Deletes the collection; its documents are kept and no longer belong to it. Send the ETag "
                    + "you read in `If-Match` so that a collection changed since is not deleted unseen (412).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    public Response delete(@PathParam("collection_id") UUID id,
            @Parameter(description = "The ETag the deletion is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** The revisions of one, served by history's one revisions resource. */
    @Path("/{collection_id}/revisions")
    public RevisionResource revisions(@PathParam("collection_id") UUID id) {
        return service.revisions(null, id);
    }
}
