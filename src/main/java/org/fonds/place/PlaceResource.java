package org.fonds.place;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.fonds.http.Page;
import org.fonds.http.Paging;
import org.fonds.http.Responses;
import org.fonds.resource.PatchableItemResource;

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

    /** One place at its own URL: read, replace, merge patch, delete, and its revisions (PatchableItemResource). */
    @Path("/{place_id}")
    public PatchableItemResource item(@PathParam("place_id") UUID id) {
        return new PatchableItemResource(service, null, id);
    }
}
