package org.fonds.place;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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

@Path("/places")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Places", description = "Places with every variant of their names and their coordinates.")
public class PlaceResource {

    private final PlaceService service;

    public PlaceResource(PlaceService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "listPlaces", summary = "List places",
            description = "Places in creation order, a page at a time.")
    @APIResponse(responseCode = "200", description = "A page of places.")
    public Page<PlaceSummary> list(
            @Parameter(description = "Only places with a name variant containing this text, ignoring case.",
                    example = "Pyongyang") @QueryParam("name") @Size(max = 500) String name,
            @Parameter(description = "Page size.", schema = @Schema(type = SchemaType.INTEGER, minimum = "1",
                    maximum = "" + Paging.MAX_LIMIT, defaultValue = "" + Paging.DEFAULT_LIMIT))
            @QueryParam("limit") @Min(1) @Max(Paging.MAX_LIMIT) Integer limit,
            @Parameter(description = "The `next` cursor of the previous page.") @QueryParam("cursor") String cursor) {
        return service.list(new PlaceFilter(name), cursor, Paging.limit(limit));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createPlace", summary = "Create a place",
            description = "Creates a place from its writable fields; the preferred name is derived. Answers 201 with "
                    + "the place, its URL in `Location` and its version in `ETag`.")
    @APIResponse(responseCode = "201", description = "Created.",
            headers = {@Header(name = "Location", description = "URL of the new place.", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "Version tag of the new place.", schema = @Schema(type = SchemaType.STRING))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaceView.class)))
    public Response create(PlaceInput input, @Context UriInfo uri) {
        PlaceView created = service.create(input);
        return Responses.created(uri, created.id(), created.version(), created);
    }

    @GET
    @Path("/{place_id}")
    @Operation(operationId = "getPlace", summary = "Get a place",
            description = "The place with every name variant and identifier. Send a previously received `ETag` in "
                    + "`If-None-Match` to get 304 when it has not changed.")
    @APIResponse(responseCode = "200", description = "The place.",
            headers = @Header(name = "ETag", description = "Version tag, for If-None-Match and If-Match.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaceView.class)))
    @APIResponse(responseCode = "304", description = "Not modified: `If-None-Match` names the current version.")
    public Response get(@PathParam("place_id") UUID id, @Context Request request,
            @Parameter(description = "Answer 304 when this ETag is still current.")
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        PlaceView view = service.get(id);
        return Responses.conditional(request, view.version(), view);
    }

    @PUT
    @RolesAllowed(Role.Names.EDITOR) // contributors create these; changing them changes published documents
    @Path("/{place_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replacePlace", summary = "Replace a place",
            description = "Replaces every writable field, the list of names included. Send the ETag you read in "
                    + "`If-Match` to avoid overwriting someone else's change.")
    @APIResponse(responseCode = "200", description = "The updated place.",
            headers = @Header(name = "ETag", description = "The new version tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaceView.class)))
    public Response replace(@PathParam("place_id") UUID id,
            @Parameter(description = "The ETag the change is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch, PlaceInput input) {
        PlaceView view = service.replace(id, ifMatch, input);
        return Responses.tagged(view, view.version());
    }

    @PATCH
    @RolesAllowed(Role.Names.EDITOR) // contributors create these; changing them changes published documents
    @Path("/{place_id}")
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchPlace", summary = "Change some fields of a place",
            description = "A JSON Merge Patch (RFC 7396): the fields given replace the stored ones, `null` clears "
                    + "a field; an array, such as `names`, is replaced as a whole. The result is validated like a PUT "
                    + "body.")
    @RequestBody(required = true, content = @Content(mediaType = MergePatch.MEDIA_TYPE,
            schema = @Schema(implementation = PlacePatch.class)))
    @APIResponse(responseCode = "200", description = "The updated place.",
            headers = @Header(name = "ETag", description = "The new version tag.", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlaceView.class)))
    public Response patch(@PathParam("place_id") UUID id,
            @Parameter(description = "The ETag the change is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch, JsonNode patch) {
        PlaceView view = service.patch(id, ifMatch, patch);
        return Responses.tagged(view, view.version());
    }

    @DELETE
    @RolesAllowed(Role.Names.EDITOR) // contributors create these; changing them changes published documents
    @Path("/{place_id}")
    @Produces({MediaType.APPLICATION_JSON, ProblemResponses.PROBLEM_JSON}) // 204 has no body: accept a problem-only Accept
    @Operation(operationId = "deletePlace", summary = "Delete a place",
            description = "Deletes the place and its names; documents and participants that give it as their place "
                    + "lose the reference. A place that annotations still refer to is not deleted (409). Send the ETag "
                    + "you read in `If-Match` so that a place changed since is not deleted unseen (412).")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", description = "Annotations of documents still refer to the place.")
    public Response delete(@PathParam("place_id") UUID id,
            @Parameter(description = "The ETag the deletion is based on; 412 when stale.")
            @HeaderParam("If-Match") String ifMatch) {
        service.delete(id, ifMatch);
        return Response.noContent().build();
    }

    /** The revisions of one, served by history's one revisions resource. */
    @Path("/{place_id}/revisions")
    public RevisionResource revisions(@PathParam("place_id") UUID id) {
        return service.revisions(null, id);
    }
}
